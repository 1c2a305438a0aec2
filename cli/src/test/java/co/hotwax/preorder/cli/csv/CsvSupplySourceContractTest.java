package co.hotwax.preorder.cli.csv;

import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.tck.PurchaseOrderSourceContract;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SPI contract for the CSV source. {@link #put} rewrites the whole file the way a spreadsheet user saves it;
 * the source reports the changes of one read in file order, so the writer moves each changed row to the end to
 * make file order the order of the changes.
 */
class CsvSupplySourceContractTest extends PurchaseOrderSourceContract {
    @TempDir
    Path dir;

    private final Map<String, SupplyLine> rows = new LinkedHashMap<>();
    private CsvSupplySource source;

    @Override
    protected PurchaseOrderSource feed() {
        if (source == null) {
            if (rows.isEmpty()) {
                write();
            }
            source = CsvSupplySource.builder(file()).build();
        }
        return source;
    }

    @Override
    protected void put(SupplyLine line) {
        rows.remove(line.lineId());
        rows.put(line.lineId(), line);
        write();
    }

    private Path file() {
        return dir.resolve("receipts.csv");
    }

    private void write() {
        StringBuilder text = new StringBuilder("receipt_id,document,sku,facility,quantity,expected_date,received,"
                + "cancelled,status,buffer\n");
        for (SupplyLine l : rows.values()) {
            text.append(String.join(",", l.lineId(), l.poId(), l.sku(), l.facilityId(), Long.toString(l.ordered()),
                    l.eta().toString(), Long.toString(l.received()), Long.toString(l.cancelled()),
                    l.status().name(), Long.toString(l.buffer()))).append('\n');
        }
        try {
            Files.writeString(file(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
