/**
 * What a file or database supply source reports besides its lines: {@link co.hotwax.preorder.cli.source.RowError}
 * for a row it skipped, {@link co.hotwax.preorder.cli.source.SourceUnavailableException} when it cannot be read.
 * Shared by the CSV source here and the JDBC example.
 */
package co.hotwax.preorder.cli.source;
