package co.hotwax.preorder.testkit.internal;

/** Hears about every write entry a mutation applied or refused (the simulator feeds the oversell ledger with it). */
@FunctionalInterface
public interface WriteObserver {
    /** An observer that ignores everything. */
    WriteObserver NONE = (sku, operation, detail, applied) -> { };

    /**
     * Called once per written entry, under the shop lock.
     *
     * @param sku       the SKU written (may be null for an unknown item)
     * @param operation the mutation field name, e.g. {@code inventorySetQuantities}
     * @param detail    a human-readable description of the entry and its outcome
     * @param applied   whether the entry changed state
     */
    void write(String sku, String operation, String detail, boolean applied);
}
