package co.hotwax.preorder.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.testkit.ShopifySimulator;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension starts a simulator per test (instance field) or per class (static field). */
class ShopifySimulatorExtensionTest {
    private static final String TOKEN = "shpat_test_token";
    private static final String LOCATIONS = "{\"query\": \"{ locations(first: 5) { nodes { name } } }\"}";

    @RegisterExtension
    final ShopifySimulatorExtension perTest = ShopifySimulatorExtension.withToken(TOKEN);

    @Test
    void aFreshSimulatorAnswersOverHttp() throws Exception {
        ShopifySimulator sim = perTest.simulator();
        sim.addLocation("Only Warehouse");

        assertThat(post(sim, LOCATIONS)).contains("\"name\":\"Only Warehouse\"");
    }

    @Test
    void eachTestGetsItsOwnShop(ShopifySimulator injected) throws Exception {
        assertThat(injected).isSameAs(perTest.simulator());
        assertThat(post(injected, LOCATIONS)).contains("\"nodes\":[]");
    }

    @Test
    void outsideATestThereIsNoSimulator() {
        ShopifySimulatorExtension idle = ShopifySimulatorExtension.withToken("t");

        assertThatThrownBy(idle::simulator).isInstanceOf(IllegalStateException.class);
    }

    @Nested
    class PerClass {
        @RegisterExtension
        static final ShopifySimulatorExtension SHARED = ShopifySimulatorExtension.using(
                () -> ShopifySimulator.builder().accessToken(TOKEN).plan(ShopifyPlan.PLUS));

        @Test
        void theClassSharesOneSimulatorWithTheConfiguredPlan() {
            assertThat(SHARED.simulator().throttleStatus().maximumAvailable()).isEqualTo(20_000.0);
        }
    }

    /** The raw answer body: the simulator's own tests check its JSON; here only that a server answers. */
    private static String post(ShopifySimulator sim, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(sim.graphqlEndpoint("2026-04")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
