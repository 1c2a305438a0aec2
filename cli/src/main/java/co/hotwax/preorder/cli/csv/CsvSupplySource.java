package co.hotwax.preorder.cli.csv;

import co.hotwax.preorder.cli.source.RowError;
import co.hotwax.preorder.cli.source.SourceUnavailableException;
import co.hotwax.preorder.cli.csv.internal.ChangeLog;
import co.hotwax.preorder.cli.source.internal.FeedArguments;
import co.hotwax.preorder.cli.csv.internal.CsvReader;
import co.hotwax.preorder.cli.csv.internal.CsvRecord;
import co.hotwax.preorder.cli.csv.internal.ReceiptParser;
import co.hotwax.preorder.cli.csv.internal.ReceiptRows;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.CheckpointExpiredException;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SpiVersion;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supply for integrators without purchase orders: a CSV file (UTF-8, RFC 4180) of expected receipts.
 *
 * <p>The header row is required and names the columns, in any order and case:
 * {@code receipt_id, document, sku, facility, quantity, expected_date, received, cancelled, status, buffer}.
 * {@code sku}, {@code quantity} and {@code expected_date} (yyyy-MM-dd) are required; {@code received},
 * {@code cancelled} and {@code buffer} default to 0, {@code status} (OPEN, CLOSED or CANCELLED, any case) to OPEN,
 * {@code document} (the line's poId) to the receipt id, {@code facility} to the builder's default facility.
 * A file without a {@code receipt_id} column is a list of manual caps with a date ({@code sku,quantity,
 * expected_date}); each cap's id is made from its sku, facility and date.
 *
 * <p>Bad rows: the source keeps going, and a parse error never cancels a receipt. {@link #snapshot()} serves the
 * good rows; the bad ones are logged and listed by {@link #errors()}, each naming the file, the line and the reason,
 * e.g. {@code receipts.csv line 7: quantity "-3" must not be negative}. A row that was good and turns bad (a typo,
 * an extra column, a stray quote) keeps its last good state. In strict mode the first bad row throws instead.
 * <ul>
 *   <li>A structural error, a quoted field that is never closed, would swallow every row after it: the whole
 *   re-read is rejected and the previous state kept, and {@link #errors()} names the line where the quote opens.
 *   On the very first read there is no previous state, so the read fails with
 *   {@link SourceUnavailableException}.</li>
 *   <li>A header that cannot be read stops the read with {@link SourceUnavailableException} and leaves the last
 *   state in place.</li>
 * </ul>
 *
 * <p>Change feed: each call re-reads the file (parsing only when its content hash changed) and records every row
 * that is new or differs from the previous read as an upsert. <b>Removing a receipt row cancels it</b>, but only
 * when the file parsed cleanly: the line is then sent once more with status CANCELLED. While any row of the file is
 * refused, a row that is missing keeps its last good state (a typo may be what hides it). Checkpoints look like
 * {@code v12@1a2b3c4d}: the number of changes this instance has recorded (monotonically increasing) and a token of
 * the instance, so a checkpoint from before a restart is refused instead of silently misread. The last
 * {@code historySize} changes are kept, so {@code changesSince} is repeatable; an older or unknown checkpoint throws
 * {@link CheckpointExpiredException}.
 *
 * <p>Not thread-safe: call it from one thread at a time, as the SPI allows.
 *
 * @since 0.1.0
 */
public final class CsvSupplySource implements PurchaseOrderSource {
    private static final Logger LOG = LoggerFactory.getLogger(CsvSupplySource.class);
    private static final Pattern CHECKPOINT = Pattern.compile("v(\\d{1,18})@([0-9a-f]{8})");

    private final Path file;
    private final String fileName;
    private final ReceiptParser parser;
    private final ChangeLog<SupplyLine> log;
    private final String instance;

    private final boolean strict;
    private byte[] lastHash;
    /** The content last rejected as a whole, so it is not parsed and logged again on every call. */
    private byte[] rejectedHash;
    private Map<String, SupplyLine> current = new LinkedHashMap<>();
    private List<RowError> errors = List.of();

    private CsvSupplySource(Builder builder) {
        this.file = builder.file;
        this.fileName = String.valueOf(builder.file.getFileName());
        this.strict = builder.strict;
        this.parser = new ReceiptParser(fileName, builder.strict, builder.defaultFacility);
        this.log = new ChangeLog<>(builder.historySize);
        this.instance = String.format("%08x", builder.random.nextInt());
    }

    /**
     * Starts configuring a source over a file.
     *
     * @param file the CSV file; it need not exist yet, but must by the first read
     * @return a builder
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    @Override
    public FeedSnapshot<SupplyLine> snapshot() {
        refresh();
        return new FeedSnapshot<>(List.copyOf(current.values()), checkpoint(log.version()));
    }

    @Override
    public FeedPage<SupplyLine> changesSince(Checkpoint checkpoint, int maxItems) {
        long from = version(checkpoint, FeedArguments.requireValid(fileName, checkpoint, maxItems));
        refresh();
        if (from > log.version() || from < log.oldestVersion()) {
            throw new CheckpointExpiredException(checkpoint, "is " + (from > log.version()
                    ? "ahead of this source" : "older than the " + (log.version() - log.oldestVersion())
                    + " changes " + fileName + " keeps") + "; take a new snapshot");
        }
        List<SupplyLine> items = log.since(from, maxItems);
        long next = from + items.size();
        return new FeedPage<>(items, checkpoint(next), next < log.version());
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    /**
     * The rows the latest read refused, in file order; empty when every row was good.
     *
     * @return the refused rows, each with its line number and reason
     */
    public List<RowError> errors() {
        return errors;
    }

    private Checkpoint checkpoint(long version) {
        return Checkpoint.of("v" + version + "@" + instance);
    }

    private long version(Checkpoint checkpoint, String value) {
        Matcher m = CHECKPOINT.matcher(value);
        if (!m.matches()) {
            throw new CheckpointExpiredException(checkpoint, "is not a checkpoint of a CSV supply source");
        }
        if (!m.group(2).equals(instance)) {
            throw new CheckpointExpiredException(checkpoint, "was issued by another instance of the source"
                    + " over " + fileName + " (restarted?); take a new snapshot");
        }
        return Long.parseLong(m.group(1));
    }

    /** Re-reads the file and records what changed since the previous read. */
    private void refresh() {
        byte[] bytes = readFile();
        byte[] hash = sha256(bytes);
        if (Arrays.equals(hash, lastHash) || Arrays.equals(hash, rejectedHash)) {
            return;
        }
        List<CsvRecord> records = CsvReader.read(decode(bytes));
        for (CsvRecord record : records) {
            if (record.swallowsTheRest()) {
                rejectWholeRead(hash, record);
                return;
            }
        }
        ReceiptRows rows = parser.parse(records);
        Map<String, SupplyLine> next = new LinkedHashMap<>(rows.lines());
        if (!rows.errors().isEmpty()) {
            // Only a clean file may cancel by omission: a refused row, or rows a typo merged into it, keep their
            // last good state.
            current.forEach(next::putIfAbsent);
        }
        List<SupplyLine> changes = new ArrayList<>();
        for (SupplyLine line : next.values()) {
            if (!line.equals(current.get(line.lineId()))) {
                changes.add(line);
            }
        }
        for (SupplyLine gone : current.values()) {
            if (!next.containsKey(gone.lineId()) && gone.status() != SupplyStatus.CANCELLED) {
                changes.add(gone.withStatus(SupplyStatus.CANCELLED));
            }
        }
        rows.errors().forEach(e -> LOG.warn("Skipped a receipt row: {}", e.message()));
        log.append(changes);
        current = next;
        errors = rows.errors();
        lastHash = hash;
        rejectedHash = null;
    }

    /** An unclosed quote: nothing after it can be trusted, so this content of the file is not used at all. */
    private void rejectWholeRead(byte[] hash, CsvRecord record) {
        RowError error = new RowError(fileName, "line " + record.line(), "a quoted field opened here is never"
                + " closed, so every row after it would be lost; the file is ignored until it is fixed"
                + (lastHash == null ? "" : " and the previous state is kept"));
        if (lastHash == null || strict) {
            throw new SourceUnavailableException(error.message(), null);
        }
        LOG.warn("Ignored a change of the receipts file: {}", error.message());
        errors = List.of(error);
        rejectedHash = hash;
    }

    private byte[] readFile() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read supply file " + file + ": " + e, e);
        }
    }

    private String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SourceUnavailableException(fileName + " is not UTF-8 text", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Configures a {@link CsvSupplySource}; {@link #build()} validates. */
    public static final class Builder {
        private final Path file;
        private boolean strict;
        private String defaultFacility;
        private int historySize = 10_000;
        private RandomGenerator random = new SplittableRandom();

        private Builder(Path file) {
            this.file = file;
        }

        /**
         * Whether the first bad row throws {@link InvalidInputException} instead of being reported. Default false.
         *
         * @param strict true to throw
         * @return this builder
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * The facility of rows that name none (a file without a facility column, or an empty cell).
         *
         * @param facilityId the facility id; default none, so such rows are refused
         * @return this builder
         */
        public Builder defaultFacility(String facilityId) {
            this.defaultFacility = facilityId;
            return this;
        }

        /**
         * How many recent changes are kept for {@code changesSince}; an older checkpoint must take a new snapshot.
         *
         * @param changes at least 1; default 10,000
         * @return this builder
         */
        public Builder historySize(int changes) {
            this.historySize = changes;
            return this;
        }

        /**
         * Where the instance token in checkpoints comes from; seed it to replay a run.
         *
         * @param random the generator; default a new {@link SplittableRandom}
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /**
         * Validates and creates the source. Nothing is read until the first call.
         *
         * @return the source
         * @throws IllegalArgumentException naming the setting that is wrong
         */
        public CsvSupplySource build() {
            if (file == null) {
                throw new IllegalArgumentException("file must not be null");
            }
            if (file.getFileName() == null) {
                throw new IllegalArgumentException("file " + file + " must name a file");
            }
            if (defaultFacility != null && defaultFacility.isBlank()) {
                throw new IllegalArgumentException("defaultFacility must not be blank");
            }
            if (historySize < 1) {
                throw new IllegalArgumentException("historySize must be at least 1, was " + historySize);
            }
            if (random == null) {
                throw new IllegalArgumentException("random must not be null");
            }
            return new CsvSupplySource(this);
        }
    }
}
