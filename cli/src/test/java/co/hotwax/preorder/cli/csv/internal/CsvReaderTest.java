package co.hotwax.preorder.cli.csv.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    @Test
    void readsPlainAndQuotedFieldsWithEmbeddedCommasQuotesAndLineBreaks() {
        List<CsvRecord> records = CsvReader.read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(
                List.of("a", "b", "c"),
                List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("last", "", ""));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 4);
        assertThat(records).allSatisfy(r -> assertThat(r.syntaxError()).isNull());
    }

    @Test
    void acceptsCrlfAByteOrderMarkAndNoFinalLineBreakAndSkipsBlankLines() {
        List<CsvRecord> records = CsvReader.read("\uFEFFh1,h2\r\n\r\n1,2\r\n   \n3,4");

        assertThat(records).extracting(CsvRecord::fields)
                .containsExactly(List.of("h1", "h2"), List.of("1", "2"), List.of("3", "4"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 3, 5);
    }

    @Test
    void reportsAMalformedRecordAndGoesOnWithTheNextLine() {
        List<CsvRecord> records = CsvReader.read("h\n\"ab\"c,d\nok\nbad\"quote\nfine\n");

        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 3, 4, 5);
        assertThat(records.get(1).syntaxError()).isEqualTo("unexpected text after a closing quote");
        assertThat(records.get(2).fields()).containsExactly("ok");
        assertThat(records.get(3).syntaxError()).contains("must itself be quoted");
        assertThat(records.get(4).fields()).containsExactly("fine");
    }

    @Test
    void reportsAQuotedFieldThatIsNeverClosed() {
        List<CsvRecord> records = CsvReader.read("h\n\"open,\nmore\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).syntaxError()).isEqualTo("a quoted field is not closed");
    }

    @Test
    void refusesNullText() {
        assertThatThrownBy(() -> CsvReader.read(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsBackWhatAnRfc4180WriterWrote() {
        for (long seed = 1; seed <= 200; seed++) {
            RandomGenerator random = new SplittableRandom(seed);
            List<List<String>> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int columns = 1 + random.nextInt(5);
            for (int r = 0; r < 1 + random.nextInt(8); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    row.add(randomField(random, c == 0));
                }
                rows.add(row);
                text.append(String.join(",", row.stream().map(CsvReaderTest::quote).toList()))
                        .append(random.nextBoolean() ? "\n" : "\r\n");
            }

            List<CsvRecord> read = CsvReader.read(text.toString());

            assertThat(read).as("seed %d, text %s", seed, text).extracting(CsvRecord::fields).isEqualTo(rows);
        }
    }

    /** A field from an alphabet rich in separators; the first column is never blank, so no row reads as blank. */
    private static String randomField(RandomGenerator random, boolean first) {
        String alphabet = "ab1 ,\"\n-";
        StringBuilder field = new StringBuilder(first ? "k" : "");
        for (int i = random.nextInt(6); i > 0; i--) {
            field.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return field.toString();
    }

    private static String quote(String field) {
        boolean needs = field.contains(",") || field.contains("\"") || field.contains("\n") || field.isEmpty();
        return needs ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
