package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SupplyLine;

import java.time.LocalDate;

/**
 * The {@link ChangeFeedContract} for a {@link PurchaseOrderSource}: implement {@link #feed()} and {@link #put}.
 * Items are open supply lines {@code TCK-L<n>} on three POs, five SKUs and one facility; a change raises the
 * ordered quantity and moves the ETA.
 *
 * @since 0.1.0
 */
public abstract class PurchaseOrderSourceContract extends ChangeFeedContract<SupplyLine> {
    private static final LocalDate BASE_ETA = LocalDate.of(2027, 3, 1);

    /** For subclasses. */
    protected PurchaseOrderSourceContract() {
    }

    @Override
    protected abstract PurchaseOrderSource feed();

    @Override
    protected SupplyLine newItem(int n) {
        return SupplyLine.open("TCK-L" + n, "TCK-PO-" + (n % 3), "TCK-SKU-" + (n % 5), "TCK-FAC", 10 + n,
                BASE_ETA.plusDays(n));
    }

    @Override
    protected SupplyLine changed(SupplyLine line, int n) {
        return line.withOrdered(line.ordered() + n).withEta(line.eta().plusDays(n));
    }

    @Override
    protected String keyOf(SupplyLine line) {
        return line.lineId();
    }
}
