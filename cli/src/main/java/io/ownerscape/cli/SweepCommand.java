package io.ownerscape.cli;

import io.ownerscape.io.RunSettings;
import io.ownerscape.io.Sweep;
import io.ownerscape.model.LabourKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ownerscape sweep}: one labour rule at several levels times several seeds. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs the model for every level of one labour rule and every seed, then writes, per level,"
                + " each measure's mean over the seeds with its 95%% confidence interval to sweep.html,"
                + " sweep.json and sweep.csv in --out (each run's own outputs in KEY=LEVEL/seed-S/).",
                "An interrupted sweep resumes: runs with a summary.json are read, not run again.",
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
        Path page;
        try {
            page = Sweep.run(base, key, levels, seeds, out, line -> {
                stdout.println(line);
                stdout.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--out: " + e.getMessage());
        }
        stdout.println("report " + page);
        return 0;
    }
}
