package io.ownerscape.cli;

import io.ownerscape.calibration.Calibration;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SimulationRun;
import io.ownerscape.model.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ownerscape calibrate}: the baseline over several seeds against every calibration target. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Runs the baseline once per seed, one after another with all --threads each, and judges every"
                + " calibration target (docs/VALIDATION.md §0): prints the table (band, each seed's value, mean, range,"
                + " pass or miss) and writes calibration.json and calibration.html into --out. A target passes when"
                + " every seed's value lies in its band; a miss is a finding, so the exit code is 0 either way.",
                "Defaults: preset market, 1,000,000 persons, 600 months, seeds 1 to 3 (about 3 x 3.5 minutes on 2"
                        + " cores).",
                "Example: calibrate --persons 100000 --months 300 --seeds 2 --out runs/calibration-small"})
final class CalibrateCommand implements Callable<Integer> {
    /** Most seeds one calibration may run. */
    static final int MAX_SEEDS = 100;

    @Mixin
    ModelOptions options;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Seeds to run, from --seed on (default 3: seeds 1, 2, 3); 1 to " + MAX_SEEDS + ".")
    Integer seeds;

    @Option(names = "--seed-list", paramLabel = "S1,S2,...", split = ",",
            description = "The seeds to run, instead of --seeds and --seed, e.g. 1,7,9.")
    List<Long> seedList;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "calibration-out",
            description = "Output directory (default: ${DEFAULT-VALUE}): new, empty, or an earlier calibration's,"
                    + " whose files are replaced.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunSettings base = options.settings(1_000_000, 600, 0);
        if (Boolean.TRUE.equals(options.firmPanel)) {
            throw new BadInputException("--firm-panel: calibrate writes no run outputs, so no firm panel; allowed"
                    + " with run");
        }
        List<Long> chosen = seeds(base.seed());
        String bad = Calibration.checkOutput(out);
        if (bad != null) {
            throw new BadInputException(bad);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Ownerscape calibrate: preset %s, %,d persons, %d months, seeds %s, %d threads%n",
                base.preset().key(), base.model().persons(), base.months(), chosen, base.threads());
        stdout.flush();
        Calibration.Result result;
        try (SeedProgress progress = new SeedProgress(base.months(), stdout)) {
            result = Calibration.run(base, chosen, out, progress);
        }
        stdout.println();
        stdout.print(result.table().text());
        stdout.printf("%d runs in %.1f s%n", result.runs().size(), result.seconds());
        stdout.println("wrote " + result.json());
        stdout.println("report " + result.html());
        return 0;
    }

    /** The seeds: --seed-list, or --seeds of them from the settings' seed on. */
    private List<Long> seeds(long first) {
        if (seedList != null) {
            if (seeds != null || options.seed != null) {
                throw new BadInputException("--seed-list with " + (seeds != null ? "--seeds" : "--seed")
                        + ": give either the list or a count from a first seed");
            }
            if (seedList.isEmpty() || seedList.size() > MAX_SEEDS) {
                throw new BadInputException("--seed-list: " + seedList.size() + " seeds; allowed 1 to " + MAX_SEEDS);
            }
            var seen = new HashSet<Long>();
            for (long s : seedList) {
                if (!seen.add(s)) {
                    throw new BadInputException("--seed-list: seed " + s + " is listed twice; allowed: distinct seeds");
                }
            }
            return List.copyOf(seedList);
        }
        int n = seeds == null ? 3 : seeds;
        if (n < 1 || n > MAX_SEEDS) {
            throw new BadInputException("--seeds " + n + ": allowed 1 to " + MAX_SEEDS);
        }
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(first + k);
        }
        return out;
    }

    /** A progress display per seed, and a line as each seed finishes. */
    private static final class SeedProgress implements Calibration.Progress, AutoCloseable {
        private final int months;
        private final PrintWriter out;
        private ProgressDisplay current;

        SeedProgress(int months, PrintWriter out) {
            this.months = months;
            this.out = out;
        }

        @Override
        public SimulationRun.Progress started(long seed, int index, int count) {
            close();
            current = new ProgressDisplay("calibrate seed " + seed + " (" + index + "/" + count + ")", months, out);
            return current;
        }

        @Override
        public void finished(Calibration.SeedRun run, int index, int count) {
            close();
            out.printf("calibrate: seed %d (%d/%d) finished in %.1f s, state_hash %s%n", run.seed(), index, count,
                    run.seconds(), run.stateHash());
            out.flush();
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
