package co.hotwax.preorder.testkit;

import co.hotwax.preorder.testkit.internal.BulkMutations;
import co.hotwax.preorder.testkit.internal.BulkQueries;

/**
 * The test's handle on the simulator's bulk query operations ({@code bulkOperationRunQuery},
 * {@code bulkOperation(id:)}, {@code bulkOperationCancel}; results as JSONL over loopback HTTP): outcomes to inject
 * and operations started by someone else; and on its bulk mutations ({@code stagedUploadsCreate},
 * {@code bulkOperationRunMutation}). See {@link BulkBehaviour} for timing and the concurrency limit.
 *
 * @since 0.1.0
 */
public final class BulkOperations {
    private final BulkQueries queries;
    private final BulkMutations mutations;

    BulkOperations(BulkQueries queries, BulkMutations mutations) {
        this.queries = queries;
        this.mutations = mutations;
    }

    /**
     * Makes the next bulk mutation created ({@code bulkOperationRunMutation}) end with {@code outcome} half-way
     * through its lines: the first half ran (and wrote), the rest did not.
     *
     * @param outcome the outcome
     */
    public void failNextMutation(BulkOutcome outcome) {
        mutations.inject(java.util.Objects.requireNonNull(outcome, "outcome"));
    }

    /**
     * Bulk mutation operations created so far (refused ones are not created).
     *
     * @return the count
     */
    public int mutationsCreated() {
        return mutations.created();
    }

    /**
     * Makes the next bulk query created end with {@code outcome} half-way through its run, instead of completing.
     *
     * @param outcome the outcome
     */
    public void failNext(BulkOutcome outcome) {
        queries.inject(java.util.Objects.requireNonNull(outcome, "outcome"));
    }

    /**
     * Starts a bulk query of this app that the code under test did not ask for (another job of the same app, or one
     * a crashed run left): it counts against the app's concurrency limit until it completes, after {@code objects}
     * objects, and {@code bulkOperations} lists it. Another app's operations need no simulating: Shopify counts the
     * limit per app ("Each app can run up to five bulk operations per shop", shopify.dev/changelog/faster-bulk-operations)
     * and {@code bulkOperations} returns the calling app's only.
     *
     * @param objects objects it processes
     * @return its gid
     */
    public String startForeign(long objects) {
        return queries.startForeign(objects);
    }

    /**
     * Bulk query operations created so far, foreign ones included (refused ones are not created).
     *
     * @return the count
     */
    public int created() {
        return queries.created();
    }
}
