package co.hotwax.preorder.testkit;

import java.time.Instant;

/**
 * One line of the {@link OversellLedger}'s history: when it happened and which SKU it concerns.
 *
 * @since 0.1.0
 */
public sealed interface LedgerEntry {

    /**
     * When it happened (simulated time).
     *
     * @return the instant
     */
    Instant at();

    /**
     * The SKU it concerns.
     *
     * @return the SKU
     */
    String sku();

    /**
     * An order the channel accepted or refused.
     *
     * @param at when it was placed
     * @param sku the SKU
     * @param orderId the order (unique in the ledger)
     * @param quantity units ordered, at least 1
     * @param accepted whether the channel accepted it (a refused order sold nothing)
     */
    record OrderEntry(Instant at, String sku, String orderId, long quantity, boolean accepted) implements LedgerEntry {
    }

    /**
     * A cancelled order; its units no longer count as sold from {@code at} on.
     *
     * @param at when it was cancelled
     * @param sku the order's SKU
     * @param orderId the order
     * @param quantity the order's units (0 when the order had been refused, so nothing was sold)
     */
    record CancelEntry(Instant at, String sku, String orderId, long quantity) implements LedgerEntry {
    }

    /**
     * The true capacity of a SKU from {@code at} on, as the test declares it.
     *
     * @param at from when it holds
     * @param sku the SKU
     * @param capacity the most units the channel may have accepted in total, net of cancellations
     */
    record CapacityEntry(Instant at, String sku, long capacity) implements LedgerEntry {
    }

    /**
     * A write the sync made to the channel, kept for the story of a failure.
     *
     * @param at when it was made
     * @param sku the SKU
     * @param operation e.g. {@code "inventorySetQuantities"}
     * @param detail e.g. {@code "on_hand 12 -> 7"}
     * @param applied whether the channel applied it
     */
    record WriteEntry(Instant at, String sku, String operation, String detail, boolean applied)
            implements LedgerEntry {
    }
}
