package co.hotwax.preorder.core;

import java.util.List;
import java.util.Objects;

/**
 * What a batch call ({@link PreorderBook#rebuild}, {@link PreorderBook#apply}) did: how many items were applied and
 * which were rejected, and why. A rejected item changed nothing; the other items went on.
 *
 * @param applied items applied
 * @param rejected items refused, in input order
 * @since 0.1.0
 */
public record BatchReport(int applied, List<Rejection> rejected) {

    /**
     * Validates and copies the report.
     *
     * @param applied items applied
     * @param rejected items refused, in input order
     * @throws IllegalArgumentException when {@code applied} is negative
     */
    public BatchReport {
        if (applied < 0) {
            throw new IllegalArgumentException("applied must not be negative, was " + applied);
        }
        rejected = List.copyOf(Objects.requireNonNull(rejected, "rejected"));
    }

    /**
     * Whether every item was applied.
     *
     * @return true when nothing was rejected
     */
    public boolean allApplied() {
        return rejected.isEmpty();
    }

    /**
     * One refused item.
     *
     * @param index the item's position in its input: the command list for {@code apply}; for {@code rebuild}, the
     *              position within its own collection (lines, pre-orders or stock levels; {@code item} says which)
     * @param item the item, e.g. {@code "pre-order SO-1/2"}
     * @param reason why it was refused
     */
    public record Rejection(int index, String item, String reason) {
        /**
         * Validates the rejection.
         *
         * @param index the item's position in its input: the command list for {@code apply}; for {@code rebuild}, the
         *              position within its own collection (lines, pre-orders or stock levels; {@code item} says which)
         * @param item the item, e.g. {@code "pre-order SO-1/2"}
         * @param reason why it was refused
         * @throws NullPointerException when item or reason is null
         */
        public Rejection {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "#" + index + " " + item + ": " + reason;
        }
    }
}
