package co.hotwax.preorder.testkit.internal;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import java.util.List;
import java.util.Locale;

/** Shopify's custom scalars, all carried as JSON strings ({@code DateTime} serialises {@link java.time.Instant}). */
final class Scalars {
    private Scalars() {
    }

    /** DateTime, URL, Decimal and UnsignedInt64. */
    static List<GraphQLScalarType> all() {
        return List.of(dateTime(), stringScalar("URL"), stringScalar("Decimal"),
                stringScalar("UnsignedInt64"));
    }

    /** Shopify's DateTime: ISO 8601 in UTC to whole seconds, e.g. {@code 2026-04-01T10:00:00Z}. */
    private static GraphQLScalarType dateTime() {
        return stringScalar("DateTime", value -> value instanceof java.time.Instant instant
                ? instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString() : value.toString());
    }

    private static GraphQLScalarType stringScalar(String name) {
        return stringScalar(name, Object::toString);
    }

    private static GraphQLScalarType stringScalar(String name,
            java.util.function.Function<Object, String> serializer) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                return serializer.apply(value);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return input.toString();
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    Locale locale) {
                if (input instanceof StringValue s) {
                    return s.getValue();
                }
                throw new CoercingParseLiteralException(name + " must be a string literal");
            }
        }).build();
    }
}
