package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.BulkBehaviour;
import graphql.schema.DataFetchingEnvironment;

/**
 * How many bulk operations of one type this app may have in progress (CREATED, RUNNING or CANCELING) per shop, for
 * the API version a request is served in, and the userError code a start beyond it gets. Shopify's guide: "In API
 * versions 2026-01 and higher, you can run up to five bulk query operations at a time per shop. In API versions prior
 * to 2026-01, you can run only one bulk operation of each type (bulkOperationRunMutation or bulkOperationRunQuery) at
 * a time per shop" (shopify.dev/docs/api/usage/bulk-operations/queries); the changelog: "Each app can run up to five
 * bulk operations per shop simultaneously" (shopify.dev/changelog/faster-bulk-operations, effective 2026-01). The
 * 2026-04 schema's descriptions still say one of each type; the guide is newer and names the version.
 *
 * <p>Simulator choices: the five are counted per type, as the guide words it for queries and as the older limit was
 * (whether a query and four mutations share one limit of five, Shopify does not say); a start beyond a limit of one
 * answers {@code OPERATION_IN_PROGRESS} ("A bulk operation is already in progress"), beyond a larger limit
 * {@code LIMIT_REACHED} ("Bulk operations limit reached. Please try again later."), both codes of
 * {@code BulkOperationUserErrorCode} and {@code BulkMutationErrorCode} (schema 2026-04).
 */
final class BulkLimit {
    /** The GraphQL context key under which the request's API version is passed. */
    static final String API_VERSION = "apiVersion";
    /** The first API version with five concurrent operations. */
    static final String FIVE_FROM = "2026-01";
    /** The version assumed for a document run without one (the simulator's own executions). */
    private static final String DEFAULT_VERSION = "2026-04";

    private BulkLimit() {
    }

    /**
     * The limit per type for a request.
     *
     * @param behaviour the configured behaviour; {@link BulkBehaviour#AS_DOCUMENTED} follows the version
     * @param env the request's environment, which carries its API version
     * @return operations of one type that may be in progress at once
     */
    static int of(BulkBehaviour behaviour, DataFetchingEnvironment env) {
        if (behaviour.concurrentQueries() != BulkBehaviour.AS_DOCUMENTED) {
            return behaviour.concurrentQueries();
        }
        Object version = env == null ? null : env.getGraphQlContext().get(API_VERSION);
        return (version == null ? DEFAULT_VERSION : version.toString()).compareTo(FIVE_FROM) >= 0 ? 5 : 1;
    }

    /**
     * The userError code of a start beyond {@code limit}.
     *
     * @param limit the limit that was reached
     * @return {@code OPERATION_IN_PROGRESS} for one, else {@code LIMIT_REACHED}
     */
    static String code(int limit) {
        return limit == 1 ? "OPERATION_IN_PROGRESS" : "LIMIT_REACHED";
    }
}
