/**
 * Implementation of the Shopify adapter: transport, pacing, retries, documents, resolution and writes. Everything
 * here may change at any time without notice; depend only on {@code co.hotwax.preorder.shopify}.
 */
package co.hotwax.preorder.shopify.internal;
