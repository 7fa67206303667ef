package io.ownerscape.cli;

import io.ownerscape.experiment.Experiment;
import io.ownerscape.experiment.RunOutcome;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/** Runs finished out of all: a progress bar on a terminal, else a line per run. */
final class ExperimentProgress implements Experiment.Progress, AutoCloseable {
    private final PrintWriter out;
    private final String label;
    private ProgressBar bar;
    private int total;
    private int done;

    ExperimentProgress(String label, PrintWriter out) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void start(int runs, int finishedEarlier) {
        total = runs;
        done = finishedEarlier;
        if (ProgressDisplay.isTerminal() && finishedEarlier < runs) {
            bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(runs).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" runs", 1).build();
            bar.stepTo(finishedEarlier);
        }
    }

    @Override
    public void finished(RunOutcome o) {
        done++;
        String what = String.format("%s seed %d%s (%.1f s)", o.spec().scenario(), o.spec().seed(),
                o.spec().factors().isEmpty() ? "" : " " + o.spec().factors(), o.seconds());
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(" " + what);
        } else {
            out.printf("%s: run %d/%d finished: %s%n", label, done, total, what);
            out.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
