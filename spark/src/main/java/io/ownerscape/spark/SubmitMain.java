package io.ownerscape.spark;

import io.ownerscape.experiment.Experiment;
import io.ownerscape.experiment.ExperimentFile;
import io.ownerscape.experiment.ExperimentPlan;
import io.ownerscape.experiment.Hypotheses;
import io.ownerscape.experiment.RunOutcome;

import java.nio.file.Path;

/**
 * The entry point for {@code spark-submit}:
 * <pre>
 * spark-submit --master spark://host:7077 spark/target/ownerscape-spark-submit.jar FILE [OUT_DIR]
 * </pre>
 * runs the experiment FILE with the master spark-submit sets and writes its outputs to OUT_DIR
 * (default {@code runs/NAME}) on the driver.
 */
public final class SubmitMain {
    private SubmitMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: spark-submit [spark options] ownerscape-spark-submit.jar EXPERIMENT_FILE [OUT_DIR]");
            System.exit(2);
        }
        ExperimentPlan plan;
        try {
            plan = ExperimentFile.read(Path.of(args[0]));
        } catch (ExperimentFile.ExperimentException e) {
            System.err.println("ownerscape: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path out = args.length > 1 ? Path.of(args[1]) : Path.of("runs", plan.name());
        int threads = plan.scenarios().values().iterator().next().threads();
        try (SparkBackend backend = new SparkBackend(SparkBackend.FROM_SUBMIT)) {
            Experiment.Result r = Experiment.run(plan, out, backend, threads, new Experiment.Progress() {
                private int total;
                private int done;

                @Override
                public void start(int runs, int finishedEarlier) {
                    total = runs;
                    done = finishedEarlier;
                }

                @Override
                public void finished(RunOutcome o) {
                    System.out.printf("run %d/%d finished: %s seed %d%n", ++done, total, o.spec().scenario(),
                            o.spec().seed());
                }
            }, System.out::println);
            for (Hypotheses.Result h : r.hypotheses()) {
                System.out.printf("%s %s %s%n", h.name(), h.test().verdict().label(), h.test().reason());
            }
            System.out.println("report: " + r.report());
        }
    }
}
