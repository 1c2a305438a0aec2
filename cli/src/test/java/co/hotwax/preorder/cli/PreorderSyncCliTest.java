package co.hotwax.preorder.cli;

import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line against the testkit's Shopify simulator over real HTTP, as an operator would run it. */
class PreorderSyncCliTest {
    /** Distinctive, so any leak into the output is found by a plain substring search. */
    private static final String TOKEN = "shpat_CLI-distinct-TOKEN-90210";
    private static final Set<String> MUTATIONS = Set.of("inventorySetQuantities", "inventoryAdjustQuantities",
            "inventoryActivate", "inventoryItemUpdate", "productVariantsBulkUpdate", "metafieldsSet", "tagsAdd",
            "tagsRemove");
    // ETAs in 2030 are not stale on this date.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private ShopifySimulator shop;
    private Location location;
    private Variant redM;
    private Variant redL;
    private Path supply;
    private Path preOrders;

    /** What one run printed and returned. */
    private record Run(int exit, String out, String err) {
        /** @return the cells of the table row of a SKU */
        List<String> row(String sku) {
            return Arrays.stream(out.split("\n")).filter(l -> l.startsWith(sku + " ")).findFirst()
                    .map(l -> List.of(l.trim().split("\\s+"))).orElseThrow(() -> new AssertionError("no row " + sku + " in\n" + out));
        }
    }

    @BeforeEach
    void start() throws IOException {
        shop = ShopifySimulator.builder().accessToken(TOKEN).start();
        location = shop.addLocation("Pre-order warehouse");
        redM = shop.addVariant(shop.addProduct("Red tee M", List.of()).id(), "RED-M", true, InventoryPolicy.DENY);
        redL = shop.addVariant(shop.addProduct("Red tee L", List.of()).id(), "RED-L", false, InventoryPolicy.CONTINUE);
        // RED-M: 30 on order, 3 pre-ordered here and 2 at the POS: P = 25, of which 3 are this shop's open orders.
        // RED-L: 12 on order, nothing taken: P = 12.
        supply = write("receipts.csv", """
                receipt_id,document,sku,facility,quantity,expected_date
                R-1,PO-1,RED-M,WH-1,30,2030-03-01
                R-2,PO-1,RED-L,WH-1,12,2030-03-01
                """);
        preOrders = write("preorders.csv", """
                order_id,line_id,sku,quantity,placed_at,channel
                SO-1,1,RED-M,3,2026-05-01T10:00:00Z,%s
                SO-2,1,RED-M,2,2026-05-02T10:00:00Z,pos
                """.formatted(shop.shopDomain()));
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CliRunner(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, CLOCK).run(args);
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(run.out() + run.err()).as("the token must never be printed").doesNotContain(TOKEN);
        return run;
    }

    private Run run(String... extra) {
        List<String> args = new ArrayList<>(List.of("--shop", shop.shopDomain(), "--location", location.id(),
                "--supply", supply.toString(), "--preorders", preOrders.toString(), "--endpoint", endpoint()));
        args.addAll(List.of(extra));
        return run(Map.of(CliRunner.TOKEN_ENV, TOKEN), args.toArray(String[]::new));
    }

    private String endpoint() {
        return "http://127.0.0.1:" + shop.graphqlEndpoint("2026-04").getPort();
    }

    private int available(Variant v) {
        return shop.quantity(v.inventoryItemId(), location.id(), "available");
    }

