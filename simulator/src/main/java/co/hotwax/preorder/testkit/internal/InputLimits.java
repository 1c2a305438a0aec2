package co.hotwax.preorder.testkit.internal;

import java.util.List;
import java.util.Map;

/** Shopify's global rule: no input array may hold more than 250 entries, at any depth of the arguments. */
public final class InputLimits {
    /** The largest input array Shopify accepts. */
    public static final int MAX_INPUT_ARRAY = 250;
    /** The {@code extensions.code} of the rejection. */
    public static final String CODE = "MAX_INPUT_SIZE_EXCEEDED";

    private InputLimits() {
    }

    /** Throws a {@link RequestError} when any list inside {@code value} exceeds 250 entries. */
    public static void check(Object value) {
        if (value instanceof List<?> list) {
            if (list.size() > MAX_INPUT_ARRAY) {
                throw new RequestError(CODE, "The input array size of " + list.size()
                        + " is greater than the maximum allowed of " + MAX_INPUT_ARRAY + ".");
            }
            list.forEach(InputLimits::check);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(InputLimits::check);
        }
    }
}
