package co.hotwax.preorder.testkit;

import java.time.Duration;

/**
 * The probability of each fault on one request, for {@link FaultPlan#seeded(long, FaultRates)}. Each probability is
 * within 0..1 and together they are at most 1; the rest of the time a request is answered normally.
 *
 * @param http429 probability of HTTP 429
 * @param http500 probability of HTTP 500
 * @param http502 probability of HTTP 502
 * @param http503 probability of HTTP 503
 * @param reset probability of a connection reset before anything runs
 * @param slow probability of a slow response
 * @param appliedResponseLost probability that the request runs and its response is lost
 * @param slowDelay how long a slow response is held, zero or positive
 * @param retryAfterSeconds the {@code Retry-After} sent with 429 and 503, 0 for none
 * @param mutationsOnly whether only mutations get faults (queries are always answered); a lost response only
 *                      matters for writes
 * @since 0.1.0
 */
public record FaultRates(double http429, double http500, double http502, double http503, double reset, double slow,
                         double appliedResponseLost, Duration slowDelay, int retryAfterSeconds,
                         boolean mutationsOnly) {

    private static final double SUM_TOLERANCE = 1e-9;

    /** No faults at all. */
    public static final FaultRates NONE = builder().build();

    /**
     * Validates the rates.
     *
     * @param http429 probability of HTTP 429
     * @param http500 probability of HTTP 500
     * @param http502 probability of HTTP 502
     * @param http503 probability of HTTP 503
     * @param reset probability of a connection reset before anything runs
     * @param slow probability of a slow response
     * @param appliedResponseLost probability that the request runs and its response is lost
     * @param slowDelay how long a slow response is held, zero or positive
     * @param retryAfterSeconds the {@code Retry-After} sent with 429 and 503, 0 for none
     * @param mutationsOnly whether only mutations get faults (queries are always answered); a lost response only
     *     matters for writes
     * @throws IllegalArgumentException naming the rate that is out of range, or the sum when above 1
     */
    public FaultRates {
        double sum = 0;
        String[] names = {"http429", "http500", "http502", "http503", "reset", "slow", "appliedResponseLost"};
        double[] values = {http429, http500, http502, http503, reset, slow, appliedResponseLost};
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException("fault rates: " + names[i] + " must be within 0..1, was "
                        + values[i]);
            }
            sum += values[i];
        }
        if (sum > 1 + SUM_TOLERANCE) {
            throw new IllegalArgumentException("fault rates: the probabilities add up to " + sum
                    + ", more than 1");
        }
        if (slowDelay == null || slowDelay.isNegative()) {
            throw new IllegalArgumentException("fault rates: slowDelay must be zero or positive, was " + slowDelay);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("fault rates: retryAfterSeconds must not be negative, was "
                    + retryAfterSeconds);
        }
    }

    /**
     * A builder starting from no faults, a 2-second slow delay and {@code Retry-After: 1}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The same rates applied to mutations only.
     *
     * @return a copy with {@link #mutationsOnly()} true
     */
    public FaultRates onlyMutations() {
        return new FaultRates(http429, http500, http502, http503, reset, slow, appliedResponseLost, slowDelay,
                retryAfterSeconds, true);
    }

    /**
     * The probability that a request gets some fault.
     *
     * @return the sum of the rates
     */
    public double total() {
        return http429 + http500 + http502 + http503 + reset + slow + appliedResponseLost;
    }

    /** Builds {@link FaultRates}; {@link #build()} validates. */
    public static final class Builder {
        private double http429;
        private double http500;
        private double http502;
        private double http503;
        private double reset;
        private double slow;
        private double appliedResponseLost;
        private Duration slowDelay = Duration.ofSeconds(2);
        private int retryAfterSeconds = 1;
        private boolean mutationsOnly;

        private Builder() {
        }

        /**
         * @param p probability of HTTP 429
         * @return this builder
         */
        public Builder http429(double p) {
            this.http429 = p;
            return this;
        }

        /**
         * @param p probability of HTTP 500
         * @return this builder
         */
        public Builder http500(double p) {
            this.http500 = p;
            return this;
        }

        /**
         * @param p probability of HTTP 502
         * @return this builder
         */
        public Builder http502(double p) {
            this.http502 = p;
            return this;
        }

        /**
         * @param p probability of HTTP 503
         * @return this builder
         */
        public Builder http503(double p) {
            this.http503 = p;
            return this;
        }

        /**
         * @param p probability of a connection reset
         * @return this builder
         */
        public Builder reset(double p) {
            this.reset = p;
            return this;
        }

        /**
         * @param p probability of a slow response
         * @return this builder
         */
        public Builder slow(double p) {
            this.slow = p;
            return this;
        }

        /**
         * @param p probability that a request runs and its response is lost
         * @return this builder
         */
        public Builder appliedResponseLost(double p) {
            this.appliedResponseLost = p;
            return this;
        }

        /**
         * @param delay how long a slow response is held
         * @return this builder
         */
        public Builder slowDelay(Duration delay) {
            this.slowDelay = delay;
            return this;
        }

        /**
         * @param seconds the {@code Retry-After} sent with 429 and 503, 0 for none
         * @return this builder
         */
        public Builder retryAfterSeconds(int seconds) {
            this.retryAfterSeconds = seconds;
            return this;
        }

        /**
         * Restricts faults to mutations.
         *
         * @return this builder
         */
        public Builder onlyMutations() {
            this.mutationsOnly = true;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the rates
         * @throws IllegalArgumentException naming the offending rate
         */
        public FaultRates build() {
            return new FaultRates(http429, http500, http502, http503, reset, slow, appliedResponseLost, slowDelay,
                    retryAfterSeconds, mutationsOnly);
        }
    }
}
