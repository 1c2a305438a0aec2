package co.hotwax.preorder.cli.csv.internal;

import co.hotwax.preorder.cli.source.RowError;
import co.hotwax.preorder.spi.SupplyLine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one read of a receipts file produced.
 *
 * @param lines the good rows as supply lines, by line id, in file order
 * @param errors the refused rows, in file order
 */
public record ReceiptRows(Map<String, SupplyLine> lines, List<RowError> errors) {
    /**
     * Copies everything; the lines keep their file order.
     */
    public ReceiptRows {
        lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        errors = List.copyOf(errors);
    }
}
