package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What one {@code inventorySetQuantities} or {@code inventoryAdjustQuantities} answer means for the entries it was
 * sent, decided before anything acts on it ({@link QuantityWriter} and {@link DeltaDecreases} then act in one place
 * per case). Fails closed: only an answered payload whose {@code userErrors} is an empty list counts as applied; any
 * other shape is never APPLIED. The levels after the write ({@link LevelsAfterWrite}) are read only from an answer
 * classified as applied, so a refused or unreadable answer never reports in-flight units.
 */
sealed interface SetQuantitiesResult {
    /**
     * Every entry was applied.
     *
     * @param after the levels after the write by inventory item id, as the answer returned them (may be empty)
     */
    record Applied(Map<String, LevelQuantities> after) implements SetQuantitiesResult {
    }

    /**
     * Some entries were refused; the others were applied when {@code applied} (Shopify returned the adjustment group),
     * or not applied at all and are to be sent again without the refused ones.
     *
     * @param refusedByIndex the refused entries' indexes and the first error of each
     * @param applied whether the entries not named were applied
     * @param after when applied, the levels after the write of the applied entries by inventory item id; else empty
     */
    record Refused(Map<Integer, UserError> refusedByIndex, boolean applied, Map<String, LevelQuantities> after)
            implements SetQuantitiesResult {
    }

    /** The idempotency key was used before for other input: nothing ran; re-read and send under a new key. */
    record KeyReused() implements SetQuantitiesResult {
    }

    /**
     * An error names no entry of this request (no index, or one out of range): nothing is known to be applied.
     *
     * @param error the error
     */
    record RefusedWhole(UserError error) implements SetQuantitiesResult {
    }

    /**
     * The operation did not answer (denied, failed, null payload, wrong shape).
     *
     * @param result why; never {@link OperationResult.Answered} with a well-formed payload
     */
    record NotAnswered(OperationResult result) implements SetQuantitiesResult {
    }

    /**
     * Classifies an {@code inventorySetQuantities} answer.
     *
     * @param result the operation's result
     * @param entries how many entries were sent
     * @return the result
     */
    static SetQuantitiesResult classify(OperationResult result, int entries) {
        return classify(result, entries, "inventorySetQuantities");
    }

    /**
     * Classifies the answer of an inventory write that applies its entries all or nothing.
     *
     * @param result the operation's result
     * @param entries how many entries were sent
     * @param operation the operation's name, for reasons
     * @return the result
     */
    static SetQuantitiesResult classify(OperationResult result, int entries, String operation) {
        if (!(result instanceof OperationResult.Answered answered)) {
            return new NotAnswered(result);
        }
        JsonNode payload = answered.payload();
        if (!payload.path("userErrors").isArray()) {
            return new NotAnswered(new OperationResult.Unreadable(operation + " returned no userErrors list"));
        }
        List<UserError> errors = UserErrors.of(payload);
        if (errors.isEmpty()) {
            return new Applied(LevelsAfterWrite.of(payload));
        }
        boolean applied = payload.path("inventoryAdjustmentGroup").isObject();
        if (!applied && errors.stream().allMatch(e -> "IDEMPOTENCY_KEY_PARAMETER_MISMATCH".equals(e.code()))) {
            return new KeyReused();
        }
        Map<Integer, UserError> refused = new LinkedHashMap<>();
        for (UserError error : errors) {
            OptionalInt index = error.index();
            if (index.isEmpty() || index.getAsInt() >= entries) {
                return new RefusedWhole(error);
            }
            refused.putIfAbsent(index.getAsInt(), error);
        }
        return new Refused(refused, applied, applied ? LevelsAfterWrite.of(payload) : Map.of());
    }

    /**
     * Decides every entry of a chunk when the answer names none of them and applied none: RETRY for a refusal of the
     * whole batch, and for an operation that did not answer (REJECTED for the shop when denied); the items are
     * re-read before their next write.
     *
     * @param result the classified answer
     * @param chunk the items sent
     * @param operation the operation's name, for reasons
     * @return whether the result was one of those two and the chunk is decided
     */
    static boolean failedWhole(SetQuantitiesResult result, List<BatchItem> chunk, String operation) {
        if (result instanceof RefusedWhole whole) {
            chunk.forEach(item -> item.retry(operation + " refused the batch: " + whole.error().describe()));
            return true;
        } else if (result instanceof NotAnswered notAnswered) {
            chunk.forEach(item -> item.fail(notAnswered.result()));
            return true;
        }
        return false;
    }
}
