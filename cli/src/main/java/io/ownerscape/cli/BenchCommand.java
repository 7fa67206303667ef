package io.ownerscape.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.io.RunSettings;
import io.ownerscape.model.Economy;
import io.ownerscape.model.metrics.MetricsRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code ownerscape bench}: activations per second of the model's monthly step in a warm JVM.
 * Metrics recorders are off; only the model's own phases are timed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times the monthly step: builds the economy, runs --warmup months, then "
                + "--repeat windows of --months months, and prints a final JSON line with the medians: "
                + "activations a second, milliseconds a month, person-months a second, and the share of the "
                + "timed months spent in each phase of the month (docs/OUTPUTS.md §7).",
                "Defaults: 1,000,000 persons, 12 months per window, 60 warm-up months, 3 windows."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "60",
            description = "Months run before timing starts (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3",
            description = "Timed windows; the median is reported (default ${DEFAULT-VALUE}).")
    int repeat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunSettings s = options.settings(1_000_000, 12, 0);
        if (warmup < 0) {
            throw new BadInputException("--warmup " + warmup + ": allowed 0 or more");
        }
        if (repeat < 1 || repeat > 100) {
            throw new BadInputException("--repeat " + repeat + ": allowed 1 to 100");
        }
        PrintWriter out = spec.commandLine().getOut();
        long buildStart = System.nanoTime();
        try (ParallelExecutor executor = new ParallelExecutor(s.threads())) {
            Economy economy = new Economy(s.model(), s.labour(), s.platforms(), s.ruling(), s.seed(), executor);
            economy.state().schedule(s.schedule());
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            out.printf("built %,d persons in %.1f s; warming up %d months%n", s.model().persons(),
                    buildSeconds, warmup);
            for (int m = 0; m < warmup; m++) {
                economy.step();
            }
            double[] rates = new double[repeat];
            double[] msPerMonth = new double[repeat];
            long reviewStart = economy.reviewNanos();
            long[] phasesStart = economy.phaseNanos();
            long measuredStart = System.nanoTime();
            for (int r = 0; r < repeat; r++) {
                long activations = 0;
                long start = System.nanoTime();
                for (int m = 0; m < s.months(); m++) {
                    economy.step();
                    activations += economy.activations();
                }
                long elapsed = System.nanoTime() - start;
                rates[r] = activations / (elapsed / 1e9);
                msPerMonth[r] = elapsed / 1e6 / s.months();
                out.printf("window %d: %,.0f activations/s, %,.1f ms a month%n", r + 1, rates[r], msPerMonth[r]);
            }
            long measured = System.nanoTime() - measuredStart;
            double reviewShare = (double) (economy.reviewNanos() - reviewStart) / measured;
            long[] phasesEnd = economy.phaseNanos();
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            double medianMs = median(msPerMonth);
            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("persons", s.model().persons());
            json.put("threads", s.threads());
            json.put("jdk", Runtime.version().toString());
            json.put("months_per_window", s.months());
            json.put("warmup_months", warmup);
            json.put("preset", s.preset().key());
            json.put("substeps", s.model().substeps());
            json.put("sequential", s.model().sequential());
            json.put("activations_per_second", sorted[sorted.length / 2]);
            ArrayNode windows = json.putArray("windows_activations_per_second");
            for (double r : rates) {
                windows.add(r);
            }
            json.put("ms_per_month", medianMs);
            ArrayNode windowsMs = json.putArray("windows_ms_per_month");
            for (double ms : msPerMonth) {
                windowsMs.add(ms);
            }
            json.put("person_months_per_second", s.model().persons() / (medianMs / 1e3));
            json.put("review_share", reviewShare);
            ObjectNode shares = json.putObject("phase_shares");
            long timed = 0;
            for (io.ownerscape.model.Phase p : io.ownerscape.model.Phase.values()) {
                long ns = phasesEnd[p.ordinal()] - phasesStart[p.ordinal()];
                timed += ns;
                shares.put(p.key(), (double) ns / measured);
            }
            shares.put("other", (double) (measured - timed) / measured);
            json.put("observation_ms", observationMs(economy));
            json.put("bytes_per_person", (double) economy.columnBytes() / s.model().persons());
            json.put("peak_heap_bytes", peakHeap());
            json.put("build_seconds", buildSeconds);
            json.put("state_hash", economy.stateHash());
            out.println(json.toString());
        }
        return 0;
    }

    /**
     * What a run pays each month to observe the state on top of the month itself: the median of
     * fifteen observations of the final state by a metrics recorder, as every run takes them, in
     * milliseconds. The bench's months do not observe, so the first observations run code the
     * JIT has not compiled yet; the median passes over them.
     */
    private static double observationMs(Economy economy) {
        MetricsRecorder recorder = new MetricsRecorder();
        double[] ms = new double[15];
        for (int k = 0; k < ms.length; k++) {
            long start = System.nanoTime();
            recorder.record(economy.month(), economy);
            ms[k] = (System.nanoTime() - start) / 1e6;
        }
        return median(ms);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
