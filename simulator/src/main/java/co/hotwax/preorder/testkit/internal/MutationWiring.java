package co.hotwax.preorder.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Data fetchers for the Mutation root, with the 2026-04 {@code @idempotent} rules: the key is required on the
 * inventory mutations (a top-level error otherwise); the same key with the same arguments returns the stored first
 * payload without applying again; the same key with other arguments gets {@code IDEMPOTENCY_KEY_PARAMETER_MISMATCH}.
 */
final class MutationWiring {
    /** The mutations on which 2026-04 requires {@code @idempotent(key:)} (of those the simulator serves). */
    static final Set<String> IDEMPOTENT = Set.of("inventorySetQuantities", "inventoryAdjustQuantities",
            "inventoryActivate");
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final InventoryMutations inventory;
    private final CatalogMutations catalog;
    private final IdempotencyStore keys;
    private final AccessScopes scopes;

    MutationWiring(InventoryMutations inventory, CatalogMutations catalog, IdempotencyStore keys,
            AccessScopes scopes) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.keys = keys;
        this.scopes = scopes;
    }

    void wire(RuntimeWiring.Builder w) {
        w.type("Mutation", t -> t
                .dataFetcher("inventorySetQuantities", guarded(env -> inventory.setQuantities(env.getArgument("input"))))
                .dataFetcher("inventoryAdjustQuantities",
                        guarded(env -> inventory.adjustQuantities(env.getArgument("input"))))
                .dataFetcher("inventoryActivate", guarded(env -> inventory.activate(env.getArguments())))
                .dataFetcher("inventoryItemUpdate", guarded(env -> catalog.inventoryItemUpdate(env.getArgument("id"),
                        env.getArgument("input"))))
                .dataFetcher("productVariantsBulkUpdate", guarded(env -> catalog.productVariantsBulkUpdate(
                        env.getArgument("productId"), env.getArgument("variants"),
                        Boolean.TRUE.equals(env.getArgument("allowPartialUpdates")))))
                .dataFetcher("metafieldsSet", guarded(env -> catalog.metafieldsSet(env.getArgument("metafields"))))
                .dataFetcher("tagsAdd", guarded(env -> catalog.tags(env.getArgument("id"), env.getArgument("tags"),
                        true)))
                .dataFetcher("tagsRemove", guarded(env -> catalog.tags(env.getArgument("id"),
                        env.getArgument("tags"), false))));
    }

    private graphql.schema.DataFetcher<Map<String, Object>> guarded(
            Function<DataFetchingEnvironment, Map<String, Object>> body) {
        return env -> {
            String field = env.getField().getName();
            String scope = AccessScopes.requiredFor(field);
            if (!scopes.allows(scope)) {
                throw AccessScopes.denied(field, scope);
            }
            InputLimits.check(env.getArguments());
            String key = idempotencyKey(env);
            if (key != null && key.isBlank()) {
                throw new RequestError(RequestError.BAD_REQUEST,
                        "The @idempotent key must not be empty or whitespace only.");
            }
            if (!IDEMPOTENT.contains(field)) {
                return body.apply(env);
            }
            if (key == null) {
                throw new RequestError(RequestError.BAD_REQUEST, "The @idempotent(key:) directive is required on "
                        + field + " since API version 2026-04.");
            }
            String fingerprint = field + fingerprint(env.getArguments());
            IdempotencyStore.Entry previous = keys.get(key).orElse(null);
            if (previous != null) {
                return previous.fingerprint().equals(fingerprint) ? previous.payload() : mismatch(field);
            }
            Map<String, Object> payload = body.apply(env);
            keys.put(key, fingerprint, payload);
            return payload;
        };
    }

    private static Map<String, Object> mismatch(String field) {
        String message = "The idempotency key was already used with different parameters "
                + "(IDEMPOTENCY_KEY_PARAMETER_MISMATCH).";
        boolean coded = !"inventoryActivate".equals(field);
        return new UserErrors().add(coded ? "IDEMPOTENCY_KEY_PARAMETER_MISMATCH" : null, List.of("idempotencyKey"),
                message).payload(coded ? "inventoryAdjustmentGroup" : "inventoryLevel", null);
    }

    private static String fingerprint(Map<String, Object> arguments) {
        try {
            return CANONICAL.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("arguments are plain JSON values", e);
        }
    }

    /** The resolved {@code @idempotent(key:)} on this field, or null when absent. */
    static String idempotencyKey(DataFetchingEnvironment env) {
        for (Directive d : env.getField().getDirectives("idempotent")) {
            Argument arg = d.getArgument("key");
            if (arg == null) {
                return null;
            }
            if (arg.getValue() instanceof StringValue s) {
                return s.getValue();
            }
            if (arg.getValue() instanceof VariableReference v) {
                Object value = env.getVariables().get(v.getName());
                return value == null ? null : value.toString();
            }
        }
        return null;
    }
}
