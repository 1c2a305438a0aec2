package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.testkit.CostModel;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.ShopifySimulator;

import java.util.ArrayList;
import java.util.List;

/** The harnesses' unlisted catalog: products of {@code perProduct} untracked CONTINUE variants, SKUs SKU-p-v. */
final class SimulatedCatalog {
    /** The access token of the harnesses' simulators. */
    static final String TOKEN = "shpat_benchmark";

    private SimulatedCatalog() {
    }

    /**
     * Starts a simulator at Standard limits on {@code clock}, which also serves as its sleeper.
     *
     * @param clock the virtual clock shared with the publisher
     * @return the started simulator
     */
    static ShopifySimulator standardShop(co.hotwax.preorder.testkit.VirtualClock clock) {
        return standardShop(clock, CostModel.firstSimulator());
    }

    /**
     * Starts a simulator at Standard limits on {@code clock} that charges queries by {@code cost}.
     *
     * @param clock the virtual clock shared with the publisher
     * @param cost  how the simulator computes a request's cost
     * @return the started simulator
     */
    static ShopifySimulator standardShop(co.hotwax.preorder.testkit.VirtualClock clock, CostModel cost) {
        return ShopifySimulator.builder().accessToken(TOKEN).clock(clock).sleeper(clock)
                .plan(co.hotwax.preorder.spi.ShopifyPlan.STANDARD).costModel(cost).start();
    }

    /**
     * Adds the catalog to the simulator.
     *
     * @param shop the simulator
     * @param skus SKUs wanted (rounded down to whole products)
     * @param perProduct variants per product
     * @return the SKUs, in order
     */
    static List<String> seed(ShopifySimulator shop, int skus, int perProduct) {
        List<String> catalog = new ArrayList<>(skus);
        for (int p = 0; p < skus / perProduct; p++) {
            Product product = shop.addProduct("Product " + p, List.of());
            for (int v = 0; v < perProduct; v++) {
                catalog.add(shop.addVariant(product.id(), "SKU-" + p + "-" + v, false, InventoryPolicy.CONTINUE).sku());
            }
        }
        return catalog;
    }
}
