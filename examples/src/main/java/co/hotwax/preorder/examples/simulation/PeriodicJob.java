package co.hotwax.preorder.examples.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A scheduled job of the kind merchants run today: every interval, starting at the run's first instant, it reads
 * the OMS and writes the store with the plain {@link StoreAdminClient}. It never reports being caught up, so no
 * propagation window of its ever closes; what it oversells is counted in full. A run the store refuses (a revoked
 * scope) is given up, as a cron job's failed run is, and the next interval tries again.
 */
public abstract class PeriodicJob implements SyncApproach {
    /** The run. */
    protected final RunContext ctx;
    /** The plain GraphQL client. */
    protected final StoreAdminClient client;
    private final Duration interval;
    private final List<String> failedRuns = new ArrayList<>();
    private Instant nextRun;

    /**
     * Creates the job.
     *
     * @param context the run
     * @param interval how often it runs
     */
    protected PeriodicJob(RunContext context, Duration interval) {
        this.ctx = context;
        this.client = context.store().adminClient();
        this.interval = interval;
    }

    /** Writes the store once, from the OMS's current state. */
    protected abstract void runOnce();

    @Override
    public final void start() {
        nextRun = ctx.clock().instant();
        tick();
    }

    @Override
    public final void tick() {
        Instant now = ctx.clock().instant();
        if (now.isBefore(nextRun)) {
            return;
        }
        try {
            runOnce();
        } catch (IllegalStateException e) {
            failedRuns.add(now + " " + name() + " run failed: " + e.getMessage());
        }
        while (!nextRun.isAfter(now)) {
            nextRun = nextRun.plus(interval);
        }
    }

    @Override
    public final Instant nextDue() {
        return nextRun;
    }

    @Override
    public final boolean caughtUp() {
        return false;
    }

    @Override
    public List<String> problems() {
        return List.copyOf(failedRuns);
    }

    @Override
    public void close() {
        // Nothing held: the client's connections die with the run.
    }
}
