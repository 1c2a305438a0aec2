package co.hotwax.preorder.testkit.internal;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the simulator needs to know about a request before executing it: the parsed document (null when it does
 * not parse; execution then reports the syntax error), the root fields, the first {@code @idempotent} key and
 * whether it is a mutation (fault plans may spare queries).
 */
public record RequestInfo(Document document, String operationName, List<String> rootFields, String idempotencyKey,
        boolean mutation) {
    /** Copies the field list. */
    public RequestInfo {
        rootFields = List.copyOf(rootFields);
    }

    /** Parses {@code query} and reads the operation called {@code operationName} (or the only one). */
    public static RequestInfo of(String query, String operationName, Map<String, Object> variables) {
        Document document;
        try {
            document = Parser.parse(query == null ? "" : query);
        } catch (InvalidSyntaxException e) {
            return new RequestInfo(null, operationName, List.of(), null, false);
        }
        OperationDefinition operation = null;
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName == null ? operation == null : operationName.equals(op.getName())) {
                operation = op;
            }
        }
        List<String> fields = new ArrayList<>();
        String key = null;
        if (operation != null) {
            for (Selection<?> s : operation.getSelectionSet().getSelections()) {
                if (s instanceof Field f) {
                    fields.add(f.getName());
                    key = key != null ? key : key(f, variables);
                }
            }
        }
        boolean mutation = operation != null
                && operation.getOperation() == OperationDefinition.Operation.MUTATION;
        return new RequestInfo(document, operationName, fields, key, mutation);
    }

    private static String key(Field f, Map<String, Object> variables) {
        for (Directive d : f.getDirectives("idempotent")) {
            Argument a = d.getArgument("key");
            if (a != null && a.getValue() instanceof StringValue s) {
                return s.getValue();
            }
            if (a != null && a.getValue() instanceof VariableReference v && variables.get(v.getName()) != null) {
                return variables.get(v.getName()).toString();
            }
        }
        return null;
    }
}
