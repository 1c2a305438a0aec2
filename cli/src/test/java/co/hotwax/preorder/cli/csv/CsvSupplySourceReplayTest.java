package co.hotwax.preorder.cli.csv;

import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change-feed contract under random edits of the file: a snapshot followed by every page, applied as
 * upserts, yields the current snapshot, with every removed receipt cancelled.
 */
class CsvSupplySourceReplayTest {
    @TempDir
    Path dir;

    @Test
    void snapshotPlusPagesEqualsTheCurrentFile() throws IOException {
        for (long seed = 1; seed <= 40; seed++) {
            RandomGenerator random = new SplittableRandom(seed);
            Path file = dir.resolve("receipts-" + seed + ".csv");
            Map<String, String> rows = new TreeMap<>();
            edit(random, rows);
            write(file, rows);
            CsvSupplySource source = CsvSupplySource.builder(file).random(random).build();
            FeedSnapshot<SupplyLine> snapshot = source.snapshot();
            Map<String, SupplyLine> applied = new HashMap<>();
            snapshot.items().forEach(line -> applied.put(line.lineId(), line));
            Checkpoint checkpoint = snapshot.checkpoint();

            for (int round = 0; round < 8; round++) {
                edit(random, rows);
                write(file, rows);
                int maxItems = 1 + random.nextInt(4);
                FeedPage<SupplyLine> page;
                do {
                    page = source.changesSince(checkpoint, maxItems);
                    assertThat(page.items().size()).as("seed %d", seed).isLessThanOrEqualTo(maxItems);
                    page.items().forEach(line -> applied.put(line.lineId(), line));
                    checkpoint = page.next();
                } while (page.hasMore());
            }

            Map<String, SupplyLine> current = new HashMap<>();
            source.snapshot().items().forEach(line -> current.put(line.lineId(), line));
            assertThat(current.keySet()).as("seed %d", seed).isEqualTo(rows.keySet());
            for (SupplyLine line : applied.values()) {
                SupplyLine now = current.get(line.lineId());
                if (now == null) {
                    assertThat(line.status()).as("seed %d: removed %s", seed, line).isEqualTo(SupplyStatus.CANCELLED);
                } else {
                    assertThat(line).as("seed %d", seed).isEqualTo(now);
                }
            }
            assertThat(applied.keySet()).as("seed %d", seed).containsAll(current.keySet());
        }
    }

    /** Adds, changes and removes a few rows. */
    private static void edit(RandomGenerator random, Map<String, String> rows) {
        for (int i = random.nextInt(5); i >= 0; i--) {
            String id = "R-" + random.nextInt(12);
            if (random.nextInt(4) == 0) {
                rows.remove(id);
            } else {
                rows.put(id, id + ",SKU-" + random.nextInt(3) + ",WH-1," + (1 + random.nextInt(20)) + ",2027-0"
                        + (1 + random.nextInt(9)) + "-15");
            }
        }
    }

    private static void write(Path file, Map<String, String> rows) throws IOException {
        StringBuilder text = new StringBuilder("receipt_id,sku,facility,quantity,expected_date\n");
        rows.values().forEach(row -> text.append(row).append('\n'));
        Files.writeString(file, text);
    }
}
