package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.engine.StoreSetupException;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.SetupCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The store-level setup checks the engine runs once at start, before it loads the feeds: every publisher's
 * {@link InventoryPublisher#checkSetup()}, in builder order. Every problem is logged and reported as a
 * {@link SyncEvent.SetupProblem}; a blocking one fails the start with {@link StoreSetupException} naming the store
 * and the fix, unless the engine is configured to continue. A check that throws is reported as a non-blocking
 * problem: the publisher checks again before it writes.
 */
public final class SetupChecks {
    private static final Logger LOG = LoggerFactory.getLogger(SetupChecks.class);

    private final List<InventoryPublisher> publishers;
    private final Consumer<SyncEvent> events;
    private final boolean continueOnProblems;

    /**
     * Creates the checks.
     *
     * @param publishers the stores, in builder order
     * @param events where the problems are reported
     * @param continueOnProblems whether a blocking problem is only reported (true) or fails the start (false)
     */
    public SetupChecks(List<InventoryPublisher> publishers, Consumer<SyncEvent> events, boolean continueOnProblems) {
        this.publishers = List.copyOf(publishers);
        this.events = events;
        this.continueOnProblems = continueOnProblems;
    }

    /**
     * Checks every store, reporting every problem before deciding.
     *
     * @throws StoreSetupException for the first store with a blocking problem, unless configured to continue
     */
    public void run() {
        StoreSetupException first = null;
        for (InventoryPublisher publisher : publishers) {
            String channel = publisher.channelId();
            SetupCheck check = check(publisher, channel);
            for (SetupCheck.Problem problem : check.problems()) {
                LOG.warn("Store {}: setup {}: {}", channel, problem.blocking() ? "BLOCKER" : "warning", problem.describe());
                events.accept(new SyncEvent.SetupProblem(channel, problem.blocking(), problem.check(), problem.reason(),
                        problem.fix()));
            }
            if (check.blocked() && first == null) {
                first = new StoreSetupException(channel, check.blockers());
            }
        }
        if (first == null) {
            return;
        }
        if (!continueOnProblems) {
            throw first;
        }
        LOG.warn("Starting although store {} has blocking setup problems (continueOnSetupProblems): {}", first.channel(),
                first.blockers().stream().map(SetupCheck.Problem::describe).toList());
    }

    private static SetupCheck check(InventoryPublisher publisher, String channel) {
        try {
            SetupCheck check = publisher.checkSetup();
            return check != null ? check : SetupCheck.NOTHING_TO_REPORT;
        } catch (RuntimeException e) {
            // An unreachable store must not stop the others from starting; its publishes are retried anyway.
            LOG.warn("Store {}: the setup check failed; going on, the store checks again before it writes", channel, e);
            List<SetupCheck.Problem> problems = new ArrayList<>();
            problems.add(new SetupCheck.Problem(false, "setup-check", "the check could not run: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    "check that the store is reachable"));
            return new SetupCheck(problems);
        }
    }
}
