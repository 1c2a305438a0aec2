package co.hotwax.preorder.cli.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parsed command line. {@link #parse} accepts {@code --flag value} and {@code --flag=value}; it never sees the
 * access token, which comes from the environment or a file.
 *
 * @param help whether {@code --help} was asked for (then nothing else is checked)
 * @param version whether {@code --version} was asked for (then nothing else is checked)
 * @param shop the shop domain, from {@code --shop} or {@code SHOPIFY_SHOP}
 * @param locationId the pre-order location gid
 * @param supply the receipts CSV
 * @param preOrders the pre-orders CSV, or null
 * @param apply whether to write (the {@code apply} verb or {@code --apply}) rather than only preview (the
 *              {@code plan} verb, {@code --dry-run} or neither)
 * @param tokenFile the file holding the access token, or null to use {@code SHOPIFY_ACCESS_TOKEN}
 * @param apiVersion the Admin API version, or null for the adapter's default
 * @param endpoint another base address, or null
 * @param strict whether a bad CSV row stops the run
 * @param batchSize SKUs per preview or publish call
 * @param progress whether the progress bar is forced on
 * @param quiet whether only the summary and errors are printed
 * @param check whether the verb is {@code check}: the store preflight only, nothing computed or written
 * @param json whether {@code --format json} asked for the check's findings as JSON
 */
public record CliOptions(boolean help, boolean version, String shop, String locationId, Path supply, Path preOrders, boolean apply,
                         Path tokenFile, String apiVersion, URI endpoint, boolean strict, int batchSize,
                         boolean progress, boolean quiet, boolean check, boolean json) {
    /** The environment variable holding the shop domain when {@code --shop} is not given. */
    public static final String SHOP_ENV = "SHOPIFY_SHOP";
    /** The largest batch: Shopify's input-array limit. */
    public static final int MAX_BATCH = 250;

    private static final Pattern SHOPIFY_SHOP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*\\.myshopify\\.com");
    private static final Set<String> WITH_VALUE = Set.of("--shop", "--location", "--supply", "--preorders",
            "--token-file", "--api-version", "--endpoint", "--batch-size", "--format");
    private static final Set<String> SWITCHES = Set.of("--dry-run", "--apply", "--strict", "--progress", "--quiet",
            "--help", "-h", "--version");
    private static final Set<String> VERBS = Set.of("check", "plan", "apply");

    /**
     * Parses the arguments.
     *
     * @param args the command line
     * @param env the environment, for {@value #SHOP_ENV}
     * @return the options; {@link #help()} true when help was asked for
     * @throws UsageException naming the first wrong option
     */
    public static CliOptions parse(List<String> args, Map<String, String> env) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(env, "env");
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new HashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--token")) {
                throw new UsageException("--token is not accepted: a token on the command line shows in `ps`;"
                        + " set SHOPIFY_ACCESS_TOKEN or use --token-file");
            }
            if (WITH_VALUE.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw new UsageException(name + " is given more than once");
                }
            } else if (SWITCHES.contains(name) && value == null) {
                switches.add(name);
            } else if (arg.startsWith("-")) {
                throw new UsageException("unknown option " + (SWITCHES.contains(name) ? name + " (takes no value)" : name));
            } else {
                positional.add(arg);
            }
        }
        boolean help = switches.contains("--help") || switches.contains("-h");
        if (help || switches.contains("--version")) {
            return new CliOptions(help, !help, null, null, null, null, false, null, null, null, false, MAX_BATCH, false,
                    false, false, false);
        }
        // The verbs; without one, the older switches choose (--dry-run, the default, or --apply).
        String verb = !positional.isEmpty() && VERBS.contains(positional.get(0)) ? positional.remove(0) : null;
        boolean check = "check".equals(verb);
        if (("check".equals(verb) || "plan".equals(verb)) && switches.contains("--apply")) {
            throw new UsageException(verb + " writes nothing; --apply does not go with it (the apply verb writes)");
        }
        if ("apply".equals(verb) && switches.contains("--dry-run")) {
            throw new UsageException("apply writes; --dry-run does not go with it (the plan verb only previews)");
        }
        boolean apply = "apply".equals(verb) || switches.contains("--apply");
        String format = values.getOrDefault("--format", "table");
        if (!format.equals("table") && !format.equals("json")) {
            throw new UsageException("--format \"" + format + "\" must be table or json");
        }
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument \"" + positional.get(0) + "\"; the verbs are check, plan"
                    + " and apply, every other input is a --flag");
        }
        if (switches.contains("--dry-run") && switches.contains("--apply")) {
            throw new UsageException("--dry-run and --apply contradict each other; give one");
        }
        String shop = values.getOrDefault("--shop", env.get(SHOP_ENV));
        if (shop == null || shop.isBlank()) {
            throw new UsageException("--shop is required (or set " + SHOP_ENV + ")");
        }
        CliOptions options = new CliOptions(false, false, shop.trim(), required(values, "--location"),
                check ? path(values.get("--supply")) : Path.of(required(values, "--supply")), path(values.get("--preorders")),
                apply,
                path(values.get("--token-file")), values.get("--api-version"), endpoint(values.get("--endpoint")),
                switches.contains("--strict"), batchSize(values.get("--batch-size")), switches.contains("--progress"),
                switches.contains("--quiet"), check, format.equals("json"));
        if (options.endpoint() == null && !SHOPIFY_SHOP.matcher(options.shop()).matches()) {
            // Without --endpoint the token is sent to this host: only a Shopify shop may receive it.
            throw new UsageException("--shop \"" + options.shop() + "\" must end in .myshopify.com (e.g. my-store.myshopify.com)"
                    + " unless --endpoint is given");
        }
        return options;
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " is required");
        }
        return value.trim();
    }

    private static Path path(String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new UsageException("a file option is blank");
        }
        return Path.of(value);
    }

    private static URI endpoint(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UsageException("--endpoint \"" + value + "\" must be an absolute URL like https://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--endpoint \"" + value + "\" is not a URL: " + e.getReason());
        }
    }

    private static int batchSize(String value) {
        if (value == null) {
            return MAX_BATCH;
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 1 && size <= MAX_BATCH) {
                return size;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new UsageException("--batch-size \"" + value + "\" must be a whole number from 1 to " + MAX_BATCH);
    }
}
