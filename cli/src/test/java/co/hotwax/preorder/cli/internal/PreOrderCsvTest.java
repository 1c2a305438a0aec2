package co.hotwax.preorder.cli.internal;

import co.hotwax.preorder.cli.source.SourceUnavailableException;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreOrderCsvTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("preorders.csv"), text);
    }

    @Test
    void readsColumnsInAnyOrderAndCaseWithQuotedFields() throws IOException {
        Path csv = file("""
                Channel,SKU,order_id,line_id,quantity,placed_at,status
                shop.myshopify.com,"JACKET, ""Alpine"" L",SO-1,1,2,2026-05-01T10:00:00Z,released
                pos,RED-M,SO-2,1,1,2026-05-02T10:00:00Z,
                """);

        PreOrderCsv.Rows rows = PreOrderCsv.read(csv, true);

        assertThat(rows.errors()).isEmpty();
        assertThat(rows.preOrders()).containsExactly(
                new PreOrder("SO-1", "1", "JACKET, \"Alpine\" L", 2, Instant.parse("2026-05-01T10:00:00Z"),
                        "shop.myshopify.com", PreOrderStatus.RELEASED, null, null),
                PreOrder.open("SO-2", "1", "RED-M", 1, Instant.parse("2026-05-02T10:00:00Z"), "pos"));
    }

    @Test
    void badRowsAreSkippedNamingLineAndReasonOrStopAStrictRead() throws IOException {
        Path csv = file("""
                order_id,line_id,sku,quantity,placed_at,channel,status
                SO-1,1,RED-M,two,2026-05-01T10:00:00Z,pos,OPEN
                SO-2,1,RED-M,0,2026-05-01T10:00:00Z,pos,OPEN
                SO-3,1,RED-M,1,2026-05-01T10:00:00Z,pos,LOST
                SO-4,1,RED-M,1,2026-05-01T10:00:00Z,pos
                SO-5,1,RED-M,1,2026-05-01T10:00:00Z,pos,OPEN
                """);

        PreOrderCsv.Rows rows = PreOrderCsv.read(csv, false);

        assertThat(rows.preOrders()).extracting(PreOrder::orderId).containsExactly("SO-5");
        assertThat(rows.errors()).extracting(e -> e.message()).containsExactly(
                "preorders.csv line 2: quantity \"two\" is not a whole number",
                "preorders.csv line 3: pre-order SO-2/1 (sku RED-M): quantity must be at least 1",
                "preorders.csv line 4: status \"LOST\" is not one of OPEN, RELEASED, CANCELLED, RETURNED",
                "preorders.csv line 5: has 6 fields but the header has 7");
        assertThatThrownBy(() -> PreOrderCsv.read(csv, true)).isInstanceOf(InvalidInputException.class)
                .hasMessage("preorders.csv line 2: quantity \"two\" is not a whole number");
    }

    @Test
    void aWrongHeaderStopsTheRead() throws IOException {
        Path missing = file("order_id,line_id,sku,quantity,placed_at\n");
        assertThatThrownBy(() -> PreOrderCsv.read(missing, false)).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("required column \"channel\" is missing");
        Path unknown = file("order_id,line_id,sku,qty,placed_at,channel\n");
        assertThatThrownBy(() -> PreOrderCsv.read(unknown, false)).hasMessageContaining("unknown column \"qty\"");
        assertThatThrownBy(() -> PreOrderCsv.read(dir.resolve("none.csv"), false))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("none.csv");
    }
}
