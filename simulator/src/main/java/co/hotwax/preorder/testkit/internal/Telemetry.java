package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.testkit.SimulatorStats;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counters and a bounded request log; thread-safe. */
public final class Telemetry {
    private final int logCapacity;
    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final LongAdder writesApplied = new LongAdder();
    private final LongAdder writesRefused = new LongAdder();
    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Deque<RequestLogEntry> log = new ArrayDeque<>();

    /** Keeps the last {@code logCapacity} requests. */
    public Telemetry(int logCapacity) {
        this.logCapacity = logCapacity;
    }

    void request() {
        requests.increment();
    }

    void throttled() {
        throttled.increment();
    }

    void fault() {
        faults.increment();
    }

    void operations(List<String> rootFields) {
        rootFields.forEach(f -> operations.computeIfAbsent(f, k -> new LongAdder()).increment());
    }

    /** Counts one write entry. */
    public void write(boolean applied) {
        (applied ? writesApplied : writesRefused).increment();
    }

    synchronized void log(RequestLogEntry entry) {
        log.addLast(entry);
        while (log.size() > logCapacity) {
            log.removeFirst();
        }
    }

    /** The retained log, oldest first. */
    public synchronized List<RequestLogEntry> requestLog() {
        return List.copyOf(log);
    }

    /** A snapshot of the counters. */
    public SimulatorStats stats() {
        Map<String, Long> ops = new TreeMap<>();
        operations.forEach((k, v) -> ops.put(k, v.sum()));
        return new SimulatorStats(requests.sum(), throttled.sum(), faults.sum(), writesApplied.sum(),
                writesRefused.sum(), ops);
    }
}
