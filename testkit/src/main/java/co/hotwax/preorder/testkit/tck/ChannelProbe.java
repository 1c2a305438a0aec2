package co.hotwax.preorder.testkit.tck;

/**
 * How the {@link InventoryPublisherContract} looks at and acts on the sales channel behind a publisher, without
 * going through the publisher: e.g. the Shopify simulator's shop state, or an in-memory channel. Everything here
 * concerns the publisher's default location (facility {@code null}).
 *
 * @since 0.1.0
 */
public interface ChannelProbe {

    /**
     * Creates the SKU in the channel (a product with one variant), unlisted with no stock.
     *
     * @param sku the SKU
     */
    void prepareSku(String sku);

    /**
     * How many units a shopper could buy now (for Shopify: {@code available}, never below 0).
     *
     * @param sku the SKU
     * @param facilityId the facility, null for the default location
     * @return sellable units
     */
    long sellable(String sku, String facilityId);

    /**
     * Whether the SKU is offered for pre-order (marks present).
     *
     * @param sku the SKU
     * @return true when listed
     */
    boolean listed(String sku);

    /**
     * A shopper orders through the channel, an order the OMS has not seen yet (in flight). The channel must accept
     * it; the contract only sells what is available.
     *
     * @param sku the SKU
     * @param quantity units
     */
    void sellThroughChannel(String sku, long quantity);
}
