package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension starts a simulator per test (instance field) or per class (static field). */
class ShopifySimulatorExtensionTest {
    @RegisterExtension
    final ShopifySimulatorExtension perTest = ShopifySimulatorExtension.withToken(JsonClient.TOKEN);

    @Test
    void aFreshSimulatorAnswersOverHttp() {
        ShopifySimulator sim = perTest.simulator();
        sim.addLocation("Only");

        JsonClient.Reply r = new JsonClient(sim).post("{ locations(first: 5) { nodes { name } } }", Map.of());

        assertThat(r.data().path("locations").path("nodes")).hasSize(1);
    }

    @Test
    void eachTestGetsItsOwnShop(ShopifySimulator injected) {
        assertThat(injected).isSameAs(perTest.simulator());
        assertThat(new JsonClient(injected).post("{ locations(first: 5) { nodes { name } } }", Map.of()).data()
                .path("locations").path("nodes")).isEmpty();
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
                () -> ShopifySimulator.builder().accessToken(JsonClient.TOKEN).plan(ShopPlan.PLUS));

        @Test
        void theClassSharesOneSimulatorWithTheConfiguredPlan() {
            assertThat(SHARED.simulator().throttleStatus().maximumAvailable()).isEqualTo(20_000.0);
        }
    }
}
