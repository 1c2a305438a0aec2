package co.hotwax.preorder.testkit.internal;

import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shopify's query cost rules over graphql-java's AST and schema: the requested cost debited before execution and
 * the actual cost computed from the data returned, whose difference is refunded.
 *
 * <p>Rules (Shopify's documented model, with the simplifications noted):
 * <ul>
 *   <li>Scalars and enums cost 0; an object (or interface/union) field costs 1 plus its selection.</li>
 *   <li>A mutation root field costs {@value #MUTATION_COST} plus its selection (the payload object itself is not
 *       charged again), so {@code inventorySetQuantities{inventoryAdjustmentGroup{id} userErrors{code}}} costs 12.</li>
 *   <li>A connection (an object type named {@code *Connection}) costs 2 + n &times; max(1, cost of one node's
 *       selection under {@code nodes} or {@code edges.node}), with n = {@code first} or {@code last} from literals
 *       or variables (the larger when both). Shopify refuses a connection without either; here an absent or null
 *       page size counts as {@value #DEFAULT_PAGE_SIZE}, the largest page, so the cost is never underestimated.
 *       {@code pageInfo} is included in the 2.</li>
 *   <li>{@code nodes(ids: [...])} costs ids.size &times; max(1, cost of the selection).</li>
 *   <li>Simplification: any other list of objects counts as one object (1 plus its selection), not per element.</li>
 *   <li>Fragments and inline fragments count; over an interface or union the cost is the maximum over the possible
 *       object types of the fields that apply to that type. Fields selected twice are charged twice (no merging).</li>
 *   <li>Meta fields ({@code __typename}, introspection) cost 0.</li>
 * </ul>
 *
 * <p>The actual cost applies the same rules to the returned data: a connection is charged per node returned (so a
 * 250-first search returning 2 variants costs 2 + 2), a null object or an empty list costs 0 (nothing was resolved
 * under it), a field absent from the data (another type's fragment) costs 0, and a mutation field always costs
 * its {@value #MUTATION_COST}. As long as the server honours {@code first}/{@code last}, the actual cost never exceeds
 * the requested cost. Costs saturate at {@link Integer#MAX_VALUE}.
 *
 * <p>The document is expected to be valid against the schema; an unknown operation or field is an
 * {@link IllegalArgumentException}. Stateless and thread-safe.
 */
public final class QueryCost {

    /** Shopify refuses a document whose requested cost exceeds this, whatever the plan. */
    public static final int MAX_SINGLE_QUERY_COST = 1000;

    /** The {@code extensions.code} of the error for a document above {@link #MAX_SINGLE_QUERY_COST}. */
    public static final String MAX_COST_EXCEEDED_CODE = "MAX_COST_EXCEEDED";

    /** The cost of one mutation root field. */
    public static final int MUTATION_COST = 10;

    /** The page size assumed for a connection without {@code first} or {@code last}: Shopify's largest page. */
    public static final int DEFAULT_PAGE_SIZE = 250;

    private final boolean chargeNodes;
    private final boolean logarithmic;
    private final Map<String, Integer> overrides;

    /**
     * The simulator's first cost model, kept for comparison: a node is charged max(1, its selection) rather than
     * 1 plus its selection, connections scale linearly, no overrides.
     */
    public QueryCost() {
        this(false, false, Map.of());
    }

    /**
     * A cost model.
     *
     * @param chargeNodes whether each node object costs 1 on top of its selection (Shopify's documented rule: every
     *                    object field costs 1)
     * @param logarithmic whether a connection multiplies one node's cost by max(1, ceil(log2 n)) instead of n
     *                    (see {@code CostModel.Connections.LOGARITHMIC})
     * @param overrides   root field name to a fixed cost (requested and actual), e.g. one measured on a real store
     */
    public QueryCost(boolean chargeNodes, boolean logarithmic, Map<String, Integer> overrides) {
        this.chargeNodes = chargeNodes;
        this.logarithmic = logarithmic;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * The error message Shopify returns for a document above {@link #MAX_SINGLE_QUERY_COST}.
     *
     * @param requestedCost the document's requested cost
     * @return e.g. {@code "Query cost is 1252, which exceeds the single query max cost limit (1000)."}
     */
    public static String maxCostExceededMessage(int requestedCost) {
        return "Query cost is " + requestedCost + ", which exceeds the single query max cost limit ("
                + MAX_SINGLE_QUERY_COST + ").";
    }

    /**
     * The cost debited before execution.
     *
     * @param schema the schema the document was validated against
     * @param document the parsed document
     * @param operationName the operation to run, or null when the document has exactly one
     * @param variables the request's variables (may be null or empty)
     * @return the requested cost, at least 0
     * @throws IllegalArgumentException when the operation or a field is not found
     */
    public int requestedCost(GraphQLSchema schema, Document document, String operationName,
                             Map<String, Object> variables) {
        return new Walk(schema, document, operationName, variables, false, this).total(null);
    }

    /**
     * The cost of what was actually returned, by the same rules.
     *
     * @param schema the schema the document was validated against
     * @param document the parsed document
     * @param operationName the operation that ran, or null when the document has exactly one
     * @param variables the request's variables (may be null or empty)
     * @param resultData the {@code data} of the execution result (a map of maps and lists); null when nothing ran
     * @return the actual cost, at least 0
     * @throws IllegalArgumentException when the operation or a field is not found
     */
    public int actualCost(GraphQLSchema schema, Document document, String operationName,
                          Map<String, Object> variables, Object resultData) {
        if (resultData == null) {
            return 0;
        }
        return new Walk(schema, document, operationName, variables, true, this).total(resultData);
    }

    /** One costing pass over one operation; in actual mode every step also carries the matching data. */
    private static final class Walk {
        private final GraphQLSchema schema;
        private final OperationDefinition operation;
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, Object> variables = new HashMap<>();
        private final boolean actual;
        private final QueryCost model;

        Walk(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables,
             boolean actual, QueryCost model) {
            this.model = model;
            this.schema = Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(document, "document");
            this.actual = actual;
            this.operation = findOperation(document, operationName);
            for (FragmentDefinition f : document.getDefinitionsOfType(FragmentDefinition.class)) {
                fragments.put(f.getName(), f);
            }
            for (VariableDefinition v : operation.getVariableDefinitions()) {
                if (v.getDefaultValue() != null) {
                    this.variables.put(v.getName(), v.getDefaultValue());
                }
            }
            if (variables != null) {
                this.variables.putAll(variables);
            }
        }

        private static OperationDefinition findOperation(Document document, String operationName) {
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            if (operationName == null) {
                if (operations.size() != 1) {
                    throw new IllegalArgumentException("the document has " + operations.size()
                            + " operations; name the one to cost");
                }
                return operations.get(0);
            }
            return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no operation named " + operationName));
        }

        int total(Object data) {
            boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
            GraphQLObjectType root = switch (operation.getOperation()) {
                case QUERY -> schema.getQueryType();
                case MUTATION -> schema.getMutationType();
                case SUBSCRIPTION -> schema.getSubscriptionType();
            };
            if (root == null) {
                throw new IllegalArgumentException("the schema has no root type for " + operation.getOperation());
            }
            long cost = 0;
            for (Field field : fieldsFor(operation.getSelectionSet(), root)) {
                GraphQLFieldDefinition definition = definition(root, field);
                if (definition == null) {
                    continue;
                }
                Integer fixed = model.overrides.get(field.getName());
                if (fixed != null) {
                    cost = saturatingAdd(cost, fixed);
                } else if (mutation) {
                    Object value = valueOf(data, field);
                    cost = saturatingAdd(cost, saturatingAdd(mutationCost(field), selectionCost(
                            field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()), value)));
                } else {
                    cost = saturatingAdd(cost, fieldCost(field, definition, data));
                }
            }
            return (int) Math.min(Integer.MAX_VALUE, cost);
        }

        /**
         * A mutation root field's own cost: {@value #MUTATION_COST}, or Shopify's documented dynamic cost:
         * {@code productVariantsBulkUpdate} is 10 + 0.2 per variant + 0.4 per variant metafield in the input
         * (shopify.dev/changelog/dynamic-complexity-for-productvariantsbulkcreate-and-productvariantsbulkupdate-mutations;
         * the input has no media here), rounded up. It is what Shopify charges for the mutation, not a rule for
         * reading nodes, so every model applies it.
         */
        private long mutationCost(Field field) {
            if (field.getName().equals("productVariantsBulkUpdate")) {
                Object variants = resolve(argument(field, "variants"));
                int n = 0;
                int metafields = 0;
                if (variants instanceof Collection<?> c) {
                    n = c.size();
                    for (Object v : c) {
                        metafields += elements(resolve(inputField(v, "metafields"))).size();
                    }
                }
                return MUTATION_COST + (long) Math.ceil(n * 0.2 + metafields * 0.4 - 1e-9);
            }
            return MUTATION_COST;
        }

        /** One node: 1 plus its selection when the model charges nodes, else max(1, its selection). */
        private long perNode(long selection) {
            return model.chargeNodes ? saturatingAdd(1, selection) : Math.max(1, selection);
        }

        /** The cost of one field whose parent object is {@code parentData} (ignored in requested mode). */
        private long fieldCost(Field field, GraphQLFieldDefinition definition, Object parentData) {
            if (definition == null) {
                return 0;
            }
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
            if (!(named instanceof GraphQLFieldsContainer) && !(named instanceof GraphQLUnionType)) {
                return 0;
            }
            if (actual && (parentData instanceof Map<?, ?> map) && !map.containsKey(field.getResultKey())) {
                return 0;
            }
            Object value = valueOf(parentData, field);
            if (actual && value == null) {
                return 0;
            }
            if (isConnection(named)) {
                return connectionCost(field, (GraphQLObjectType) named, value);
            }
            if (GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList && "nodes".equals(field.getName())
                    && argument(field, "ids") != null) {
                return nodesByIdCost(field, named, value);
            }
            if (type instanceof GraphQLList) {
                return plainListCost(field, named, value);
            }
            return saturatingAdd(1, selectionCost(field.getSelectionSet(), named, value));
        }

        /**
         * 2 + n x max(1, one node's selection); in actual mode n is the number of nodes returned and each returned
         * node is charged its own selection. {@code nodes} and {@code edges.node} select the same nodes, so the
         * dearer of the two counts.
         */
        private long connectionCost(Field field, GraphQLObjectType connection, Object value) {
            long perNodes = 0;
            for (Field part : fieldsFor(field.getSelectionSet(), connection)) {
                if (!part.getName().equals("nodes") && !part.getName().equals("edges")) {
                    continue;
                }
                GraphQLType element = GraphQLTypeUtil.unwrapAll(definition(connection, part).getType());
                Object list = valueOf(value, part);
                if (part.getName().equals("nodes")) {
                    perNodes = Math.max(perNodes, nodesCost(part.getSelectionSet(), element, elements(list), null));
                } else {
                    GraphQLObjectType edge = (GraphQLObjectType) element;
                    for (Field edgePart : fieldsFor(part.getSelectionSet(), edge)) {
                        if (edgePart.getName().equals("node")) {
                            GraphQLType node = GraphQLTypeUtil.unwrapAll(definition(edge, edgePart).getType());
                            perNodes = Math.max(perNodes,
                                    nodesCost(edgePart.getSelectionSet(), node, elements(list), edgePart));
                        }
                    }
                }
            }
            if (!actual) {
                perNodes = saturatingMultiply(scaled(pageSize(field)), perNode(perNodes));
            } else if (model.logarithmic) {
                perNodes = logarithmicActual(perNodes, field, connection, value);
            }
            return saturatingAdd(2, perNodes);
        }

        private long scaled(long pageSize) {
            if (!model.logarithmic) {
                return pageSize;
            }
            return Math.max(1, (long) Math.ceil(Math.log(Math.max(1, pageSize)) / Math.log(2)));
        }

        /** Actual mode under logarithmic scaling: the returned nodes' cost scaled like the requested page. */
        private long logarithmicActual(long summed, Field field, GraphQLObjectType connection, Object value) {
            int returned = 0;
            for (Field part : fieldsFor(field.getSelectionSet(), connection)) {
                if (part.getName().equals("nodes") || part.getName().equals("edges")) {
                    returned = Math.max(returned, elements(valueOf(value, part)).size());
                }
            }
            if (returned == 0) {
                return 0;
            }
            return saturatingMultiply(scaled(returned), Math.max(1, summed / returned));
        }

        /**
         * Requested mode: one node's selection cost. Actual mode: the sum over the returned items of max(1, the
         * node's selection), where an item is the node itself or, for edges, holds it under {@code nodeField}.
         */
        private long nodesCost(SelectionSet selection, GraphQLType node, Collection<?> items, Field nodeField) {
            if (!actual) {
                return selectionCost(selection, node, null);
            }
            long sum = 0;
            for (Object item : items) {
                Object data = nodeField == null ? item : valueOf(item, nodeField);
                sum = saturatingAdd(sum, perNode(selectionCost(selection, node, data)));
            }
            return sum;
        }

        private long nodesByIdCost(Field field, GraphQLType element, Object value) {
            if (actual) {
                return nodesCost(field.getSelectionSet(), element, elements(value), null);
            }
            Object ids = resolve(argument(field, "ids"));
            long count = ids instanceof Collection<?> c ? c.size() : 1;
            return saturatingMultiply(count, perNode(nodesCost(field.getSelectionSet(), element, null, null)));
        }

        private long plainListCost(Field field, GraphQLType element, Object value) {
            if (!actual) {
                return saturatingAdd(1, selectionCost(field.getSelectionSet(), element, null));
            }
            long most = -1;
            for (Object item : elements(value)) {
                if (item != null) {
                    most = Math.max(most, selectionCost(field.getSelectionSet(), element, item));
                }
            }
            return most < 0 ? 0 : saturatingAdd(1, most);
        }

        /**
         * The cost of a selection set on a (possibly abstract) type: the maximum over the object types it may be
         * of the fields that apply to that type. In actual mode {@code __typename}, when selected, picks the type.
         */
        private long selectionCost(SelectionSet selectionSet, GraphQLType type, Object data) {
            if (selectionSet == null) {
                return 0;
            }
            if (actual && data == null) {
                return 0;
            }
            List<GraphQLObjectType> candidates = possibleTypes(type);
            if (actual && data instanceof Map<?, ?> map && map.get("__typename") instanceof String typeName) {
                List<GraphQLObjectType> named = candidates.stream().filter(t -> t.getName().equals(typeName))
                        .toList();
                if (!named.isEmpty()) {
                    candidates = named;
                }
            }
            long most = 0;
            for (GraphQLObjectType candidate : candidates) {
                long sum = 0;
                for (Field field : fieldsFor(selectionSet, candidate)) {
                    sum = saturatingAdd(sum, fieldCost(field, definition(candidate, field), data));
                }
                most = Math.max(most, sum);
            }
            return most;
        }

        /** The fields of a selection set that apply when the object is of type {@code candidate}. */
        private List<Field> fieldsFor(SelectionSet selectionSet, GraphQLObjectType candidate) {
            List<Field> out = new ArrayList<>();
            collect(selectionSet, candidate, out);
            return out;
        }

        private void collect(SelectionSet selectionSet, GraphQLObjectType candidate, List<Field> out) {
            if (selectionSet == null) {
                return;
            }
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    out.add(field);
                } else if (selection instanceof InlineFragment inline) {
                    if (applies(inline.getTypeCondition(), candidate)) {
                        collect(inline.getSelectionSet(), candidate, out);
                    }
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment == null) {
                        throw new IllegalArgumentException("fragment " + spread.getName() + " is not defined");
                    }
                    if (applies(fragment.getTypeCondition(), candidate)) {
                        collect(fragment.getSelectionSet(), candidate, out);
                    }
                }
            }
        }

        private boolean applies(TypeName condition, GraphQLObjectType candidate) {
            if (condition == null || condition.getName().equals(candidate.getName())) {
                return true;
            }
            GraphQLType type = schema.getType(condition.getName());
            if (type instanceof GraphQLInterfaceType) {
                return candidate.getInterfaces().stream().anyMatch(i -> i.getName().equals(condition.getName()));
            }
            if (type instanceof GraphQLUnionType union) {
                return union.getTypes().stream().anyMatch(t -> t.getName().equals(candidate.getName()));
            }
            return false;
        }

        private List<GraphQLObjectType> possibleTypes(GraphQLType type) {
            if (type instanceof GraphQLObjectType object) {
                return List.of(object);
            }
            if (type instanceof GraphQLInterfaceType iface) {
                return schema.getImplementations(iface);
            }
            if (type instanceof GraphQLUnionType union) {
                return union.getTypes().stream().filter(GraphQLObjectType.class::isInstance)
                        .map(GraphQLObjectType.class::cast).toList();
            }
            return List.of();
        }

        private GraphQLFieldDefinition definition(GraphQLObjectType parent, Field field) {
            if (field.getName().startsWith("__")) {
                return null;
            }
            GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
            if (definition == null) {
                throw new IllegalArgumentException("field " + field.getName() + " is not defined on type "
                        + parent.getName());
            }
            return definition;
        }

        private static boolean isConnection(GraphQLType type) {
            return type instanceof GraphQLObjectType object && object.getName().endsWith("Connection")
                    && (object.getFieldDefinition("nodes") != null || object.getFieldDefinition("edges") != null);
        }

        private long pageSize(Field field) {
            long size = -1;
            for (String name : List.of("first", "last")) {
                Object value = resolve(argument(field, name));
                if (value instanceof Number number) {
                    size = Math.max(size, number.longValue());
                }
            }
            return size < 0 ? DEFAULT_PAGE_SIZE : size;
        }

        private static Value<?> argument(Field field, String name) {
            for (Argument argument : field.getArguments()) {
                if (argument.getName().equals(name)) {
                    return argument.getValue();
                }
            }
            return null;
        }

        /** A literal or variable as a Java value: Number, Collection, or null. */
        private Object resolve(Object value) {
            if (value instanceof VariableReference reference) {
                return resolve(variables.get(reference.getName()));
            }
            if (value instanceof IntValue intValue) {
                return intValue.getValue();
            }
            if (value instanceof ArrayValue array) {
                return array.getValues();
            }
            if (value instanceof Value<?>) {
                return null;
            }
            return value;
        }

        /** A field of an input object given inline ({@code ObjectValue}) or as a variable's value (a map). */
        private Object inputField(Object input, String name) {
            Object value = resolveVariable(input);
            if (value instanceof graphql.language.ObjectValue object) {
                return object.getObjectFields().stream().filter(f -> f.getName().equals(name))
                        .map(f -> (Object) f.getValue()).findFirst().orElse(null);
            }
            return value instanceof Map<?, ?> map ? map.get(name) : null;
        }

        private Object resolveVariable(Object value) {
            return value instanceof VariableReference reference ? resolveVariable(variables.get(reference.getName())) : value;
        }

        private static Object valueOf(Object parentData, Field field) {
            return parentData instanceof Map<?, ?> map ? map.get(field.getResultKey()) : null;
        }

        private static Collection<?> elements(Object list) {
            return list instanceof Collection<?> c ? c : List.of();
        }

        private static long saturatingAdd(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }

        private static long saturatingMultiply(long a, long b) {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
    }
}
