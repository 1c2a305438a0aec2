package co.hotwax.preorder.testkit.internal;

import java.time.Instant;

/** Hears about every checkout attempt and cancellation (the simulator feeds the oversell ledger with it). */
public interface OrderObserver {
    /** An observer that ignores everything. */
    OrderObserver NONE = new OrderObserver() {
        @Override
        public void placed(String sku, String orderId, int quantity, Instant at, boolean accepted) {
        }

        @Override
        public void cancelled(String orderId, Instant at) {
        }
    };

    /** A checkout attempt; {@code orderId} is null when refused. Called under the shop lock. */
    void placed(String sku, String orderId, int quantity, Instant at, boolean accepted);

    /** An accepted order was cancelled. Called under the shop lock. */
    void cancelled(String orderId, Instant at);
}
