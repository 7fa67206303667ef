package io.ownerscape.cli;

import io.ownerscape.io.SimulationRun;
import io.ownerscape.model.metrics.MonthlyMetrics;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/** A progress bar on a terminal; on anything else, a plain line every tenth of the run. */
final class ProgressDisplay implements SimulationRun.Progress, AutoCloseable {
    private final PrintWriter out;
    private final ProgressBar bar;
    private final String label;

    ProgressDisplay(String label, int months, PrintWriter out) {
        this.out = out;
        this.label = label;
        this.bar = isTerminal()
                ? new ProgressBarBuilder().setTaskName(label).setInitialMax(months)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" months", 1).build()
                : null;
    }

    /**
     * The launcher sets {@code ownerscape.tty} when standard output is a terminal; without the
     * launcher, a console that exists counts as one (JDK 21 has none when output is redirected).
     */
    static boolean isTerminal() {
        String tty = System.getProperty("ownerscape.tty");
        return tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
    }

    @Override
    public void month(int done, int total, MonthlyMetrics m) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(String.format(" firms %,d, alpha %.3f", m.firms(), m.zipfAlpha()));
            return;
        }
        int every = Math.max(1, total / 10);
        if (done % every == 0 || done == total) {
            out.printf("%s: month %d/%d, firms %,d, employer firms %,d, largest %,d, zipf alpha %.3f%n",
                    label, done, total, m.firms(), m.employerFirms(), m.largestFirm(), m.zipfAlpha());
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
