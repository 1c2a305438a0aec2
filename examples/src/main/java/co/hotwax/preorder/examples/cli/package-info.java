/**
 * A command line for one real Shopify store: it reads expected receipts (and optionally pre-orders) from CSV files,
 * computes what the store should show, and either prints what would change (the default dry run) or writes it
 * ({@code --apply}). {@link co.hotwax.preorder.examples.cli.PreorderSyncCli} is the entry point;
 * {@link co.hotwax.preorder.examples.cli.CliRunner} does the work and returns an {@link
 * co.hotwax.preorder.examples.cli.ExitCode}.
 */
package co.hotwax.preorder.examples.cli;
