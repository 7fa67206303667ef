package io.ownerscape.cli;

import io.ownerscape.experiment.Design;
import io.ownerscape.experiment.Experiment;
import io.ownerscape.experiment.ExperimentPlan;
import io.ownerscape.experiment.ExperimentStore;
import io.ownerscape.experiment.Factor;
import io.ownerscape.experiment.LocalBackend;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.Sweep;
import io.ownerscape.model.labour.LabourKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ownerscape sweep}: one labour rule at several levels times several seeds. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs the model for every level of one labour rule and every seed, as an experiment with a"
                + " grid over that one factor (the experiment machinery: experiment.duckdb, parquet/, report.html in"
                + " --out), then writes, per level, each measure's mean over the seeds with its 95%% confidence"
                + " interval to sweep.html, sweep.json and sweep.csv.",
                "An interrupted sweep resumes as an experiment does: runs already in the store are not run again.",
                "Example: sweep --preset market --set goods_market=true --vary demand_growth=-0.02,0,0.02"
                        + " --seeds 5 --persons 100000 --months 300 --burn-in 120 --out runs/demand-growth"})
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Option(names = "--vary", required = true, paramLabel = "KEY=V1,V2,...",
            description = "The labour rule to vary and its levels (at least two), e.g. demand_growth=-0.02,0,0.02.")
    String vary;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5",
            description = "Seeds per level, from --seed on (default ${DEFAULT-VALUE}; at least 2 for a confidence interval).")
    int seeds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sweep",
            description = "Output directory (default: ${DEFAULT-VALUE}); an earlier sweep's directory resumes it.")
    Path out;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Runs at a time (default: --threads, else all processors), one thread each.")
    Integer parallel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunSettings base = options.settings();
        int eq = vary.indexOf('=');
        if (eq <= 0 || eq == vary.length() - 1) {
            throw new BadInputException("--vary " + vary + ": expected KEY=V1,V2,... with a labour rule's key");
        }
        String key = vary.substring(0, eq);
        if (!LabourKeys.isKey(key)) {
            throw new BadInputException("--vary " + key + ": unknown key; allowed keys: " + String.join(", ", LabourKeys.keys()));
        }
        List<Object> levels = new ArrayList<>();
        for (String text : vary.substring(eq + 1).split(",")) {
            try {
                Object level = LabourKeys.parse(key, text.trim());
                LabourKeys.with(base.labour(), java.util.Map.of(key, level)).validated();
                if (levels.contains(level)) {
                    throw new IllegalArgumentException(key + " = " + text.trim() + " is listed twice");
                }
                levels.add(level);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--vary: " + e.getMessage());
            }
        }
        if (levels.size() < 2) {
            throw new BadInputException("--vary " + vary + ": at least two levels are needed");
        }
        if (seeds < 1 || seeds > 1000) {
            throw new BadInputException("--seeds " + seeds + ": allowed 1 to 1000");
        }
        if (Files.isRegularFile(out)) {
            throw new BadInputException("--out " + out + ": is a file; allowed: a directory path");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        int pool = parallel != null ? parallel : base.threads();
        if (pool < 1 || pool > 1024) {
            throw new BadInputException("--parallel " + pool + ": allowed 1 to 1024");
        }
        List<Long> seedList = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            seedList.add(base.seed() + k);
        }
        Factor factor = Factor.levels(key, levels);
        String text = "sweep of " + key + " over " + levels + ", " + seeds + " seeds from " + base.seed()
                + ", preset " + base.preset().key() + ", " + base.model().persons() + " persons, " + base.months()
                + " months (burn-in " + base.burnIn() + ")\n";
        ExperimentPlan plan = new ExperimentPlan(out.resolve("sweep.txt"), "sweep-" + key,
                "One labour rule at several levels (ownerscape sweep): " + text.strip(), seedList,
                Map.of("base", base), new ExperimentPlan.Sweep("grid", List.of(factor), Design.grid(List.of(factor), 0)),
                null, List.of(), text);
        String unusable = Experiment.checkOutput(out);
        if (unusable != null) {
            throw new BadInputException(unusable);
        }
        Experiment.Result result;
        try {
            result = Experiment.run(plan, out, new LocalBackend(pool), 1, new Experiment.Progress() {
                @Override
                public void start(int total, int finishedEarlier) {
                }

                @Override
                public void finished(io.ownerscape.experiment.RunOutcome o) {
                    stdout.printf("sweep: %s = %s, seed %d: done%n", key, o.spec().factors().get(key),
                            o.spec().settings().seed());
                    stdout.flush();
                }
            }, line -> {
                stdout.println(line);
                stdout.flush();
            });
        } catch (Experiment.OutputException e) {
            throw new BadInputException(e.getMessage());
        } catch (java.sql.SQLException e) {
            throw new BadInputException("--out " + out + ": " + e.getMessage()
                    + "; use another --out for a sweep with other settings");
        }
        Map<Object, Map<String, List<Double>>> values = new LinkedHashMap<>();
        for (Object level : levels) {
            Map<String, List<Double>> byMeasure = new LinkedHashMap<>();
            for (Sweep.Measure m : Sweep.MEASURES) {
                byMeasure.put(m.key(), new ArrayList<>());
            }
            values.put(level, byMeasure);
        }
        List<ExperimentStore.StoredRun> runs = new ArrayList<>(result.stored());
        runs.sort(java.util.Comparator.comparingLong(ExperimentStore.StoredRun::seed));
        for (ExperimentStore.StoredRun r : runs) {
            Object level = levels.stream().filter(l -> String.valueOf(l).equals(String.valueOf(r.factors().get(key))))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run " + r.runId() + " has no level of " + key));
            for (Sweep.Measure m : Sweep.MEASURES) {
                values.get(level).get(m.key()).add(r.measures().getOrDefault(m.key(), Double.NaN));
            }
        }
        Files.writeString(out.resolve("sweep.txt"), text);
        Path page = Sweep.write(out, key, values, base, seeds);
        stdout.println("report " + page);
        return 0;
    }
}
