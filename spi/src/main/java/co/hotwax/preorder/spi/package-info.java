/**
 * The service-provider interface of Preorder Sync: what a third party implements to feed supply, pre-orders and
 * physical stock into the SDK ({@link co.hotwax.preorder.spi.PurchaseOrderSource},
 * {@link co.hotwax.preorder.spi.PreOrderSource}, {@link co.hotwax.preorder.spi.StockSource}) and to carry the
 * result to a sales channel ({@link co.hotwax.preorder.spi.InventoryPublisher}), plus the immutable, validated
 * values they exchange.
 *
 * <p>Every implementation declares the SPI version it was compiled against by returning
 * {@link co.hotwax.preorder.spi.SpiVersion#CURRENT} from {@code spiVersion()}; the SDK checks it when the component
 * is wired and fails loudly on a mismatch ({@link co.hotwax.preorder.spi.SpiVersion#requireCompatible}).
 *
 * <p>All values reject bad input in their constructors with an {@link co.hotwax.preorder.spi.InvalidInputException}
 * that names the item and the reason.
 */
package co.hotwax.preorder.spi;
