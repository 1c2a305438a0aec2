package co.hotwax.preorder.cli.source.internal;

import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.InvalidInputException;

/** The argument checks every {@code changesSince} starts with, so both sources word them the same way. */
public final class FeedArguments {
    private FeedArguments() {
    }

    /**
     * Checks the arguments of {@code changesSince}.
     *
     * @param source the source, named in the error, e.g. {@code receipts.csv}
     * @param checkpoint the checkpoint, which must be present
     * @param maxItems the page size, at least 1
     * @return the checkpoint's value
     * @throws InvalidInputException naming the source and the argument
     */
    public static String requireValid(String source, Checkpoint checkpoint, int maxItems) {
        if (checkpoint == null) {
            throw new InvalidInputException("changesSince on " + source, "checkpoint is missing");
        }
        if (maxItems < 1) {
            throw new InvalidInputException("changesSince on " + source, "maxItems must be at least 1, was "
                    + maxItems);
        }
        return checkpoint.value();
    }
}
