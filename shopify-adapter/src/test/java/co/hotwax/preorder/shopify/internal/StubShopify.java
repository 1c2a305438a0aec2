package co.hotwax.preorder.shopify.internal;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted HTTP endpoint on loopback for transport and error-mapping tests: it answers each request with the next
 * scripted response and records what it received. Not a Shopify model (the testkit simulator is).
 */
final class StubShopify implements AutoCloseable {
    /** A scripted answer; {@code delayMillis} holds the answer back to provoke timeouts. */
    record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        static Answer ok(String body) {
            return new Answer(200, body, Map.of(), 0);
        }
    }

    /** One received request. */
    record Received(String body, String token) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();

    StubShopify() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            Answer answer;
            synchronized (this) {
                received.add(new Received(new String(in, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token")));
                answer = answers.isEmpty() ? new Answer(500, "no scripted answer", Map.of(), 0) : answers.poll();
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (answer.status() < 0) {
                // Drop the connection without a response, as a reset or a crashed proxy would.
                exchange.close();
                return;
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            try {
                exchange.sendResponseHeaders(answer.status(), out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            } catch (IOException clientGone) {
                // The client timed out first; that is what the test wanted.
            }
        });
        // Several handler threads: a held-back answer must not block the retry behind it.
        server.setExecutor(pool);
        server.start();
    }

    synchronized StubShopify then(Answer answer) {
        answers.add(answer);
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI endpoint() {
        return base().resolve("/admin/api/2026-04/graphql.json");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    static String cost(double requested, Double actual, double available) {
        return "\"extensions\":{\"cost\":{\"requestedQueryCost\":" + requested + ",\"actualQueryCost\":" + actual
                + ",\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":" + available
                + ",\"restoreRate\":100.0}}}";
    }
}
