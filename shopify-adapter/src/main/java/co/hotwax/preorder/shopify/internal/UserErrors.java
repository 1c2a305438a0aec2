package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads a mutation payload's {@code userErrors}, keeping unknown codes as plain strings. */
public final class UserErrors {
    private UserErrors() {
    }

    /**
     * Parses the payload's errors. Entries of the wrong JSON type are kept as errors without code or index (they
     * concern the whole request), so a malformed list never reads as "no errors".
     *
     * @param payload a mutation payload
     * @return the errors, empty when there are none
     */
    public static List<UserError> of(JsonNode payload) {
        List<UserError> errors = new ArrayList<>();
        for (JsonNode e : payload.path("userErrors")) {
            List<String> field = new ArrayList<>();
            e.path("field").forEach(f -> field.add(f.asText()));
            JsonNode code = e.path("code");
            JsonNode index = e.path("elementIndex");
            String message = e.isObject() ? e.path("message").asText("") : "malformed user error: " + e;
            errors.add(new UserError(code.isTextual() ? code.asText() : null, field, message,
                    index.isInt() && index.asInt() >= 0 ? index.asInt() : null));
        }
        return errors;
    }
}
