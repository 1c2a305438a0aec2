/**
 * The SPI compatibility kit: abstract JUnit Jupiter (5 or 6) classes an implementation's test extends to prove it
 * keeps the SPI contracts (after Micrometer's {@code MeterRegistryCompatibilityKit}). For example:
 *
 * <pre>{@code
 * class MyPurchaseOrderSourceTest extends PurchaseOrderSourceContract {
 *     private final MyTestDatabase db = MyTestDatabase.empty();
 *     protected PurchaseOrderSource feed() { return new MyPurchaseOrderSource(db); }
 *     protected void put(SupplyLine line) { db.upsert(line); }
 * }
 * }</pre>
 */
package co.hotwax.preorder.testkit.tck;
