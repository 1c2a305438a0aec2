package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fault kind over real HTTP, from scripted and seeded plans. */
class FaultInjectionTest {
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

    private SimFixture with(FaultPlan plan) {
        return new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN).faults(plan)
                .sleeper(slept::add));
    }

    private static JsonClient.Reply adjust(SimFixture f, String key) {
        return f.client.post(SimFixture.ADJUST, vars("key", key, "input", vars("name", "available", "reason",
                "correction", "changes", List.of(vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                        f.warehouse.id(), "delta", 5, "changeFromQuantity", null)))));
    }

    @Test
    void http429CarriesRetryAfterAndAppliesNothing() {
        try (SimFixture f = with(FaultPlan.scripted(List.of(Fault.http429(3))))) {
            JsonClient.Reply r = adjust(f, "k");

            assertThat(r.status()).isEqualTo(429);
            assertThat(r.raw().headers().firstValue("Retry-After")).contains("3");
            assertThat(r.body().path("errors").asText()).contains("Reduce request rates");
            assertThat(f.available(f.deny)).isEqualTo(10);
        }
    }

    @Test
    void serverErrorsAnswerTheirStatusAndApplyNothing() {
        try (SimFixture f = with(FaultPlan.scripted(List.of(Fault.of(Fault.Kind.HTTP_500),
                Fault.of(Fault.Kind.HTTP_502), Fault.http503(2))))) {
            assertThat(adjust(f, "a").status()).isEqualTo(500);
            assertThat(adjust(f, "b").status()).isEqualTo(502);
            JsonClient.Reply unavailable = adjust(f, "c");

            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.raw().headers().firstValue("Retry-After")).contains("2");
            assertThat(f.available(f.deny)).isEqualTo(10);
            assertThat(f.sim.stats().faultsInjected()).isEqualTo(3);
        }
    }

    @Test
    void connectionResetGivesTheClientAnIOExceptionAndAppliesNothing() {
        try (SimFixture f = with(FaultPlan.scripted(List.of(Fault.of(Fault.Kind.CONNECTION_RESET))))) {
            assertThatThrownBy(() -> adjust(f, "k")).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(IOException.class);
            assertThat(f.available(f.deny)).isEqualTo(10);

            assertThat(adjust(f, "k").status()).isEqualTo(200);
            assertThat(f.available(f.deny)).isEqualTo(15);
        }
    }

    @Test
    void lostResponseAppliesTheWriteAndTheRetryReplaysIt() {
        try (SimFixture f = with(FaultPlan.scripted(List.of(Fault.appliedResponseLost())))) {
            assertThatThrownBy(() -> adjust(f, "k-lost")).hasCauseInstanceOf(IOException.class);
            assertThat(f.available(f.deny)).isEqualTo(15);

            JsonClient.Reply retry = adjust(f, "k-lost");

            assertThat(retry.data().path("inventoryAdjustQuantities").path("userErrors")).isEmpty();
            assertThat(f.available(f.deny)).isEqualTo(15);
            assertThat(f.sim.requestLog().get(0).httpStatus()).isZero();
        }
    }

    @Test
    void slowResponsesAndLatencyGoThroughTheSleeper() {
        try (SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN)
                .faults(FaultPlan.scripted(List.of(Fault.slow(Duration.ofMillis(1500))))).sleeper(slept::add)
                .latency(Duration.ofMillis(40)))) {
            JsonClient.Reply r = adjust(f, "k");

            assertThat(r.status()).isEqualTo(200);
            assertThat(slept).containsExactly(Duration.ofMillis(40), Duration.ofMillis(1500));
            assertThat(f.available(f.deny)).isEqualTo(15);
        }
    }

    @Test
    void theSameSeedInjectsTheSameFaults() {
        FaultRates rates = FaultRates.builder().http429(0.2).http503(0.2).reset(0.1).retryAfterSeconds(1).build();
        List<Integer> first = statuses(FaultPlan.seeded(99L, rates));
        List<Integer> second = statuses(FaultPlan.seeded(99L, rates));

        assertThat(first).as("seed 99").isEqualTo(second);
        assertThat(first).as("seed 99 injects something in 30 requests").anyMatch(s -> s != 200);
    }

    private List<Integer> statuses(FaultPlan plan) {
        List<Integer> out = new ArrayList<>();
        try (SimFixture f = with(plan)) {
            for (int i = 0; i < 30; i++) {
                try {
                    out.add(f.client.post("{ locations(first: 1) { nodes { id } } }", Map.of()).status());
                } catch (UncheckedIOException e) {
                    out.add(0);
                }
            }
        }
        return out;
    }
}
