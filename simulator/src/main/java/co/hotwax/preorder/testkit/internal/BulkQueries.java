package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.BulkBehaviour;
import co.hotwax.preorder.testkit.BulkOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.parser.Parser;
import graphql.schema.idl.RuntimeWiring;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Bulk query operations as Shopify documents them for 2026-04: {@code bulkOperationRunQuery(query:)} runs a query
 * with a connection at its root in the background; {@code bulkOperation(id:)} reports {@code status},
 * {@code objectCount}, {@code rootObjectCount}, {@code errorCode}, {@code url} and {@code partialDataUrl}; the result
 * is JSONL, one object per line, a nested connection's nodes on their own lines after their parent with
 * {@code __parentId} (shopify.dev/docs/api/usage/bulk-operations/queries; schema 2026-04 object
 * {@code BulkOperation}; Shopify/shopify-api-ruby#729 for "children are listed after their parent, not directly
 * after"). A query while the app's limit of bulk queries is in progress ({@link BulkLimit}: five from 2026-01, one
 * before) is refused with userError {@code OPERATION_IN_PROGRESS} or {@code LIMIT_REACHED}
 * (enum {@code BulkOperationUserErrorCode}). A query with more than five connections,
 * or connections nested more than two levels below the root, is refused with {@code INVALID}: "The query must
 * include at least one connection field and supports up to five connections with a maximum nesting depth of two
 * levels" (schema 2026-04, {@code bulkOperationRunQuery}; the wording of the message is the simulator's).
 *
 * <p>Simulator choices: the data is read when the operation is created (Shopify reads while running); nested
 * connections are served up to 250 nodes each; the status is derived from the clock on every read.
 */
public final class BulkQueries {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = Paging.MAX_PAGE;
    /** "supports up to five connections with a maximum nesting depth of two levels" (schema 2026-04). */
    private static final int MAX_CONNECTIONS = 5;
    private static final int MAX_NESTING = 2;

    private final ShopStore store;
    private final Clock clock;
    private final BulkBehaviour behaviour;
    private final Supplier<String> resultBase;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Queue<BulkOutcome> injected = new ArrayDeque<>();
    private final List<String> foreign = new ArrayList<>();
    private final Map<String, String> accessDenied = new LinkedHashMap<>();
    private Supplier<GraphQL> graphql;

    /**
     * Creates the registry.
     *
     * @param store the shop, whose lock guards this state too
     * @param clock the clock statuses move on
     * @param behaviour timing and concurrency
     * @param resultBase the loopback base URL of result files, e.g. {@code http://127.0.0.1:1234/bulk/}
     */
    public BulkQueries(ShopStore store, Clock clock, BulkBehaviour behaviour,
            Supplier<String> resultBase) {
        this.store = store;
        this.clock = clock;
        this.behaviour = behaviour;
        this.resultBase = resultBase;
    }

    /** One operation: its lifecycle and its snapshot. */
    private record Operation(BulkRun run, byte[] jsonl, byte[] partial, long roots) {
    }

    void wire(RuntimeWiring.Builder w, Supplier<GraphQL> engine) {
        this.graphql = engine;
        w.type("QueryRoot", t -> t.dataFetcher("bulkOperation", env -> {
            Operation op = operations.get((String) env.getArgument("id"));
            return op == null ? null : view(op);
        }));
        w.type("Mutation", t -> t
                .dataFetcher("bulkOperationRunQuery", env -> run(env.getArgument("query"), BulkLimit.of(behaviour, env)))
                .dataFetcher("bulkOperationCancel", env -> cancel(env.getArgument("id"))));
    }

    /** Makes the next operation created end with {@code outcome}. */
    public void inject(BulkOutcome outcome) {
        store.locked(() -> injected.add(outcome));
    }

    /**
     * Starts an operation that is not this app's adapter's (another app or a crashed run): it occupies the
     * concurrency limit until it completes.
     *
     * @param objects the objects it processes
     * @return its id
     */
    public String startForeign(long objects) {
        return store.locked(() -> {
            String id = Gid.of("BulkOperation", operations.size() + 1L);
            operations.put(id, new Operation(new BulkRun(id, "QUERY", "{ products { edges { node { id } } } }", objects,
                    null, clock, behaviour), new byte[0], null, objects));
            foreign.add(id);
            return id;
        });
    }

    /**
     * Every operation as {@code bulkOperation(id:)} shows it now, oldest first.
     *
     * @return the views
     */
    public List<Map<String, Object>> views() {
        return store.locked(() -> operations.values().stream().map(this::view).toList());
    }

    /** Operations created so far (also refused-free foreign ones). */
    public int created() {
        return store.locked(operations::size);
    }

