package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.core.StaleEtaPolicy;
import co.hotwax.preorder.spi.ConfigLookup;
import co.hotwax.preorder.spi.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration from key/value settings: policy, engine and stores; unknown and invalid keys named. */
class PreorderSyncConfigTest {
    private static final String TOKEN = "shpat_secret_value_123";

    /** A store factory like the Shopify adapter's: a required domain, a secret token, an optional batch limit. */
    private final Map<String, Supplier<String>> tokens = new HashMap<>();
    private final PreorderSyncConfig.StoreFactory factory = (id, keys) -> {
        tokens.put(id, keys.secret("token"));
        FaultInjectingStore store = new FaultInjectingStore(keys.requiredString("shop"));
        keys.number("max-batch", 1, 250).ifPresent(n -> store.maxBatch(n.intValue()));
        return store;
    };

    @Test
    void propertiesConfigureThePolicyTheEngineAndEveryStoreInOrder() {
        Properties p = new Properties();
        p.setProperty("preorder.policy.safety-units", "2");
        p.setProperty("preorder.policy.stale-eta", "keep-and-flag");
        p.setProperty("preorder.policy.zone", "America/New_York");
        p.setProperty("preorder.engine.poll-interval", "2s");
        p.setProperty("preorder.engine.reconcile-interval", "PT30M");
        p.setProperty("preorder.engine.batch-size", "50");
        p.setProperty("preorder.engine.health.max-lag", "90s");
        p.setProperty("preorder.stores", "us, eu");
        p.setProperty("preorder.store.us.shop", "us.myshopify.com");
        p.setProperty("preorder.store.us.token", TOKEN);
        p.setProperty("preorder.store.us.weight", "3");
        p.setProperty("preorder.store.eu.shop", "eu.myshopify.com");
        p.setProperty("preorder.store.eu.token", "other");
        p.setProperty("unrelated.key", "is not ours");

        PreorderSyncConfig config = PreorderSyncConfig.from(ConfigLookup.of(p), "preorder.", factory);
        assertThat(config.policy().safetyUnits()).isEqualTo(2);
        assertThat(config.policy().staleEtaPolicy()).isEqualTo(StaleEtaPolicy.KEEP_AND_FLAG);
        assertThat(config.policy().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(config.healthThresholds().maxLag()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.stores()).extracting(PreorderSyncConfig.Store::id, PreorderSyncConfig.Store::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us", 3), org.assertj.core.groups.Tuple.tuple("eu", 1));
        assertThat(config.stores().get(0).publisher().channelId()).isEqualTo("us.myshopify.com");
        assertThat(tokens.get("us").get()).isEqualTo(TOKEN);

        Fixture f = new Fixture();
        f.supply.add(Fixture.po("L1", "RED", 8));
        PreorderSync sync = config.applyTo(PreorderSync.builder()).supply(f.supply).clock(f.clock).build();
        sync.startManual();
        sync.runUntilIdle(10);
        FaultInjectingStore us = (FaultInjectingStore) config.stores().get(0).publisher();
        FaultInjectingStore eu = (FaultInjectingStore) config.stores().get(1).publisher();
        // P 8 - 2 safety = 6, split 3:1 -> 4 (4.5 floored, plus the leftover) and 1.
        assertThat(us.available("RED") + eu.available("RED")).isEqualTo(6);
        assertThat(us.available("RED")).isGreaterThan(eu.available("RED"));
    }

    @Test
    void theEnvironmentWorksWithItsOwnNamingAndItsOtherVariablesAreIgnored() {
        Map<String, String> env = Map.of("PREORDER_ENGINE_POLL_INTERVAL", "10s", "PREORDER_STORES", "us-east",
                "PREORDER_STORE_US_EAST_SHOP", "a.myshopify.com", "PREORDER_STORE_US_EAST_TOKEN", TOKEN,
                "PREORDER_POLICY_PER_FACILITY", "true", "PATH", "/usr/bin", "HOME", "/root");
        PreorderSyncConfig config = PreorderSyncConfig.from(ConfigLookup.environment(env), "preorder.", factory);
        assertThat(config.policy().perFacility()).isTrue();
        assertThat(config.stores()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("us-east"));

        Map<String, String> typo = new HashMap<>(env);
        typo.put("PREORDER_ENGINE_POLL_INTERVALL", "10s");
        assertThatThrownBy(() -> PreorderSyncConfig.from(ConfigLookup.environment(typo), "preorder.", factory))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PREORDER_ENGINE_POLL_INTERVALL").hasMessageContaining("not a known key");
    }

    @Test
    void everyUnknownKeyIsNamedIncludingAnUnknownStoresAndAStoresOwn() {
        Map<String, String> base = Map.of("p.stores", "us", "p.store.us.shop", "a", "p.store.us.token", TOKEN);
        assertRejected(with(base, "p.engine.pol-interval", "5s"), "p.engine.pol-interval", "not a known key");
        assertRejected(with(base, "p.store.eu.shop", "b"), "p.store.eu.shop", "not a known key");
        assertRejected(with(base, "p.store.us.colour", "red"), "p.store.us.colour", "not a known key");
    }

    @Test
    void everyInvalidValueIsNamedWithItsReason() {
        Map<String, String> base = Map.of("p.stores", "us", "p.store.us.shop", "a", "p.store.us.token", TOKEN);
        assertRejected(with(base, "p.engine.poll-interval", "soon"), "p.engine.poll-interval", "is not a duration");
        assertRejected(with(base, "p.engine.poll-interval", "0s"), "p.engine.poll-interval", "positive");
        assertRejected(with(base, "p.policy.safety-percent", "101"), "p.policy.safety-percent", "must be 0..100");
        assertRejected(with(base, "p.policy.stale-eta", "later"), "p.policy.stale-eta", "[delist, keep-and-flag]");
        assertRejected(with(base, "p.policy.zone", "Mars/Olympus"), "p.policy.zone", "not a time zone");
        assertRejected(with(base, "p.engine.publish-physical-stock", "yes"), "p.engine.publish-physical-stock",
                "true or false");
        assertRejected(with(base, "p.store.us.max-batch", "9999"), "p.store.us.max-batch", "1..250");
        assertRejected(with(base, "p.stores", "us,us"), "p.stores", "listed twice");
        assertRejected(with(base, "p.stores", "u.s"), "p.stores", "letters, digits");
        assertRejected(Map.of("p.stores", "us", "p.store.us.shop", "a"), "p.store.us.token", "is required");
        assertRejected(Map.of(), "p.stores", "is required");
    }

    @Test
    void theTokenIsReadThroughTheSecretPathAndNeverAppearsInAnError() {
        Map<String, String> plain = Map.of("p.stores", "us", "p.store.us.shop", "a", "p.store.us.weight", "zero");
        assertThatThrownBy(() -> PreorderSyncConfig.from(vault(plain), "p.", factory))
                .hasMessageContaining("p.store.us.weight").hasMessageNotContaining(TOKEN);
        Map<String, String> fixed = new HashMap<>(plain);
        fixed.remove("p.store.us.weight");
        PreorderSyncConfig.from(vault(fixed), "p.", factory);
        assertThat(tokens.get("us").get()).as("from the secret path, not the plain settings").isEqualTo(TOKEN);
    }

    /** Plain settings from a map, the token from a vault only. */
    private static ConfigLookup vault(Map<String, String> plain) {
        return new ConfigLookup() {
            @Override
            public Optional<String> value(String key) {
                return Optional.ofNullable(plain.get(key));
            }

            @Override
            public Optional<String> secret(String key) {
                return key.equals("p.store.us.token") ? Optional.of(TOKEN) : Optional.empty();
            }

            @Override
            public Set<String> names() {
                return plain.keySet();
            }
        };
    }

    private void assertRejected(Map<String, String> values, String key, String reason) {
        assertThatThrownBy(() -> PreorderSyncConfig.from(ConfigLookup.of(values), "p.", factory))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).item()).isEqualTo(key))
                .hasMessageContaining(reason)
                .hasMessageNotContaining(TOKEN);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> out = new HashMap<>(base);
        out.put(key, value);
        return out;
    }
}
