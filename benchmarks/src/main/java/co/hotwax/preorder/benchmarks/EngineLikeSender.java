package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.VirtualClock;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Sends states to a publisher as the engine does, for the harnesses that drive a publisher without an engine: 250
 * states a call, in order; a state answered RETRY (a SKU deferred while the catalog export is on its way, a
 * throttled call) is sent again after the engine's default back-off, 500 ms doubling per attempt up to 1 min (its
 * ceiling, without the jitter), on the virtual clock. Without the re-sends a phase would count deferred SKUs as done
 * and leave their work, and its points, to the next phase.
 */
final class EngineLikeSender {
    /** States per publish call, as the engine sends them. */
    static final int CALL_SIZE = 250;

    /** What the states came to. */
    record Sent(long applied, long wrote, long calls, long retried) {
    }

    /** A state still to publish, not before {@code notBefore} (clock millis), after {@code attempts} RETRY answers. */
    private record Pending(DesiredState state, long notBefore, int attempts) {
    }

    private EngineLikeSender() {
    }

    /**
     * Publishes every state until each is answered something other than RETRY.
     *
     * @param publisher the publisher
     * @param clock the virtual clock the back-off waits on
     * @param states the states, in order
     * @return the counts
     */
    static Sent send(ShopifyPublisher publisher, VirtualClock clock, List<DesiredState> states) {
        long applied = 0;
        long wrote = 0;
        long retried = 0;
        long calls = 0;
        Deque<Pending> queue = new ArrayDeque<>();
        states.forEach(s -> queue.add(new Pending(s, 0, 0)));
        while (!queue.isEmpty()) {
            long now = clock.millis();
            List<Pending> batch = new ArrayList<>(CALL_SIZE);
            List<Pending> later = new ArrayList<>();
            while (!queue.isEmpty() && batch.size() < CALL_SIZE) {
                Pending p = queue.poll();
                (p.notBefore() <= now ? batch : later).add(p);
            }
            for (int i = later.size() - 1; i >= 0; i--) {
                queue.addFirst(later.get(i));
            }
            if (batch.isEmpty()) {
                long next = queue.stream().mapToLong(Pending::notBefore).min().orElse(now);
                clock.advance(Duration.ofMillis(Math.max(1, next - now)));
                continue;
            }
            List<PublishOutcome> outcomes = publisher.publish(batch.stream().map(Pending::state).toList());
            for (int i = 0; i < batch.size(); i++) {
                PublishOutcome o = outcomes.get(i);
                applied += o.status() == PublishOutcome.Status.APPLIED ? 1 : 0;
                wrote += o.wrote() ? 1 : 0;
                if (o.status() == PublishOutcome.Status.RETRY) {
                    Pending p = batch.get(i);
                    int attempts = p.attempts() + 1;
                    retried++;
                    queue.add(new Pending(p.state(), clock.millis()
                            + Math.min(60_000L, 500L << Math.min(attempts - 1, 7)), attempts));
                }
            }
            calls++;
        }
        return new Sent(applied, wrote, calls, retried);
    }
}
