package co.hotwax.preorder.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What an asynchronous listener ({@link AsyncSyncListener}, {@link AsyncBookListener}) does with an event when its
 * queue is full: block the engine's loop for at most {@code maxBlock} waiting for room, then drop; or drop at once.
 * Every dropped event is counted ({@code dropped()}) and logged (the first at WARN). Blocking protects the events
 * at the cost of publishing later; dropping protects publishing, and the OMS re-derives what it missed with
 * {@link PreorderSync#readBook}.
 *
 * @param maxBlock how long the loop may wait for room; zero drops at once
 *
 * @since 0.1.0
 */
public record OverflowPolicy(Duration maxBlock) {

    /**
     * Validates the policy.
     *
     * @param maxBlock how long the loop may wait for room; zero drops at once
     * @throws IllegalArgumentException when the wait is negative
     * @throws NullPointerException when it is null
     */
    public OverflowPolicy {
        Objects.requireNonNull(maxBlock, "maxBlock");
        if (maxBlock.isNegative()) {
            throw new IllegalArgumentException("maxBlock must not be negative, was " + maxBlock);
        }
    }

    /**
     * Drop an event at once when the queue is full.
     *
     * @return the policy
     */
    public static OverflowPolicy drop() {
        return new OverflowPolicy(Duration.ZERO);
    }

    /**
     * Block the loop for at most {@code maxWait} for room, then drop.
     *
     * @param maxWait the longest wait, positive; keep it short (milliseconds): the loop publishes nothing meanwhile
     * @return the policy
     * @throws IllegalArgumentException when the wait is not positive
     */
    public static OverflowPolicy block(Duration maxWait) {
        if (maxWait == null || maxWait.isZero() || maxWait.isNegative()) {
            throw new IllegalArgumentException("block needs a positive maxWait, was " + maxWait);
        }
        return new OverflowPolicy(maxWait);
    }

    /**
     * Whether the loop waits for room before dropping.
     *
     * @return {@code maxBlock > 0}
     */
    public boolean blocks() {
        return !maxBlock.isZero();
    }
}
