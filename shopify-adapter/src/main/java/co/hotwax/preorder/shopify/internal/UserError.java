package co.hotwax.preorder.shopify.internal;

import java.util.List;
import java.util.OptionalInt;

/**
 * One entry of a mutation's {@code userErrors}. The code is kept as a string: a newer API version may send codes
 * this build has never heard of, and those must not fail parsing.
 *
 * @param code the error code, or null (plain {@code UserError} has none)
 * @param field the input path, e.g. {@code [input, quantities, 3, changeFromQuantity]}; empty when absent
 * @param message the message
 * @param elementIndex metafieldsSet's index of the failing input, or null
 */
public record UserError(String code, List<String> field, String message, Integer elementIndex) {
    /** Copies the path. */
    public UserError {
        field = field == null ? List.of() : List.copyOf(field);
        message = message == null ? "" : message;
    }

    /**
     * The index of the input entry the error points to: the first numeric element of the path, or
     * {@code elementIndex}.
     *
     * @return the index, or empty when the error concerns the whole request
     */
    public OptionalInt index() {
        if (elementIndex != null) {
            return OptionalInt.of(elementIndex);
        }
        for (String part : field) {
            // At most 9 digits: any index fits an int (an input array holds at most 250 entries), and a longer
            // number from a broken server means "not one of our entries", never an exception.
            if (!part.isEmpty() && part.length() <= 9 && part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return OptionalInt.of(Integer.parseInt(part));
            }
            if (!part.isEmpty() && part.chars().allMatch(c -> c == '-' || c >= '0' && c <= '9')) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** @return code and message, for outcome reasons */
    public String describe() {
        return (code == null ? "" : code + ": ") + message;
    }
}
