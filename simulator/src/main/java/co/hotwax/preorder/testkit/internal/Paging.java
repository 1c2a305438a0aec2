package co.hotwax.preorder.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Relay connections the way Shopify serves them: {@code first}/{@code after} or {@code last}/{@code before}, at
 * most 250 a page, opaque base64 cursors, {@code edges}, {@code nodes} and {@code pageInfo}.
 */
public final class Paging {
    /** Shopify's page-size ceiling. */
    public static final int MAX_PAGE = 250;

    private Paging() {
    }

    /**
     * One page of {@code all} (already filtered and sorted) according to the connection arguments.
     *
     * @param key a stable unique key per element, encoded into the cursor
     */
    public static <T> Map<String, Object> page(List<T> all, Function<T, String> key, Map<String, Object> args) {
        Integer first = (Integer) args.get("first");
        Integer last = (Integer) args.get("last");
        if (first == null && last == null) {
            throw new RequestError(RequestError.BAD_REQUEST, "you must provide one of first or last");
        }
        if (first != null && last != null) {
            throw new RequestError(RequestError.BAD_REQUEST, "providing both first and last is not supported");
        }
        int size = first != null ? first : last;
        if (size < 0 || size > MAX_PAGE) {
            throw new RequestError(RequestError.BAD_REQUEST,
                    (first != null ? "first" : "last") + " must be between 0 and " + MAX_PAGE + ", got " + size);
        }
        List<T> ordered = new ArrayList<>(all);
        if (Boolean.TRUE.equals(args.get("reverse"))) {
            java.util.Collections.reverse(ordered);
        }
        int from = 0;
        int to = ordered.size();
        if (args.get("after") != null) {
            from = indexOf(ordered, key, (String) args.get("after")) + 1;
        }
        if (args.get("before") != null) {
            to = indexOf(ordered, key, (String) args.get("before"));
        }
        if (first != null) {
            to = Math.min(to, from + size);
        } else {
            from = Math.max(from, to - size);
        }
        List<T> slice = ordered.subList(from, Math.max(from, to));
        List<Map<String, Object>> edges = new ArrayList<>();
        for (T t : slice) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", cursor(key.apply(t)));
            edge.put("node", t);
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", to < ordered.size());
        pageInfo.put("hasPreviousPage", from > 0);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("nodes", List.copyOf(slice));
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    private static String cursor(String key) {
        return Base64.getEncoder().encodeToString(("sim:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static <T> int indexOf(List<T> ordered, Function<T, String> key, String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RequestError(RequestError.BAD_REQUEST, "Invalid cursor: " + cursor);
        }
        if (!decoded.startsWith("sim:")) {
            throw new RequestError(RequestError.BAD_REQUEST, "Invalid cursor: " + cursor);
        }
        String k = decoded.substring(4);
        for (int i = 0; i < ordered.size(); i++) {
            if (key.apply(ordered.get(i)).equals(k)) {
                return i;
            }
        }
        throw new RequestError(RequestError.BAD_REQUEST, "Cursor no longer points at an element: " + cursor);
    }
}
