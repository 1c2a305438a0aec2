package co.hotwax.preorder.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What the simulator does to one request instead of (or besides) answering it normally.
 *
 * @param kind the fault
 * @param retryAfterSeconds the {@code Retry-After} header for {@link Kind#HTTP_429} and {@link Kind#HTTP_503}; 0 sends
 *                          no header; at least 0
 * @param delay how long {@link Kind#SLOW} holds the response; {@link Duration#ZERO} for the other kinds
 * @since 0.1.0
 */
public record Fault(Kind kind, int retryAfterSeconds, Duration delay) {

    /** The fault kinds. */
    public enum Kind {
        /** Answer normally. */
        NONE,
        /** HTTP 429 Too Many Requests, optionally with {@code Retry-After}; nothing runs. */
        HTTP_429,
        /** HTTP 500; nothing runs. */
        HTTP_500,
        /** HTTP 502 (a proxy in front of Shopify failed); nothing runs. */
        HTTP_502,
        /** HTTP 503, optionally with {@code Retry-After}; nothing runs. */
        HTTP_503,
        /** The connection is closed without a response; nothing runs. */
        CONNECTION_RESET,
        /** The request runs and the response comes only after {@link Fault#delay()}. */
        SLOW,
        /** The request runs (a mutation is applied) and then the connection drops: the client cannot tell. */
        APPLIED_RESPONSE_LOST
    }

    /** No fault. */
    public static final Fault NONE = new Fault(Kind.NONE, 0, Duration.ZERO);

    /**
     * Validates the fault.
     *
     * @param kind the fault
     * @param retryAfterSeconds the {@code Retry-After} header for {@link Kind#HTTP_429} and {@link Kind#HTTP_503}; 0
     *     sends no header; at least 0
     * @param delay how long {@link Kind#SLOW} holds the response; {@link Duration#ZERO} for the other kinds
     * @throws IllegalArgumentException when the kind or delay is missing or a number is negative
     */
    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("fault: kind is missing");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("fault " + kind + ": retryAfterSeconds must not be negative, was "
                    + retryAfterSeconds);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("fault " + kind + ": delay must be zero or positive, was " + delay);
        }
    }

    /**
     * A fault of a kind without a delay or a {@code Retry-After}.
     *
     * @param kind the kind
     * @return the fault
     */
    public static Fault of(Kind kind) {
        return new Fault(kind, 0, Duration.ZERO);
    }

    /**
     * An HTTP 429.
     *
     * @param retryAfterSeconds the {@code Retry-After} header, 0 for none
     * @return the fault
     */
    public static Fault http429(int retryAfterSeconds) {
        return new Fault(Kind.HTTP_429, retryAfterSeconds, Duration.ZERO);
    }

    /**
     * An HTTP 503.
     *
     * @param retryAfterSeconds the {@code Retry-After} header, 0 for none
     * @return the fault
     */
    public static Fault http503(int retryAfterSeconds) {
        return new Fault(Kind.HTTP_503, retryAfterSeconds, Duration.ZERO);
    }

    /**
     * A slow response.
     *
     * @param delay how long to hold the response
     * @return the fault
     */
    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, delay);
    }

    /**
     * A request that runs but whose response never arrives.
     *
     * @return the fault
     */
    public static Fault appliedResponseLost() {
        return of(Kind.APPLIED_RESPONSE_LOST);
    }

    /**
     * Whether the simulator must still execute the request (no fault, slow, or a lost response).
     *
     * @return true when the request's effects happen
     */
    public boolean executes() {
        return kind == Kind.NONE || kind == Kind.SLOW || kind == Kind.APPLIED_RESPONSE_LOST;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HTTP_429, HTTP_503 -> kind + (retryAfterSeconds > 0 ? "(Retry-After " + retryAfterSeconds + ")" : "");
            case SLOW -> kind + "(" + delay.toMillis() + " ms)";
            default -> Objects.toString(kind);
        };
    }
}
