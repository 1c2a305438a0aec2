/**
 * Implementation detail of the sync engine: lanes, backoff, share splitting, feed reading. Not API: anything here
 * may change at any time, in any release.
 */
package co.hotwax.preorder.core.engine.internal;
