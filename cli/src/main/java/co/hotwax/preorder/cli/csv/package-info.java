/**
 * Supply without purchase orders: {@link co.hotwax.preorder.cli.csv.CsvSupplySource} reads a CSV file of
 * expected receipts (or manual caps with a date) and serves it as a
 * {@link co.hotwax.preorder.spi.PurchaseOrderSource}.
 */
package co.hotwax.preorder.cli.csv;
