/**
 * Implementation detail of the Shopify simulator (schema wiring, state, HTTP handling). It may change at any time;
 * use only the public {@code co.hotwax.preorder.testkit} package.
 */
package co.hotwax.preorder.testkit.internal;
