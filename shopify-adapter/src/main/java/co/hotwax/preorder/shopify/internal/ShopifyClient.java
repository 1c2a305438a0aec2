package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.Sleeper;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends a document with pacing and retries. Every attempt of one call resends the very same document, so a write's
 * {@code @idempotent} key is reused across retries and a write applied whose response was lost is not applied twice.
 *
 * <p>Retries follow a resilience4j {@link RetryConfig} (max attempts, which failures are retried, an
 * {@link IntervalBiFunction}) but this class drives the attempts and waits through the injected {@link Sleeper}:
 * resilience4j's {@code RetryImpl} (and {@code Retry.context()}) sleep through a global static sleep function,
 * which a simulation on a virtual clock cannot intercept per instance.
 */
public final class ShopifyClient {
    private static final Logger LOG = LoggerFactory.getLogger(ShopifyClient.class);

    private final GraphQlTransport transport;
    private final CostPacer pacer;
    private final Sleeper sleeper;
    private final RateLimiter rateLimiter;
    private final RetryConfig retryConfig;
    private final String shop;
    private final Map<String, Double> learnedCost = new HashMap<>();
    private int throttledResponses;
    private int requests;

    /**
     * Creates the client.
     *
     * @param shop the shop domain, for log lines
     * @param transport the transport
     * @param pacer the cost bucket
     * @param sleeper waits between attempts and for the rate limiter
     * @param rateLimiter an optional request-rate cap, or null
     * @param retryConfig attempts, retried failures and intervals
     */
    public ShopifyClient(String shop, GraphQlTransport transport, CostPacer pacer, Sleeper sleeper, RateLimiter rateLimiter,
                         RetryConfig retryConfig) {
        this.shop = shop;
        this.transport = transport;
        this.pacer = pacer;
        this.sleeper = sleeper;
        this.rateLimiter = rateLimiter;
        this.retryConfig = retryConfig;
    }

    /**
     * The retry configuration the adapter uses.
     *
     * @param maxAttempts attempts including the first
     * @param intervals the wait before each retry
     * @return the configuration: retries transient {@link CallFailedException}s only
     */
    public static RetryConfig retryConfig(int maxAttempts, IntervalBiFunction<GraphQlResponse> intervals) {
        return RetryConfig.<GraphQlResponse>custom()
                .maxAttempts(maxAttempts)
                .intervalBiFunction(intervals)
                .retryOnException(e -> e instanceof CallFailedException c && c.kind().isTransient())
                .build();
    }

    /**
     * Sends the document until it gets a usable response or the attempts run out.
     *
     * @param operation a short name for logs, errors and cost learning, e.g. {@code inventorySetQuantities}
     * @param document the document (with its idempotency key, if any, already inlined)
     * @param estimatedCost the expected requested cost, used until a response teaches the real one
     * @return a response with {@code data} (userErrors inside are the caller's business)
     * @throws CallFailedException when a non-transient failure occurs or the attempts run out
     * @throws InterruptedException when interrupted while waiting
     */
    public GraphQlResponse execute(String operation, String document, double estimatedCost) throws InterruptedException {
        int maxAttempts = retryConfig.getMaxAttempts();
        IntervalBiFunction<GraphQlResponse> intervals = retryConfig.getIntervalBiFunction();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(operation, document, estimatedCost);
            } catch (CallFailedException e) {
                if (!retryConfig.getExceptionPredicate().test(e) || attempt >= maxAttempts) {
                    throw e;
                }
                long waitMillis = intervals.apply(attempt, Either.left(e));
                LOG.debug("shop {}: {} attempt {} failed ({}), retrying in {} ms", shop, operation, attempt, e.kind(), waitMillis);
                sleeper.sleep(Duration.ofMillis(Math.max(0, waitMillis)));
            }
        }
    }

    /** @return how many THROTTLED responses this client has seen */
    public synchronized int throttledResponses() {
        return throttledResponses;
    }

    /** @return how many HTTP requests this client has sent */
    public synchronized int requests() {
        return requests;
    }

    private GraphQlResponse attempt(String operation, String document, double estimatedCost) throws InterruptedException {
        if (rateLimiter != null) {
            long waitNanos = rateLimiter.reservePermission(1);
            if (waitNanos > 0) {
                sleeper.sleep(Duration.ofNanos(waitNanos));
            }
        }
        double cost = costFor(operation, estimatedCost);
        pacer.acquire(cost);
        GraphQlResponse response;
        synchronized (this) {
            requests++;
        }
        try {
            response = transport.post(document);
        } catch (HttpTimeoutException e) {
            throw new CallFailedException(CallFailedException.Kind.TIMEOUT, operation + " got no response in time", null, e);
        } catch (IOException e) {
            throw new CallFailedException(CallFailedException.Kind.NETWORK, operation + " failed on the network: "
                    + e.getClass().getSimpleName(), null, e);
        }
        pacer.onResponse(response.cost(), cost);
        if (response.cost() != null && response.cost().requested() > 0) {
            learn(operation, estimatedCost, response.cost().requested());
        }
        return classify(operation, response);
    }

    private GraphQlResponse classify(String operation, GraphQlResponse response) {
        int status = response.httpStatus();
        if (response.throttled()) {
            synchronized (this) {
                throttledResponses++;
            }
            throw new CallFailedException(CallFailedException.Kind.THROTTLED, operation + " was throttled by shop " + shop,
                    RetryIntervals.throttledWait(response.cost()), null);
        }
        if (status == 429) {
            throw new CallFailedException(CallFailedException.Kind.RATE_LIMITED, operation + " got HTTP 429 from shop " + shop,
                    response.retryAfter(), null);
        }
        if (status >= 500) {
            throw new CallFailedException(CallFailedException.Kind.SERVER_ERROR, operation + " got HTTP " + status
                    + " from shop " + shop, response.retryAfter(), null);
        }
        if (status >= 400) {
            throw new CallFailedException(CallFailedException.Kind.CLIENT_ERROR, operation + " got HTTP " + status
                    + " from shop " + shop + firstError(response), null, null);
        }
        if (response.data().isMissingNode() || !response.errors().isEmpty() && response.data().size() == 0) {
            throw new CallFailedException(CallFailedException.Kind.GRAPHQL_ERROR, operation + " was refused by shop " + shop
                    + firstError(response), null, null);
        }
        return response;
    }

    private static String firstError(GraphQlResponse response) {
        return response.errors().isEmpty() ? "" : ": " + response.errors().get(0).message()
                + (response.errors().get(0).code() == null ? "" : " (" + response.errors().get(0).code() + ")");
    }

    // Requested cost depends on the document's shape, which is stable per operation and size; the server's own
    // figure replaces our estimate so the pacer waits exactly as long as needed.
    private synchronized double costFor(String operation, double estimatedCost) {
        Double ratio = learnedCost.get(operation);
        return ratio == null ? estimatedCost : Math.ceil(estimatedCost * ratio);
    }

    private synchronized void learn(String operation, double estimatedCost, double requested) {
        if (estimatedCost > 0) {
            learnedCost.put(operation, requested / estimatedCost);
        }
    }
}
