package co.hotwax.preorder.testkit;

/**
 * How an injected bulk query operation ends instead of {@code COMPLETED}. Codes are Shopify's
 * {@code BulkOperationErrorCode} values (schema 2026-04: {@code ACCESS_DENIED}, {@code INTERNAL_SERVER_ERROR},
 * {@code TIMEOUT}); a failed operation may carry {@code partialDataUrl}, "the partial or incomplete response data
 * ... returned by a failed operation" (object {@code BulkOperation}, schema 2026-04).
 *
 * @since 0.1.0
 */
public enum BulkOutcome {
    /** Fails half-way with {@code INTERNAL_SERVER_ERROR} and a {@code partialDataUrl} holding the first half. */
    FAILED_WITH_PARTIAL_DATA,
    /** Fails half-way with {@code TIMEOUT} and no partial data. */
    FAILED_TIMEOUT,
    /** Canceled half-way (by the merchant or another actor): status {@code CANCELED}, no URL. */
    CANCELED
}
