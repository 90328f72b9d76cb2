package newsflow.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal ({@code [=====>    ] 45/91 files, 45 records, 12/s}).
 * When the output is not a terminal it prints nothing until {@link #done}, so logs stay clean.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String unit;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private long lastDrawn;

    public ProgressBar(PrintStream out, String unit) {
        this.out = out;
        this.unit = unit;
        this.interactive = System.console() != null;
    }

    public void update(long done, long total, String detail) {
        long now = System.nanoTime();
        if (!interactive || (now - lastDrawn < 100_000_000L && done < total)) {
            return;
        }
        lastDrawn = now;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(WIDTH - filled);
        out.printf(Locale.ROOT, "\r[%s] %d/%d %s%s, %.0f/s ", bar, done, total, unit,
            detail.isEmpty() ? "" : ", " + detail, rate(done));
        out.flush();
    }

    public void done(long done, String detail) {
        if (interactive) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
        }
        out.printf(Locale.ROOT, "%d %s%s in %.1f s (%.0f/s)%n", done, unit,
            detail.isEmpty() ? "" : ", " + detail, seconds(), rate(done));
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private double rate(long done) {
        double s = seconds();
        return s <= 0 ? 0 : done / s;
    }
}
