package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.StaleEtaPolicy;
import co.hotwax.preorder.spi.ConfigLookup;
import co.hotwax.preorder.spi.ConfigReader;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.Quantities;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The engine's configuration read from key/value settings (properties, the environment, an OMS's own settings):
 * the domain policy, the engine's intervals and each store. {@link #applyTo} hands it to the ordinary
 * {@link PreorderSync.Builder}, which still validates everything; the sources (supply, pre-orders, stock) stay
 * code. Unknown keys under the prefix are refused by name (a typo must not be silently ignored), and so is every
 * invalid value; secrets are read through {@link ConfigLookup#secret} and never logged.
 *
 * <p>Keys, under the prefix (e.g. {@code preorder.}); durations as {@code 500ms}, {@code 5s}, {@code 2m},
 * {@code 1h}, {@code 1d} or ISO-8601:
 * <pre>
 * policy.safety-units, policy.safety-percent, policy.promise-buffer-days,
 * policy.stale-eta (delist | keep-and-flag), policy.per-facility, policy.zone
 * engine.poll-interval, engine.reconcile-interval, engine.batch-size, engine.retry-backoff-min,
 * engine.retry-backoff-max, engine.publish-physical-stock, engine.health.max-lag, engine.health.unreachable-after,
 * engine.continue-on-setup-problems (see {@link PreorderSync.Builder#continueOnSetupProblems})
 * stores = us, eu              (the stores, in order: leftover units of a shared pool go to the first)
 * store.&lt;id&gt;.weight          (default 1)
 * store.&lt;id&gt;.quota           (instead of a weight: 40 units, 25% or 1/3 of every shared pool; see {@link Quota})
 * engine.default-quota         (the quota of every store without its own; then no store shares by weight)
 * store.&lt;id&gt;.*               (read by the store factory, e.g. the Shopify adapter's ShopifyStoreConfig)
 * </pre>
 *
 * @since 0.1.0
 */
public final class PreorderSyncConfig {
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

    private final BookPolicy policy;
    private final Optional<Duration> pollInterval;
    private final Optional<Duration> reconcileInterval;
    private final Optional<Long> batchSize;
    private final Optional<Duration> backoffMin;
    private final Optional<Duration> backoffMax;
    private final boolean publishPhysicalStock;
    private final boolean continueOnSetupProblems;
    private final HealthThresholds healthThresholds;
    private final Optional<Quota> defaultQuota;
    private final List<Store> stores;

    /**
     * One configured store.
     *
     * @param id its id in the configuration ({@code store.<id>.*})
     * @param weight its share weight (unused with a quota)
     * @param quota its own quota, or null to share by weight (or take the default quota)
     * @param publisher the publisher the store factory built
     */
    public record Store(String id, int weight, Quota quota, InventoryPublisher publisher) {
        /**
         * Validates the store.
         *
         * @param id its id in the configuration ({@code store.<id>.*})
         * @param weight its share weight
         * @param quota its fixed quota, or null when it shares by weight
         * @param publisher the publisher the store factory built
         * @throws NullPointerException when the id or publisher is null
         */
        public Store {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(publisher, "publisher");
        }

        /**
         * A store that shares by weight.
         *
         * @param id its id
         * @param weight its share weight
         * @param publisher its publisher
         */
        public Store(String id, int weight, InventoryPublisher publisher) {
            this(id, weight, null, publisher);
        }
    }

    /** Builds one store's publisher from its keys. */
    @FunctionalInterface
    public interface StoreFactory {
        /**
         * Reads the store's keys and builds its publisher. Read every key the store supports through
         * {@code keys} (optional ones too): any other key under the store's prefix is refused afterwards.
         *
         * @param id the store's id
         * @param keys a reader of {@code <prefix>store.<id>.*}
         * @return the publisher
         * @throws InvalidInputException naming the key that is missing or invalid
         */
        InventoryPublisher create(String id, ConfigReader keys);
    }

    private PreorderSyncConfig(ConfigReader root, StoreFactory factory) {
        this.policy = readPolicy(root);
        this.pollInterval = positive(root, "engine.poll-interval");
        this.reconcileInterval = positive(root, "engine.reconcile-interval");
        this.batchSize = root.number("engine.batch-size", 1, Integer.MAX_VALUE);
        this.backoffMin = positive(root, "engine.retry-backoff-min");
        this.backoffMax = positive(root, "engine.retry-backoff-max");
        this.publishPhysicalStock = root.bool("engine.publish-physical-stock").orElse(false);
        this.continueOnSetupProblems = root.bool("engine.continue-on-setup-problems").orElse(false);
        this.healthThresholds = new HealthThresholds(
                positive(root, "engine.health.max-lag").orElse(HealthThresholds.DEFAULTS.maxLag()),
                root.number("engine.health.unreachable-after", 1, 1000)
                        .map(Long::intValue).orElse(HealthThresholds.DEFAULTS.unreachableAfter()));
        this.defaultQuota = quota(root, "engine.default-quota");
        this.stores = readStores(root, factory, defaultQuota);
    }

    /**
     * Reads the configuration under a prefix and builds each store's publisher with the factory.
     *
     * @param lookup where the values come from
     * @param prefix e.g. {@code "preorder."}
     * @param factory builds a store's publisher from its keys
     * @return the configuration
     * @throws InvalidInputException naming the key that is unknown, missing or invalid (nothing stays open: the
     *         publishers already built are closed)
     */
    public static PreorderSyncConfig from(ConfigLookup lookup, String prefix, StoreFactory factory) {
        Objects.requireNonNull(factory, "factory");
        ConfigReader root = ConfigReader.of(lookup, prefix);
        PreorderSyncConfig config = new PreorderSyncConfig(root, factory);
        try {
            root.rejectUnknown();
        } catch (InvalidInputException e) {
            config.stores.forEach(s -> s.publisher().close());
            throw e;
        }
        return config;
    }

    /**
     * Sets the policy, the intervals, the batch size, the backoff, the publishing mode, the health thresholds, the
     * default quota and the stores' publishers (with their weights or quotas, in order) on a builder. Set the
     * sources yourself.
     *
     * @param builder the engine's builder
     * @return the same builder
     */
    public PreorderSync.Builder applyTo(PreorderSync.Builder builder) {
        builder.policy(policy).publishPhysicalStock(publishPhysicalStock).healthThresholds(healthThresholds)
                .continueOnSetupProblems(continueOnSetupProblems);
        pollInterval.ifPresent(builder::pollInterval);
        reconcileInterval.ifPresent(builder::reconcileInterval);
        batchSize.ifPresent(n -> builder.batchSize(n.intValue()));
        if (backoffMin.isPresent() || backoffMax.isPresent()) {
            Duration min = backoffMin.orElse(Duration.ofMillis(500));
            builder.retryBackoff(min, backoffMax.orElse(max(min, Duration.ofMinutes(1))));
        }
        defaultQuota.ifPresent(builder::defaultQuota);
        for (Store store : stores) {
            if (store.quota() != null) {
                builder.publisher(store.publisher(), store.quota());
            } else {
                builder.publisher(store.publisher(), store.weight());
            }
        }
        return builder;
    }

    /**
     * The domain policy read.
     *
     * @return the policy
     */
    public BookPolicy policy() {
        return policy;
    }

    /**
     * The stores read, in order.
     *
     * @return the stores
     */
    public List<Store> stores() {
        return stores;
    }

    /**
     * The health thresholds read.
     *
     * @return the thresholds
     */
    public HealthThresholds healthThresholds() {
        return healthThresholds;
    }

    private static BookPolicy readPolicy(ConfigReader root) {
        BookPolicy.Builder b = BookPolicy.builder();
        root.number("policy.safety-units", 0, Quantities.MAX).ifPresent(b::safetyUnits);
        root.number("policy.safety-percent", 0, 100).ifPresent(n -> b.safetyPercent(n.intValue()));
        root.number("policy.promise-buffer-days", 0, 3650).ifPresent(n -> b.promiseBufferDays(n.intValue()));
        root.choice("policy.stale-eta", StaleEtaPolicy.class).ifPresent(b::staleEtaPolicy);
        root.bool("policy.per-facility").ifPresent(b::perFacility);
        root.string("policy.zone").ifPresent(zone -> {
            try {
                b.zone(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw new InvalidInputException(root.key("policy.zone"), "is not a time zone: '" + zone + "'");
            }
        });
        return b.build();
    }

    private static List<Store> readStores(ConfigReader root, StoreFactory factory, Optional<Quota> defaultQuota) {
        List<String> ids = root.list("stores");
        if (ids.isEmpty()) {
            throw new InvalidInputException(root.key("stores"), "is required: the ids of the stores, comma-separated");
        }
        Set<String> seen = new HashSet<>();
        List<Store> stores = new ArrayList<>();
        try {
            for (String id : ids) {
                if (!STORE_ID.matcher(id).matches()) {
                    throw new InvalidInputException(root.key("stores"), "store id '" + id
                            + "' must be letters, digits and '-' (it becomes part of its keys)");
                }
                if (!seen.add(id.toLowerCase(Locale.ROOT))) {
                    throw new InvalidInputException(root.key("stores"), "store id '" + id + "' is listed twice");
                }
                ConfigReader keys = root.scope("store." + id + ".");
                Optional<Long> weight = keys.number("weight", 1, 1_000_000);
                Optional<Quota> quota = quota(keys, "quota");
                if (weight.isPresent() && quota.isEmpty() && defaultQuota.isPresent()) {
                    throw new InvalidInputException(keys.key("weight"), "store " + id + " has a weight ("
                            + weight.get() + "), but engine.default-quota (" + defaultQuota.get() + ") gives every"
                            + " store without its own quota a quota, which takes no part in the split by weight");
                }
                if (weight.isPresent() && quota.isPresent()) {
                    throw new InvalidInputException(keys.key("quota"), "store " + id + " has both a weight ("
                            + weight.get() + ") and a quota (" + quota.get() + "); a store with a quota takes no"
                            + " part in the split by weight: set one of them");
                }
                InventoryPublisher publisher = factory.create(id, keys);
                stores.add(new Store(id, weight.orElse(1L).intValue(), quota.orElse(null),
                        Objects.requireNonNull(publisher, "the publisher of store " + id)));
                keys.rejectUnknown();
            }
        } catch (RuntimeException e) {
            stores.forEach(s -> s.publisher().close());
            throw e;
        }
        return List.copyOf(stores);
    }

    /** A quota: {@code 40} (units), {@code 25%} or {@code 1/3} (of the pool). */
    private static Optional<Quota> quota(ConfigReader keys, String name) {
        Optional<String> value = keys.string(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        try {
            if (text.endsWith("%")) {
                return Optional.of(Quota.percent(Integer.parseInt(text.substring(0, text.length() - 1).trim())));
            }
            int slash = text.indexOf('/');
            if (slash > 0) {
                return Optional.of(Quota.fraction(Long.parseLong(text.substring(0, slash).trim()),
                        Long.parseLong(text.substring(slash + 1).trim())));
            }
            return Optional.of(Quota.units(Long.parseLong(text)));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(keys.key(name), "is not a quota: '" + text
                    + "' (units such as 40, a percentage such as 25% or a fraction such as 1/3)");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(keys.key(name), "'" + text + "': " + e.getMessage());
        }
    }

    private static Optional<Duration> positive(ConfigReader root, String name) {
        Optional<Duration> value = root.duration(name);
        if (value.isPresent() && value.get().isZero()) {
            throw new InvalidInputException(root.key(name), "must be a positive duration, was 0");
        }
        return value;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
