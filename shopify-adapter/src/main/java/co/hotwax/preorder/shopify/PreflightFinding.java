package co.hotwax.preorder.shopify;

import java.util.Objects;

/**
 * One finding of a store preflight: what was checked, how it stands, why it matters and how to fix it.
 *
 * @param severity how it stands
 * @param check a stable short name of the check, e.g. {@code access-scopes}, {@code stocked-elsewhere}
 * @param subject what was checked: {@code store}, a location name, or a SKU
 * @param reason what was found and why it matters
 * @param fix what to change in Shopify (or the configuration); empty when nothing needs to change
 * @since 0.1.0
 */
public record PreflightFinding(Severity severity, String check, String subject, String reason, String fix) {

    /** How a finding stands, from harmless to refusing. */
    public enum Severity {
        /** The check passed. */
        OK,
        /** Worth knowing; the adapter copes (for example it turns tracking on or sets DENY itself). */
        INFO,
        /** Not unsafe by itself, but close to a setup that is (for example another online location exists). */
        WARNING,
        /** Shopify could sell beyond what is offered, or every write would be refused: nothing is listed. */
        BLOCKER
    }

    /**
     * Validates the parts.
     *
     * @param severity how it stands
     * @param check a stable short name of the check, e.g. {@code access-scopes}, {@code stocked-elsewhere}
     * @param subject what was checked: {@code store}, a location name, or a SKU
     * @param reason what was found and why it matters
     * @param fix what to change in Shopify (or the configuration); empty when nothing needs to change
     */
    public PreflightFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        fix = fix == null ? "" : fix;
    }

    /**
     * A passed check.
     *
     * @param check the check
     * @param subject what was checked
     * @param reason what was found
     * @return the finding
     */
    public static PreflightFinding ok(String check, String subject, String reason) {
        return new PreflightFinding(Severity.OK, check, subject, reason, "");
    }

    /** @return whether this finding refuses listing */
    public boolean blocking() {
        return severity == Severity.BLOCKER;
    }

    /** @return {@code reason; fix: fix}, the words an outcome or an exception carries */
    public String describe() {
        return check + " (" + subject + "): " + reason + (fix.isEmpty() ? "" : "; fix: " + fix);
    }
}