    @Test
    void dryRunPrintsTheTargetsAndSendsNoMutation() {
        Run run = run();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.row("RED-M")).startsWith("RED-M", "0", "25", "LIST");
        assertThat(run.row("RED-L")).startsWith("RED-L", "0", "12", "LIST");
        assertThat(run.out()).contains("2 would change (2 to list, 0 to delist, 0 quantity only)", "Nothing was written");
        assertThat(shop.requestLog()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.rootFields()).doesNotContainAnyElementsOf(MUTATIONS));
        assertThat(shop.tracked(redL.inventoryItemId())).isFalse();
    }

    @Test
    void applyWritesAndASecondApplyFindsNothingToChange() {
        Run first = run("--apply");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(available(redM)).isEqualTo(25);
        assertThat(available(redL)).isEqualTo(12);
        assertThat(shop.policy(redL.id())).isEqualTo(InventoryPolicy.DENY);
        assertThat(first.out()).contains("2 written");

        Run second = run("--apply");

        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("no changes needed");
        assertThat(second.row("RED-M")).startsWith("RED-M", "25", "25", "NONE");
    }

    private static long countMutations(List<RequestLogEntry> log) {
        return log.stream().filter(r -> r.rootFields().stream().anyMatch(MUTATIONS::contains)).count();
    }

    @Test
    void aSecondApplySendsNoMutation() {
        assertThat(run("--apply").exit()).isZero();
        long afterFirst = countMutations(shop.requestLog());

        assertThat(run("--apply").exit()).isZero();

        assertThat(countMutations(shop.requestLog())).isEqualTo(afterFirst);
    }

    @Test
    void aSkuTheStoreDoesNotHaveExitsOneNamingIt() throws IOException {
        supply = write("receipts.csv", """
                receipt_id,sku,facility,quantity,expected_date
                R-1,RED-M,WH-1,30,2030-03-01
                R-9,GHOST-9,WH-1,5,2030-03-01
                """);

        Run dry = run();
        Run apply = run("--apply");

        assertThat(dry.exit()).isEqualTo(1);
        assertThat(dry.err()).contains("GHOST-9: no variant has sku GHOST-9");
        assertThat(apply.exit()).isEqualTo(1);
        assertThat(apply.err()).contains("rejected GHOST-9: no variant has sku GHOST-9");
        assertThat(available(redM)).as("the other SKUs went on").isEqualTo(25);
    }

    @Test
    void aBadFlagExitsTwoWithUsage() {
        Run run = run("--bogus");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("preorder-sync: unknown option --bogus").contains("Usage: preorder-sync");
        assertThat(shop.requestLog()).isEmpty();
    }

    @Test
    void aTokenOnTheCommandLineIsRefused() {
        Run run = run("--token", TOKEN);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--token is not accepted", "SHOPIFY_ACCESS_TOKEN");
    }

    @Test
    void aWrongTokenExitsThree() {
        Run run = run(Map.of(CliRunner.TOKEN_ENV, "shpat_wrong-one"), "--shop", shop.shopDomain(), "--location",
                location.id(), "--supply", supply.toString(), "--endpoint", endpoint(), "--apply");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("401").doesNotContain("shpat_wrong-one");
        assertThat(countMutations(shop.requestLog())).isZero();
    }

    @Test
    void theTokenAndShopMayComeFromAFileAndTheEnvironment() throws IOException {
        Path tokenFile = write("token", TOKEN + "\n");

        Run run = run(Map.of("SHOPIFY_SHOP", shop.shopDomain()), "--location", location.id(), "--supply",
                supply.toString(), "--endpoint", endpoint(), "--token-file", tokenFile.toString(), "--quiet");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("CURRENT").contains("Dry run for " + shop.shopDomain());
    }

    @Test
    void noTokenARepeatedFlagOrABadRowInStrictModeExitTwo() throws IOException {
        Run noToken = run(Map.of(), "--shop", shop.shopDomain(), "--location", location.id(), "--supply",
                supply.toString());
        Run twice = run("--supply", dir.resolve("nope.csv").toString());
        supply = write("receipts.csv", """
                receipt_id,sku,facility,quantity,expected_date
                R-1,RED-M,WH-1,thirty,2030-03-01
                R-2,RED-L,WH-1,12,2030-03-01
                """);
        Run strict = run("--strict");
        Run lenient = run();

        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).contains("no access token");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("--supply is given more than once");
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.err()).contains("receipts.csv line 2", "quantity \"thirty\" is not a whole number");
        assertThat(lenient.exit()).as("a skipped row needs attention").isEqualTo(1);
        assertThat(lenient.err()).contains("skipped receipts.csv line 2");
        assertThat(lenient.row("RED-L")).startsWith("RED-L", "0", "12", "LIST");
    }

    @Test
    void anUnreadableSupplyFileExitsTwo() {
        Run run = run(Map.of(CliRunner.TOKEN_ENV, TOKEN), "--shop", shop.shopDomain(), "--location", location.id(),
                "--supply", dir.resolve("missing.csv").toString(), "--endpoint", endpoint());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read supply file").contains("missing.csv");
    }

    @Test
    void aBadPreOrderRowIsSkippedNamingItsLine() throws IOException {
        preOrders = write("preorders.csv", """
                order_id,line_id,sku,quantity,placed_at,channel,status
                SO-1,1,RED-M,3,2026-05-01T10:00:00Z,pos,OPEN
                SO-2,1,RED-M,2,yesterday,pos,OPEN
                SO-3,1,RED-M,4,2026-05-03T10:00:00Z,pos,CANCELLED
                """);

        Run run = run();

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("preorders.csv line 3: placed_at \"yesterday\"");
        assertThat(run.row("RED-M")).as("30 on order, 3 open; the cancelled one holds nothing")
                .startsWith("RED-M", "0", "27", "LIST");
    }

    @Test
    void progressIsABarWithTheFlagAndTenthLinesWithout() {
        Run bar = run("--apply", "--progress", "--batch-size", "1");

        assertThat(bar.exit()).as(bar.err()).isZero();
        assertThat(bar.err()).contains("\r[##########          ] 1/2 SKUs, 0 rejected (writing)",
                "\r[####################] 2/2 SKUs, 0 rejected (writing)");

        Run lines = run("--apply", "--batch-size", "1");

        assertThat(lines.err()).doesNotContain("\r").contains("writing: 1/2 SKUs (50%), 0 rejected",
                "writing: 2/2 SKUs (100%), 0 rejected");
        assertThat(run("--apply", "--quiet").err()).isEmpty();
    }

    @Test
    void helpPrintsTheFlagsAndTheExitCodes() {
        Run run = run(Map.of(), "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("preorder-sync check", "preorder-sync plan", "preorder-sync apply", "--version",
                "--dry-run", "--token-file", "SHOPIFY_ACCESS_TOKEN", "`ps`", "Exit codes: 0",
                "3 the store cannot be reached");
    }

    @Test
    void versionPrintsTheBuildsVersionAndNeedsNothingElse() {
        Run run = run(Map.of(), "--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).matches("preorder-sync \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
        assertThat(shop.requestLog()).isEmpty();
    }

    @Test
    void thePlanVerbOnlyReadsAndTheApplyVerbWrites() {
        Run plan = run("plan");

        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.row("RED-M")).startsWith("RED-M", "0", "25", "LIST");
        assertThat(plan.out()).contains("Nothing was written; run apply to write.");
        assertThat(shop.requestLog()).allSatisfy(r -> assertThat(r.rootFields()).doesNotContainAnyElementsOf(MUTATIONS));

        Run apply = run("apply");

        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("2 written");
        assertThat(available(redM)).isEqualTo(25);
        assertThat(available(redL)).isEqualTo(12);
    }

    @Test
    void aVerbAndAContradictingSwitchExitTwo() {
        Run plan = run("plan", "--apply");
        Run apply = run("apply", "--dry-run");

        assertThat(plan.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(plan.err()).contains("plan writes nothing; --apply does not go with it");
        assertThat(apply.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(apply.err()).contains("apply writes; --dry-run does not go with it");
        assertThat(shop.requestLog()).isEmpty();
    }

    @Test
    void aNegativeAvailableIsShownAndApplied() {
        // P fell to 0 while orders were in flight: Shopify shows available below zero, an ordinary state.
        shop.stock(redM.id(), location.id(), -3);

        Run dry = run();

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.row("RED-M").get(1)).isEqualTo("-3");
        Run apply = run("--apply");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(available(redM)).isEqualTo(25);
    }

    @Test
    void aShopOutsideMyshopifyNeedsAnEndpointAndOldVersionsAreRefused() {
        Run host = run(Map.of(CliRunner.TOKEN_ENV, TOKEN), "--shop", "attacker.example.com", "--location", location.id(),
                "--supply", supply.toString());
        Run version = run("--api-version", "2024-01");

        assertThat(host.exit()).isEqualTo(2);
        assertThat(host.err()).contains("must end in .myshopify.com");
        assertThat(version.exit()).isEqualTo(2);
        assertThat(version.err()).contains("2026-04 or later");
        assertThat(shop.requestLog()).isEmpty();
    }

    @Test
    void aTokenWithALineBreakIsRefusedWithoutPrintingIt() {
        String broken = "shpat_first-half\nsecond-half-LEAK";
        Run run = run(Map.of(CliRunner.TOKEN_ENV, broken), "--shop", shop.shopDomain(), "--location", location.id(),
                "--supply", supply.toString(), "--endpoint", endpoint());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("token").doesNotContain("first-half").doesNotContain("LEAK");
        assertThat(shop.requestLog()).isEmpty();
    }

    @Test
    void aRedirectIsReportedWithItsStatus() throws IOException {
        HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "https://elsewhere.example/");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        redirecting.start();
        try {
            Run run = run(Map.of(CliRunner.TOKEN_ENV, TOKEN), "--shop", shop.shopDomain(), "--location", location.id(),
                    "--supply", supply.toString(), "--endpoint", "http://127.0.0.1:" + redirecting.getAddress().getPort());

            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("redirected").contains("301");
        } finally {
            redirecting.stop(0);
        }
    }

    @Test
    void checkPrintsEveryFindingAndExitsZeroForASafeStore() {
        Run run = run(Map.of(CliRunner.TOKEN_ENV, TOKEN), "check", "--shop", shop.shopDomain(), "--location",
                location.id(), "--supply", supply.toString(), "--endpoint", endpoint());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
        assertThat(run.out()).contains("SEVERITY").contains("access-scopes").contains("preorder-location")
                .contains("RED-L").contains("worst finding INFO");
        assertThat(shop.requestLog()).noneSatisfy(e -> assertThat(MUTATIONS).containsAnyElementsOf(e.rootFields()));
    }

    @Test
    void checkFindsASkuStockedAtAnotherOnlineLocationAndSaysSoInJson() throws Exception {
        Location warehouse = shop.addLocation("Warehouse");
        shop.stock(redM.id(), warehouse.id(), 4);
        Run run = run(Map.of(CliRunner.TOKEN_ENV, TOKEN), "check", "--shop", shop.shopDomain(), "--location",
                location.id(), "--supply", supply.toString(), "--endpoint", endpoint(), "--format", "json");
        assertThat(run.exit()).isEqualTo(ExitCode.ATTENTION.code());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.path("worst").asText()).isEqualTo("BLOCKER");
        assertThat(json.path("skus").path("RED-M").findValuesAsText("check")).contains("stocked-elsewhere");
        assertThat(json.path("store").findValuesAsText("check")).contains("other-online-locations");
    }

    @Test
    void theDryRunRunsThePreflightFirstAndAttentionOnABlocker() {
        shop.revokeScope("write_inventory");
        Run run = run();
        assertThat(run.out()).contains("access-scopes").contains("write_inventory");
        assertThat(run.exit()).isEqualTo(ExitCode.ATTENTION.code());
    }

    @Test
    void checkRefusesAnUnknownFormat() {
        Run run = run(Map.of(CliRunner.TOKEN_ENV, TOKEN), "check", "--shop", shop.shopDomain(), "--location",
                location.id(), "--endpoint", endpoint(), "--format", "xml");
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--format");
    }
}
