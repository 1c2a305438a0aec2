package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import co.hotwax.preorder.testkit.internal.AdminSchema;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator must not invent API: every type, field, argument and argument type of its SDL subset, and every
 * operation document the tests send, must exist identically in the full 2026-04 schema. Skipped when the shared
 * reference folder is not beside the checkout.
 */
class SchemaFidelityTest {
    private static final String FULL = "shared/reference/shopify-schema/admin-2026-04.graphql";
    private static TypeDefinitionRegistry full;
    private static GraphQLSchema fullSchema;

    /** Every document the tests send to the simulator. */
    static final List<String> OPERATIONS = List.of(SimFixture.SET, SimFixture.ADJUST, QueriesTest.VARIANTS,
            QueriesTest.ITEMS, QueriesTest.NODES, QueriesTest.LOCATIONS, InventoryWritesTest.ACTIVATE,
            CatalogWritesTest.ITEM_UPDATE, CatalogWritesTest.BULK, CatalogWritesTest.METAFIELDS,
            CatalogWritesTest.TAGS_ADD, CatalogWritesTest.TAGS_REMOVE, AccessScopesTest.SCOPES,
            AccessScopesTest.VARIANT, AccessScopesTest.LOCATIONS, CostModelTest.LEVELS, CostModelTest.PAGE,
            SearchIdempotencyAndValuesTest.SEARCH);

    @BeforeAll
    static void loadFullSchema() throws Exception {
        Optional<Path> path = locate();
        Assumptions.assumeTrue(path.isPresent(), "full schema not found beside the checkout; skipping");
        full = new SchemaParser().parse(Files.readString(path.get()));
        fullSchema = UnExecutableSchemaGenerator.makeUnExecutableSchema(full);
    }

    private static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FULL))) {
                return Optional.of(dir.resolve(FULL));
            }
        }
        return Optional.empty();
    }

    @Test
    void everyDefinitionOfTheSubsetExistsIdenticallyInTheFullSchema() {
        TypeDefinitionRegistry subset = new SchemaParser().parse(AdminSchema.sdl());
        List<String> problems = new ArrayList<>();
        for (TypeDefinition<?> mine : subset.types().values()) {
            Optional<TypeDefinition> theirs = full.getType(mine.getName());
            if (theirs.isEmpty() || theirs.get().getClass() != mine.getClass()) {
                problems.add(mine.getName() + ": missing or of another kind in the full schema");
                continue;
            }
            if (mine instanceof ObjectTypeDefinition o) {
                compareFields(o.getName(), o.getFieldDefinitions(),
                        ((ObjectTypeDefinition) theirs.get()).getFieldDefinitions(), problems);
                List<String> interfaces = names(((ObjectTypeDefinition) theirs.get()).getImplements());
                names(o.getImplements()).stream().filter(i -> !interfaces.contains(i))
                        .forEach(i -> problems.add(o.getName() + " does not implement " + i));
            } else if (mine instanceof InterfaceTypeDefinition i) {
                compareFields(i.getName(), i.getFieldDefinitions(),
                        ((InterfaceTypeDefinition) theirs.get()).getFieldDefinitions(), problems);
            } else if (mine instanceof InputObjectTypeDefinition in) {
                compareInputs(in.getName(), in.getInputValueDefinitions(),
                        ((InputObjectTypeDefinition) theirs.get()).getInputValueDefinitions(), problems);
                for (InputValueDefinition required : ((InputObjectTypeDefinition) theirs.get())
                        .getInputValueDefinitions()) {
                    if (required.getType() instanceof NonNullType && in.getInputValueDefinitions().stream()
                            .noneMatch(v -> v.getName().equals(required.getName()))) {
                        problems.add(in.getName() + " lacks the required input field " + required.getName());
                    }
                }
            } else if (mine instanceof EnumTypeDefinition e) {
                List<String> values = ((EnumTypeDefinition) theirs.get()).getEnumValueDefinitions().stream()
                        .map(EnumValueDefinition::getName).toList();
                e.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).filter(v -> !values.contains(v))
                        .forEach(v -> problems.add(e.getName() + "." + v + " is not in the full schema"));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(subset.types()).containsKeys("QueryRoot", "Mutation", "InventorySetQuantitiesInput");
        assertThat(full.getDirectiveDefinition("idempotent")).isPresent();
    }

    @Test
    void everyOperationTheTestsSendIsValidAgainstTheFullSchema() {
        for (String operation : OPERATIONS) {
            Document document = Parser.parse(operation);
            List<ValidationError> errors = new Validator().validateDocument(fullSchema, document, Locale.ROOT);

            assertThat(errors).as(operation).isEmpty();
        }
    }

    @Test
    void everyOperationIsAlsoValidAgainstTheServedSubset() {
        GraphQLSchema subset = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(AdminSchema.sdl()));
        for (String operation : OPERATIONS) {
            assertThat(new Validator().validateDocument(subset, Parser.parse(operation), Locale.ROOT))
                    .as(operation).isEmpty();
        }
    }

    private static void compareFields(String type, List<FieldDefinition> mine, List<FieldDefinition> theirs,
            List<String> problems) {
        Map<String, FieldDefinition> byName = theirs.stream()
                .collect(Collectors.toMap(FieldDefinition::getName, Function.identity()));
        for (FieldDefinition field : mine) {
            FieldDefinition other = byName.get(field.getName());
            String where = type + "." + field.getName();
            if (other == null) {
                problems.add(where + " is not in the full schema");
                continue;
            }
            if (!print(field.getType()).equals(print(other.getType()))) {
                problems.add(where + ": type " + print(field.getType()) + " vs " + print(other.getType()));
            }
            compareInputs(where, field.getInputValueDefinitions(), other.getInputValueDefinitions(), problems);
            if (field.getInputValueDefinitions().size() != other.getInputValueDefinitions().size()) {
                problems.add(where + ": arguments differ from the full schema");
            }
        }
    }

    private static void compareInputs(String where, List<InputValueDefinition> mine,
            List<InputValueDefinition> theirs, List<String> problems) {
        Map<String, InputValueDefinition> byName = theirs.stream()
                .collect(Collectors.toMap(InputValueDefinition::getName, Function.identity()));
        for (InputValueDefinition value : mine) {
            InputValueDefinition other = byName.get(value.getName());
            if (other == null) {
                problems.add(where + "(" + value.getName() + ") is not in the full schema");
            } else if (!print(value.getType()).equals(print(other.getType()))
                    || !Objects.equals(printValue(value), printValue(other))) {
                problems.add(where + "(" + value.getName() + "): " + print(value.getType()) + " vs "
                        + print(other.getType()));
            }
        }
    }

    private static String print(Type<?> type) {
        return AstPrinter.printAst(type);
    }

    private static String printValue(InputValueDefinition v) {
        return v.getDefaultValue() == null ? null : AstPrinter.printAst(v.getDefaultValue());
    }

    @SuppressWarnings("rawtypes")
    private static List<String> names(List<Type> types) {
        return types.stream().map(t -> ((graphql.language.TypeName) t).getName()).toList();
    }
}
