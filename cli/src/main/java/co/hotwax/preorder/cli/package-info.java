/**
 * {@code preorder-sync}, a command line for one real Shopify store: {@code check} reads the store's setup;
 * {@code plan} reads expected receipts (and optionally pre-orders) from CSV files, computes what the store should
 * show and prints what would change; {@code apply} writes it. {@link co.hotwax.preorder.cli.PreorderSyncCli} is the
 * entry point (the runnable jar's Main-Class); {@link co.hotwax.preorder.cli.CliRunner} does the work and returns
 * an {@link co.hotwax.preorder.cli.ExitCode}.
 */
package co.hotwax.preorder.cli;
