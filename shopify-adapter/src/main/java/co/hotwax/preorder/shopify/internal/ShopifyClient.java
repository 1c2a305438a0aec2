package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.Sleeper;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** Shopify refuses any single document whose requested cost is above this, whatever the plan. */
    public static final double MAX_SINGLE_QUERY_COST = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ShopifyClient.class);
    private static final Pattern QUERY_COST = Pattern.compile("Query cost is (\\d{1,9})");
    // A server's cost figures are input too: a learned ratio outside these bounds would stall or flood.
    private static final double MIN_COST_RATIO = 0.01;
    private static final double MAX_COST_RATIO = 100;

    private final GraphQlTransport transport;
    private final CostPacer pacer;
    private final Sleeper sleeper;
    private final RateLimiter rateLimiter;
    private final RetryConfig retryConfig;
    private final String shop;
    private final AccessTokens tokens;
    private final Duration maxServerWait;
    private final Map<String, Double> learnedCost = new HashMap<>();
    private final AtomicInteger throttledResponses = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final DoubleAdder pointsSpent = new DoubleAdder();

    /**
     * Creates the client.
     *
     * @param shop the shop domain, for log lines
     * @param transport the transport
     * @param pacer the cost bucket
     * @param sleeper waits between attempts and for the rate limiter
     * @param rateLimiter an optional request-rate cap, or null
     * @param retryConfig attempts, retried failures and intervals
     * @param tokens scrubs the token out of every message this client writes
     * @param maxServerWait the longest wait any server answer (Retry-After, throttleStatus) can cause
     */
    public ShopifyClient(String shop, GraphQlTransport transport, CostPacer pacer, Sleeper sleeper, RateLimiter rateLimiter,
                         RetryConfig retryConfig, AccessTokens tokens, Duration maxServerWait) {
        this.shop = shop;
        this.transport = transport;
        this.pacer = pacer;
        this.sleeper = sleeper;
        this.rateLimiter = rateLimiter;
        this.retryConfig = retryConfig;
        this.tokens = tokens;
        this.maxServerWait = maxServerWait;
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
     * @return a response whose {@code data} is an object; fields in it may still be null with errors pointing at
     *         them, which {@link OperationResult} sorts out per field
     * @throws CallFailedException when a non-transient failure occurs or the attempts run out
     * @throws InterruptedException when interrupted while waiting
     */
    public GraphQlResponse execute(String operation, String document, double estimatedCost) throws InterruptedException {
        int maxAttempts = retryConfig.getMaxAttempts();
        IntervalBiFunction<GraphQlResponse> intervals = retryConfig.getIntervalBiFunction();
        // One budget for every wait of this call (pacing, THROTTLED, Retry-After), so that however many attempts a
        // hostile server provokes, the caller (the engine's only publishing thread) is held at most maxServerWait.
        WaitBudget budget = new WaitBudget(maxServerWait);
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(operation, document, estimatedCost, budget);
            } catch (CallFailedException e) {
                if (!retryConfig.getExceptionPredicate().test(e) || attempt >= maxAttempts) {
                    throw e;
                }
                long askedMillis = Math.max(0, intervals.apply(attempt, Either.left(e)));
                if (!budget.allowsMillis(askedMillis)) {
                    // Waiting less than asked would only earn the same refusal; the caller's own back-off takes over.
                    LOG.debug("shop {}: {} attempt {} failed ({}); the {} ms wait asked for is beyond what is left of "
                            + "the call's {} budget", shop, operation, attempt, e.kind(), askedMillis, maxServerWait);
                    throw e;
                }
                budget.spent(Duration.ofMillis(askedMillis));
                LOG.debug("shop {}: {} attempt {} failed ({}), retrying in {} ms", shop, operation, attempt, e.kind(), askedMillis);
                sleeper.sleep(Duration.ofMillis(askedMillis));
            }
        }
    }

    /**
     * The largest number of entries, at most {@code wanted}, whose document is expected to fit in one request, by
     * what responses taught about this operation's cost: the single-query limit and the bucket's size.
     *
     * @param operation the operation name, as passed to {@link #execute}
     * @param wanted the entries the caller has
     * @param estimate the estimated requested cost of a document with n entries
     * @return 1..wanted
     */
    public int fit(String operation, int wanted, IntToDoubleFunction estimate) {
        double limit = Math.min(MAX_SINGLE_QUERY_COST, pacer.maximum());
        int n = Math.max(1, wanted);
        while (n > 1 && costFor(operation, estimate.applyAsDouble(n)) > limit) {
            n = n / 2;
        }
        return n;
    }

    /** @return the shop domain this client talks to, for the log lines of the classes that use it */
    public String shop() {
        return shop;
    }

    /** @return how many THROTTLED responses this client has seen */
    public int throttledResponses() {
        return throttledResponses.get();
    }

    /** @return the cost points the shop charged this client (each answer's actual cost), summed */
    public double pointsSpent() {
        return pointsSpent.sum();
    }

    /** @return how many HTTP requests this client has sent */
    public int requests() {
        return requests.get();
    }

    private GraphQlResponse attempt(String operation, String document, double estimatedCost, WaitBudget budget)
            throws InterruptedException {
        if (rateLimiter != null) {
            long waitNanos = rateLimiter.reservePermission(1);
            if (waitNanos > 0) {
                sleeper.sleep(Duration.ofNanos(waitNanos));
            }
        }
        double cost = costFor(operation, estimatedCost);
        if (cost > Math.min(MAX_SINGLE_QUERY_COST, pacer.maximum())) {
            // Sending it would only earn MAX_COST_EXCEEDED or an endless THROTTLED: the bucket never holds that much.
            throw failure(CallFailedException.Kind.TOO_COSTLY, operation + " is expected to cost " + Math.round(cost)
                    + " points, more than one request may (" + Math.round(Math.min(MAX_SINGLE_QUERY_COST, pacer.maximum()))
                    + ")", null, null);
        }
        budget.spent(pacer.acquire(cost, budget.left()));
        requests.incrementAndGet();
        GraphQlResponse response;
        try {
            response = transport.post(document);
        } catch (HttpTimeoutException e) {
            throw failure(CallFailedException.Kind.TIMEOUT, operation + " got no complete response in time", null, null);
        } catch (IOException e) {
            throw failure(CallFailedException.Kind.NETWORK, operation + " failed on the network: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), null, null);
        }
        pacer.onResponse(response.cost(), cost);
        if (response.cost() != null && response.cost().actual() != null) {
            // What the shop charged in the end (requested is debited up front and the difference refunded).
            pointsSpent.add(Math.max(0, response.cost().actual()));
        }
        if (response.cost() != null && response.cost().requested() > 0) {
            learn(operation, estimatedCost, response.cost().requested());
        }
        return classify(operation, estimatedCost, response);
    }

    private GraphQlResponse classify(String operation, double estimatedCost, GraphQlResponse response) {
        int status = response.httpStatus();
        if (response.throttled()) {
            throttledResponses.incrementAndGet();
            throw failure(CallFailedException.Kind.THROTTLED, operation + " was throttled by shop " + shop,
                    RetryIntervals.throttledWait(response.cost()), null);
        }
        if (status == 429) {
            throw failure(CallFailedException.Kind.RATE_LIMITED, operation + " got HTTP 429 from shop " + shop,
                    response.retryAfter(), null);
        }
        if (status >= 500) {
            throw failure(CallFailedException.Kind.SERVER_ERROR, operation + " got HTTP " + status + " from shop " + shop,
                    response.retryAfter(), null);
        }
        if (status >= 300 && status < 400) {
            throw failure(CallFailedException.Kind.CLIENT_ERROR, operation + " was redirected by shop " + shop + " (HTTP "
                    + status + "); the endpoint must be the shop's own address", null, null);
        }
        if (status >= 400 || status < 200) {
            throw failure(CallFailedException.Kind.CLIENT_ERROR, operation + " got HTTP " + status + " from shop " + shop
                    + firstError(response), null, null);
        }
        if (response.tooCostly()) {
            learnFromRefusal(operation, estimatedCost, response);
            throw failure(CallFailedException.Kind.TOO_COSTLY, operation + " costs more than one request may"
                    + firstError(response), null, null);
        }
        if (response.unreadable()) {
            throw failure(CallFailedException.Kind.MALFORMED, operation + " got an answer from shop " + shop
                    + " that is not a GraphQL response (HTTP " + status + ")", null, null);
        }
        if (!response.data().isObject()) {
            Optional<GraphQlError> denied = response.errors().stream().filter(GraphQlError::accessDenied).findFirst();
            if (denied.isPresent()) {
                throw accessDenied(operation, denied.get());
            }
            if (response.errors().isEmpty()) {
                throw failure(CallFailedException.Kind.MALFORMED, operation + " got neither data nor errors from shop "
                        + shop, null, null);
            }
            throw failure(CallFailedException.Kind.GRAPHQL_ERROR, operation + " was refused by shop " + shop
                    + firstError(response), null, null);
        }
        return response;
    }

    /**
     * The failure for an ACCESS_DENIED error, naming the missing scope.
     *
     * @param operation the operation
     * @param error the error
     * @return the exception, its message scrubbed
     */
    CallFailedException accessDenied(String operation, GraphQlError error) {
        return failure(CallFailedException.Kind.ACCESS_DENIED, operation + " was denied by shop " + shop + ": "
                + OperationResult.missingScope(error), null, null);
    }

    /**
     * Builds a failure whose message has passed the token scrubber.
     *
     * @param kind the kind
     * @param message the message
     * @param waitHint the server's wait hint, capped here
     * @param cause the cause, or null
     * @return the exception
     */
    CallFailedException failure(CallFailedException.Kind kind, String message, Duration waitHint, Throwable cause) {
        Duration capped = waitHint == null ? null : waitHint.compareTo(maxServerWait) > 0 ? maxServerWait : waitHint;
        return new CallFailedException(kind, tokens.scrub(message), capped, cause);
    }

    /**
     * The value of one root field of a read, which must have answered: an object or a list, with no error pointing
     * at it.
     *
     * @param response the response
     * @param key the field's response key
     * @param operation the operation, for messages
     * @return the field's value
     * @throws CallFailedException ACCESS_DENIED naming the scope; GRAPHQL_ERROR for another error at the field;
     *                             MALFORMED for a missing, null or scalar field
     */
    public JsonNode answered(GraphQlResponse response, String key, String operation) {
        OperationResult result = OperationResult.of(response, key, operation);
        if (result instanceof OperationResult.Answered answered) {
            return answered.payload();
        } else if (result instanceof OperationResult.Denied denied) {
            throw failure(CallFailedException.Kind.ACCESS_DENIED, denied.reason(), null, null);
        } else if (result instanceof OperationResult.Failed failed) {
            throw failure(CallFailedException.Kind.GRAPHQL_ERROR, failed.reason(), null, null);
        } else if (response.data().path(key).isArray()) {
            return response.data().path(key);
        }
        throw failure(CallFailedException.Kind.MALFORMED, ((OperationResult.Unreadable) result).reason(), null, null);
    }

    /**
     * Scrubs the token out of a text from the server.
     *
     * @param text the text
     * @return the text without the token
     */
    public String scrub(String text) {
        return tokens.scrub(text);
    }

    private static String firstError(GraphQlResponse response) {
        return response.errors().isEmpty() ? "" : ": " + truncate(response.errors().get(0).describe());
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    // Requested cost depends on the document's shape, which is stable per operation and size; the server's own
    // figure replaces our estimate so the pacer waits exactly as long as needed.
    private synchronized double costFor(String operation, double estimatedCost) {
        Double ratio = learnedCost.get(operation);
        return ratio == null ? estimatedCost : Math.ceil(estimatedCost * ratio);
    }

    private synchronized void learn(String operation, double estimatedCost, double requested) {
        if (estimatedCost > 0) {
            learnedCost.put(operation, Math.max(MIN_COST_RATIO, Math.min(MAX_COST_RATIO, requested / estimatedCost)));
        }
    }

    /** After MAX_COST_EXCEEDED: the cost named in the message, or at least twice what was believed. */
    private void learnFromRefusal(String operation, double estimatedCost, GraphQlResponse response) {
        double believed = costFor(operation, estimatedCost);
        double named = response.errors().stream().map(e -> QUERY_COST.matcher(e.message()))
                .filter(Matcher::find).mapToDouble(m -> Double.parseDouble(m.group(1))).max().orElse(0);
        learn(operation, estimatedCost, Math.max(named, Math.max(believed * 2, MAX_SINGLE_QUERY_COST + 1)));
    }
}
