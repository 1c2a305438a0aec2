package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.BulkBehaviour;
import co.hotwax.preorder.testkit.BulkOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Bulk mutation operations and the staged uploads they read, as Shopify documents them for 2026-04
 * (shopify.dev/docs/api/usage/bulk-operations/imports): {@code stagedUploadsCreate} with resource
 * {@code BULK_MUTATION_VARIABLES} and {@code httpMethod: POST} issues a form upload target whose {@code key}
 * parameter is the {@code stagedUploadPath}; the file is POSTed there as multipart form data with every parameter;
 * {@code bulkOperationRunMutation(mutation:, stagedUploadPath:)} then runs the mutation once per JSONL line, the line
 * being its variables, and serves the results as JSONL, one line per input line with its {@code __lineNumber}.
 * Since December 2025 any mutation may run in bulk (shopify.dev/changelog/faster-bulk-operations). Mutations run in
 * bulk are not charged to the cost bucket. Refusals are {@code BulkMutationErrorCode}s (schema 2026-04):
 * {@code OPERATION_IN_PROGRESS} or {@code LIMIT_REACHED} beyond the concurrency limit ({@link BulkLimit}, counted for
 * mutations separately from queries: one of each type before 2026-01, up to five from 2026-01),
 * {@code NO_SUCH_FILE}, {@code INVALID_MUTATION}, {@code INVALID_STAGED_UPLOAD_FILE}.
 *
 * <p>Simulator choices: lines run in order at {@link BulkBehaviour#objectsPerSecond()} after
 * {@link BulkBehaviour#startDelay()} (the same assumed timing as bulk queries), and a line's writes are applied when
 * the operation is next observed (polled, its results read, another bulk mutation started) once its time has come;
 * operations are numbered from {@value #FIRST_NUMBER} so their ids never meet the bulk queries'. Callers hold no lock:
 * every entry point takes the shop lock.
 */
public final class BulkMutations {
    /** Path of the upload target. */
    public static final String UPLOAD_PATH = "/staged-uploads/";
    /** Path prefix of result files. */
    public static final String RESULT_PATH = "/bulk-mutation-results/";
    /** Largest upload accepted: 100 MB (shopify.dev/changelog/faster-bulk-operations). */
    public static final int MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
    static final long FIRST_NUMBER = 1_000_001L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopStore store;
    private final Clock clock;
    private final BulkBehaviour behaviour;
    private final Supplier<String> base;
    private final Map<String, String> policies = new HashMap<>();
    private final Map<String, byte[]> uploads = new HashMap<>();
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Queue<BulkOutcome> injected = new ArrayDeque<>();
    private Supplier<GraphQL> graphql;

    /**
     * Creates the registry.
     *
     * @param store the shop, whose lock guards this state too
     * @param clock the clock operations move on
     * @param behaviour timing and concurrency
     * @param base the simulator's loopback base URL, e.g. {@code http://127.0.0.1:1234}
     */
    public BulkMutations(ShopStore store, Clock clock, BulkBehaviour behaviour, Supplier<String> base) {
        this.store = store;
        this.clock = clock;
        this.behaviour = behaviour;
        this.base = base;
    }

    /** One operation: its lifecycle, its input and the results of the lines run so far. */
    private static final class Operation {
        final BulkRun life;
        final String mutation;
        final List<Map<String, Object>> lines;
        final ByteArrayOutputStream results = new ByteArrayOutputStream();
        int run;

        Operation(BulkRun life, String mutation, List<Map<String, Object>> lines) {
            this.life = life;
            this.mutation = mutation;
            this.lines = lines;
        }

        BulkRun life() {
            return life;
        }

        byte[] results() {
            return results.toByteArray();
        }
    }

    /**
     * Wires {@code stagedUploadsCreate}, {@code bulkOperationRunMutation}, and {@code bulkOperation(id:)} and
     * {@code bulkOperationCancel} for mutation operations, together with every fetcher of {@code bulkQueries} (the
     * bulk query operations wired apart): an id that is not a bulk mutation's goes to the bulk queries' fetcher.
     */
    void wire(RuntimeWiring.Builder w, Supplier<GraphQL> engine, RuntimeWiring bulkQueries) {
        this.graphql = engine;
        Map<String, Map<String, DataFetcher>> theirs = new HashMap<>();
        bulkQueries.getDataFetchers().forEach((type, fields) -> theirs.put(type, new HashMap<>(fields)));
        DataFetcher<?> queries = theirs.getOrDefault("QueryRoot", new HashMap<>()).remove("bulkOperation");
        DataFetcher<?> cancels = theirs.getOrDefault("Mutation", new HashMap<>()).remove("bulkOperationCancel");
        theirs.forEach((type, fields) -> w.type(type, t -> {
            fields.forEach(t::dataFetcher);
            return t;
        }));
        w.type("QueryRoot", t -> t.dataFetcher("bulkOperation", env -> {
            Optional<Map<String, Object>> mine = store.locked(() -> find(env.getArgument("id")).map(this::observe));
            return mine.isPresent() ? mine.get() : queries == null ? null : queries.get(env);
        }));
        w.type("Mutation", t -> t
                .dataFetcher("stagedUploadsCreate", env -> store.locked(() -> stage(env.getArgument("input"))))
                .dataFetcher("bulkOperationRunMutation", env -> store.locked(() -> run(env.getArgument("mutation"),
                        env.getArgument("stagedUploadPath"), BulkLimit.of(behaviour, env))))
                .dataFetcher("bulkOperationCancel", env -> {
                    Optional<Map<String, Object>> mine = store.locked(() -> find(env.getArgument("id")).map(this::cancel));
                    return mine.isPresent() ? mine.get() : cancels == null ? null : cancels.get(env);
                }));
    }

    /** Makes the next bulk mutation created end with {@code outcome} half-way through its lines. */
    public void inject(BulkOutcome outcome) {
        store.locked(() -> injected.add(outcome));
    }

    /**
     * Every operation as {@code bulkOperation(id:)} shows it now (its lines run up to now), oldest first.
     *
     * @return the views
     */
    public List<Map<String, Object>> views() {
        return store.locked(() -> operations.values().stream().map(this::observe).toList());
    }

    /** @return bulk mutation operations created so far */
    public int created() {
        return store.locked(operations::size);
    }

    /**
     * Receives a POSTed form for the upload target: the issued {@code key} and {@code policy} and the file.
     *
     * @param fields the form's text fields
     * @param file the file part, or null
     * @return the HTTP status: 201 stored, 400 no file, 403 a key or policy not issued, 413 too large
     */
    public int upload(Map<String, String> fields, byte[] file) {
        return store.locked(() -> {
            String key = fields.get("key");
            if (key == null || !policies.containsKey(key) || !policies.get(key).equals(fields.get("policy"))) {
                return 403;
            }
            if (file == null) {
                return 400;
            }
            if (file.length > MAX_UPLOAD_BYTES) {
                return 413;
            }
            uploads.put(key, file.clone());
            return 201;
        });
    }

    /**
     * The result JSONL for a path ({@code <n>.jsonl} or {@code <n>-partial.jsonl}) if it is served now.
     *
     * @param file the file name
     * @return the body
     */
    public Optional<byte[]> result(String file) {
        return store.locked(() -> BulkRun.file(operations.values(), file, Operation::life, this::observe,
                Operation::results, Operation::results));
    }

    private Optional<Operation> find(String id) {
        return Optional.ofNullable(operations.get(id));
    }

    private Map<String, Object> stage(List<Map<String, Object>> inputs) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Map<String, Object> in : inputs) {
            if (!"POST".equals(String.valueOf(in.get("httpMethod")))) {
                throw new RequestError(FullSchemaCheck.NOT_SIMULATED, "Not simulated: the simulator issues"
                        + " BULK_MUTATION_VARIABLES upload targets for httpMethod POST only, as Shopify's bulk import"
                        + " guide uses");
            }
            String key = "tmp/simulator/bulk/" + (policies.size() + 1) + "/" + in.get("filename");
            String policy = "policy-" + Integer.toHexString((key + clock.instant()).hashCode());
            policies.put(key, policy);
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("url", base.get() + UPLOAD_PATH);
            target.put("resourceUrl", base.get() + UPLOAD_PATH + key);
            target.put("parameters", List.of(parameter("key", key), parameter("Content-Type", in.get("mimeType")),
                    parameter("success_action_status", "201"), parameter("policy", policy)));
            targets.add(target);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("stagedTargets", targets);
        payload.put("userErrors", List.of());
        return payload;
    }

    private static Map<String, Object> parameter(String name, Object value) {
        return Map.of("name", name, "value", String.valueOf(value));
    }

    private Map<String, Object> run(String mutation, String path, int limit) {
        operations.values().forEach(this::catchUp);
        long inProgress = operations.values().stream().filter(op -> op.life().inProgress()).count();
        if (inProgress >= limit) {
            return refused(BulkLimit.code(limit), null, limit == 1
                    ? "A bulk mutation operation for this app and shop is already in progress."
                    : "Bulk operations limit reached: " + limit + " bulk mutation operations are in progress. Please "
                    + "try again later.");
        }
        byte[] file = uploads.get(path);
        if (file == null) {
            return refused("NO_SUCH_FILE", List.of("stagedUploadPath"), "The JSONL file could not be found.");
        }
        Document document;
        try {
            document = Parser.parse(mutation);
        } catch (RuntimeException e) {
            return refused("INVALID_MUTATION", List.of("mutation"), "Invalid mutation: " + e.getMessage());
        }
        List<OperationDefinition> ops = document.getDefinitionsOfType(OperationDefinition.class);
        if (ops.size() != 1 || ops.get(0).getOperation() != OperationDefinition.Operation.MUTATION) {
            return refused("INVALID_MUTATION", List.of("mutation"), "The document must hold exactly one mutation.");
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
            } catch (JsonProcessingException e) {
                return refused("INVALID_STAGED_UPLOAD_FILE", List.of("stagedUploadPath"),
                        "Unexpected file structure - expected JSONL");
            }
        }
        String id = Gid.of("BulkOperation", FIRST_NUMBER + operations.size());
        Operation op = new Operation(new BulkRun(id, "MUTATION", mutation, lines.size(), injected.poll(), clock,
                behaviour), mutation, lines);
        operations.put(id, op);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bulkOperation", observe(op));
        payload.put("userErrors", List.of());
        return payload;
    }

    private Map<String, Object> cancel(Operation op) {
        catchUp(op);
        return op.life().cancel(run -> view(op));
    }

    private static Map<String, Object> refused(String code, List<String> field, String message) {
        return BulkRun.refused(code, field, message);
    }

    /** Runs the lines whose time has come, then shows the operation. */
    private Map<String, Object> observe(Operation op) {
        catchUp(op);
        return view(op);
    }

    private void catchUp(Operation op) {
        for (long target = op.life().processed(); op.run < target; op.run++) {
            Map<String, Object> variables = op.lines.get(op.run);
            ExecutionResult result = graphql.get().execute(ExecutionInput.newExecutionInput().query(op.mutation)
                    .variables(variables).build());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("data", result.getData());
            if (!result.getErrors().isEmpty()) {
                line.put("errors", result.getErrors().stream().map(GraphQLError::toSpecification).toList());
            }
            line.put("__lineNumber", op.run);
            try {
                op.results.writeBytes(JSON.writeValueAsBytes(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a result is plain JSON", e);
            }
            op.results.write('\n');
        }
    }

    /** The operation as {@code bulkOperation(id:)} shows it now. */
    private Map<String, Object> view(Operation op) {
        Map<String, Object> v = op.life().view(false, base.get() + RESULT_PATH);
        if ("COMPLETED".equals(v.get("status"))) {
            v.put("fileSize", BigInteger.valueOf(op.results.size()).toString());
        }
        v.put("objectCount", Integer.toString(op.run));
        v.put("rootObjectCount", Integer.toString(op.run));
        return v;
    }
}
