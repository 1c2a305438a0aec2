package co.hotwax.preorder.cli;

import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution as an operator runs it: the packaged runnable jar with {@code java -jar}, and the
 * {@code preorder-sync} launcher beside it, each as its own process against the simulator over HTTP. Runs after
 * {@code package} (surefire's {@code runnable-jar} execution), which passes the distribution directory and the
 * project version.
 */
class RunnableJarIT {
    private static final String TOKEN = "shpat_jar-IT-distinct-TOKEN-4711";
    private static final long TIMEOUT_SECONDS = 120;

    private final Path dist = Path.of(required("preorder.cli.dist"));
    private final String version = required("preorder.cli.version");
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;
    private ShopifySimulator shop;
    private Location location;
    private Variant redM;
    private Path supply;

    /** What one process printed and returned. */
    private record Exited(int code, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        shop = ShopifySimulator.builder().accessToken(TOKEN).start();
        location = shop.addLocation("Pre-order warehouse");
        redM = shop.addVariant(shop.addProduct("Red tee M", List.of()).id(), "RED-M", true, InventoryPolicy.DENY);
        supply = Files.writeString(dir.resolve("receipts.csv"), """
                receipt_id,document,sku,facility,quantity,expected_date
                R-1,PO-1,RED-M,WH-1,30,2030-03-01
                """);
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    @Test
    void theJarPrintsTheProjectVersion() throws Exception {
        Exited run = exec(jarCommand("--version"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("preorder-sync " + version + "\n");
    }

    @Test
    void theLauncherChecksTheStoreThroughTheJar() throws Exception {
        Path launcher = dist.resolve("preorder-sync");
        assertThat(launcher).isExecutable();

        Exited run = exec(List.of(launcher.toString(), "check", "--shop", shop.shopDomain(), "--location",
                location.id(), "--supply", supply.toString(), "--endpoint", endpoint()));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
        assertThat(run.out()).contains("access-scopes", "preorder-location", "RED-M", "worst finding");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void theJarPlansWithoutWritingAndAppliesOnRequest() throws Exception {
        Exited plan = exec(jarCommand("plan", "--shop", shop.shopDomain(), "--location", location.id(), "--supply",
                supply.toString(), "--endpoint", endpoint()));

        assertThat(plan.code()).as(plan.out() + plan.err()).isEqualTo(ExitCode.OK.code());
        assertThat(plan.out()).contains("RED-M", "LIST", "Nothing was written");
        assertThat(shop.requestLog()).isNotEmpty().allSatisfy(r -> assertThat(r.rootFields())
                .doesNotContain("inventoryActivate", "inventorySetQuantities", "productVariantsBulkUpdate"));

        Exited apply = exec(jarCommand("apply", "--shop", shop.shopDomain(), "--location", location.id(), "--supply",
                supply.toString(), "--endpoint", endpoint()));

        assertThat(apply.code()).as(apply.out() + apply.err()).isEqualTo(ExitCode.OK.code());
        assertThat(apply.out()).contains("1 written");
        assertThat(shop.quantity(redM.inventoryItemId(), location.id(), "available"))
                .isEqualTo(30);
    }

    @Test
    void aWrongCommandLineExitsTwoFromTheProcess() throws Exception {
        Exited run = exec(jarCommand("plan", "--apply"));

        assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("plan writes nothing");
    }

    private List<String> jarCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar",
                dist.resolve("preorder-sync-cli-" + version + ".jar").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Exited exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put(CliRunner.TOKEN_ENV, TOKEN);
        // The launcher finds java through JAVA_HOME first: the JDK running this test.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        builder.redirectError(dir.resolve("err.txt").toFile());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Exited(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private String endpoint() {
        return "http://127.0.0.1:" + shop.graphqlEndpoint("2026-04").getPort();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run through Maven's verify (the runnable-jar"
                    + " execution sets it after package)");
        }
        return value;
    }
}
