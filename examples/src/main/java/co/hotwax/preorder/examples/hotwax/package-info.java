/**
 * Preorder Sync embedded in HotWax OMS: the sources of {@code preorder-sync-hotwax} over the OMS's tables, run by
 * a test against the Shopify simulator and a seeded database, so the README cannot drift.
 */
package co.hotwax.preorder.examples.hotwax;
