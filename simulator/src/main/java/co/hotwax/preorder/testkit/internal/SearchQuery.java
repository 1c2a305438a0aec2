package co.hotwax.preorder.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The part of Shopify's search syntax (shopify.dev/docs/api/usage/search-syntax) the simulator understands: terms
 * {@code sku:VALUE} and {@code product_id:VALUE} (a number or a Product GID), values optionally quoted, matched
 * case-insensitively, a trailing {@code *} making a prefix query ({@code sku:RED*}); terms joined by {@code OR},
 * by {@code AND}, or by whitespace (an implied AND), AND binding tighter than OR. Anything else (other fields,
 * {@code NOT}, comparators, parentheses, free text) is rejected loudly, so a test never passes because a filter was
 * silently ignored.
 */
public final class SearchQuery {
    /** What a search term can look at. */
    public record Searchable(String sku, String productId) {
    }

    private SearchQuery() {
    }

    /** A predicate for {@code query}; null or blank matches everything. */
    public static Predicate<Searchable> filter(String query) {
        if (query == null || query.isBlank()) {
            return s -> true;
        }
        List<String> tokens = tokens(query);
        List<List<Predicate<Searchable>>> anyOf = new ArrayList<>();
        List<Predicate<Searchable>> allOf = new ArrayList<>();
        boolean expectTerm = true;
        for (String token : tokens) {
            if (token.equals("OR") || token.equals("AND")) {
                if (expectTerm) {
                    throw unsupported(query);
                }
                if (token.equals("OR")) {
                    anyOf.add(allOf);
                    allOf = new ArrayList<>();
                }
                expectTerm = true;
            } else {
                allOf.add(term(token, query));
                expectTerm = false;
            }
        }
        if (expectTerm) {
            throw unsupported(query);
        }
        anyOf.add(allOf);
        return s -> anyOf.stream().anyMatch(all -> all.stream().allMatch(p -> p.test(s)));
    }

    /**
     * A {@code sku:} term, as an index looks it up.
     *
     * @param value the lower-cased SKU, or its prefix
     * @param prefix whether it ended in {@code *}
     */
    public record SkuTerm(String value, boolean prefix) {
    }

    /**
     * One {@code sku:} term of each alternative ({@code OR}) of a valid query, when every alternative has one: a
     * variant the query matches matches one of them, so they bound the search. Empty when some alternative has none,
     * or the query is blank (everything matches) or invalid ({@link #filter} says why).
     *
     * @param query the search query
     * @return the terms, or empty when only a scan will do
     */
    public static Optional<List<SkuTerm>> skuTerms(String query) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        try {
            filter(query);
        } catch (RequestError e) {
            return Optional.empty();
        }
        List<SkuTerm> terms = new ArrayList<>();
        SkuTerm inGroup = null;
        for (String token : tokens(query)) {
            if (token.equals("OR")) {
                if (inGroup == null) {
                    return Optional.empty();
                }
                terms.add(inGroup);
                inGroup = null;
            } else if (!token.equals("AND") && inGroup == null
                    && token.substring(0, token.indexOf(':')).equalsIgnoreCase("sku")) {
                String value = unquote(token.substring(token.indexOf(':') + 1));
                boolean prefix = value.endsWith("*");
                inGroup = new SkuTerm((prefix ? value.substring(0, value.length() - 1) : value).toLowerCase(Locale.ROOT),
                        prefix);
            }
        }
        if (inGroup == null) {
            return Optional.empty();
        }
        terms.add(inGroup);
        return Optional.of(terms);
    }

    private static Predicate<Searchable> term(String token, String query) {
        int colon = token.indexOf(':');
        if (colon < 0) {
            throw unsupported(query);
        }
        String field = token.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = unquote(token.substring(colon + 1));
        boolean prefix = value.endsWith("*");
        String wanted = (prefix ? value.substring(0, value.length() - 1) : value).toLowerCase(Locale.ROOT);
        return switch (field) {
            case "sku" -> s -> matches(s.sku(), wanted, prefix);
            case "product_id" -> {
                String number = wanted.startsWith("gid://shopify/product/") ? wanted.substring(22) : wanted;
                yield s -> matches(s.productId() == null ? null : Long.toString(Gid.number(s.productId())), number, prefix);
            }
            default -> throw unsupported(query);
        };
    }

    private static boolean matches(String actual, String wanted, boolean prefix) {
        if (actual == null) {
            return false;
        }
        String a = actual.toLowerCase(Locale.ROOT);
        return prefix ? a.startsWith(wanted) : a.equals(wanted);
    }

    /** Splits on whitespace outside quotes. */
    private static List<String> tokens(String query) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote && query.charAt(i - 1) != '\\') {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (Character.isWhitespace(c)) {
                if (!current.isEmpty()) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\'", "'");
        }
        return v;
    }

    private static RequestError unsupported(String query) {
        return new RequestError(RequestError.BAD_REQUEST, "The simulator supports only 'sku:' and 'product_id:' "
                + "search terms (exact or prefix*) joined by OR or AND; got: " + query);
    }
}
