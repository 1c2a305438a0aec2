package co.hotwax.preorder.spi;

import java.util.List;

/**
 * What a publisher found about its channel's setup when asked at engine start ({@link InventoryPublisher#checkSetup()}):
 * the problems that would let the channel sell beyond what is offered, or refuse every write, each with the fix.
 * An empty list means nothing to report.
 *
 * @param problems the problems found, blockers and warnings, in the order the publisher checked them
 * @since 0.1.0
 */
public record SetupCheck(List<Problem> problems) {

    /** Nothing to report: the default of publishers that do not check their setup. */
    public static final SetupCheck NOTHING_TO_REPORT = new SetupCheck(List.of());

    /**
     * Copies the problems.
     *
     * @param problems the problems found, in the order checked
     * @throws NullPointerException when the list or a problem is null
     */
    public SetupCheck {
        problems = List.copyOf(problems);
    }

    /**
     * The problems that stop the channel from working safely.
     *
     * @return the blocking problems, in order
     */
    public List<Problem> blockers() {
        return problems.stream().filter(Problem::blocking).toList();
    }

    /**
     * Whether any problem is blocking.
     *
     * @return true when {@link #blockers()} is not empty
     */
    public boolean blocked() {
        return problems.stream().anyMatch(Problem::blocking);
    }

    /**
     * One problem of a channel's setup. Never carries a secret.
     *
     * @param blocking whether the channel cannot work safely with it (for Shopify: a missing access scope, a
     *                 pre-order location that is missing, deactivated or not selling online); false for a warning
     * @param check a short stable name of what was checked, e.g. {@code access-scopes}
     * @param reason what was found and why it matters
     * @param fix what to change, in the channel or the configuration; may be empty
     * @since 0.1.0
     */
    public record Problem(boolean blocking, String check, String reason, String fix) {
        /**
         * Validates the problem.
         *
         * @param blocking whether the channel cannot work safely with it
         * @param check a short stable name of what was checked
         * @param reason what was found and why it matters
         * @param fix what to change; null is taken as empty
         * @throws InvalidInputException when the check or the reason is blank
         */
        public Problem {
            String item = "setup problem " + check;
            Quantities.requireId(item, "check", check);
            if (reason == null || reason.isBlank()) {
                throw new InvalidInputException(item, "reason is missing");
            }
            fix = fix == null ? "" : fix;
        }

        /**
         * The problem in one line, for an exception, an event or a log line.
         *
         * @return {@code check: reason; fix: fix}
         */
        public String describe() {
            return check + ": " + reason + (fix.isEmpty() ? "" : "; fix: " + fix);
        }
    }
}
