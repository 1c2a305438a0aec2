package co.hotwax.preorder.testkit;

import java.util.List;

/** A small seeded shop shared by the tests: two locations, one product, a DENY and a CONTINUE variant. */
final class SimFixture implements AutoCloseable {
    static final String SET = """
            mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
              inventorySetQuantities(input: $input) @idempotent(key: $key) {
                inventoryAdjustmentGroup { id reason referenceDocumentUri
                  changes { name delta quantityAfterChange item { id } location { id } } }
                userErrors { code field message }
              }
            }""";
    static final String ADJUST = """
            mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) {
              inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
                inventoryAdjustmentGroup { id changes(quantityNames: ["available", "incoming"]) { name delta
                  quantityAfterChange ledgerDocumentUri } }
                userErrors { code field message }
              }
            }""";

    final ShopifySimulator sim;
    final JsonClient client;
    final Location warehouse;
    final Location store;
    final Product product;
    final Variant deny;
    final Variant cont;

    SimFixture() {
        this(ShopifySimulator.builder().accessToken(JsonClient.TOKEN));
    }

    SimFixture(ShopifySimulator.Builder builder) {
        sim = builder.start();
        client = new JsonClient(sim);
        warehouse = sim.addLocation("Pre-order warehouse");
        store = sim.addLocation("Retail store");
        product = sim.addProduct("Winter jacket", List.of("outerwear"));
        deny = sim.addVariant(product.id(), "JKT-DENY", true, InventoryPolicy.DENY);
        cont = sim.addVariant(product.id(), "JKT-CONT", true, InventoryPolicy.CONTINUE);
        sim.stock(deny.id(), warehouse.id(), 10);
        sim.stock(cont.id(), warehouse.id(), 10);
    }

    int available(Variant v) {
        return sim.quantity(v.inventoryItemId(), warehouse.id(), "available");
    }

    @Override
    public void close() {
        sim.close();
    }
}
