package co.hotwax.preorder.cli;

import java.time.Clock;

/**
 * {@code preorder-sync}: the command line for one real Shopify store. Run with {@code --help} for the flags and
 * the exit codes; {@link CliRunner} does the work.
 *
 * @since 0.1.0
 */
public final class PreorderSyncCli {
    private PreorderSyncCli() {
    }

    /**
     * Runs the command line and exits with its {@link ExitCode}.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // The adapter and the CSV source log what the CLI reports on its own lines (skipped rows, rejects). Set
        // before the first logger is created; an explicit -D setting wins.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        // System.console() is null unless stdin and stdout are a terminal: the closest portable guess for stderr.
        int code = new CliRunner(System.getenv(), System.out, System.err, System.console() != null, Clock.systemUTC())
                .run(args);
        System.exit(code);
    }
}
