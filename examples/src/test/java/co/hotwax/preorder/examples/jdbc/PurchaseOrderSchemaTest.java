package co.hotwax.preorder.examples.jdbc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseOrderSchemaTest {

    @Test
    void splitsTheScriptIntoPrefixedStatementsWithoutComments() {
        List<String> statements = PurchaseOrderSchema.statements("oms_");

        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).isEqualTo("CREATE SEQUENCE oms_po_change_seq START WITH 1");
        assertThat(statements.get(1)).startsWith("CREATE TABLE oms_purchase_order (");
        assertThat(statements.get(2)).startsWith("CREATE TABLE oms_purchase_order_item (")
                .contains("REFERENCES oms_purchase_order (order_id)", "change_seq", "UNIQUE (change_seq)");
        assertThat(statements).noneMatch(s -> s.contains("${prefix}") || s.contains("--") || s.endsWith(";"));
    }

    @Test
    void refusesAPrefixThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> PurchaseOrderSchema.statements("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurchaseOrderSchema.statements("1x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurchaseOrderSchema.statements(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PurchaseOrderSchema.statements("")).first().isEqualTo("CREATE SEQUENCE po_change_seq START WITH 1");
    }
}
