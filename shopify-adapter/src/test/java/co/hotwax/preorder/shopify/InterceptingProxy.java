package co.hotwax.preorder.shopify;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP hop between the publisher and the simulator, so a test can act at an exact point of the
 * conversation: place shoppers' orders after the adapter's read and before its write, answer 429, or let a write
 * apply and lose its response. Everything still goes over real HTTP.
 */
final class InterceptingProxy implements AutoCloseable {
    /** What the proxy answers. */
    record Reply(int status, String body, Map<String, String> headers) {
    }

    /** Forwards a body to the simulator. */
    interface Upstream {
        Reply forward(String body) throws IOException, InterruptedException;
    }

    /** Decides the answer to one request; the default forwards it unchanged. */
    interface Handler {
        Reply handle(String body, Upstream upstream) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile Handler handler = (body, upstream) -> upstream.forward(body);

    InterceptingProxy(URI target) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String token = exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token");
            Upstream upstream = b -> {
                HttpRequest.Builder request = HttpRequest.newBuilder(target)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(b));
                if (token != null) {
                    request.header("X-Shopify-Access-Token", token);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.body(), Map.of());
            };
            Reply reply;
            try {
                reply = handler.handle(body, upstream);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply = new Reply(503, "interrupted", Map.of());
            } catch (RuntimeException | IOException e) {
                reply = new Reply(599, "proxy failure: " + e, Map.of());
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    void handler(Handler handler) {
        this.handler = handler;
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
