package co.hotwax.preorder.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where configuration values come from: properties, the environment, or an OMS's own settings. Keys are written in
 * the dotted form ({@code preorder.engine.poll-interval}); a source with other naming rules (the environment:
 * {@code PREORDER_ENGINE_POLL_INTERVAL}) maps them. Read through a {@link ConfigReader}, which types, validates and
 * rejects unknown keys.
 *
 * <p>Secrets (access tokens) are read through {@link #secret(String)} only, so an OMS can serve them from a vault
 * while the rest comes from plain settings; no value read that way is ever logged or put in an exception.
 *
 * @since 0.1.0
 */
public interface ConfigLookup {

    /**
     * The value of a key.
     *
     * @param key the dotted key
     * @return the value, or empty when the source does not have it
     */
    Optional<String> value(String key);

    /**
     * The value of a secret key (an access token). The default reads {@link #value(String)}.
     *
     * @param key the dotted key
     * @return the secret, or empty when absent
     */
    default Optional<String> secret(String key) {
        return value(key);
    }

    /**
     * Every key the source holds, as the source spells it (used to refuse keys nobody reads, e.g. a typo). Keys of
     * other applications may be among them: only those under the reader's prefix are checked, compared case- and
     * separator-insensitively ({@code .}, {@code -} and {@code _} are alike).
     *
     * @return the keys
     */
    Set<String> names();

    /**
     * A lookup over a map (e.g. an OMS's settings already read).
     *
     * @param values the keys and values; copied
     * @return the lookup
     */
    static ConfigLookup of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(values, "values"));
        return new ConfigLookup() {
            @Override
            public Optional<String> value(String key) {
                return Optional.ofNullable(copy.get(key));
            }

            @Override
            public Set<String> names() {
                return copy.keySet();
            }
        };
    }

    /**
     * A lookup over properties (e.g. a {@code preorder.properties} file).
     *
     * @param properties the properties; string keys and values only, copied
     * @return the lookup
     */
    static ConfigLookup of(Properties properties) {
        Objects.requireNonNull(properties, "properties");
        Map<String, String> values = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return of(values);
    }

    /**
     * A lookup over environment variables: key {@code preorder.engine.poll-interval} is read from
     * {@code PREORDER_ENGINE_POLL_INTERVAL} (upper case, {@code .} and {@code -} become {@code _}).
     *
     * @param environment the variables, e.g. {@code System.getenv()}; copied
     * @return the lookup
     */
    static ConfigLookup environment(Map<String, String> environment) {
        ConfigLookup plain = of(environment);
        return new ConfigLookup() {
            @Override
            public Optional<String> value(String key) {
                return plain.value(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            }

            @Override
            public Set<String> names() {
                return plain.names();
            }
        };
    }
}
