package co.hotwax.preorder.testkit.internal;

import graphql.ExceptionWhileDataFetching;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The executable Admin API schema: the SDL subset kept in the project, wired to one shop's state. */
public final class AdminSchema {
    /** Classpath location of the SDL subset. */
    public static final String SDL_RESOURCE = "/co/hotwax/preorder/testkit/admin-2026-04-subset.graphqls";
    private static final Logger LOG = LoggerFactory.getLogger(AdminSchema.class);

    private final GraphQLSchema schema;
    private final GraphQL graphql;

    /** Wires the schema to {@code store}; writes are reported to {@code observer}. */
    public AdminSchema(ShopStore store, WriteObserver observer, IdempotencyStore keys, AccessScopes scopes,
            BulkQueries bulk, BulkMutations bulkMutations) {
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl());
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        Scalars.all().forEach(wiring::scalar);
        wiring.type("Node", t -> t.typeResolver(env -> env.getSchema().getObjectType(typeName(env.getObject()))));
        wiring.type("DisplayableError", t -> t.typeResolver(env -> env.getSchema().getObjectType("UserError")));
        new QueryWiring(store, scopes).wire(wiring);
        new MutationWiring(new InventoryMutations(store, observer), new CatalogMutations(store, observer), keys,
                scopes).wire(wiring);
        // Bulk queries and bulk mutations share bulkOperation(id:) and bulkOperationCancel: the queries' fetchers are
        // wired apart and handed to the mutations, which pass on the ids that are not theirs.
        RuntimeWiring.Builder queries = RuntimeWiring.newRuntimeWiring();
        bulk.wire(queries, this::graphql);
        bulkMutations.wire(wiring, this::graphql, queries.build());
        BulkOperationList list = new BulkOperationList(() -> {
            List<Map<String, Object>> all = new ArrayList<>(bulk.views());
            all.addAll(bulkMutations.views());
            return all;
        });
        wiring.type("QueryRoot", t -> t.dataFetcher("bulkOperations", env -> list.page(env.getArguments())));
        this.schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
        this.graphql = GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new ShopifyErrors()).build();
    }

    /** The SDL text of the subset. */
    public static String sdl() {
        try (InputStream in = AdminSchema.class.getResourceAsStream(SDL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SDL_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The executable schema (for cost calculation). */
    public GraphQLSchema schema() {
        return schema;
    }

    /** The engine that executes documents against the shop. */
    public GraphQL graphql() {
        return graphql;
    }

    static String typeName(Object o) {
        if (o instanceof LocationRecord) {
            return "Location";
        } else if (o instanceof ProductRecord) {
            return "Product";
        } else if (o instanceof VariantRecord) {
            return "ProductVariant";
        } else if (o instanceof ItemRecord) {
            return "InventoryItem";
        } else if (o instanceof LevelRecord) {
            return "InventoryLevel";
        } else if (o instanceof MetafieldRecord) {
            return "Metafield";
        } else if (o instanceof SellingPlanGroupRecord) {
            return "SellingPlanGroup";
        } else if (o instanceof SellingPlanRecord) {
            return "SellingPlan";
        } else if (o instanceof Map<?, ?> m && m.get("__typename") != null) {
            return m.get("__typename").toString();
        }
        throw new IllegalStateException("no GraphQL type for " + o.getClass());
    }

    /** Turns fetcher exceptions into Shopify-shaped top-level errors. */
    private static final class ShopifyErrors implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                graphql.execution.DataFetcherExceptionHandlerParameters params) {
            Throwable e = params.getException();
            GraphQLError error;
            if (e instanceof RequestError r) {
                error = GraphqlErrorBuilder.newError().message(r.getMessage())
                        .location(params.getSourceLocation()).path(params.getPath())
                        .extensions(r.extensions()).build();
            } else {
                LOG.warn("simulator fetcher failed at {}", params.getPath(), e);
                ExceptionWhileDataFetching raw = new ExceptionWhileDataFetching(params.getPath(), e,
                        params.getSourceLocation());
                error = GraphqlErrorBuilder.newError().message("Internal error. Looks like something went wrong on "
                        + "our end. (" + e + ")").locations(raw.getLocations()).path(params.getPath())
                        .extensions(Map.of("code", "INTERNAL_SERVER_ERROR")).build();
            }
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
        }
    }
}
