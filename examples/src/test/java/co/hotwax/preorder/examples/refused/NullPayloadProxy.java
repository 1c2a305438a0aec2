package co.hotwax.preorder.examples.refused;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback hop in front of the simulator that, when armed, answers the next requests of one mutation the way
 * Shopify answers a field whose resolver failed: HTTP 200, the field {@code null}, and an error whose
 * {@code path} names it; the mutation is not forwarded, so nothing is written. Everything else is forwarded.
 *
 * @see <a href="https://shopify.dev/changelog/improved-graphql-errors">Shopify: GraphQL errors with extensions.code</a>
 */
final class NullPayloadProxy implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newHttpClient();
    private final String field;
    private final AtomicInteger armed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    NullPayloadProxy(URI target, String field) throws IOException {
        this.field = field;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            String answer;
            if (body.contains(field) && armed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused.incrementAndGet();
                status = 200;
                answer = "{\"data\":{\"" + field + "\":null},\"errors\":[{\"message\":\"Internal error. Looks like something"
                        + " went wrong on our end.\",\"path\":[\"" + field + "\"],\"extensions\":{\"code\":"
                        + "\"INTERNAL_SERVER_ERROR\",\"requestId\":\"sim-1\"}}]}";
            } else {
                HttpRequest.Builder forward = HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                String token = exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token");
                if (token != null) {
                    forward.header("X-Shopify-Access-Token", token);
                }
                try {
                    HttpResponse<String> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    answer = response.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status = 503;
                    answer = "interrupted";
                }
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    /** Answers the next {@code times} requests of the mutation with a null payload. */
    void refuseNext(int times) {
        armed.set(times);
    }

    /** @return how many requests were answered with a null payload */
    int refused() {
        return refused.get();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
