/**
 * Test support for Preorder Sync: a Shopify Admin API simulator over loopback HTTP
 * ({@link co.hotwax.preorder.testkit.ShopifySimulator}, with shoppers, cost-based throttling, seeded faults and an
 * {@link co.hotwax.preorder.testkit.OversellLedger}), a JUnit 5 extension to start it
 * ({@link co.hotwax.preorder.testkit.ShopifySimulatorExtension}), in-memory SPI implementations, and the SPI
 * contract tests in {@code co.hotwax.preorder.testkit.tck}.
 */
package co.hotwax.preorder.testkit;
