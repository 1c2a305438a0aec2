package co.hotwax.preorder.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * Serves bulk operation results ({@code url}, {@code partialDataUrl}), of queries and of mutations, as JSONL on
 * loopback. Shopify's are pre-signed storage URLs fetched without the access token
 * (shopify.dev/docs/api/usage/bulk-operations/queries, "download the data"), so no token is checked here either; a
 * file not (or no longer) served answers 404.
 */
public final class BulkResultHandler implements HttpHandler {
    /** The path prefix of bulk query result files. */
    public static final String PATH = "/bulk-results/";

    private final String prefix;
    private final Function<String, Optional<byte[]>> results;

    /**
     * Serves result files under a path prefix.
     *
     * @param prefix the path prefix, e.g. {@link #PATH}
     * @param results a file name (what follows the prefix) to its body, or empty while it is not served
     */
    public BulkResultHandler(String prefix, Function<String, Optional<byte[]>> results) {
        this.prefix = prefix;
        this.results = results;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Optional<byte[]> body = "GET".equals(exchange.getRequestMethod()) && path.startsWith(prefix)
                    ? results.apply(path.substring(prefix.length())) : Optional.empty();
            if (body.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/jsonl");
            exchange.sendResponseHeaders(200, body.get().length == 0 ? -1 : body.get().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.get());
            }
        }
    }
}
