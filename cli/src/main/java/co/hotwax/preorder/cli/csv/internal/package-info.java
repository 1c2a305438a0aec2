/**
 * How the CSV source reads and tracks its file: a small RFC-4180 reader, the row-to-line parser and the bounded
 * change history. Implementation detail: it may change at any time.
 */
package co.hotwax.preorder.cli.csv.internal;
