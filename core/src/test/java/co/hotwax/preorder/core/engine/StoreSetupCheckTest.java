package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.ConfigLookup;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.SetupCheck;
import co.hotwax.preorder.spi.SpiVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store-level setup check the engine runs at start, before loading anything. */
class StoreSetupCheckTest {
    private final Fixture f = new Fixture();

    /** A fake store whose setup check answers what the test says. */
    private static final class CheckedStore implements InventoryPublisher {
        final FaultInjectingStore store;
        final AtomicInteger checks = new AtomicInteger();
        private final SetupCheck answer;
        private final RuntimeException failure;

        CheckedStore(String channel, SetupCheck answer, RuntimeException failure) {
            this.store = new FaultInjectingStore(channel);
            this.answer = answer;
            this.failure = failure;
        }

        @Override
        public String channelId() {
            return store.channelId();
        }

        @Override
        public List<PublishOutcome> publish(List<DesiredState> states) {
            return store.publish(states);
        }

        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public SetupCheck checkSetup() {
            checks.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    private static SetupCheck blocked(String reason, String fix) {
        return new SetupCheck(List.of(new SetupCheck.Problem(false, "other-online-locations", "1 other location", ""),
                new SetupCheck.Problem(true, "access-scopes", reason, fix)));
    }

    @Test
    void aBlockingProblemFailsTheStartNamingTheStoreAndTheFixAndNothingIsPublished() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        CheckedStore ok = new CheckedStore("shop-ok", SetupCheck.NOTHING_TO_REPORT, null);
        CheckedStore bad = new CheckedStore("shop-bad", blocked("the token lacks write_inventory", "add write_inventory"), null);
        PreorderSync sync = f.builder().publisher(ok).publisher(bad).build();

        assertThatThrownBy(sync::startManual).isInstanceOf(StoreSetupException.class)
                .hasMessageContaining("shop-bad").hasMessageContaining("write_inventory")
                .hasMessageContaining("fix: add write_inventory").hasMessageNotContaining("shop-ok")
                .satisfies(e -> assertThat(((StoreSetupException) e).channel()).isEqualTo("shop-bad"));
        assertThat(sync.state()).isEqualTo(PreorderSync.State.STOPPED);
        assertThat(ok.checks).hasValue(1);
        assertThat(ok.store.batches()).isEmpty();
        assertThat(bad.store.batches()).isEmpty();
        // Every problem was reported before deciding, the warning too.
        assertThat(f.events(SyncEvent.SetupProblem.class)).extracting(SyncEvent.SetupProblem::check, SyncEvent.SetupProblem::blocking)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("other-online-locations", false),
                        org.assertj.core.groups.Tuple.tuple("access-scopes", true));
    }

    @Test
    void configuredToContinueTheEngineReportsTheProblemAndPublishes() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        CheckedStore bad = new CheckedStore("shop-bad", blocked("the token lacks write_inventory", "add write_inventory"), null);
        PreorderSync sync = f.builder().publisher(bad).continueOnSetupProblems(true).build();
        sync.startManual();
        sync.runUntilIdle(100);

        assertThat(sync.state()).isEqualTo(PreorderSync.State.RUNNING);
        assertThat(f.events(SyncEvent.SetupProblem.class)).filteredOn(SyncEvent.SetupProblem::blocking).singleElement()
                .satisfies(p -> {
                    assertThat(p.publisher()).isEqualTo("shop-bad");
                    assertThat(p.reason()).contains("write_inventory");
                    assertThat(p.fix()).isEqualTo("add write_inventory");
                });
        assertThat(bad.store.available("RED")).isEqualTo(10);
    }

    @Test
    void aCheckThatThrowsIsANonBlockingProblemAndTheDefaultReportsNothing() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        CheckedStore down = new CheckedStore("shop-down", null, new IllegalStateException("connection refused"));
        FaultInjectingStore plain = new FaultInjectingStore("shop-plain");
        PreorderSync sync = f.builder(plain).publisher(down).build();
        sync.startManual();
        sync.runUntilIdle(100);

        assertThat(f.events(SyncEvent.SetupProblem.class)).singleElement().satisfies(p -> {
            assertThat(p.publisher()).isEqualTo("shop-down");
            assertThat(p.blocking()).isFalse();
            assertThat(p.reason()).contains("connection refused");
        });
        assertThat(plain.checkSetup()).isSameAs(SetupCheck.NOTHING_TO_REPORT);
        assertThat(plain.available("RED")).isPositive();
    }

    @Test
    void theConfigurationKeyChoosesBetweenFailingAndContinuing() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        PreorderSyncConfig.StoreFactory factory = (id, keys) -> new CheckedStore(keys.requiredString("shop"),
                blocked("the token lacks write_inventory", "add write_inventory"), null);
        for (boolean continueOn : new boolean[] {false, true}) {
            Properties p = new Properties();
            p.setProperty("p.stores", "us");
            p.setProperty("p.store.us.shop", "us.myshopify.com");
            if (continueOn) {
                p.setProperty("p.engine.continue-on-setup-problems", "true");
            }
            PreorderSyncConfig config = PreorderSyncConfig.from(ConfigLookup.of(p), "p.", factory);
            PreorderSync sync = config.applyTo(PreorderSync.builder()).supply(f.supply).clock(f.clock).build();
            if (continueOn) {
                sync.startManual();
                assertThat(sync.state()).isEqualTo(PreorderSync.State.RUNNING);
            } else {
                assertThatThrownBy(sync::startManual).isInstanceOf(StoreSetupException.class).hasMessageContaining("us.myshopify.com");
            }
            sync.close();
        }
    }
}
