package co.hotwax.preorder.examples.simulation;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An HTTP client that runs a hook before every exchange and a check after it, answered or failed, before the caller
 * sees the outcome. The multi-store proofs hand it to the SDK's adapter so that an observer looks at every store
 * between any two calls the engine makes (issue 11 item 1: "between any two Shopify calls").
 */
public final class ObservedHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final Runnable beforeCall;
    private final Runnable afterCall;

    /**
     * Wraps a client.
     *
     * @param delegate the client that does the work
     * @param beforeCall runs before each exchange is sent
     * @param afterCall runs after each exchange completes; must not throw
     */
    public ObservedHttpClient(HttpClient delegate, Runnable beforeCall, Runnable afterCall) {
        this.delegate = delegate;
        this.beforeCall = beforeCall;
        this.afterCall = afterCall;
    }

    /**
     * A new HTTP/1.1 client observed by the two hooks.
     *
     * @param beforeCall runs before each exchange is sent
     * @param afterCall runs after each exchange completes; must not throw
     * @return the client
     */
    public static ObservedHttpClient newClient(Runnable beforeCall, Runnable afterCall) {
        return new ObservedHttpClient(HttpClient.newBuilder().version(Version.HTTP_1_1).build(), beforeCall,
                afterCall);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        beforeCall.run();
        try {
            return delegate.send(request, handler);
        } finally {
            afterCall.run();
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> handler) {
        beforeCall.run();
        return observed(delegate.sendAsync(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        beforeCall.run();
        return observed(delegate.sendAsync(request, handler, push));
    }

    /** The returned stage completes only after the check ran, so the caller sees the store after it. */
    private <T> CompletableFuture<T> observed(CompletableFuture<T> exchange) {
        return exchange.whenComplete((response, failure) -> afterCall.run());
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
