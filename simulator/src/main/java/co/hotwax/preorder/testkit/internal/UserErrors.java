package co.hotwax.preorder.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects Shopify {@code userErrors} entries ({@code field}, {@code message}, optional {@code code}). */
public final class UserErrors {
    private final List<Map<String, Object>> errors = new ArrayList<>();

    /** Adds an error with a code (for the {@code <Mutation>UserError} types). */
    public UserErrors add(String code, List<String> field, String message) {
        return add(code, field, message, null);
    }

    /** Adds an error with a code and the index of the offending input element (metafieldsSet). */
    public UserErrors add(String code, List<String> field, String message, Integer elementIndex) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("field", field);
        e.put("message", message);
        e.put("elementIndex", elementIndex);
        errors.add(e);
        return this;
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The collected errors, as the schema serves them. */
    public List<Map<String, Object>> list() {
        return List.copyOf(errors);
    }

    /** A mutation payload: {@code resultField} (null when there are errors) plus {@code userErrors}. */
    public Map<String, Object> payload(String resultField, Object result) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(resultField, isEmpty() ? result : null);
        p.put("userErrors", list());
        return p;
    }

    /** The field path {@code [prefix..., index, name]} for an element of an input list. */
    public static List<String> path(String first, String list, int index, String name) {
        return List.of(first, list, Integer.toString(index), name);
    }
}
