package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.PreorderSyncException;
import co.hotwax.preorder.spi.SetupCheck;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link PreorderSync#start()} (or {@code startManual()}) refused to start because a store's setup has a blocking
 * problem ({@link co.hotwax.preorder.spi.InventoryPublisher#checkSetup()}): for Shopify, a missing access scope, or a
 * pre-order location that is missing, deactivated or does not fulfil online orders. The message names the store,
 * each problem and its fix. To start anyway and get a {@link SyncEvent.SetupProblem} per problem instead, build the
 * engine with {@link PreorderSync.Builder#continueOnSetupProblems(boolean)}.
 *
 * @since 0.1.0
 */
public final class StoreSetupException extends PreorderSyncException {
    /** Serialization version of this exception's form. */
    private static final long serialVersionUID = 1L;

    /** The store's channel id; serialized with the message. */
    private final String channel;
    private final transient List<SetupCheck.Problem> blockers;

    /**
     * Creates the exception.
     *
     * @param channel the store's channel id
     * @param blockers its blocking problems, at least one
     */
    public StoreSetupException(String channel, List<SetupCheck.Problem> blockers) {
        super("store " + channel + " is not set up for pre-orders, so the preorder sync did not start: "
                + blockers.stream().map(SetupCheck.Problem::describe).collect(Collectors.joining("; "))
                + " (fix the store, or build the engine with continueOnSetupProblems(true) to start anyway and get "
                + "SetupProblem events)");
        this.channel = channel;
        this.blockers = List.copyOf(blockers);
    }

    /**
     * The store that failed its check.
     *
     * @return its channel id
     */
    public String channel() {
        return channel;
    }

    /**
     * What blocks it, each with its fix.
     *
     * @return the blocking problems
     */
    public List<SetupCheck.Problem> blockers() {
        return blockers == null ? List.of() : blockers;
    }
}
