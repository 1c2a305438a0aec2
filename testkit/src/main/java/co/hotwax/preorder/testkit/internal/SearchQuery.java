package co.hotwax.preorder.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The part of Shopify's search syntax the simulator understands: no query (everything), {@code sku:VALUE} with
 * optional single or double quotes, exact and case-sensitive, and such terms joined by {@code OR}. Anything else is
 * rejected loudly, so a test never passes because a filter was silently ignored.
 */
public final class SearchQuery {
    private SearchQuery() {
    }

    /** A predicate over SKUs for {@code query}; null or blank matches everything. */
    public static Predicate<String> skuFilter(String query) {
        if (query == null || query.isBlank()) {
            return sku -> true;
        }
        List<String> wanted = new ArrayList<>();
        for (String term : query.trim().split("\\s+OR\\s+")) {
            String t = term.trim();
            if (!t.startsWith("sku:")) {
                throw new RequestError(RequestError.BAD_REQUEST,
                        "The simulator supports only 'sku:' search terms joined by OR; got: " + query);
            }
            wanted.add(unquote(t.substring(4)));
        }
        return sku -> sku != null && wanted.contains(sku);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\'", "'");
        }
        return v;
    }
}
