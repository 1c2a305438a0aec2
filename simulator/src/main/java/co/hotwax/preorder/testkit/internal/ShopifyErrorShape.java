package co.hotwax.preorder.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites graphql-java's errors into Shopify's shape. Validation errors get the wording and {@code extensions} of
 * Shopify's GraphQL server (graphql-ruby), e.g. "Field 'foo' doesn't exist on type 'QueryRoot'" with
 * {@code {code: undefinedField, typeName, fieldName}}, instead of graphql-java's "Validation error (...) :" text;
 * graphql-java's own {@code classification} key is dropped from every error (Shopify sends none).
 */
final class ShopifyErrorShape {
    private static final Pattern PREFIX = Pattern.compile("^Validation error \\((\\w+)@\\[([^]]*)]\\) : (.*)$",
            Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private ShopifyErrorShape() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> reshape(Map<String, Object> spec, String operationName) {
        Object errors = spec.get("errors");
        if (!(errors instanceof List<?> list)) {
            return spec;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) o);
            if (e.get("extensions") instanceof Map<?, ?> ext) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) ext);
                copy.remove("classification");
                if (copy.isEmpty()) {
                    e.remove("extensions");
                } else {
                    e.put("extensions", copy);
                }
            }
            Matcher m = PREFIX.matcher(String.valueOf(e.get("message")));
            if (m.matches()) {
                rewrite(e, m.group(1), m.group(2), m.group(3), operationName);
            }
            out.add(e);
        }
        Map<String, Object> copy = new LinkedHashMap<>(spec);
        copy.put("errors", out);
        return copy;
    }

    private static void rewrite(Map<String, Object> e, String kind, String path, String text, String operation) {
        List<String> names = new ArrayList<>();
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            names.add(q.group(1));
        }
        String field = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
        String op = operation == null ? "anonymous operation" : operation;
        Map<String, Object> ext = new LinkedHashMap<>();
        String message;
        switch (kind) {
            case "FieldUndefined" -> {
                message = "Field '" + name(names, 0) + "' doesn't exist on type '" + name(names, 1) + "'";
                ext.put("code", "undefinedField");
                ext.put("typeName", name(names, 1));
                ext.put("fieldName", name(names, 0));
            }
            case "MissingFieldArgument" -> {
                message = "Field '" + field + "' is missing required arguments: " + name(names, 0);
                ext.put("code", "missingRequiredArguments");
                ext.put("className", "Field");
                ext.put("name", field);
                ext.put("arguments", name(names, 0));
            }
            case "UnknownArgument" -> {
                message = "Field '" + field + "' doesn't accept argument '" + name(names, 0) + "'";
                ext.put("code", "argumentNotAccepted");
                ext.put("name", field);
                ext.put("typeName", "Field");
                ext.put("argumentName", name(names, 0));
            }
            case "SubselectionRequired" -> {
                message = "Field must have selections (field '" + field + "' returns " + name(names, 0)
                        + " but has no selections. Did you mean '" + field + " { ... }'?)";
                ext.put("code", "selectionMismatch");
                ext.put("nodeName", "field '" + field + "'");
                ext.put("typeName", name(names, 0));
            }
            case "SubselectionNotAllowed" -> {
                message = "Selections can't be made on scalars (field '" + field + "' returns " + name(names, 0)
                        + " but has selections)";
                ext.put("code", "selectionMismatch");
                ext.put("nodeName", "field '" + field + "'");
                ext.put("typeName", name(names, 0));
            }
            case "UndefinedVariable" -> {
                message = "Variable $" + name(names, 0) + " is used by " + op + " but not declared";
                ext.put("code", "variableNotDefined");
                ext.put("variableName", name(names, 0));
            }
            case "UnusedVariable" -> {
                message = "Variable $" + name(names, 0) + " is declared by " + op + " but not used";
                ext.put("code", "variableNotUsed");
                ext.put("variableName", name(names, 0));
            }
            case "UnknownType" -> {
                message = "No such type " + name(names, 0) + ", so it can't be a fragment condition";
                ext.put("code", "undefinedType");
                ext.put("typeName", name(names, 0));
            }
            case "UnknownDirective" -> {
                message = "Directive @" + name(names, 0) + " is not defined";
                ext.put("code", "undefinedDirective");
                ext.put("directiveName", name(names, 0));
            }
            case "WrongType" -> {
                message = "Argument '" + name(names, 0) + "' on Field '" + field + "' has an invalid value ("
                        + name(names, 1) + "). Expected type '" + name(names, 2) + "'.";
                ext.put("code", "argumentLiteralsIncompatible");
                ext.put("typeName", "Field");
                ext.put("argumentName", name(names, 0));
            }
            case "VariableTypeMismatch" -> {
                message = "Type mismatch on variable and argument (" + name(names, 0) + " / " + name(names, 1) + ")";
                ext.put("code", "variableMismatch");
            }
            default -> {
                message = text;
                ext.put("code", "validationError");
            }
        }
        e.put("message", message);
        e.put("extensions", ext);
    }

    private static String name(List<String> names, int i) {
        return i < names.size() ? names.get(i) : "";
    }
}
