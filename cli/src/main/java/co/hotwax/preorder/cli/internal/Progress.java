package co.hotwax.preorder.cli.internal;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Progress of a long run on stderr: one updating line ({@code [#####     ] 1200/5000 SKUs, 3 rejected}) on a
 * terminal, plain lines at every tenth otherwise (a log file gets ten lines, not thousands), or nothing.
 */
public final class Progress {
    /** How progress is shown. */
    public enum Style {
        /** One line rewritten in place with a carriage return. */
        BAR,
        /** A line at each tenth of the run. */
        LINES,
        /** Nothing. */
        NONE
    }

    private static final int WIDTH = 20;

    private final PrintStream err;
    private final Style style;
    private final String phase;
    private final int total;
    private int lastTenth;
    private boolean drawn;

    /**
     * Starts a progress display.
     *
     * @param err where to print
     * @param style how
     * @param phase what is being done, e.g. {@code reading} or {@code writing}
     * @param total SKUs in the run
     */
    public Progress(PrintStream err, Style style, String phase, int total) {
        this.err = Objects.requireNonNull(err, "err");
        this.style = Objects.requireNonNull(style, "style");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.total = total;
    }

    /**
     * Shows how far the run is.
     *
     * @param done SKUs handled so far
     * @param rejected SKUs rejected so far
     */
    public void update(int done, int rejected) {
        if (style == Style.BAR) {
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " SKUs, "
                    + rejected + " rejected (" + phase + ")");
            err.flush();
            drawn = true;
        } else if (style == Style.LINES) {
            int tenth = total == 0 ? 10 : (int) ((long) done * 10 / total);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.println(phase + ": " + done + "/" + total + " SKUs (" + tenth * 10 + "%), " + rejected + " rejected");
            }
        }
    }

    /** Ends the updating line so what follows starts on a fresh one. */
    public void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
