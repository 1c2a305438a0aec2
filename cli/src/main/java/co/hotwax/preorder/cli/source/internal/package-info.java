/**
 * Argument checks shared by the file and database supply sources. Implementation detail: it may change at any time.
 */
package co.hotwax.preorder.cli.source.internal;
