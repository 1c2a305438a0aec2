package co.hotwax.preorder.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The part of Shopify's search syntax (shopify.dev/docs/api/usage/search-syntax) the simulator understands: terms
 * {@code field:VALUE}, or {@code field:>VALUE} with a comparator ({@code >}, {@code >=}, {@code <}, {@code <=}),
 * values optionally quoted ("Date values must be a string surrounded by quotes"), joined by {@code OR}, by
 * {@code AND}, or by whitespace (an implied AND: "When a connective is not specified between two terms, AND is
 * implied"), AND binding tighter than OR. Which fields and comparators a search takes is the caller's: for variants,
 * {@code sku:VALUE} and {@code product_id:VALUE} (a number or a Product GID), matched case-insensitively, a trailing
 * {@code *} making a prefix query ({@code sku:RED*}). Anything else (other fields, {@code NOT}, parentheses, free
 * text) is rejected loudly, so a test never passes because a filter was silently ignored.
 */
public final class SearchQuery {
    /** What a search term can look at. */
    public record Searchable(String sku, String productId) {
    }

    private SearchQuery() {
    }

    /** A predicate for {@code query}; null or blank matches everything. */
    public static Predicate<Searchable> filter(String query) {
        return filter(query, SearchQuery::variantTerm, "The simulator supports only 'sku:' and 'product_id:' "
                + "search terms (exact or prefix*) joined by OR or AND");
    }

    /**
     * What a field's term matches: given the comparator ({@code ""}, {@code ">"}, {@code ">="}, {@code "<"},
     * {@code "<="}) and the unquoted value, a predicate; null when the field, comparator or value is not supported.
     *
     * @param <T> what is searched
     */
    @FunctionalInterface
    public interface Fields<T> {
        /**
         * The predicate of one term.
         *
         * @param field the field, lower-cased
         * @param comparator the comparator, or empty
         * @param value the value, unquoted
         * @return the predicate, or null when unsupported
         */
        Predicate<T> term(String field, String comparator, String value);
    }

    /**
     * A predicate for {@code query} over any searchable thing: terms {@code field:[comparator]value} joined by
     * {@code OR}, {@code AND} or whitespace (an implied AND), AND binding tighter than OR; null or blank matches
     * everything. Anything {@code fields} does not support is rejected with {@code unsupported} and the query.
     *
     * @param query the search query
     * @param fields what each term matches
     * @param unsupported the start of the error message for an unsupported query
     * @param <T> what is searched
     * @return the predicate
     */
    public static <T> Predicate<T> filter(String query, Fields<T> fields, String unsupported) {
        if (query == null || query.isBlank()) {
            return s -> true;
        }
        List<String> tokens = tokens(query);
        List<List<Predicate<T>>> anyOf = new ArrayList<>();
        List<Predicate<T>> allOf = new ArrayList<>();
        boolean expectTerm = true;
        for (String token : tokens) {
            if (token.equals("OR") || token.equals("AND")) {
                if (expectTerm) {
                    throw unsupported(unsupported, query);
                }
                if (token.equals("OR")) {
                    anyOf.add(allOf);
                    allOf = new ArrayList<>();
                }
                expectTerm = true;
            } else {
                allOf.add(term(token, fields, unsupported, query));
                expectTerm = false;
            }
        }
        if (expectTerm) {
            throw unsupported(unsupported, query);
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

    private static <T> Predicate<T> term(String token, Fields<T> fields, String unsupported, String query) {
        int colon = token.indexOf(':');
        if (colon < 0) {
            throw unsupported(unsupported, query);
        }
        String field = token.substring(0, colon).toLowerCase(Locale.ROOT);
        String raw = token.substring(colon + 1);
        String comparator = "";
        for (String c : List.of(">=", "<=", ">", "<")) {
            if (raw.startsWith(c)) {
                comparator = c;
                break;
            }
        }
        Predicate<T> p = fields.term(field, comparator, unquote(raw.substring(comparator.length())));
        if (p == null) {
            throw unsupported(unsupported, query);
        }
        return p;
    }

    private static Predicate<Searchable> variantTerm(String field, String comparator, String value) {
        if (!comparator.isEmpty()) {
            return null;
        }
        boolean prefix = value.endsWith("*");
        String wanted = (prefix ? value.substring(0, value.length() - 1) : value).toLowerCase(Locale.ROOT);
        return switch (field) {
            case "sku" -> s -> matches(s.sku(), wanted, prefix);
            case "product_id" -> {
                String number = wanted.startsWith("gid://shopify/product/") ? wanted.substring(22) : wanted;
                yield s -> matches(s.productId() == null ? null : Long.toString(Gid.number(s.productId())), number, prefix);
            }
            default -> null;
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

    private static RequestError unsupported(String message, String query) {
        return new RequestError(RequestError.BAD_REQUEST, message + "; got: " + query);
    }
}
