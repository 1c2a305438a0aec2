package co.hotwax.preorder.spi;

/**
 * Demand: pre-order lines from every channel, with their current status. The OMS may also push the same changes
 * straight into the engine; the feed is what the engine reads at start and on reconciliation.
 *
 * @since 0.1.0
 */
public interface PreOrderSource extends ChangeFeed<PreOrder> {
}
