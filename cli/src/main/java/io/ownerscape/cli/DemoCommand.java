package io.ownerscape.cli;

import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SimulationRun;
import io.ownerscape.model.MonthlyMetrics;
import io.ownerscape.model.SizeClass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ownerscape demo}: the main job on an embedded default, with a model-versus-US table. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the US-like default (Axtell's endogenous firms, 1,000,000 persons, 600 months, "
                + "seed 1) and prints the model beside the US Census SUSB 2022 size classes.",
                "Any run flag may override the default."})
final class DemoCommand implements Callable<Integer> {
    static final int PERSONS = 1_000_000;
    static final int MONTHS = 600;
    static final int BURN_IN = 120;

    @Mixin
    ModelOptions options;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings(PERSONS, MONTHS, BURN_IN);
        String bad = SimulationRun.checkOutput(out);
        if (bad != null) {
            throw new BadInputException(bad);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Ownerscape demo: %,d persons, %d months, seed %d, %d threads%n",
                settings.model().persons(), settings.months(), settings.seed(), settings.threads());
        SimulationRun.Result r;
        try (ProgressDisplay progress = new ProgressDisplay("demo", settings.months(), stdout)) {
            r = SimulationRun.execute(settings, out, progress);
        }
        MonthlyMetrics m = r.last();
        stdout.println();
        stdout.printf("%-22s %10s %10s %12s %12s%n", "employees per firm", "model firms", "US firms",
                "model empl.", "US empl.");
        for (int k = 0; k < SizeClass.SUSB.size(); k++) {
            SizeClass c = SizeClass.SUSB.get(k);
            stdout.printf("%-22s %9.1f%% %9.1f%% %11.1f%% %11.1f%%%n", c.label(),
                    100 * m.sizeClassFirmShare()[k], 100 * c.susbFirmShare(),
                    100 * m.sizeClassEmploymentShare()[k], 100 * c.susbEmploymentShare());
        }
        stdout.printf("%-22s %10.3f %10s%n", "Zipf tail exponent", m.zipfAlpha(), "1.059");
        stdout.printf("%-22s %10.1f %10s%n", "mean employer size", m.meanEmployerFirmSize(), "21.2");
        stdout.printf("%-22s %10.4f %10s%n", "job-to-job rate/month",
                r.summary().get("job_to_job_rate").asDouble(), "");
        stdout.printf("%nfinished in %.1f s; report: %s%n", r.summary().get("seconds").asDouble(),
                r.outputDir().resolve("report.html"));
        return 0;
    }
}
