package co.hotwax.preorder.shopify.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed JSONL reading of a bulk export: every shape a result file can have. */
class BulkVariantExportParseTest {
    private final BulkVariantExport export = new BulkVariantExport(null, null, Clock.systemUTC(), d -> { },
            Duration.ofSeconds(1), "ns", "key");

    private static String variant(int n, String sku) {
        return "{\"id\":\"gid://shopify/ProductVariant/" + n + "\",\"sku\":\"" + sku + "\",\"inventoryPolicy\":\"DENY\","
                + "\"metafield\":{\"value\":\"{}\"},\"product\":{\"id\":\"gid://shopify/Product/1\",\"tags\":[\"a\"]},"
                + "\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/" + n + "\",\"tracked\":true}}";
    }

    private BulkVariantExport.Export parse(String text) throws IOException {
        return export.parse("gid://shopify/BulkOperation/1", new StringReader(text));
    }

    @Test
    void readsVariantsSkipsChildLinesAndBlankLinesAndSetsDuplicatesApart() throws IOException {
        BulkVariantExport.Export result = parse(variant(1, "A") + "\n"
                + "{\"id\":\"gid://shopify/InventoryLevel/9\",\"__parentId\":\"gid://shopify/ProductVariant/1\"}\n\n"
                + variant(2, "B") + "\n" + variant(3, "B") + "\n" + "{\"id\":\"gid://shopify/ProductVariant/4\",\"sku\":null}");
        assertThat(result).isInstanceOfSatisfying(BulkVariantExport.Exported.class, e -> {
            assertThat(e.unique()).containsOnlyKeys("A");
            assertThat(e.unique().get("A").denyPolicy()).isTrue();
            assertThat(e.unique().get("A").tracked()).isTrue();
            assertThat(e.unique().get("A").metafieldValue()).isEqualTo("{}");
            assertThat(e.duplicated()).containsExactly("B");
            assertThat(e.productTags()).containsEntry("gid://shopify/Product/1", java.util.List.of("a"));
        });
    }

    @Test
    void aLineLongerThanTheCapStopsTheReadWithoutHoldingIt() throws IOException {
        String huge = "{\"sku\":\"" + "x".repeat(BulkVariantExport.MAX_LINE) + "\"}";
        assertThat(parse(variant(1, "A") + "\n" + huge)).isInstanceOfSatisfying(BulkVariantExport.Unavailable.class,
                u -> assertThat(u.reason()).contains("line 2").contains("longer than"));
    }

    @Test
    void brokenLinesAreReportedWithTheirNumber() throws IOException {
        assertThat(parse(variant(1, "A") + "\n{not json")).isInstanceOfSatisfying(BulkVariantExport.Unavailable.class,
                u -> assertThat(u.reason()).contains("line 2: not JSON"));
        assertThat(parse("[1,2]")).isInstanceOfSatisfying(BulkVariantExport.Unavailable.class,
                u -> assertThat(u.reason()).contains("not a JSON object"));
        assertThat(parse("{\"id\":\"gid://shopify/ProductVariant/1\",\"sku\":\"A\"}"))
                .isInstanceOfSatisfying(BulkVariantExport.Unavailable.class,
                        u -> assertThat(u.reason()).contains("sku A without its ids"));
    }

    @Test
    void anEmptyFileIsAnEmptyCatalog() throws IOException {
        assertThat(parse("")).isInstanceOfSatisfying(BulkVariantExport.Exported.class,
                e -> assertThat(e.unique()).isEmpty());
    }
}
