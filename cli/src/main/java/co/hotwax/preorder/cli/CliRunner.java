package co.hotwax.preorder.cli;

import co.hotwax.preorder.core.BatchReport;
import co.hotwax.preorder.core.PreorderBook;
import co.hotwax.preorder.cli.source.RowError;
import co.hotwax.preorder.cli.source.SourceUnavailableException;
import co.hotwax.preorder.cli.internal.ChangeTable;
import co.hotwax.preorder.cli.internal.CliOptions;
import co.hotwax.preorder.cli.internal.FindingTable;
import co.hotwax.preorder.cli.internal.PreOrderCsv;
import co.hotwax.preorder.cli.internal.Progress;
import co.hotwax.preorder.cli.internal.StoreStates;
import co.hotwax.preorder.cli.internal.Usage;
import co.hotwax.preorder.cli.internal.UsageException;
import co.hotwax.preorder.cli.internal.Version;
import co.hotwax.preorder.cli.csv.CsvSupplySource;
import co.hotwax.preorder.shopify.PlannedChange;
import co.hotwax.preorder.shopify.PreflightFinding;
import co.hotwax.preorder.shopify.PreflightReport;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.shopify.ShopifyUnavailableException;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.SupplyLine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The command line's work, testable without a process: parse the flags, read the CSV files, build the book, derive
 * what the store should show, then preview it ({@code plan}, the default) or publish it ({@code apply}); or only
 * check the store's setup ({@code check}). It returns an
 * {@link ExitCode} instead of exiting, and prints the plan and the summary on {@code out}, progress and one line
 * per error on {@code err}. The access token is read from the environment or a file, handed to the adapter as a
 * supplier, and printed nowhere.
 *
 * @since 0.1.0
 */
public final class CliRunner {
    /** The environment variable holding the Admin API access token. */
    public static final String TOKEN_ENV = "SHOPIFY_ACCESS_TOKEN";

    private static final String PROGRAM = "preorder-sync";
    /** Per-item error lines printed before the rest is only counted: a catalog of typos must not flood a terminal. */
    private static final int MAX_ITEM_LINES = 20;
    /** Facility of receipt rows that name none: the CLI pools by SKU, so it only has to be present. */
    private static final String DEFAULT_FACILITY = "default";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Clock clock;

