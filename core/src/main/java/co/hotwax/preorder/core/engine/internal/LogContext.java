package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.spi.MdcKeys;
import org.slf4j.MDC;

/**
 * Puts the store and SKU of the publish work in progress in the SLF4J MDC ({@link MdcKeys}), and restores what was
 * there before when closed, so an OMS thread calling {@link co.hotwax.preorder.core.engine.PreorderSync#step()}
 * keeps its own context.
 */
final class LogContext implements AutoCloseable {
    private final String previousShop;
    private final String previousSku;

    private LogContext(String shop, PoolKey sku) {
        this.previousShop = MDC.get(MdcKeys.SHOP);
        this.previousSku = MDC.get(MdcKeys.SKU);
        MDC.put(MdcKeys.SHOP, shop);
        if (sku != null) {
            MDC.put(MdcKeys.SKU, sku.toString());
        }
    }

    /**
     * Work for one store begins.
     *
     * @param shop the publisher's channel id
     * @param sku the SKU when the work is about one, else null
     * @return the context to close when the work ends
     */
    static LogContext store(String shop, PoolKey sku) {
        return new LogContext(shop, sku);
    }

    /**
     * Work inside an open context moves on to another SKU.
     *
     * @param sku the SKU
     */
    static void sku(PoolKey sku) {
        MDC.put(MdcKeys.SKU, sku.toString());
    }

    @Override
    public void close() {
        restore(MdcKeys.SHOP, previousShop);
        restore(MdcKeys.SKU, previousSku);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
