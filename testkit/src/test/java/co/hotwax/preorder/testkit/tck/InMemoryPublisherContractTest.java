package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.testkit.InMemoryPublisher;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryPublisherContractTest extends InventoryPublisherContract {
    private final InMemoryPublisher publisher = new InMemoryPublisher("tck-shop");

    @Override
    protected InventoryPublisher publisher() {
        return publisher;
    }

    @Override
    protected ChannelProbe probe() {
        return new ChannelProbe() {
            @Override
            public void prepareSku(String sku) {
                publisher.addSku(sku);
            }

            @Override
            public long sellable(String sku, String facilityId) {
                return Math.max(0, publisher.available(sku, facilityId));
            }

            @Override
            public boolean listed(String sku) {
                return publisher.listed(sku);
            }

            @Override
            public void sellThroughChannel(String sku, long quantity) {
                assertThat(publisher.sell(sku, quantity)).as("channel accepted %d of %s", quantity, sku).isTrue();
            }
        };
    }
}
