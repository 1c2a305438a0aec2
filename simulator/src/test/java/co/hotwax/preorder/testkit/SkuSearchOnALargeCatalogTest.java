package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code sku:} searches over a catalog of 20,000 variants, answered from the simulator's SKU index: the same
 * variants, in the same order, as a scan of the whole catalog gives (computed here from what was seeded), for exact
 * and prefix terms in any case, alternatives, a term combined with {@code product_id}, and a SKU changed after the
 * variant was created.
 */
class SkuSearchOnALargeCatalogTest {
    private static final int PRODUCTS = 2_000;
    private static final int VARIANTS_PER_PRODUCT = 10;
    private static final String SEARCH = "query S($q: String) { productVariants(first: 250, query: $q) "
            + "{ nodes { sku } } }";
    private static final String RENAME = "mutation U($id: ID!, $input: InventoryItemInput!) { inventoryItemUpdate(id: "
            + "$id, input: $input) { inventoryItem { id } userErrors { field message } } }";

    private static List<String> skus(SimFixture f, String query) {
        return f.client.post(SEARCH, JsonClient.vars("q", query)).data().findValuesAsText("sku");
    }

    @Test
    void aLargeCatalogsSkuSearchAnswersWhatAScanWould() {
        try (SimFixture f = new SimFixture()) {
            List<String> seeded = new ArrayList<>(List.of("JKT-DENY", "JKT-CONT"));
            List<Variant> variants = new ArrayList<>();
            Product third = null;
            for (int p = 0; p < PRODUCTS; p++) {
                Product product = f.sim.addProduct("Product " + p, List.of());
                third = p == 3 ? product : third;
                for (int v = 0; v < VARIANTS_PER_PRODUCT; v++) {
                    // Product 7's SKUs come before product 3's in SKU order, not in creation order.
                    String sku = (p == 7 ? "AB-" : "SKU-") + p + "-" + v;
                    variants.add(f.sim.addVariant(product.id(), sku, true, InventoryPolicy.DENY));
                    seeded.add(sku);
                }
            }

            assertThat(skus(f, "sku:sku-1999-9")).containsExactly("SKU-1999-9");
            assertThat(skus(f, "sku:SKU-12-*")).containsExactlyElementsOf(scan(seeded, "sku-12-"));
            assertThat(skus(f, "sku:sku-1999-1 OR sku:'AB-7-3' OR sku:SKU-3-0 OR sku:no-such"))
                    .as("creation order, not the order of the terms")
                    .containsExactly("SKU-3-0", "AB-7-3", "SKU-1999-1");
            assertThat(skus(f, "sku:SKU-3-* AND product_id:" + third.id())).hasSize(VARIANTS_PER_PRODUCT);
            assertThat(skus(f, "sku:SKU-4-* AND product_id:" + third.id())).isEmpty();
            assertThat(skus(f, "sku:SKU-1")).as("exact, not a prefix").isEmpty();

            f.client.post(RENAME, JsonClient.vars("id", variants.get(5).inventoryItemId(), "input",
                    JsonClient.vars("sku", "Renamed-5")));
            assertThat(skus(f, "sku:renamed-5")).containsExactly("Renamed-5");
            assertThat(skus(f, "sku:SKU-0-5")).as("the old SKU is gone").isEmpty();
            assertThat(skus(f, "sku:SKU-0-*")).containsExactly("SKU-0-0", "SKU-0-1", "SKU-0-2", "SKU-0-3", "SKU-0-4",
                    "SKU-0-6", "SKU-0-7", "SKU-0-8", "SKU-0-9");
        }
    }

    /** What a scan in creation order finds for a lower-case prefix. */
    private static List<String> scan(List<String> seeded, String prefix) {
        return seeded.stream().filter(s -> s.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
    }
}
