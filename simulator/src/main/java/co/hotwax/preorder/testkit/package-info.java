/**
 * Test support for Preorder Sync that needs no test framework: a Shopify Admin API simulator over loopback HTTP
 * ({@link co.hotwax.preorder.testkit.ShopifySimulator}, with shoppers, cost-based throttling, seeded faults and an
 * {@link co.hotwax.preorder.testkit.OversellLedger}), in-memory SPI implementations and a
 * {@link co.hotwax.preorder.testkit.VirtualClock}. It ships in {@code preorder-sync-simulator} and runs under any
 * test framework (JUnit, TestNG, Spock) or none; the JUnit 5 extension that starts it and the SPI contract tests
 * ship in {@code preorder-sync-testkit}, packages {@code co.hotwax.preorder.testkit.junit} and
 * {@code co.hotwax.preorder.testkit.tck}.
 */
package co.hotwax.preorder.testkit;
