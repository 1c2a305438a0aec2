package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQLContext;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * How the custom scalars of the schema subset become literals in a document. DGS codegen's serializer otherwise
 * reflects into unknown classes (a {@code java.net.URI} fails with InaccessibleObjectException), so every mapped
 * scalar class gets a coercing that writes Shopify's string form.
 */
public final class GraphQlScalars {
    private GraphQlScalars() {
    }

    /** @return scalar class to coercing, for {@code GraphQLQueryRequestOptions} */
    public static Map<Class<?>, Coercing<?, ?>> all() {
        return Map.of(
                OffsetDateTime.class, new AsString(),
                BigDecimal.class, new AsString() {
                    @Override
                    String text(Object input) {
                        return ((BigDecimal) input).toPlainString();
                    }
                },
                URI.class, new AsString(),
                JsonNode.class, new AsString());
    }

    /** Shopify sends and accepts these scalars as JSON strings (JSON scalars as serialised JSON text). */
    private static class AsString implements Coercing<Object, String> {
        String text(Object input) {
            return input.toString();
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(text(input));
        }

        @Override
        @SuppressWarnings("deprecation")
        public Value<?> valueToLiteral(Object input) {
            return StringValue.of(text(input));
        }
    }
}