    /** The JSONL body for a result path ({@code <n>.jsonl} or {@code <n>-partial.jsonl}), if it is served now. */
    public Optional<byte[]> result(String file) {
        return store.locked(() -> BulkRun.file(operations.values(), file, Operation::run, this::view, Operation::jsonl,
                Operation::partial));
    }

    private Map<String, Object> run(String query, int limit) {
        long inProgress = operations.values().stream().filter(op -> op.run().inProgress()).count();
        if (inProgress >= limit) {
            String running = operations.values().stream().filter(op -> op.run().inProgress())
                    .map(op -> op.run().id()).findFirst().orElseThrow();
            return refused(BulkLimit.code(limit), limit == 1
                    ? "A bulk query operation for this app and shop is already in progress: " + running + "."
                    : "Bulk operations limit reached: " + limit + " bulk query operations are in progress, the first "
                    + running + ". Please try again later.");
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            return refused("INVALID", "Invalid bulk query: " + e.getMessage());
        }
        List<OperationDefinition> ops = document.getDefinitionsOfType(OperationDefinition.class);
        if (ops.size() != 1 || ops.get(0).getOperation() != OperationDefinition.Operation.QUERY
                || ops.get(0).getSelectionSet().getSelections().size() != 1
                || !(ops.get(0).getSelectionSet().getSelections().get(0) instanceof Field root)
                || !isConnection(root)) {
            return refused("INVALID", "Bulk queries must contain exactly one query with one connection field at "
                    + "its root.");
        }
        int[] shape = new int[2];
        connections(root.getSelectionSet(), 0, shape);
        if (shape[0] + 1 > MAX_CONNECTIONS) {
            return refused("INVALID", "Bulk queries cannot contain more than " + MAX_CONNECTIONS + " connections; "
                    + "this one has " + (shape[0] + 1) + ".");
        }
        if (shape[1] > MAX_NESTING) {
            return refused("INVALID", "Bulk queries cannot contain connections nested more than " + MAX_NESTING
                    + " levels deep; this one nests " + shape[1] + ".");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] counts = new long[2];
        String after = null;
        String failure = null;
        do {
            Field paged = paged(root, after);
            OperationDefinition op = ops.get(0).transform(b -> b.selectionSet(new SelectionSet(List.of(paged))));
            ExecutionResult result = graphql.get().execute(ExecutionInput.newExecutionInput()
                    .query(AstPrinter.printAstCompact(Document.newDocument().definition(op).build())).build());
            if (!result.getErrors().isEmpty()) {
                failure = code(result.getErrors());
                if (failure == null) {
                    return refused("INVALID", "Invalid bulk query: " + result.getErrors().get(0).getMessage());
                }
                break;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> connection = (Map<String, Object>) ((Map<String, Object>) result.getData())
                    .get(root.getResultKey());
            for (Map<String, Object> node : nodes(connection)) {
                counts[1]++;
                emit(node, null, out, counts);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) connection.get("__bulkPageInfo");
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
        } while (after != null);
        String id = Gid.of("BulkOperation", operations.size() + 1L);
        byte[] all = out.toByteArray();
        Operation op = failure != null
                ? new Operation(new BulkRun(id, "QUERY", query, 0, null, clock, behaviour), new byte[0], null, 0)
                : new Operation(new BulkRun(id, "QUERY", query, counts[0], injected.poll(), clock, behaviour), all,
                        firstHalf(all), counts[1]);
        operations.put(id, op);
        if (failure != null) {
            accessDenied.put(id, failure);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bulkOperation", view(op));
        payload.put("userErrors", List.of());
        return payload;
    }

    private Map<String, Object> cancel(String id) {
        Operation op = operations.get(id);
        if (op == null) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("bulkOperation", null);
            payload.put("userErrors", List.of(Map.of("field", List.of("id"), "message", "Bulk operation does not exist")));
            return payload;
        }
        return op.run().cancel(run -> view(op));
    }

    private static Map<String, Object> refused(String code, String message) {
        return BulkRun.refused(code, List.of("query"), message);
    }

    /** ACCESS_DENIED when an error says so, else null (the document itself is wrong). */
    private static String code(List<GraphQLError> errors) {
        for (GraphQLError e : errors) {
            Object code = e.getExtensions() == null ? null : e.getExtensions().get("code");
            if ("ACCESS_DENIED".equals(code)) {
                return "ACCESS_DENIED";
            }
        }
        return null;
    }

    /**
     * Counts the connections below the root ({@code shape[0]}) and the deepest nesting of connections below it
     * ({@code shape[1]}).
     */
    private static void connections(SelectionSet set, int depth, int[] shape) {
        if (set == null) {
            return;
        }
        for (Selection s : set.getSelections()) {
            if (s instanceof Field f && f.getSelectionSet() != null) {
                boolean connection = isConnection(f);
                if (connection) {
                    shape[0]++;
                    shape[1] = Math.max(shape[1], depth + 1);
                }
                connections(f.getSelectionSet(), connection ? depth + 1 : depth, shape);
            }
        }
    }

    private static boolean isConnection(Field field) {
        return field.getSelectionSet() != null && field.getSelectionSet().getSelections().stream()
                .anyMatch(s -> s instanceof Field f && (f.getName().equals("edges") || f.getName().equals("nodes")));
    }

    /** The root field with a page size, the cursor and its page info; nested connections get a page size. */
    private static Field paged(Field root, String after) {
        List<Argument> args = new ArrayList<>(root.getArguments().stream()
                .filter(a -> !a.getName().equals("first") && !a.getName().equals("after")).toList());
        args.add(new Argument("first", IntValue.of(PAGE)));
        if (after != null) {
            args.add(new Argument("after", StringValue.of(after)));
        }
        List<Selection> selections = new ArrayList<>(nested(root.getSelectionSet()).getSelections());
        selections.add(Field.newField("pageInfo").alias("__bulkPageInfo").selectionSet(new SelectionSet(List.of(
                new Field("hasNextPage"), new Field("endCursor")))).build());
        return root.transform(b -> b.arguments(args).selectionSet(new SelectionSet(selections)));
    }

    private static SelectionSet nested(SelectionSet set) {
        List<Selection> out = new ArrayList<>();
        for (Selection s : set.getSelections()) {
            if (s instanceof Field f && f.getSelectionSet() != null) {
                SelectionSet inner = nested(f.getSelectionSet());
                boolean first = f.getArguments().stream().anyMatch(a -> a.getName().equals("first")
                        || a.getName().equals("last"));
                List<Argument> args = new ArrayList<>(f.getArguments());
                if (isConnection(f) && !first) {
                    args.add(new Argument("first", IntValue.of(PAGE)));
                }
                out.add(f.transform(b -> b.arguments(args).selectionSet(inner)));
            } else {
                out.add(s);
            }
        }
        return new SelectionSet(out);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> connection) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object nodes = connection.get("nodes");
        if (nodes instanceof List<?> list) {
            list.forEach(n -> out.add((Map<String, Object>) n));
        } else if (connection.get("edges") instanceof List<?> edges) {
            edges.forEach(e -> out.add((Map<String, Object>) ((Map<String, Object>) e).get("node")));
        }
        return out;
    }

