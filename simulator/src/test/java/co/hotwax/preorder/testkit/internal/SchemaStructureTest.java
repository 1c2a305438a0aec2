package co.hotwax.preorder.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The structure-only schema the testkit jar carries must be exactly what {@link SchemaStructureGenerator} makes of
 * the shared full copy (skipped when that copy is not beside the checkout), and must carry no description text.
 */
class SchemaStructureTest {
    static final String RESOURCE = "/co/hotwax/preorder/testkit/admin-2026-04-structure.graphqls";

    @Test
    void committedStructureIsGeneratedFromTheSharedSchema() throws IOException {
        Optional<Path> full = ShopifySchemas.locate();
        Assumptions.assumeTrue(full.isPresent(), "full schema not found beside the checkout; skipping");
        String expected = SchemaStructureGenerator.strip(Files.readString(full.get(), StandardCharsets.UTF_8));
        assertThat(committed()).as("regenerate with SchemaStructureGenerator (see its javadoc)").isEqualTo(expected);
    }

    @Test
    void carriesNoDescriptionsButEveryKindOfDefinition() throws IOException {
        String structure = committed();
        assertThat(structure).doesNotContain("\"\"\"").doesNotContain("\n#");
        assertThat(structure).contains("type QueryRoot {", "type Mutation {", "enum SellingPlanReserve {",
                "input InventoryQuantityInput {", "interface Node {", "union ", "directive @idempotent(");
    }

    @Test
    void stripKeepsDefaultStringsAndDropsDescriptions() {
        String sdl = """
                \"\"\"A type.\"\"\"
                type T {
                  "a field"
                  f(
                    \"\"\"
                    An argument with "quotes".
                    \"\"\"
                    a: String = "x # not a comment"
                  ): Int @deprecated(reason: "Use g")
                }
                # a comment
                """;
        assertThat(SchemaStructureGenerator.strip(sdl)).isEqualTo("""
                type T {
                  f(
                    a: String = "x # not a comment"
                  ): Int @deprecated(reason: "Use g")
                }
                """);
    }

    private static String committed() throws IOException {
        try (InputStream in = SchemaStructureTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
