package co.hotwax.preorder.cli.internal;

/** The command line or its input is wrong: the user must fix something before a run can start (exit code 2). */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the option or file and what is wrong with it; never a secret
     */
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