    /**
     * Creates a runner.
     *
     * @param env the environment ({@value #TOKEN_ENV}, {@value CliOptions#SHOP_ENV})
     * @param out where the plan and the summary go
     * @param err where progress and errors go
     * @param terminal whether a person watches (then the progress bar is drawn without {@code --progress})
     * @param clock today's date for stale ETAs, and the adapter's clock
     */
    public CliRunner(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, Clock clock) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments, without the program name
     * @return the exit code's number (see {@link ExitCode})
     */
    public int run(String... args) {
        CliOptions options;
        try {
            options = CliOptions.parse(List.of(args), env);
        } catch (UsageException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            err.println();
            err.print(Usage.TEXT);
            return ExitCode.USAGE.code();
        }
        if (options.help()) {
            out.print(Usage.TEXT);
            return ExitCode.OK.code();
        }
        if (options.version()) {
            out.println(PROGRAM + " " + Version.current());
            return ExitCode.OK.code();
        }
        try {
            return execute(options).code();
        } catch (UsageException | SourceUnavailableException | InvalidInputException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (ShopifyUnavailableException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return ExitCode.UNAVAILABLE.code();
        } catch (RuntimeException e) {
            // No stack trace and no message: either could carry the token or a server's words; the type says enough.
            err.println(PROGRAM + ": failed unexpectedly (" + e.getClass().getName() + ")");
            return ExitCode.UNAVAILABLE.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private ExitCode execute(CliOptions options) {
        String token = token(options);
        if (options.check()) {
            return check(options, token);
        }
        CsvSupplySource supply = CsvSupplySource.builder(options.supply()).strict(options.strict())
                .defaultFacility(DEFAULT_FACILITY).build();
        List<SupplyLine> lines = supply.snapshot().items();
        List<RowError> skipped = new ArrayList<>(supply.errors());
        List<PreOrder> preOrders = List.of();
        if (options.preOrders() != null) {
            PreOrderCsv.Rows rows = PreOrderCsv.read(options.preOrders(), options.strict());
            preOrders = rows.preOrders();
            skipped.addAll(rows.errors());
        }
        eachLimited(skipped, e -> "skipped " + e.message());
        PreorderBook book = PreorderBook.builder().clock(clock).build();
        BatchReport report = book.rebuild(lines, preOrders, List.of());
        if (options.strict() && !report.allApplied()) {
            throw new UsageException("refused " + report.rejected().get(0).item() + ": " + report.rejected().get(0).reason());
        }
        eachLimited(report.rejected(), r -> "refused " + r.item() + ": " + r.reason());
        int inputProblems = skipped.size() + report.rejected().size();
        List<DesiredState> states = StoreStates.of(book, options.shop());
        if (!options.quiet()) {
            out.println("Read " + lines.size() + " supply lines and " + preOrders.size() + " pre-orders: "
                    + states.size() + " SKUs.");
        }
        try (ShopifyPublisher publisher = ShopifyPublisher.builder(config(options, token)).clock(clock).build()) {
            boolean blocked = false;
            if (!options.apply()) {
                // The dry run says first whether the store is set up so that the plan is safe to apply.
                PreflightReport preflight = publisher.preflight(states.stream().map(DesiredState::sku).distinct().toList());
                blocked = preflight.worst() == PreflightFinding.Severity.BLOCKER;
                if (!options.quiet() || blocked) {
                    FindingTable.print(out, preflight, false);
                }
            }
            List<PlannedChange> plan = inBatches(states, options, "reading", publisher::preview,
                    c -> c.action() == PlannedChange.Action.REJECT);
            if (!options.quiet()) {
                ChangeTable.print(out, plan);
            }
            if (!options.apply()) {
                ExitCode code = dryRunSummary(options, plan, inputProblems);
                return blocked ? ExitCode.ATTENTION : code;
            }
            List<PublishOutcome> outcomes = inBatches(states, options, "writing", publisher::publish,
                    o -> o.status() == PublishOutcome.Status.REJECTED);
            return applySummary(options, outcomes, inputProblems);
        }
    }

    /**
     * The {@code check} verb: the store preflight for the SKUs of the supply CSV (when given), printed as a table
     * or JSON. ATTENTION when any finding is a blocker.
     */
    private ExitCode check(CliOptions options, String token) {
        List<String> skus = List.of();
        if (options.supply() != null) {
            CsvSupplySource supply = CsvSupplySource.builder(options.supply()).strict(options.strict())
                    .defaultFacility(DEFAULT_FACILITY).build();
            skus = supply.snapshot().items().stream().map(SupplyLine::sku).distinct().toList();
            eachLimited(supply.errors(), e -> "skipped " + e.message());
        }
        try (ShopifyPublisher publisher = ShopifyPublisher.builder(config(options, token)).clock(clock).build()) {
            PreflightReport report = publisher.preflight(skus);
            if (options.json()) {
                FindingTable.printJson(out, report);
            } else {
                FindingTable.print(out, report, true);
                out.println("Checked " + options.shop() + " and " + skus.size() + " SKUs: worst finding " + report.worst() + ".");
            }
            return report.worst() == PreflightFinding.Severity.BLOCKER ? ExitCode.ATTENTION : ExitCode.OK;
        }
    }

    private String token(CliOptions options) {
        String token;
        if (options.tokenFile() != null) {
            try {
                token = Files.readString(options.tokenFile(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                // The exception names the file and the failure, never its content.
                throw new UsageException("cannot read token file " + options.tokenFile() + ": " + e.getClass().getSimpleName());
            }
            if (token.isEmpty()) {
                throw new UsageException("token file " + options.tokenFile() + " is empty");
            }
            return token;
        }
        token = env.get(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            throw new UsageException("no access token: set " + TOKEN_ENV + " or give --token-file");
        }
        return token.strip();
    }

    private static ShopifyPublisherConfig config(CliOptions options, String token) {
        ShopifyPublisherConfig.Builder config = ShopifyPublisherConfig.builder()
                .shopDomain(options.shop())
                .accessToken(() -> token)
                .defaultLocationId(options.locationId());
        if (options.apiVersion() != null) {
            config.apiVersion(options.apiVersion());
        }
        if (options.endpoint() != null) {
            config.endpoint(options.endpoint());
        }
        try {
            return config.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Sends the states batch by batch, showing progress, and returns one result per state in order. */
    private <R> List<R> inBatches(List<DesiredState> states, CliOptions options, String phase,
                                  Function<List<DesiredState>, List<R>> call, Predicate<R> rejected) {
        Progress progress = new Progress(err, progressStyle(options), phase, states.size());
        List<R> results = new ArrayList<>(states.size());
        int rejectedSoFar = 0;
        try {
            for (int from = 0; from < states.size(); from += options.batchSize()) {
                List<R> batch = call.apply(states.subList(from, Math.min(states.size(), from + options.batchSize())));
                results.addAll(batch);
                rejectedSoFar += (int) batch.stream().filter(rejected).count();
                progress.update(results.size(), rejectedSoFar);
            }
        } finally {
            progress.finish();
        }
        return results;
    }

    private Progress.Style progressStyle(CliOptions options) {
        if (options.quiet()) {
            return Progress.Style.NONE;
        }
        return options.progress() || terminal ? Progress.Style.BAR : Progress.Style.LINES;
    }

    private ExitCode dryRunSummary(CliOptions options, List<PlannedChange> plan, int inputProblems) {
        long list = count(plan, PlannedChange.Action.LIST);
        long delist = count(plan, PlannedChange.Action.DELIST);
        long quantity = count(plan, PlannedChange.Action.SET_QUANTITY);
        long rejected = count(plan, PlannedChange.Action.REJECT);
        eachLimited(plan.stream().filter(c -> c.action() == PlannedChange.Action.REJECT).toList(),
                c -> "rejected " + c.key() + ": " + c.detail());
        out.println("Dry run for " + options.shop() + ": " + plan.size() + " SKUs; " + (list + delist + quantity)
                + " would change (" + list + " to list, " + delist + " to delist, " + quantity + " quantity only), "
                + count(plan, PlannedChange.Action.NONE) + " already match, " + rejected + " rejected."
                + " Nothing was written; run apply to write.");
        return rejected + inputProblems > 0 ? ExitCode.ATTENTION : ExitCode.OK;
    }

    private ExitCode applySummary(CliOptions options, List<PublishOutcome> outcomes, int inputProblems) {
        List<PublishOutcome> failed = outcomes.stream().filter(o -> o.status() != PublishOutcome.Status.APPLIED).toList();
        eachLimited(failed, o -> (o.status() == PublishOutcome.Status.REJECTED ? "rejected " : "to retry ")
                + o.key() + ": " + o.reason());
        long written = outcomes.stream().filter(PublishOutcome::wrote).count();
        long rejected = failed.stream().filter(o -> o.status() == PublishOutcome.Status.REJECTED).count();
        long retry = failed.size() - rejected;
        long matched = outcomes.size() - failed.size() - written;
        out.println("Applied to " + options.shop() + ": " + outcomes.size() + " SKUs; " + (written == 0 && failed.isEmpty()
                ? "no changes needed."
                : written + " written, " + matched + " already matched, " + rejected + " rejected, " + retry + " to retry."));
        return failed.size() + inputProblems > 0 ? ExitCode.ATTENTION : ExitCode.OK;
    }

    private static long count(List<PlannedChange> plan, PlannedChange.Action action) {
        return plan.stream().filter(c -> c.action() == action).count();
    }

    /** One line per item on stderr, up to a limit, then how many more there were. */
    private <T> void eachLimited(List<T> items, Function<T, String> line) {
        items.stream().limit(MAX_ITEM_LINES).forEach(item -> err.println(PROGRAM + ": " + line.apply(item)));
        if (items.size() > MAX_ITEM_LINES) {
            err.println(PROGRAM + ": ... and " + (items.size() - MAX_ITEM_LINES) + " more");
        }
    }
}
