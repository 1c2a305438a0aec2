package co.hotwax.preorder.testkit.internal;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a document Shopify would reject from one it would accept but the simulator does not implement. The
 * simulator executes against its subset; when the subset refuses a document (validation or variable coercion),
 * the document is checked against the full 2026-04 schema the jar carries as structure only. Valid there, it gets
 * one {@code NOT_SIMULATED} error per thing the subset lacks, naming the field, argument or input field, and
 * nothing runs; invalid there too, the full schema's own errors are answered, as Shopify would.
 *
 * <p>The full schema takes seconds to build, so it is built once per JVM, on the first document that needs it
 * (an immutable value behind a holder class; documents the subset accepts never pay for it).
 */
final class FullSchemaCheck {
    /** Classpath location of the structure-only full schema. */
    static final String STRUCTURE_RESOURCE = "/co/hotwax/preorder/testkit/admin-2026-04-structure.graphqls";
    /** The {@code extensions.code} of an error for a valid document the simulator does not implement. */
    static final String NOT_SIMULATED = "NOT_SIMULATED";
    private static final Pattern PREFIX = Pattern.compile("^Validation error \\((\\w+)@\\[([^]]*)]\\) : (.*)$",
            Pattern.DOTALL);

    private FullSchemaCheck() {
    }

    /** The full schema's engine, built on first use; its fetchers resolve nothing and touch no shop. */
    private static final class Full {
        static final GraphQL ENGINE = GraphQL.newGraphQL(UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(reader(), ParserOptions.getDefaultSdlParserOptions().transform(b -> b
                        .maxTokens(Integer.MAX_VALUE).maxWhitespaceTokens(Integer.MAX_VALUE)
                        .maxCharacters(Integer.MAX_VALUE).maxRuleDepth(Integer.MAX_VALUE))))).build();

        private static Reader reader() {
            InputStream in = FullSchemaCheck.class.getResourceAsStream(STRUCTURE_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing resource " + STRUCTURE_RESOURCE);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
    }

    /** Whether the subset refused the document before executing it (validation or variable coercion). */
    static boolean refusedBySubset(ExecutionResult result) {
        return !result.isDataPresent() && !result.getErrors().isEmpty()
                && result.getErrors().stream().allMatch(e -> e.getErrorType() == ErrorType.ValidationError);
    }

    /**
     * The answer for a document the subset refused: the full schema's errors if it refuses it too, else one
     * {@code NOT_SIMULATED} error per subset error.
     */
    static ExecutionResult recheck(ExecutionResult subset, String query, String operationName,
            Map<String, Object> variables) {
        ExecutionResult full = Full.ENGINE.execute(ExecutionInput.newExecutionInput().query(query)
                .operationName(operationName).variables(variables).build());
        if (refusedBySubset(full)) {
            return full;
        }
        List<GraphQLError> errors = new ArrayList<>();
        for (GraphQLError e : subset.getErrors()) {
            Matcher m = PREFIX.matcher(e.getMessage());
            String what = m.matches() ? m.group(3) : e.getMessage();
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("code", NOT_SIMULATED);
            errors.add(GraphqlErrorBuilder.newError().message("Not simulated: Shopify's 2026-04 schema accepts this "
                    + "document, but the simulator does not implement it (" + what + ")")
                    .locations(e.getLocations()).extensions(ext).errorType(NotSimulated.INSTANCE).build());
        }
        return ExecutionResultImpl.newExecutionResult().errors(errors).build();
    }

    /** A classification that is not graphql-java's, so the error is not mistaken for a validation error. */
    private enum NotSimulated implements ErrorClassification {
        INSTANCE;

        @Override
        public Object toSpecification(GraphQLError error) {
            return null;
        }
    }
}
