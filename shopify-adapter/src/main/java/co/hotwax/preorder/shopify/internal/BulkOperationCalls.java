package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bulk query export ({@link BulkVariantExport}) and the bulk mutation runner ({@link BulkMutationRunner})
 * both send: string literals inlined into their documents, and the cancel of an operation that is abandoned, so it
 * does not hold the shop's limit of concurrent bulk operations.
 */
final class BulkOperationCalls {
    private static final Logger LOG = LoggerFactory.getLogger(BulkOperationCalls.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BulkOperationCalls() {
    }

    /**
     * The text as a GraphQL string literal.
     *
     * @param text the text
     * @return the literal, quoted and escaped
     */
    static String literal(String text) {
        try {
            // A JSON string is a valid GraphQL string literal (same escapes).
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    /**
     * The document that cancels operation {@code id}.
     *
     * @param id the operation's gid
     * @return the document
     */
    static String cancelDocument(String id) {
        return "mutation CancelBulkOperation { bulkOperationCancel(id: " + literal(id)
                + ") { bulkOperation { id status } userErrors { field message } } }";
    }

    /**
     * Cancels operation {@code id}; a failure is logged, never thrown: the operation ends on its own at the latest.
     *
     * @param client the client
     * @param id the operation's gid
     * @param kind what the operation is, for the log line ("bulk query", "bulk mutation")
     */
    static void cancel(ShopifyClient client, String id, String kind) {
        try {
            client.execute("bulkOperationCancel", cancelDocument(id), 10);
        } catch (CallFailedException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("shop {}: could not cancel {} {}: {}", client.shop(), kind, id, e.getMessage());
        }
    }
}
