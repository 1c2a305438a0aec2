package co.hotwax.preorder.cli.internal;

import co.hotwax.preorder.shopify.PlannedChange;

import java.io.PrintStream;
import java.util.List;

/** Prints planned changes as an aligned table: SKU, current and target sellable units, action, detail. */
public final class ChangeTable {
    private ChangeTable() {
    }

    /**
     * Prints the table with a header row.
     *
     * @param out where to print
     * @param changes the rows, printed in order
     */
    public static void print(PrintStream out, List<PlannedChange> changes) {
        int skuWidth = "SKU".length();
        for (PlannedChange change : changes) {
            skuWidth = Math.max(skuWidth, change.key().length());
        }
        String format = "%-" + skuWidth + "s  %8s  %8s  %-12s  %s%n";
        out.printf(format, "SKU", "CURRENT", "TARGET", "ACTION", "DETAIL");
        for (PlannedChange change : changes) {
            out.printf(format, change.key(), quantity(change, change.currentSellable()),
                    quantity(change, change.targetSellable()), change.action(), change.detail());
        }
    }

    /** A refused item's quantities may never have been read; any other may be negative (orders in flight). */
    private static String quantity(PlannedChange change, long value) {
        return change.quantitiesKnown() ? Long.toString(value) : "?";
    }
}
