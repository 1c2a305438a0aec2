package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchItemTest {
    private static final DesiredState STATE = new DesiredState("A-1", null, 3, 0, true, null, false);

    @Test
    void anItemNobodyDecidedIsRetriedNeverApplied() {
        BatchItem item = new BatchItem(STATE, "gid://shopify/Location/1");
        item.wrote();

        assertThat(item.open()).isTrue();
        assertThat(item.outcome().status()).isEqualTo(PublishOutcome.Status.RETRY);
        assertThat(item.outcome().reason()).contains("no outcome decided");
    }

    @Test
    void accessDeniedIsAChannelProblemWithTheSameReasonForEveryItem() {
        CallFailedException denied = new CallFailedException(CallFailedException.Kind.ACCESS_DENIED,
                "readLevels was denied: missing access scope read_inventory", null, null);
        BatchItem a = new BatchItem(STATE, "gid://shopify/Location/1");
        BatchItem b = new BatchItem(new DesiredState("B-1", null, 3, 0, true, null, false), "gid://shopify/Location/1");
        a.fail(denied, "reading levels of sku A-1 failed");
        b.fail(denied, "reading levels of sku B-1 failed");

        assertThat(a.outcome().channelProblem()).isTrue();
        assertThat(a.outcome().reason()).isEqualTo(b.outcome().reason()).contains("read_inventory");
    }
}
