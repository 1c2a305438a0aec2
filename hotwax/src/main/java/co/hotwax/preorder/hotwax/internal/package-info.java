/**
 * Implementation detail of the HotWax sources: the stamp-ordered change feed and its checkpoint, and the SQL of
 * each feed. Not API: it may change in any release.
 */
package co.hotwax.preorder.hotwax.internal;
