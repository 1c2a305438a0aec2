/**
 * JUnit Jupiter support for the Shopify simulator of {@code preorder-sync-simulator}: an extension that starts a
 * {@link co.hotwax.preorder.testkit.ShopifySimulator} per test or per class. It compiles against
 * {@code junit-jupiter-api} alone and runs on JUnit 5 and JUnit 6.
 */
package co.hotwax.preorder.testkit.junit;
