package co.hotwax.preorder.shopify.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed JSONL reading of a bulk export: every shape a result file can have. */
class BulkVariantExportParseTest {
    private final BulkVariantExport export = new BulkVariantExport(null, null, Duration.ofSeconds(1), "ns", "key");

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

    private static String level(int n, String parent, String location, int onHand, int available, int committed) {
        return "{\"id\":\"gid://shopify/InventoryLevel/" + n + "\",\"location\":{\"id\":\"" + location + "\"},"
                + "\"quantities\":[{\"name\":\"available\",\"quantity\":" + available + "},{\"name\":\"committed\","
                + "\"quantity\":" + committed + "},{\"name\":\"on_hand\",\"quantity\":" + onHand + "}],"
                + "\"__parentId\":\"" + parent + "\"}";
    }

    @Test
    void childLinesGiveEachVariantItsLevelsAndSellingPlansWhereverTheyCome() throws IOException {
        String v1 = "gid://shopify/ProductVariant/1";
        BulkVariantExport.Export result = parse(variant(1, "A") + "\n" + variant(2, "B") + "\n"
                // A level of A after B's line (children need not follow their parent directly), one through the
                // inventory item's id, one of a variant without a SKU, which is dropped.
                + level(10, v1, "gid://shopify/Location/1", 7, 5, 2) + "\n"
                + level(11, "gid://shopify/InventoryItem/1", "gid://shopify/Location/2", 3, 3, 0) + "\n"
                + level(12, "gid://shopify/ProductVariant/99", "gid://shopify/Location/1", 1, 1, 0) + "\n"
                + "{\"id\":\"gid://shopify/SellingPlanGroup/4\",\"name\":\"Later\",\"__parentId\":\"" + v1 + "\"}\n"
                + "{\"id\":\"gid://shopify/SellingPlan/5\",\"name\":\"Ship in May\",\"category\":\"PRE_ORDER\","
                + "\"inventoryPolicy\":{\"reserve\":\"ON_FULFILLMENT\"},\"__parentId\":\"gid://shopify/SellingPlanGroup/4\"}\n"
                + "{\"id\":\"gid://shopify/SellingPlan/6\",\"name\":\"Orphan\",\"__parentId\":\"gid://shopify/SellingPlanGroup/77\"}\n");
        assertThat(result).isInstanceOfSatisfying(BulkVariantExport.Exported.class, e -> {
            ExportedCatalog.Entry a = e.entries().get("A");
            assertThat(a.levels()).containsExactly(new ExportedCatalog.Level("gid://shopify/Location/1", 7, 5, 2),
                    new ExportedCatalog.Level("gid://shopify/Location/2", 3, 3, 0));
            assertThat(a.levelAt("gid://shopify/Location/1")).isEqualTo(LevelQuantities.exported(true, 7, 5, 2));
            assertThat(a.levelAt("gid://shopify/Location/3").stocked()).isFalse();
            assertThat(a.plans()).containsExactly(new ExportedCatalog.Plan("Later", "Ship in May", "PRE_ORDER",
                    "ON_FULFILLMENT"));
            assertThat(a.productTags()).containsExactly("a");
            assertThat(e.entries().get("B").levels()).isEmpty();
            assertThat(e.entries().get("B").plans()).isEmpty();
        });
    }

    @Test
    void aLevelWithoutItsQuantitiesMakesTheExportUnusable() throws IOException {
        assertThat(parse(variant(1, "A") + "\n{\"id\":\"gid://shopify/InventoryLevel/1\",\"location\":{\"id\":\"L\"},"
                + "\"quantities\":[{\"name\":\"available\",\"quantity\":\"x\"}],"
                + "\"__parentId\":\"gid://shopify/ProductVariant/1\"}"))
                .isInstanceOfSatisfying(BulkVariantExport.Unavailable.class,
                        u -> assertThat(u.reason()).contains("line 2").contains("level of sku A"));
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
