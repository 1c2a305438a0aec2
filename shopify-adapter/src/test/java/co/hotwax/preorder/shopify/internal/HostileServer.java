package co.hotwax.preorder.shopify.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server whose every answer is written by the test, byte by byte if it likes: drips, stalls,
 * oversized bodies, answers computed from the request. Records the request bodies it got. Not a Shopify model.
 */
final class HostileServer implements AutoCloseable {
    /** Writes the answer to one request. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange, String requestBody) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<String> received = new ArrayList<>();

    HostileServer(Responder responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                received.add(body);
            }
            try {
                responder.respond(exchange, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // The client gave up first: what most of these tests want.
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    /** Sends a complete JSON answer. */
    static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/admin/api/2026-04/graphql.json");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
