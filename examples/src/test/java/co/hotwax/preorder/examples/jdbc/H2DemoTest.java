package co.hotwax.preorder.examples.jdbc;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class H2DemoTest {

    @Test
    void theDemoSeesTheSnapshotThenTheReceiptAndBothCancellations() throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        H2Demo.run("h2-demo-test", new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "snapshot at 3",
                "  PO-100/00001 RED-M OPEN ordered 40 received 0 promisable 40 eta 2027-01-15",
                "  PO-100/00002 RED-L OPEN ordered 25 received 0 promisable 25 eta 2027-01-15",
                "  PO-101/00001 RED-M OPEN ordered 60 received 0 promisable 60 eta 2027-02-20",
                "changes up to 6",
                "  PO-100/00001 RED-M OPEN ordered 40 received 10 promisable 40 eta 2027-01-15",
                "  PO-100/00002 RED-L CANCELLED ordered 25 received 0 promisable 0 eta 2027-01-15",
                "  PO-101/00001 RED-M CANCELLED ordered 60 received 0 promisable 0 eta 2027-02-20");
    }
}
