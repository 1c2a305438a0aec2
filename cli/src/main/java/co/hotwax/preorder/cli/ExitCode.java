package co.hotwax.preorder.cli;

/**
 * The process exit codes of {@link PreorderSyncCli}, for scripts.
 *
 * @since 0.1.0
 */
public enum ExitCode {
    /** Everything read and (with {@code apply}) written, or nothing needed to change. */
    OK(0),
    /** Some items were rejected (unknown SKU, bad row) or are still to retry; the others went through. */
    ATTENTION(1),
    /** Bad flags or input: an unknown option, a missing value, an unreadable CSV or token file, a bad row in strict mode. */
    USAGE(2),
    /** The store could not be reached or refused the access token. */
    UNAVAILABLE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /**
     * The number the process exits with.
     *
     * @return 0 to 3
     */
    public int code() {
        return code;
    }
}
