package co.hotwax.preorder.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites graphql-java's validation errors into Shopify's shape: a plain message without graphql-java's
 * "Validation error (Type@[path]) :" prefix and an {@code extensions.code} named like Shopify's
 * (e.g. {@code undefinedField}, {@code missingRequiredArguments}).
 */
final class ShopifyErrorShape {
    private static final Pattern PREFIX = Pattern.compile("^Validation error \\((\\w+)@\\[[^]]*]\\) : (.*)$",
            Pattern.DOTALL);
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("FieldUndefined", "undefinedField"),
            Map.entry("MissingFieldArgument", "missingRequiredArguments"),
            Map.entry("UnknownArgument", "argumentNotAccepted"),
            Map.entry("WrongType", "argumentLiteralsIncompatible"),
            Map.entry("VariableTypeMismatch", "variableMismatch"),
            Map.entry("UndefinedVariable", "variableNotDefined"),
            Map.entry("UnusedVariable", "variableNotUsed"),
            Map.entry("SubselectionRequired", "selectionMismatch"),
            Map.entry("SubselectionNotAllowed", "selectionMismatch"),
            Map.entry("UnknownType", "undefinedType"),
            Map.entry("UnknownDirective", "undefinedDirective"));

    private ShopifyErrorShape() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> reshape(Map<String, Object> spec) {
        Object errors = spec.get("errors");
        if (!(errors instanceof List<?> list)) {
            return spec;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) o);
            Matcher m = PREFIX.matcher(String.valueOf(e.get("message")));
            if (m.matches()) {
                e.put("message", m.group(2));
                Map<String, Object> ext = new LinkedHashMap<>();
                ext.put("code", CODES.getOrDefault(m.group(1), "validationError"));
                e.put("extensions", ext);
            }
            out.add(e);
        }
        Map<String, Object> copy = new LinkedHashMap<>(spec);
        copy.put("errors", out);
        return copy;
    }
}
