package io.ownerscape.cli;

import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SimulationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ownerscape run}: one simulation, all outputs. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one simulation and writes summary.json, results.duckdb, Parquet files, "
                + "report.html and charts/ into --out.",
                "Defaults (the same as experiments'): preset market, 100,000 persons, 600 months, burn-in 120, seed 1, all processors."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Output directory (default: ${DEFAULT-VALUE}): new, empty, or a complete earlier run's output and"
                    + " nothing else, which is replaced whole.")
    Path out;

    @Option(names = "--force", description = "Replace --out whole even when it holds other files (they are deleted).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        String bad = SimulationRun.checkOutput(out, force);
        if (bad != null) {
            throw new BadInputException(bad);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        SimulationRun.Result r;
        try (ProgressDisplay progress = new ProgressDisplay("run", settings.months(), stdout)) {
            r = SimulationRun.execute(settings, out, force, progress);
        }
        stdout.printf("state_hash %s, zipf_alpha %s, %.1f s%n", r.summary().get("state_hash").asText(),
                r.summary().get("zipf_alpha"), r.summary().get("seconds").asDouble());
        stdout.println("wrote " + r.outputDir().resolve("summary.json"));
        stdout.println("report " + r.outputDir().resolve("report.html"));
        return 0;
    }
}
