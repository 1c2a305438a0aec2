package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.InvalidInputException;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The position of a stamp-ordered feed: the newest {@code lastUpdatedStamp} it has passed (the high-water mark),
 * and, for every item it delivered (or refused) whose stamp is still inside the overlap window below that mark, a
 * fingerprint of the item's key and of the content last delivered for it. The next read goes back over the
 * window and skips what these fingerprints say was already seen, so a row committed late with an earlier stamp is
 * found, and one seen already is not repeated.
 *
 * <p>Encoded as {@code hw1.<mark micros>.<base64url of 20 bytes per item: 8 key hash, 8 content hash,
 * 4 ms below the mark>}. Its size grows with the items changed within the window: about 27 characters each.
 *
 * @param mark the high-water mark
 * @param seen per key hash, what was last delivered for the item and its stamp
 */
record StampCheckpoint(Instant mark, Map<Long, Seen> seen) {
    private static final String PREFIX = "hw1.";
    private static final int ENTRY = Long.BYTES + Long.BYTES + Integer.BYTES;

    /**
     * What the consumer last got for one item.
     *
     * @param content hash of the delivered content
     * @param stamp the item's stamp then
     */
    record Seen(long content, Instant stamp) {
    }

    StampCheckpoint {
        seen = Map.copyOf(seen);
    }

    /** The position before anything: every stamp is after it. */
    static StampCheckpoint start() {
        return new StampCheckpoint(Instant.EPOCH, Map.of());
    }

    Checkpoint encode() {
        ByteBuffer buffer = ByteBuffer.allocate(seen.size() * ENTRY);
        seen.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    buffer.putLong(e.getKey());
                    buffer.putLong(e.getValue().content());
                    buffer.putInt((int) Duration.between(e.getValue().stamp(), mark).toMillis());
                });
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, mark);
        return Checkpoint.of(PREFIX + micros + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(buffer.array()));
    }

    /**
     * Decodes a checkpoint this class encoded.
     *
     * @param feed the feed, named in the error
     * @param checkpoint the checkpoint
     * @return the position
     * @throws InvalidInputException when the checkpoint is not one of this feed's
     */
    static StampCheckpoint decode(String feed, Checkpoint checkpoint) {
        String value = checkpoint.value();
        int dot = value.indexOf('.', PREFIX.length());
        if (!value.startsWith(PREFIX) || dot < 0) {
            throw unknown(feed, checkpoint);
        }
        try {
            Instant mark = Instant.EPOCH.plus(Long.parseLong(value.substring(PREFIX.length(), dot)),
                    ChronoUnit.MICROS);
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getUrlDecoder().decode(value.substring(dot + 1)));
            if (buffer.remaining() % ENTRY != 0) {
                throw unknown(feed, checkpoint);
            }
            Map<Long, Seen> seen = new HashMap<>();
            while (buffer.hasRemaining()) {
                long key = buffer.getLong();
                long content = buffer.getLong();
                int below = buffer.getInt();
                if (below < 0) {
                    throw unknown(feed, checkpoint);
                }
                seen.put(key, new Seen(content, mark.minusMillis(below)));
            }
            return new StampCheckpoint(mark, seen);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw unknown(feed, checkpoint);
        }
    }

    private static InvalidInputException unknown(String feed, Checkpoint checkpoint) {
        String value = checkpoint.value();
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return new InvalidInputException("checkpoint " + shown, "is not a checkpoint of " + feed
                + "; take a new snapshot");
    }
}