    /** Writes the node's line, then its nested connections' nodes as lines with {@code __parentId}. */
    private static void emit(Map<String, Object> node, String parentId, ByteArrayOutputStream out, long[] counts) {
        List<Map<String, Object>> children = new ArrayList<>();
        Map<String, Object> line = strip(node, children);
        if (parentId != null) {
            line.put("__parentId", parentId);
        }
        try {
            out.writeBytes(JSON.writeValueAsBytes(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain JSON values", e);
        }
        out.write('\n');
        counts[0]++;
        for (Map<String, Object> child : children) {
            emit(child, (String) node.get("id"), out, counts);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> strip(Map<String, Object> object, List<Map<String, Object>> children) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && (m.containsKey("edges") || m.containsKey("nodes"))) {
                children.addAll(nodes((Map<String, Object>) m));
            } else if (e.getValue() instanceof Map<?, ?> m) {
                copy.put(e.getKey(), strip((Map<String, Object>) m, children));
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        return copy;
    }

    private static byte[] firstHalf(byte[] all) {
        int lines = 0;
        for (byte b : all) {
            lines += b == '\n' ? 1 : 0;
        }
        int keep = lines / 2;
        int end = 0;
        for (int i = 0; i < all.length && keep > 0; i++) {
            if (all[i] == '\n') {
                keep--;
                end = i + 1;
            }
        }
        return java.util.Arrays.copyOf(all, end);
    }

    /** The operation as {@code bulkOperation(id:)} shows it now. */
    private Map<String, Object> view(Operation op) {
        BulkRun run = op.run();
        Map<String, Object> v = run.view(accessDenied.containsKey(run.id()), resultBase.get());
        if ("COMPLETED".equals(v.get("status"))) {
            v.put("fileSize", BigInteger.valueOf(op.jsonl().length).toString());
            // A query that found nothing has no file: url stays null (simulator's reading of "Returns null").
            if (foreign.contains(run.id()) || run.work() == 0) {
                v.put("url", null);
            }
        }
        long processed = run.processed();
        v.put("rootObjectCount", Long.toString(run.work() == 0 ? 0 : processed * op.roots() / run.work()));
        return v;
    }
}
