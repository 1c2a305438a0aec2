/**
 * Implementation detail of the pre-order domain core: per-pool state, the allocator and the event differ. Not API:
 * may change at any time.
 */
package co.hotwax.preorder.core.internal;
