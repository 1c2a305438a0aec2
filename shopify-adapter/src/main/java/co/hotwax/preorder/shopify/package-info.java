/**
 * The Shopify {@link co.hotwax.preorder.spi.InventoryPublisher}: {@link co.hotwax.preorder.shopify.ShopifyPublisher}
 * built from a validated {@link co.hotwax.preorder.shopify.ShopifyPublisherConfig}. It keeps each pre-order SKU's
 * sellable quantity in Shopify with compare-and-set writes that never resell an order Shopify took but the OMS has
 * not seen yet, paces itself by Shopify's cost bucket and retries transient failures with the same idempotency key.
 */
package co.hotwax.preorder.shopify;
