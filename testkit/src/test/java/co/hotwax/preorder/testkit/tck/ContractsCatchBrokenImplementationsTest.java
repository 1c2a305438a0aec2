package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SetupCheck;
import co.hotwax.preorder.spi.SpiVersion;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contracts are only worth something if they fail for implementations that break the SPI's promises. */
class ContractsCatchBrokenImplementationsTest {

    /** Sets the channel's available quantity to sellable, always writes, and accepts any SKU. */
    private static class NaivePublisher implements InventoryPublisher {
        final Map<String, Long> available = new HashMap<>();

        @Override
        public String channelId() {
            return "naive";
        }

        @Override
        public List<PublishOutcome> publish(List<DesiredState> states) {
            states.forEach(s -> available.put(s.sku(), s.sellable()));
            return states.stream().map(s -> PublishOutcome.applied(s, true)).toList();
        }

        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }
    }

    private static class NaivePublisherContract extends InventoryPublisherContract {
        private final NaivePublisher publisher = new NaivePublisher();

        @Override
        protected InventoryPublisher publisher() {
            return publisher;
        }

        @Override
        protected ChannelProbe probe() {
            return new ChannelProbe() {
                @Override
                public void prepareSku(String sku) {
                }

                @Override
                public long sellable(String sku, String facilityId) {
                    return publisher.available.getOrDefault(sku, 0L);
                }

                @Override
                public boolean listed(String sku) {
                    return sellable(sku, null) > 0;
                }

                @Override
                public void sellThroughChannel(String sku, long quantity) {
                    publisher.available.merge(sku, -quantity, Long::sum);
                }
            };
        }
    }

    /** Loses the last change of every full page and accepts any checkpoint. */
    private static final class LossyFeedContract extends PurchaseOrderSourceContract {
        private final InMemoryPurchaseOrderSource inner = new InMemoryPurchaseOrderSource();

        @Override
        protected PurchaseOrderSource feed() {
            return new PurchaseOrderSource() {
                @Override
                public FeedSnapshot<SupplyLine> snapshot() {
                    return inner.snapshot();
                }

                @Override
                public FeedPage<SupplyLine> changesSince(Checkpoint checkpoint, int maxItems) {
                    if (!checkpoint.value().chars().allMatch(Character::isDigit)) {
                        return new FeedPage<>(List.of(), checkpoint, false);
                    }
                    FeedPage<SupplyLine> page = inner.changesSince(checkpoint, maxItems);
                    if (page.items().size() < maxItems) {
                        return page;
                    }
                    return new FeedPage<>(page.items().subList(0, maxItems - 1), page.next(), page.hasMore());
                }

                @Override
                public int spiVersion() {
                    return SpiVersion.CURRENT;
                }
            };
        }

        @Override
        protected void put(SupplyLine line) {
            inner.put(line);
        }
    }

    @Test
    void thePublisherContractCatchesResoldInFlightUnitsRedundantWritesAndSilentUnknownSkus() {
        assertThatThrownBy(() -> new NaivePublisherContract().inFlightOrdersAreNeverResold())
                .isInstanceOf(AssertionError.class).hasMessageContaining("in-flight");
        assertThatThrownBy(() -> new NaivePublisherContract().theSameStateTwiceWritesNothingTheSecondTime())
                .isInstanceOf(AssertionError.class).hasMessageContaining("second publish");
        assertThatThrownBy(() -> new NaivePublisherContract().anUnknownSkuIsRejectedWhileTheOthersAreApplied())
                .isInstanceOf(AssertionError.class);
        // What the naive publisher does right still passes.
        new NaivePublisherContract().theChannelSellsWhatWasPublished();
    }

    @Test
    void thePublisherContractCatchesASetupCheckThatAnswersNullOrBlocksAHealthyChannel() {
        // The SPI's default (nothing to report) passes.
        new NaivePublisherContract().aHealthyChannelReportsNoSetupBlocker();
        assertThatThrownBy(() -> withSetup(null).aHealthyChannelReportsNoSetupBlocker())
                .isInstanceOf(AssertionError.class).hasMessageContaining("NOTHING_TO_REPORT");
        SetupCheck blocked = new SetupCheck(List.of(new SetupCheck.Problem(true, "scopes", "no write scope", "grant it")));
        assertThatThrownBy(() -> withSetup(blocked).aHealthyChannelReportsNoSetupBlocker())
                .isInstanceOf(AssertionError.class).hasMessageContaining("no write scope");
    }

    private static NaivePublisherContract withSetup(SetupCheck answer) {
        NaivePublisher publisher = new NaivePublisher() {
            @Override
            public SetupCheck checkSetup() {
                return answer;
            }
        };
        return new NaivePublisherContract() {
            @Override
            protected InventoryPublisher publisher() {
                return publisher;
            }
        };
    }

    @Test
    void theFeedContractCatchesLostChangesAndAcceptedUnknownCheckpoints() {
        assertThatThrownBy(() -> new LossyFeedContract().pagesRespectMaxItemsAndTogetherCoverEveryChangeOnce())
                .isInstanceOf(AssertionError.class).hasMessageContaining("all pages together");
        assertThatThrownBy(() -> new LossyFeedContract().anUnknownCheckpointIsInvalidInput())
                .isInstanceOf(AssertionError.class);
        new LossyFeedContract().snapshotReturnsEveryItemPut();
    }
}
