package io.ownerscape.cli;

import io.ownerscape.experiment.Backend;
import io.ownerscape.experiment.Experiment;
import io.ownerscape.experiment.ExperimentFile;
import io.ownerscape.experiment.ExperimentPlan;
import io.ownerscape.experiment.Hypotheses;
import io.ownerscape.experiment.TransferTrialResults;
import io.ownerscape.experiment.LocalBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ownerscape experiment FILE}: an experiment file's runs, verdicts and report. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Runs every run an experiment file names (scenarios x design points x seeds) on a local thread"
                + " pool, or on Apache Spark with --spark-master, streams each into DUCKDB as it finishes, then judges"
                + " the hypotheses and writes report.html, verdicts.json/.csv, sensitivity.csv, charts/ and parquet/"
                + " into --out.",
                "A restarted experiment skips the runs already in --out. The format: docs/EXPERIMENTS.md.",
                "Example: experiment examples/demand-growth.experiment.yaml --out runs/demand-growth"})
final class ExperimentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (YAML).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: runs/NAME, NAME from the file); an earlier run of the same"
                    + " experiment there resumes it.")
    Path out;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Runs at a time on the local pool (default: processors / threads per run).")
    Integer parallel;

    @Option(names = "--threads-per-run", paramLabel = "T",
            description = "Worker threads inside each run (default: the file's threads_per_run, else 1). Results do"
                    + " not depend on it.")
    Integer threadsPerRun;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Run on Apache Spark instead: local[N], local[*] or a cluster URL such as spark://host:7077.")
    String sparkMaster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExperimentPlan plan;
        try {
            plan = ExperimentFile.read(file);
        } catch (ExperimentFile.ExperimentException e) {
            throw new BadInputException(e.getMessage());
        }
        Path dir = out != null ? out : Path.of("runs", plan.name());
        return run(plan, dir, parallel, threadsPerRun, sparkMaster, spec.commandLine().getOut(), "experiment");
    }

    /** Runs a plan and prints the verdict table; shared with {@code demo}. */
    static int run(ExperimentPlan plan, Path dir, Integer parallel, Integer threadsPerRun, String sparkMaster,
                   PrintWriter stdout, String label) throws Exception {
        String bad = Experiment.checkOutput(dir);
        if (bad != null) {
            throw new BadInputException(bad);
        }
        int threads = threadsPerRun != null ? threadsPerRun
                : plan.scenarios().values().iterator().next().threads();
        if (threads < 1 || threads > 1024) {
            throw new BadInputException("--threads-per-run " + threads + ": allowed 1 to 1024");
        }
        int processors = Runtime.getRuntime().availableProcessors();
        int pool = parallel != null ? parallel : Math.max(1, processors / threads);
        if (pool < 1 || pool > 4096) {
            throw new BadInputException("--parallel " + pool + ": allowed 1 to 4096");
        }
        if (sparkMaster != null && parallel != null) {
            throw new BadInputException("--parallel " + parallel + " with --spark-master: Spark decides how many runs"
                    + " run at once (local[N] or the cluster's executors); give one of them");
        }
        Backend backend;
        try {
            backend = sparkMaster != null ? Backend.spark(sparkMaster) : new LocalBackend(pool);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        Experiment.Result result;
        try (backend; ExperimentProgress progress = new ExperimentProgress(label, stdout)) {
            result = Experiment.run(plan, dir, backend, threads, progress, line -> {
                stdout.println(line);
                stdout.flush();
            });
        } catch (Experiment.OutputException e) {
            throw new BadInputException(e.getMessage());
        }
        stdout.println();
        printVerdicts(stdout, result);
        stdout.printf("%n%d runs (%d run now) in %.1f s; report: %s%n", result.runs(), result.ranNow(),
                result.seconds(), result.report());
        return 0;
    }

    static void printVerdicts(PrintWriter out, Experiment.Result result) {
        printTransferTrial(out, result);
        if (result.hypotheses().isEmpty()) {
            return;
        }
        out.printf("%-4s %-15s %-34s %s%n", "", "verdict", "estimate [95% CI]", "statistic");
        for (Hypotheses.Result r : result.hypotheses()) {
            var e = r.test().effect();
            String interval = Double.isNaN(e.estimate()) ? "—" : e.known()
                    ? String.format("%.3f [%.3f, %.3f] n=%d", e.estimate(), e.low(), e.high(), e.n())
                    : String.format("%.3f n=%d", e.estimate(), e.n());
            out.printf("%-4s %-15s %-34s %s%n", r.name(), r.test().verdict().label(), interval, r.statistic());
        }
    }

    /** The transfer trial's effects pooled over each scenario's runs, beside their targets. */
    static void printTransferTrial(PrintWriter out, Experiment.Result result) {
        String scenario = null;
        for (TransferTrialResults.Row row : result.transferTrial()) {
            if (!row.scenario().equals(scenario)) {
                scenario = row.scenario();
                out.printf("transfer trial, %s (pooled over runs):%n  %-62s %-30s %s%n", scenario, "effect",
                        "estimate [95% CI]", "target");
            }
            var p = row.pooled();
            String interval = Double.isNaN(p.estimate()) ? "—"
                    : String.format("%.2f [%.2f, %.2f] n=%d", p.estimate(), p.low(), p.high(), p.n());
            out.printf("  %-62s %-30s %s%n", row.label(), interval,
                    row.target().equals("—") ? "" : row.target() + " in target: " + row.inTarget());
        }
        if (scenario != null) {
            out.println();
        }
    }
}
