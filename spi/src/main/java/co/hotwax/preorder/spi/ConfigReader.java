package co.hotwax.preorder.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed settings under one key prefix of a {@link ConfigLookup}, remembering every key it was asked for, so
 * that {@link #rejectUnknown()} can refuse any other key under the prefix (a typo must not be silently ignored).
 * Every error is an {@link InvalidInputException} whose item is the full key; a secret's value never appears in
 * one.
 *
 * <p>Durations are ISO-8601 ({@code PT5S}) or a number with a unit: {@code 500ms}, {@code 5s}, {@code 2m},
 * {@code 1h}, {@code 1d}. Booleans are {@code true} or {@code false}. Lists are comma-separated. A blank value counts
 * as absent. Not thread-safe: read configuration on one thread.
 *
 * @since 0.1.0
 */
public final class ConfigReader {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h|d)");

    private final ConfigLookup lookup;
    private final String prefix;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<String> delegated = new ArrayList<>();

    private ConfigReader(ConfigLookup lookup, String prefix) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /**
     * A reader of the keys under a prefix.
     *
     * @param lookup the source
     * @param prefix e.g. {@code "preorder."}; may be empty
     * @return the reader
     */
    public static ConfigReader of(ConfigLookup lookup, String prefix) {
        return new ConfigReader(lookup, prefix);
    }

    /**
     * A reader of a sub-prefix whose keys another component reads and checks (e.g. one store's keys). This reader's
     * {@link #rejectUnknown()} then leaves them alone; call the returned reader's own {@code rejectUnknown()}.
     *
     * @param subPrefix e.g. {@code "store.us."}
     * @return the reader of {@code prefix + subPrefix}
     */
    public ConfigReader scope(String subPrefix) {
        delegated.add(normalize(prefix + subPrefix));
        return new ConfigReader(lookup, prefix + subPrefix);
    }

    /**
     * The full key of a name, for messages.
     *
     * @param name the name under this reader's prefix
     * @return {@code prefix + name}
     */
    public String key(String name) {
        return prefix + name;
    }

    /**
     * A string value.
     *
     * @param name the name under the prefix
     * @return the trimmed value, or empty when absent or blank
     */
    public Optional<String> string(String name) {
        read.add(normalize(key(name)));
        return lookup.value(key(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * A required string value.
     *
     * @param name the name under the prefix
     * @return the trimmed value
     * @throws InvalidInputException when absent or blank
     */
    public String requiredString(String name) {
        return string(name).orElseThrow(() -> new InvalidInputException(key(name), "is required"));
    }

    /**
     * A required secret, read now (to fail early when it is missing) and again through the lookup's secret path at
     * every call of the returned supplier, so a rotated token is picked up. The value is never logged.
     *
     * @param name the name under the prefix
     * @return a supplier of the current secret
     * @throws InvalidInputException when absent or blank (the message names the key only)
     */
    public Supplier<String> secret(String name) {
        read.add(normalize(key(name)));
        String key = key(name);
        readSecret(key);
        return () -> readSecret(key);
    }

    private String readSecret(String key) {
        return lookup.secret(key).map(String::trim).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new InvalidInputException(key, "is required (a secret; read through the lookup's"
                        + " secret path)"));
    }

    /**
     * A duration.
     *
     * @param name the name under the prefix
     * @return the duration, or empty when absent
     * @throws InvalidInputException when not a duration
     */
    public Optional<Duration> duration(String name) {
        return string(name).map(v -> parseDuration(name, v));
    }

    /**
     * A whole number within bounds.
     *
     * @param name the name under the prefix
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @return the number, or empty when absent
     * @throws InvalidInputException when not a number or out of bounds
     */
    public Optional<Long> number(String name, long min, long max) {
        return bounded(name, min, max, Long::valueOf, "a whole number");
    }

    /**
     * A decimal number within bounds.
     *
     * @param name the name under the prefix
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @return the number, or empty when absent
     * @throws InvalidInputException when not a number or out of bounds (NaN is out)
     */
    public Optional<Double> decimal(String name, double min, double max) {
        return bounded(name, min, max, Double::valueOf, "a number");
    }

    private <N extends Comparable<N>> Optional<N> bounded(String name, N min, N max, Function<String, N> parse,
                                                          String kind) {
        return string(name).map(v -> {
            N n;
            try {
                n = parse.apply(v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(key(name), "is not " + kind + ": '" + v + "'");
            }
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                throw new InvalidInputException(key(name), "must be " + min + ".." + max + ", was " + v);
            }
            return n;
        });
    }

    /**
     * A boolean.
     *
     * @param name the name under the prefix
     * @return the value, or empty when absent
     * @throws InvalidInputException unless {@code true} or {@code false}
     */
    public Optional<Boolean> bool(String name) {
        return string(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(key(name), "must be true or false, was '" + v + "'");
        });
    }

    /**
     * One constant of an enum, by name (case and {@code -}/{@code _} insensitive).
     *
     * @param name the name under the prefix
     * @param type the enum
     * @param <E> the enum type
     * @return the constant, or empty when absent
     * @throws InvalidInputException when no constant has that name (the message lists them)
     */
    public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        return string(name).map(v -> {
            String wanted = v.toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new InvalidInputException(key(name), "must be one of " + names + ", was '" + v + "'");
        });
    }

    /**
     * A comma-separated list.
     *
     * @param name the name under the prefix
     * @return the trimmed, non-blank items in order; empty when absent
     */
    public List<String> list(String name) {
        List<String> items = new ArrayList<>();
        string(name).ifPresent(v -> {
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        });
        return items;
    }

    /**
     * Refuses every key under the prefix that was not read and is not under a {@linkplain #scope delegated}
     * sub-prefix.
     *
     * @throws InvalidInputException naming every unknown key, as the source spells it
     */
    public void rejectUnknown() {
        String normalizedPrefix = normalize(prefix);
        Set<String> unknown = new TreeSet<>();
        for (String name : lookup.names()) {
            String normalized = normalize(name);
            if (!normalized.startsWith(normalizedPrefix) || read.contains(normalized) || isDelegated(normalized)) {
                continue;
            }
            unknown.add(name);
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown.size() == 1 ? unknown.iterator().next() : String.join(", ", unknown),
                    (unknown.size() == 1 ? "is not a known key" : "are not known keys") + " under '" + prefix
                            + "' (a typo?)");
        }
    }

    private boolean isDelegated(String normalized) {
        for (String sub : delegated) {
            if (normalized.startsWith(sub)) {
                return true;
            }
        }
        return false;
    }

    private Duration parseDuration(String name, String value) {
        Matcher m = SHORT_DURATION.matcher(value);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(key(name), "is not a duration: '" + value
                        + "' (write e.g. 500ms, 5s, 2m, 1h, 1d or PT5S)");
            }
        }
        if (d.isNegative()) {
            throw new InvalidInputException(key(name), "must not be negative, was '" + value + "'");
        }
        return d;
    }

    /** Keys compare case-insensitively with {@code .}, {@code -} and {@code _} alike, so the environment matches. */
    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
    }
}
