package co.hotwax.preorder.cli.internal;

import co.hotwax.preorder.shopify.PreflightFinding;
import co.hotwax.preorder.shopify.PreflightReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.List;

/** Prints a store preflight's findings: an aligned table for people, or one JSON document for scripts. */
public final class FindingTable {
    private FindingTable() {
    }

    /**
     * Prints the findings as a table: severity, check, subject, reason and fix.
     *
     * @param out where to print
     * @param report the report
     * @param all whether passed checks are printed too
     */
    public static void print(PrintStream out, PreflightReport report, boolean all) {
        List<PreflightFinding> rows = report.all().stream()
                .filter(f -> all || f.severity() != PreflightFinding.Severity.OK).toList();
        int check = "CHECK".length();
        int subject = "SUBJECT".length();
        for (PreflightFinding f : rows) {
            check = Math.max(check, f.check().length());
            subject = Math.max(subject, f.subject().length());
        }
        String format = "%-8s  %-" + check + "s  %-" + subject + "s  %s%n";
        out.printf(format, "SEVERITY", "CHECK", "SUBJECT", "REASON / FIX");
        for (PreflightFinding f : rows) {
            out.printf(format, f.severity(), f.check(), f.subject(), f.reason() + (f.fix().isEmpty() ? "" : "; fix: " + f.fix()));
        }
    }

    /**
     * Prints the report as one JSON object: {@code apiVersion}, {@code worst}, {@code store[]} and {@code skus{}}
     * of findings with {@code severity}, {@code check}, {@code subject}, {@code reason}, {@code fix}.
     *
     * @param out where to print
     * @param report the report
     */
    public static void printJson(PrintStream out, PreflightReport report) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("apiVersion", report.apiVersion()).put("worst", report.worst().name());
        ArrayNode store = root.putArray("store");
        report.store().forEach(f -> store.add(json.valueToTree(f)));
        ObjectNode skus = root.putObject("skus");
        report.skus().forEach((sku, findings) -> {
            ArrayNode list = skus.putArray(sku);
            findings.forEach(f -> list.add(json.valueToTree(f)));
        });
        out.println(root.toPrettyString());
    }
}
