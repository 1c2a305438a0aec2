package co.hotwax.preorder.cli.csv;

import co.hotwax.preorder.cli.source.RowError;
import co.hotwax.preorder.cli.source.SourceUnavailableException;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SpiVersion;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CsvSupplySourceTest {
    private static final String HEADER = "receipt_id,sku,facility,quantity,expected_date\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private CsvSupplySource source(Path file) {
        return CsvSupplySource.builder(file).random(new SplittableRandom(7)).build();
    }

    @Test
    void readsEveryColumnWithDefaultsForTheOptionalOnes() throws IOException {
        Path receipts = file("receipts.csv", "RECEIPT_ID, Document ,sku,facility,quantity,expected_date,received,"
                + "cancelled,status,buffer\n"
                + "R-1,ASN-7,RED-M,WH-1,40,2027-01-15,10,5,closed,2\n"
                + "R-2,,\"JACKET, \"\"Alpine\"\"\",WH-1,12,2027-02-01,,,,\n");

        CsvSupplySource source = source(receipts);
        FeedSnapshot<SupplyLine> snapshot = source.snapshot();

        assertThat(snapshot.items()).containsExactly(
                new SupplyLine("R-1", "ASN-7", "RED-M", "WH-1", 40, 10, 5, LocalDate.of(2027, 1, 15),
                        SupplyStatus.CLOSED, 2),
                new SupplyLine("R-2", "R-2", "JACKET, \"Alpine\"", "WH-1", 12, 0, 0, LocalDate.of(2027, 2, 1),
                        SupplyStatus.OPEN, 0));
        assertThat(source.errors()).isEmpty();
        assertThat(source.spiVersion()).isEqualTo(SpiVersion.CURRENT);
    }

    @Test
    void readsManualCapsWithADateUsingTheDefaultFacility() throws IOException {
        Path caps = file("caps.csv", "sku,quantity,expected_date\nRED-M,100,2027-03-01\nRED-M,50,2027-04-01\n");

        CsvSupplySource source = CsvSupplySource.builder(caps).defaultFacility("WH-1").build();

        assertThat(source.snapshot().items()).containsExactly(
                SupplyLine.open("cap:RED-M/WH-1/2027-03-01", "cap:RED-M/WH-1/2027-03-01", "RED-M", "WH-1", 100,
                        LocalDate.of(2027, 3, 1)),
                SupplyLine.open("cap:RED-M/WH-1/2027-04-01", "cap:RED-M/WH-1/2027-04-01", "RED-M", "WH-1", 50,
                        LocalDate.of(2027, 4, 1)));
    }

    @Test
    void refusesCapsWithoutAFacilityWhenNoDefaultIsConfigured() throws IOException {
        CsvSupplySource source = source(file("caps.csv", "sku,quantity,expected_date\nRED-M,100,2027-03-01\n"));

        assertThat(source.snapshot().items()).isEmpty();
        assertThat(source.errors()).extracting(RowError::message).containsExactly(
                "caps.csv line 2: facility is missing and no default facility is configured");
    }

    @Test
    void reportsEachBadRowWithItsLineNumberAndKeepsTheGoodOnes() throws IOException {
        Path receipts = file("receipts.csv", HEADER
                + "R-1,RED-M,WH-1,10,2027-01-15\n"
                + "R-2,\"multi\nline sku\",WH-1,5,2027-01-15\n"
                + "\n"
                + "R-3,RED-M,WH-1,-3,2027-01-15\n"
                + "R-4,RED-M,WH-1,ten,2027-01-15\n"
                + "R-5,RED-M,WH-1,10,2027-13-01\n"
                + "R-6,RED-M,WH-1,10\n"
                + "R-1,RED-L,WH-1,10,2027-01-15\n"
                + "R-7,,WH-1,10,2027-01-15\n"
                + "R-8,RED-M,WH-1,10,2027-01-15\n");

        CsvSupplySource source = source(receipts);
        FeedSnapshot<SupplyLine> snapshot = source.snapshot();

        assertThat(snapshot.items()).extracting(SupplyLine::lineId).containsExactly("R-1", "R-2", "R-8");
        assertThat(source.errors()).extracting(RowError::message).containsExactly(
                "receipts.csv line 6: quantity \"-3\" must not be negative",
                "receipts.csv line 7: quantity \"ten\" is not a whole number",
                "receipts.csv line 8: expected_date \"2027-13-01\" is not a date in yyyy-MM-dd form",
                "receipts.csv line 9: has 4 fields but the header has 5",
                "receipts.csv line 10: receipt \"R-1\" already appears on line 2",
                "receipts.csv line 11: sku is missing");
    }

    @Test
    void wrapsTheSpiReasonWithTheLineNumber() throws IOException {
        Path receipts = file("receipts.csv", "receipt_id,sku,facility,quantity,expected_date,received,cancelled,"
                + "status\nR-1,RED-M,WH-1,10,2027-01-15,8,3,OPEN\nR-2,RED-M,WH-1,10,2027-01-15,0,0,DONE\n");

        CsvSupplySource source = source(receipts);
        source.snapshot();

        assertThat(source.errors()).extracting(RowError::message).containsExactly(
                "receipts.csv line 2: supply line R-1 (sku RED-M): received 8 + cancelled 3 exceeds ordered 10",
                "receipts.csv line 3: status \"DONE\" must be one of OPEN, CLOSED, CANCELLED");
    }

    @Test
    void strictModeThrowsAtTheFirstBadRow() throws IOException {
        Path receipts = file("receipts.csv", HEADER + "R-1,RED-M,WH-1,10,2027-01-15\nR-2,RED-M,WH-1,-3,2027-01-15\n"
                + "R-3,RED-M,WH-1,x,2027-01-15\n");

        CsvSupplySource source = CsvSupplySource.builder(receipts).strict(true).build();

        assertThatThrownBy(source::snapshot).isInstanceOf(InvalidInputException.class)
                .hasMessage("receipts.csv line 3: quantity \"-3\" must not be negative");
    }

    @Test
    void aFileWhoseHeaderCannotBeReadIsUnavailable() throws IOException {
        assertThatThrownBy(() -> source(file("a.csv", "receipt_id,sku,qty,expected_date\n")).snapshot())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("a.csv line 1 (header): unknown column \"qty\"");
        assertThatThrownBy(() -> source(file("b.csv", "receipt_id,sku,quantity\n")).snapshot())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("b.csv line 1 (header): required column \"expected_date\" is missing");
        assertThatThrownBy(() -> source(file("c.csv", "sku,sku,quantity,expected_date\n")).snapshot())
                .hasMessage("c.csv line 1 (header): column \"sku\" appears twice");
        assertThatThrownBy(() -> source(file("d.csv", "")).snapshot())
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("d.csv has no header row");
        assertThatThrownBy(() -> source(dir.resolve("missing.csv")).snapshot())
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("missing.csv");
    }

    @Test
    void feedsNewChangedAndRemovedRowsAsUpsertsWithRemovedOnesCancelled() throws IOException {
        Path receipts = file("receipts.csv", HEADER + "R-1,RED-M,WH-1,10,2027-01-15\nR-2,RED-L,WH-1,5,2027-01-15\n");
        CsvSupplySource source = source(receipts);
        Checkpoint start = source.snapshot().checkpoint();

        file("receipts.csv", HEADER + "R-1,RED-M,WH-1,12,2027-01-15\nR-3,BLUE-M,WH-1,7,2027-02-01\n");
        FeedPage<SupplyLine> page = source.changesSince(start, 10);

        assertThat(page.items()).containsExactly(
                SupplyLine.open("R-1", "R-1", "RED-M", "WH-1", 12, LocalDate.of(2027, 1, 15)),
                SupplyLine.open("R-3", "R-3", "BLUE-M", "WH-1", 7, LocalDate.of(2027, 2, 1)),
                SupplyLine.open("R-2", "R-2", "RED-L", "WH-1", 5, LocalDate.of(2027, 1, 15))
                        .withStatus(SupplyStatus.CANCELLED));
        assertThat(page.hasMore()).isFalse();
        assertThat(source.changesSince(page.next(), 10).items()).isEmpty();
        assertThat(source.changesSince(page.next(), 10).next()).isEqualTo(page.next());
    }

    @Test
    void movingAManualCapToAnotherDateCancelsTheOldCapAndAddsTheNewOne() throws IOException {
        Path caps = file("caps.csv", "sku,facility,quantity,expected_date\nRED-M,WH-1,100,2027-03-01\n");
        CsvSupplySource source = source(caps);
        Checkpoint start = source.snapshot().checkpoint();

        file("caps.csv", "sku,facility,quantity,expected_date\nRED-M,WH-1,100,2027-04-01\n");

        assertThat(source.changesSince(start, 10).items()).extracting(SupplyLine::lineId, SupplyLine::status)
                .containsExactly(
                        tuple("cap:RED-M/WH-1/2027-04-01", SupplyStatus.OPEN),
                        tuple("cap:RED-M/WH-1/2027-03-01", SupplyStatus.CANCELLED));
    }

    @Test
    void pagesAreRepeatableAndCutAtMaxItems() throws IOException {
        Path receipts = file("receipts.csv", HEADER);
        CsvSupplySource source = source(receipts);
        Checkpoint start = source.snapshot().checkpoint();
        file("receipts.csv", HEADER + "R-1,A,WH-1,1,2027-01-01\nR-2,B,WH-1,2,2027-01-01\nR-3,C,WH-1,3,2027-01-01\n");

        FeedPage<SupplyLine> first = source.changesSince(start, 2);
        FeedPage<SupplyLine> again = source.changesSince(start, 2);
        FeedPage<SupplyLine> second = source.changesSince(first.next(), 2);

        assertThat(again).isEqualTo(first);
        assertThat(first.items()).extracting(SupplyLine::lineId).containsExactly("R-1", "R-2");
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(SupplyLine::lineId).containsExactly("R-3");
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void aRowThatTurnsBadKeepsItsLastGoodStateInsteadOfBeingCancelled() throws IOException {
        Path receipts = file("receipts.csv", HEADER + "R-1,RED-M,WH-1,10,2027-01-15\n");
        CsvSupplySource source = source(receipts);
        FeedSnapshot<SupplyLine> before = source.snapshot();

        file("receipts.csv", HEADER + "R-1,RED-M,WH-1,1O,2027-01-15\n");
        FeedPage<SupplyLine> page = source.changesSince(before.checkpoint(), 10);

        assertThat(page.items()).isEmpty();
        assertThat(source.snapshot().items()).isEqualTo(before.items());
        assertThat(source.errors()).extracting(RowError::message)
                .containsExactly("receipts.csv line 2: quantity \"1O\" is not a whole number");
    }

    private static final String THREE_ROWS = HEADER + "R-1,RED-M,WH-1,10,2027-01-15\nR-2,RED-L,WH-1,5,2027-01-15\n"
            + "R-3,BLUE-M,WH-1,7,2027-02-01\nR-4,BLUE-L,WH-1,3,2027-02-01\n";

    /** Reads a good file, then a typo'd one; returns the changes the typo caused. */
    private List<SupplyLine> changesAfterTypo(CsvSupplySource source, Path receipts, String typoed)
            throws IOException {
        Checkpoint start = source.snapshot().checkpoint();
        file(receipts.getFileName().toString(), typoed);
        return source.changesSince(start, 100).items();
    }

    @Test
    void anUnclosedQuoteRejectsTheWholeReReadNamingItsLineAndKeepsThePreviousState() throws IOException {
        Path receipts = file("receipts.csv", THREE_ROWS);
        CsvSupplySource source = source(receipts);
        List<SupplyLine> before = source.snapshot().items();

        List<SupplyLine> changes = changesAfterTypo(source, receipts, THREE_ROWS.replace("R-2,RED-L", "R-2,\"RED-L")
                .replace("R-3,BLUE-M,WH-1,7", "R-3,BLUE-M,WH-1,8"));

        assertThat(changes).as("nothing cancelled, nothing half-read").isEmpty();
        assertThat(source.snapshot().items()).isEqualTo(before);
        assertThat(source.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo("line 3");
            assertThat(e.reason()).contains("never closed");
        });

        file("receipts.csv", THREE_ROWS.replace("R-3,BLUE-M,WH-1,7", "R-3,BLUE-M,WH-1,8"));
        assertThat(source.changesSince(source.snapshot().checkpoint(), 100).items()).isEmpty();
        assertThat(source.snapshot().items()).extracting(SupplyLine::ordered).containsExactly(10L, 5L, 8L, 3L);
        assertThat(source.errors()).isEmpty();
    }

    @Test
    void anUnclosedQuoteOnTheFirstReadMakesTheSourceUnavailable() throws IOException {
        Path receipts = file("receipts.csv", THREE_ROWS.replace("R-2,RED-L", "R-2,\"RED-L"));
        CsvSupplySource source = source(receipts);

        assertThatThrownBy(source::snapshot).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("receipts.csv line 3").hasMessageContaining("never closed");
    }

    @Test
    void anExtraColumnOrAStrayQuoteNeverCancelsAReceipt() throws IOException {
        for (String typoed : List.of(
                THREE_ROWS.replace("R-2,RED-L,WH-1,5,2027-01-15", "R-2,RED-L,WH-1,5,2027-01-15,x"),
                THREE_ROWS.replace("R-2,RED-L", "R-2,RED\"L"),
                THREE_ROWS.replace("R-2,RED-L,WH-1,5", "R-2,RED-L,WH-1,5\"x"),
                THREE_ROWS.replace("R-2,RED-L,WH-1,5,2027-01-15", "R-2,RED-L,WH-1,5,2027-13-15"))) {
            CsvSupplySource source = source(file("receipts.csv", THREE_ROWS));

            List<SupplyLine> changes = changesAfterTypo(source, dir.resolve("receipts.csv"), typoed);

            assertThat(changes).as(typoed).isEmpty();
            assertThat(source.snapshot().items()).as(typoed).extracting(SupplyLine::lineId, SupplyLine::status)
                    .contains(tuple("R-2", SupplyStatus.OPEN));
            assertThat(source.errors()).as(typoed).singleElement()
                    .satisfies(e -> assertThat(e.row()).isEqualTo("line 3"));
        }
    }

    @Test
    void aDeletedRowIsCancelledOnlyOnceTheFileParsesCleanly() throws IOException {
        Path receipts = file("receipts.csv", THREE_ROWS);
        CsvSupplySource source = source(receipts);
        Checkpoint start = source.snapshot().checkpoint();

        file("receipts.csv", THREE_ROWS.replace("R-4,BLUE-L,WH-1,3,2027-02-01\n", "")
                .replace("R-1,RED-M,WH-1,10", "R-1,RED-M,WH-1,1O"));
        FeedPage<SupplyLine> typo = source.changesSince(start, 100);
        assertThat(typo.items()).as("while a row is refused, a missing row is kept").isEmpty();

        file("receipts.csv", THREE_ROWS.replace("R-4,BLUE-L,WH-1,3,2027-02-01\n", ""));
        assertThat(source.changesSince(typo.next(), 100).items()).extracting(SupplyLine::lineId, SupplyLine::status)
                .containsExactly(tuple("R-4", SupplyStatus.CANCELLED));
    }

    @Test
    void refusesUnknownForeignAndExpiredCheckpoints() throws IOException {
        Path receipts = file("receipts.csv", HEADER + "R-1,RED-M,WH-1,10,2027-01-15\n");
        CsvSupplySource source = CsvSupplySource.builder(receipts).historySize(1).random(new SplittableRandom(1))
                .build();
        Checkpoint start = source.snapshot().checkpoint();
        CsvSupplySource other = CsvSupplySource.builder(receipts).random(new SplittableRandom(2)).build();
        file("receipts.csv", HEADER + "R-1,RED-M,WH-1,11,2027-01-15\nR-2,RED-M,WH-1,1,2027-01-15\n");

        assertThat(start.value()).matches("v1@[0-9a-f]{8}");
        assertThatThrownBy(() -> source.changesSince(Checkpoint.of("42"), 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a checkpoint");
        assertThatThrownBy(() -> other.changesSince(start, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("another instance");
        String ahead = start.value().replace("v1@", "v99@");
        assertThatThrownBy(() -> source.changesSince(Checkpoint.of(ahead), 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ahead of this source");
        assertThatThrownBy(() -> source.changesSince(start, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("older than the 1 changes");
        assertThatThrownBy(() -> source.changesSince(start, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxItems must be at least 1");
    }

    @Test
    void builderRefusesBadSettings() {
        Path file = dir.resolve("x.csv");
        assertThatThrownBy(() -> CsvSupplySource.builder(null).build()).hasMessageContaining("file");
        assertThatThrownBy(() -> CsvSupplySource.builder(file).historySize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("historySize");
        assertThatThrownBy(() -> CsvSupplySource.builder(file).defaultFacility(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultFacility");
        assertThatThrownBy(() -> CsvSupplySource.builder(file).random(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("random");
    }

    @Test
    void theExampleFilesOfTheReadmeReadWithoutErrors() throws IOException {
        Path receipts = copyResource("receipts-example.csv");
        Path caps = copyResource("caps-example.csv");

        CsvSupplySource receiptSource = source(receipts);
        CsvSupplySource capSource = CsvSupplySource.builder(caps).defaultFacility("WH-EAST").build();

        assertThat(receiptSource.snapshot().items()).extracting(SupplyLine::sku)
                .containsExactly("RED-M", "RED-L", "JACKET, \"Alpine\" L");
        assertThat(receiptSource.errors()).isEmpty();
        assertThat(capSource.snapshot().items()).extracting(SupplyLine::promisable).containsExactly(100L, 50L);
        assertThat(capSource.errors()).isEmpty();
    }

    private Path copyResource(String name) throws IOException {
        try (InputStream in = CsvSupplySource.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }
}
