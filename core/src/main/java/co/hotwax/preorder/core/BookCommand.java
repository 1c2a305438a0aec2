package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;

/**
 * One input change for {@link PreorderBook#apply}: the same operations as the book's mutating methods, as values so
 * that a batch can be applied, logged and replayed.
 *
 * @since 0.1.0
 */
public sealed interface BookCommand {

    /**
     * Adds or replaces a supply line ({@link PreorderBook#upsertSupplyLine}).
     *
     * @param line the line
     */
    record UpsertSupplyLine(SupplyLine line) implements BookCommand {
    }

    /**
     * Adds or replaces a pre-order ({@link PreorderBook#upsertPreOrder}).
     *
     * @param preOrder the pre-order
     */
    record UpsertPreOrder(PreOrder preOrder) implements BookCommand {
    }

    /**
     * Cancels a pre-order ({@link PreorderBook#cancelPreOrder}).
     *
     * @param orderId the sales order
     * @param lineId the line within it
     */
    record CancelPreOrder(String orderId, String lineId) implements BookCommand {
    }

    /**
     * Releases a pre-order to fulfilment ({@link PreorderBook#releasePreOrder}).
     *
     * @param orderId the sales order
     * @param lineId the line within it
     */
    record ReleasePreOrder(String orderId, String lineId) implements BookCommand {
    }

    /**
     * Sets physical online ATP ({@link PreorderBook#setStock}).
     *
     * @param level the level
     */
    record SetStock(StockLevel level) implements BookCommand {
    }
}
