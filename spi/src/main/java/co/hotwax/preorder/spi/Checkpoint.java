package co.hotwax.preorder.spi;

/**
 * An opaque position in a change feed. The source creates it; the caller keeps it (in memory, a database, a
 * file) and hands it back to resume. Two checkpoints are only compared for equality.
 *
 * @param value the source's own encoding of the position
 * @since 0.1.0
 */
public record Checkpoint(String value) {
    /**
     * Validates the checkpoint.
     *
     * @param value the source's own encoding of the position
     * @throws InvalidInputException when the value is null or blank
     */
    public Checkpoint {
        Quantities.requireId("checkpoint", "value", value);
    }

    /**
     * A checkpoint.
     *
     * @param value the source's encoding
     * @return the checkpoint
     */
    public static Checkpoint of(String value) {
        return new Checkpoint(value);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + value + "]";
    }
}
