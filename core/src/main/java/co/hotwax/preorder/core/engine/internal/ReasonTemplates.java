package co.hotwax.preorder.core.engine.internal;

import java.util.regex.Pattern;

/**
 * Turns a publisher's free-text reason into a template an operator can count and graph: the text before the first
 * {@code ": "} (publishers put the details after it), with numbers, quoted values, Shopify ids and {@code sku X} / {@code shop X}
 * values replaced, so "no variant has sku RED-M" and "no variant has sku BLUE-L" count as one reason. At most
 * {@link #MAX_PER_STORE} distinct templates are kept per store; the rest count as {@link #OTHER}, so a metrics
 * backend never sees unbounded tag values.
 */
final class ReasonTemplates {
    /** The most distinct reasons counted per store and outcome. */
    static final int MAX_PER_STORE = 32;
    /** Where reasons beyond {@link #MAX_PER_STORE} are counted. */
    static final String OTHER = "other";

    private static final Pattern NAMED_VALUE = Pattern.compile("\\b(sku|shop)\\s+(?!<)\\S+");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern GID = Pattern.compile("gid://\\S+");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d[\\d,.]*\\b");
    private static final int MAX_LENGTH = 80;

    private ReasonTemplates() {
    }

    /**
     * The template of a reason.
     *
     * @param reason the publisher's reason
     * @param sku the SKU the reason is about, replaced wherever it appears; may be null
     * @return the template
     */
    static String template(String reason, String sku) {
        if (reason == null || reason.isBlank()) {
            return "unspecified";
        }
        int details = reason.indexOf(": ");
        String head = details > 0 ? reason.substring(0, details) : reason;
        if (sku != null && !sku.isEmpty()) {
            head = head.replace(sku, "<sku>");
        }
        head = GID.matcher(head).replaceAll("<id>");
        head = QUOTED.matcher(head).replaceAll("<value>");
        head = NAMED_VALUE.matcher(head).replaceAll("$1 <value>");
        head = NUMBER.matcher(head).replaceAll("<n>").strip();
        return head.length() > MAX_LENGTH ? head.substring(0, MAX_LENGTH) : head;
    }
}
