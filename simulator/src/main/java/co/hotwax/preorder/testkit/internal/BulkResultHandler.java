package co.hotwax.preorder.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Serves bulk query results ({@code url}, {@code partialDataUrl}) as JSONL on loopback. Shopify's are pre-signed
 * storage URLs fetched without the access token (shopify.dev/docs/api/usage/bulk-operations/queries, "download the
 * data"), so no token is checked here either; a file not (or no longer) served answers 404.
 */
public final class BulkResultHandler implements HttpHandler {
    /** The path prefix of result files. */
    public static final String PATH = "/bulk-results/";

    private final BulkQueries queries;

    /** Serves the results of {@code queries}. */
    public BulkResultHandler(BulkQueries queries) {
        this.queries = queries;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String file = exchange.getRequestURI().getPath().substring(PATH.length());
            Optional<byte[]> body = "GET".equals(exchange.getRequestMethod()) ? queries.result(file) : Optional.empty();
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
