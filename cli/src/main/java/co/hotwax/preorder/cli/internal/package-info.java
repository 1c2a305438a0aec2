/**
 * How the command line parses its flags, reads the pre-order CSV, derives the store's desired states, shows
 * progress and prints the plan. Implementation detail: it may change at any time.
 */
package co.hotwax.preorder.cli.internal;
