package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.testkit.BulkBehaviour;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import co.hotwax.preorder.testkit.VirtualClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk mutation canceled after the runner's longest wait goes on applying lines while CANCELING (Shopify: "There
 * may be a short delay from when a cancelation starts until the operation is actually canceled"; the simulator runs
 * lines until CANCELED). The runner must not hand the lines back to be done another way before the operation is
 * final, or a later write of the same object (a delisting) is overwritten by a line that lands late.
 */
class BulkMutationCancelTest {
    private static final String TOKEN = "shpat_bulk-cancel";
    private static final String NAMESPACE = "preorder";
    private static final String KEY = "status";
    private static final String SET = "mutation Mark($owner: ID!, $value: String!) { metafieldsSet(metafields: "
            + "[{ownerId: $owner, namespace: \"" + NAMESPACE + "\", key: \"" + KEY + "\", type: \"single_line_text_field\", "
            + "value: $value}]) { userErrors { field message } } }";

    private final VirtualClock time = new VirtualClock();
    private ShopifySimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void linesOfACanceledBulkMutationNeverLandAfterTheRunnerGaveThemBack() throws Exception {
        // 100 s in CREATED (and as long CANCELING), then one line a second: still running at the 2-minute limit.
        sim = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep)
                .bulkBehaviour(new BulkBehaviour(Duration.ofSeconds(100), 1, BulkBehaviour.AS_DOCUMENTED)).start();
        Product product = sim.addProduct("Many", List.of());
        List<Variant> variants = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Variant v = sim.addVariant(product.id(), "SKU-" + i, false, InventoryPolicy.CONTINUE);
            variants.add(v);
            lines.add(Map.of("owner", v.id(), "value", "listed"));
        }
        HttpClient http = HttpClient.newHttpClient();
        GraphQlTransport transport = new GraphQlTransport(http, sim.graphqlEndpoint("2026-04"), () -> TOKEN,
                Duration.ofSeconds(30), new ObjectMapper(), "preorder-sync/test");
        ShopifyClient client = new ShopifyClient(sim.shopDomain(), transport,
                new CostPacer(time, time, 2000, 100, Duration.ofSeconds(60)), time, null,
                ShopifyClient.retryConfig(3, new RetryIntervals(new SplittableRandom(3))), new AccessTokens(() -> TOKEN),
                Duration.ofSeconds(60));
        BulkMutationRunner runner = new BulkMutationRunner(client, http, time, time, Duration.ofSeconds(30));

        BulkMutationRunner.Result result = runner.run(SET, lines);
        assertThat(result.reason()).contains("canceled");

        // The lines given back are done another way, then the same SKUs are delisted, all per request.
        for (Variant v : variants) {
            client.execute("metafieldsSet", "mutation Delist { metafieldsSet(metafields: [{ownerId: \"" + v.id()
                    + "\", namespace: \"" + NAMESPACE + "\", key: \"" + KEY + "\", type: \"single_line_text_field\", "
                    + "value: \"delisted\"}]) { userErrors { field message } } }", 10);
        }
        time.advance(Duration.ofMinutes(10));
        // Anything that observes the operation lets the simulator run the lines whose time has come.
        client.execute("bulkOperations", "query Seen { bulkOperations(first: 5) { nodes { id status objectCount } } }", 5);

        for (Variant v : variants) {
            assertThat(sim.metafield(v.id(), NAMESPACE, KEY)).as(v.sku()).contains("delisted");
        }
    }
}
