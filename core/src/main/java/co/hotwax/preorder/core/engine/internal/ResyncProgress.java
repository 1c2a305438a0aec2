package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.engine.SyncEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The running full resync: how many pool states it covers, how many were checked, and which tenths were logged.
 * Loop thread only, except {@link #completed()}.
 */
final class ResyncProgress {
    private static final Logger LOG = LoggerFactory.getLogger(PublishScheduler.class);

    private final Consumer<SyncEvent> events;
    private final AtomicLong completed = new AtomicLong();
    private long total;
    private long done;
    private boolean running;
    private int loggedTenths;

    ResyncProgress(Consumer<SyncEvent> events) {
        this.events = events;
    }

    /** Starts counting a new resync; false (and nothing changes) when one is running. */
    boolean begin() {
        if (running) {
            return false;
        }
        running = true;
        total = 0;
        done = 0;
        loggedTenths = 0;
        return true;
    }

    /** One more pool state belongs to the running resync. */
    void include() {
        total++;
    }

    /** Whether a resync runs. */
    boolean running() {
        return running;
    }

    /** Pool states in the running (or last) resync. */
    long total() {
        return total;
    }

    /** Whether every pool state of the running resync was checked. */
    boolean allChecked() {
        return running && done >= total;
    }

    /** A slot's pool state was checked: counts it when it was part of the resync. */
    void checked(Slot slot) {
        if (slot.resync) {
            slot.resync = false;
            done++;
        }
    }

    /** Reports progress (event, log at each tenth) and finishes the resync when every state was checked. */
    void report() {
        if (!running) {
            return;
        }
        events.accept(new SyncEvent.ResyncProgress(done, total));
        int tenths = (int) (done * 10 / total);
        if (tenths > loggedTenths && done < total) {
            loggedTenths = tenths;
            LOG.info("Resync {}% ({} of {} pool states)", tenths * 10, done, total);
        }
        if (done >= total) {
            finish();
        }
    }

    /** Ends the running resync. */
    void finish() {
        running = false;
        completed.incrementAndGet();
        LOG.info("Full resync completed: {} pool states", total);
        events.accept(new SyncEvent.ResyncCompleted(total));
    }

    /** Completed resyncs; thread-safe. */
    long completed() {
        return completed.get();
    }
}
