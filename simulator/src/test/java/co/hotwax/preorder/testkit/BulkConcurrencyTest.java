package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limit of bulk queries in progress at once follows the API version served (five from 2026-01, one of each type
 * before: shopify.dev/docs/api/usage/bulk-operations/queries), unless a test fixes it.
 */
class BulkConcurrencyTest {
    private static final String QUERY = "{ productVariants { edges { node { id sku } } } }";

    private final VirtualClock clock = new VirtualClock();
    private SimFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private SimFixture fixture(BulkBehaviour behaviour) {
        f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN).clock(clock)
                .apiVersions("2025-10", "2026-04").bulkBehaviour(behaviour));
        return f;
    }

    private static JsonNode run(JsonClient client) {
        return client.post(BulkQueryOperationsTest.RUN, vars("q", QUERY)).data().path("bulkOperationRunQuery");
    }

    @Test
    void in2026VersionsFiveQueriesRunAtOnceAndTheSixthIsRefusedWithLimitReached() {
        fixture(BulkBehaviour.defaults());
        for (int i = 0; i < 5; i++) {
            assertThat(run(f.client).path("userErrors")).as("query %d", i + 1).isEmpty();
        }
        JsonNode sixth = run(f.client);
        assertThat(sixth.path("bulkOperation").isNull()).isTrue();
        assertThat(sixth.at("/userErrors/0/code").asText()).isEqualTo("LIMIT_REACHED");
        assertThat(f.sim.bulk().created()).isEqualTo(5);

        clock.advance(Duration.ofMinutes(1));
        assertThat(run(f.client).path("userErrors")).as("free again once they ended").isEmpty();
    }

    @Test
    void beforeVersion2026_01OneQueryAtATimeWithOperationInProgress() {
        fixture(BulkBehaviour.defaults());
        JsonClient older = new JsonClient(f.sim.graphqlEndpoint("2025-10"), JsonClient.TOKEN);
        assertThat(run(older).path("userErrors")).isEmpty();
        assertThat(run(older).at("/userErrors/0/code").asText()).isEqualTo("OPERATION_IN_PROGRESS");
        assertThat(run(f.client).path("userErrors")).as("2026-04 allows more beside it").isEmpty();
    }

    @Test
    void aFixedLimitOfOneOverridesTheVersion() {
        fixture(new BulkBehaviour(Duration.ofSeconds(1), 1_000, 1));
        assertThat(run(f.client).path("userErrors")).isEmpty();
        assertThat(run(f.client).at("/userErrors/0/code").asText()).isEqualTo("OPERATION_IN_PROGRESS");
        assertThat(f.sim.bulk().created()).isEqualTo(1);
    }
}
