package co.hotwax.preorder.examples.jdbc;

import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SupplyStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseOrderStatusesTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "ORDER_CREATED,   ITEM_CREATED,   OPEN",
            "ORDER_CREATED,   ITEM_APPROVED,  OPEN",
            "ORDER_APPROVED,  ITEM_APPROVED,  OPEN",
            "ORDER_APPROVED,  ITEM_COMPLETED, CLOSED",
            "ORDER_APPROVED,  ITEM_CANCELLED, CANCELLED",
            "ORDER_COMPLETED, ITEM_APPROVED,  CLOSED",
            "ORDER_COMPLETED, ITEM_COMPLETED, CLOSED",
            "ORDER_COMPLETED, ITEM_CANCELLED, CANCELLED",
            "ORDER_CANCELLED, ITEM_APPROVED,  CANCELLED",
            "ORDER_CANCELLED, ITEM_COMPLETED, CANCELLED",
            "ORDER_CANCELLED, ITEM_CREATED,   CANCELLED",
    })
    void mapsHeaderAndLineStatus(String header, String item, SupplyStatus expected) {
        assertThat(PurchaseOrderStatuses.of("PO-1/00001", header, item)).isEqualTo(expected);
    }

    @Test
    void refusesUnknownStatusesNamingTheLine() {
        assertThatThrownBy(() -> PurchaseOrderStatuses.of("PO-1/00001", "ORDER_HOLD", "ITEM_APPROVED"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("purchase order line PO-1/00001: order status \"ORDER_HOLD\" is not one of");
        assertThatThrownBy(() -> PurchaseOrderStatuses.of("PO-1/00001", "ORDER_APPROVED", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("item status \"null\"");
    }
}
