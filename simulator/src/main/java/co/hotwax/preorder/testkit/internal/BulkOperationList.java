package co.hotwax.preorder.testkit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The {@code bulkOperations} query (Admin API 2026-01 and later; schema 2026-04): "Returns the app's bulk operations
 * meeting the specified filters. Defaults to sorting by created_at, with newest operations first"
 * (shopify.dev/docs/api/admin-graphql/latest/queries/bulkOperations). Its {@code query} filter takes
 * {@code status} ({@code canceled}, {@code canceling}, {@code completed}, {@code created}, {@code failed},
 * {@code running}), {@code operation_type} ({@code query}, {@code mutation}), {@code created_at} ("Filter operations
 * created after a specific date": a quoted date or time after a comparator) and {@code id} ({@code id:1234},
 * {@code id:>=1234}, {@code id:<=1234}), in Shopify's search syntax ({@link SearchQuery}); {@code sortKey}
 * {@code CREATED_AT} (default) or {@code COMPLETED_AT}; {@code reverse} gives the oldest first.
 *
 * <p>Only this app's operations are listed, as Shopify lists only the calling app's: the simulator has one app, so
 * every operation it holds is listed. Simulator choices: ties in the sort key go by id; an operation not completed
 * sorts as the oldest under {@code COMPLETED_AT}; a {@code created_at} term without a comparator, or a value that is
 * not an ISO date or time, is refused loudly rather than guessed at.
 */
final class BulkOperationList {
    private static final String UNSUPPORTED = "The simulator supports bulkOperations search terms status:, "
            + "operation_type:, created_at:<comparator>'<ISO date or time>' and id:[comparator]<number>, joined by OR "
            + "or AND";

    private final Supplier<List<Map<String, Object>>> operations;

    /**
     * Lists operations.
     *
     * @param operations every operation's view, as {@code bulkOperation(id:)} shows it now
     */
    BulkOperationList(Supplier<List<Map<String, Object>>> operations) {
        this.operations = operations;
    }

    /**
     * One page of the operations the arguments select.
     *
     * @param args the field's arguments
     * @return the connection
     */
    Map<String, Object> page(Map<String, Object> args) {
        Predicate<Map<String, Object>> filter = SearchQuery.filter((String) args.get("query"), BulkOperationList::term,
                UNSUPPORTED);
        String key = "COMPLETED_AT".equals(String.valueOf(args.get("sortKey"))) ? "completedAt" : "createdAt";
        Comparator<Map<String, Object>> oldestFirst = Comparator
                .comparing((Map<String, Object> v) -> v.get(key) instanceof Instant i ? i : Instant.MIN)
                .thenComparingLong(v -> Gid.number((String) v.get("id")));
        List<Map<String, Object>> selected = new ArrayList<>(operations.get().stream().filter(filter).toList());
        // Newest first by default; Paging applies reverse.
        selected.sort(oldestFirst.reversed());
        return Paging.page(selected, v -> (String) v.get("id"), args);
    }

    private static Predicate<Map<String, Object>> term(String field, String comparator, String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return switch (field) {
            case "status" -> comparator.isEmpty() && List.of("canceled", "canceling", "completed", "created", "failed",
                    "running").contains(wanted) ? v -> wanted.equalsIgnoreCase((String) v.get("status")) : null;
            case "operation_type" -> comparator.isEmpty() && List.of("query", "mutation").contains(wanted)
                    ? v -> wanted.equalsIgnoreCase((String) v.get("type")) : null;
            case "created_at" -> {
                Instant at = instant(value);
                yield comparator.isEmpty() || at == null ? null
                        : v -> compares(((Instant) v.get("createdAt")).compareTo(at), comparator);
            }
            case "id" -> {
                long id;
                try {
                    id = Long.parseLong(value.startsWith("gid://") ? value.substring(value.lastIndexOf('/') + 1) : value);
                } catch (NumberFormatException e) {
                    yield null;
                }
                yield v -> comparator.isEmpty() ? Gid.number((String) v.get("id")) == id
                        : compares(Long.compare(Gid.number((String) v.get("id")), id), comparator);
            }
            default -> null;
        };
    }

    private static boolean compares(int order, String comparator) {
        return switch (comparator) {
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            case "<" -> order < 0;
            default -> order <= 0;
        };
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
