/**
 * Helpers shared by the example sources. Implementation detail: it may change at any time.
 */
package co.hotwax.preorder.examples.internal;
