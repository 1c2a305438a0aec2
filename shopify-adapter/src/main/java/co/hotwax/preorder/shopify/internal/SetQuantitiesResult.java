package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What one {@code inventorySetQuantities} answer means for the entries it was sent, decided before anything acts
 * on it ({@link QuantityWriter} then acts in one place per case). Fails closed: only an answered payload whose
 * {@code userErrors} is an empty list counts as applied; any other shape is never APPLIED.
 */
sealed interface SetQuantitiesResult {
    /** Every entry was applied. */
    record Applied() implements SetQuantitiesResult {
    }

    /**
     * Some entries were refused; the others were applied when {@code applied} (Shopify returned the adjustment group),
     * or not applied at all and are to be sent again without the refused ones.
     *
     * @param refusedByIndex the refused entries' indexes and the first error of each
     * @param applied whether the entries not named were applied
     */
    record Refused(Map<Integer, UserError> refusedByIndex, boolean applied) implements SetQuantitiesResult {
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
     * Classifies an answer.
     *
     * @param result the operation's result
     * @param entries how many entries were sent
     * @return the result
     */
    static SetQuantitiesResult classify(OperationResult result, int entries) {
        if (!(result instanceof OperationResult.Answered answered)) {
            return new NotAnswered(result);
        }
        JsonNode payload = answered.payload();
        if (!payload.path("userErrors").isArray()) {
            return new NotAnswered(new OperationResult.Unreadable("inventorySetQuantities returned no userErrors list"));
        }
        List<UserError> errors = UserErrors.of(payload);
        if (errors.isEmpty()) {
            return new Applied();
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
        return new Refused(refused, applied);
    }
}
