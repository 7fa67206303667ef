package io.ownerscape.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.Recorder;
import io.ownerscape.engine.Schedule;
import io.ownerscape.model.Economy;
import io.ownerscape.model.MetricsRecorder;
import io.ownerscape.model.MonthlyMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one simulation and writes its outputs: {@code summary.json}, {@code results.duckdb}, one
 * Parquet file per table, {@code report.html} and {@code charts/}.
 *
 * <p>Everything is written into a fresh sibling directory first and renamed into place only when
 * complete, so a failed or interrupted run leaves no half-written output behind, and an earlier
 * output in the same place is replaced whole.
 */
public final class SimulationRun {

    /** Told after every month, for progress displays. */
    @FunctionalInterface
    public interface Progress {
        void month(int done, int total, MonthlyMetrics metrics);
    }

    /**
     * What a run produced.
     *
     * @param outputDir  where the files are
     * @param summary    the content of summary.json
     * @param last       the final month's metrics
     */
    public record Result(Path outputDir, ObjectNode summary, MonthlyMetrics last) {
    }

    private SimulationRun() {
    }

    /**
     * Checks that {@code out} can receive a run's files: a new directory, an empty one, or the
     * output of an earlier run (which is then replaced whole). A regular file, or a directory
     * holding anything else, is refused, so that no unrelated file is ever overwritten.
     *
     * @return an error message, or null if the path is usable
     */
    public static String checkOutput(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            return "--out " + out + ": is the file-system root; allowed: a directory below it";
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            return "--out " + out + ": is an existing file; allowed: a new directory, an empty one,"
                    + " or an earlier run's output";
        }
        if (Files.isDirectory(absolute) && !Files.exists(absolute.resolve("summary.json"))) {
            try (Stream<Path> entries = Files.list(absolute)) {
                if (entries.findAny().isPresent()) {
                    return "--out " + out + ": is a directory that holds other files and no earlier run's"
                            + " summary.json; allowed: a new directory, an empty one, or an earlier run's output";
                }
            } catch (IOException e) {
                return "--out " + out + ": cannot be read: " + e.getMessage();
            }
        }
        Path parent = absolute.getParent();
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            return "--out " + out + ": parent " + parent + " is a file; allowed: a directory path";
        }
        return null;
    }

    /** Runs the simulation described by {@code settings} and writes its outputs to {@code out}. */
    public static Result execute(RunSettings settings, Path out, Progress progress)
            throws IOException, SQLException {
        String bad = checkOutput(out);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        RunMetadata meta = RunMetadata.current();
        Path absolute = out.toAbsolutePath().normalize();
        Path parent = Files.createDirectories(absolute.getParent());
        Path staging = Files.createDirectory(parent.resolve("." + absolute.getFileName() + ".partial-"
                + Long.toHexString(System.nanoTime()) + "-" + ProcessHandle.current().pid()));
        // An interrupted run (Ctrl-C) removes its staging directory too.
        Thread cleanup = new Thread(() -> {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // Best effort at exit; the directory's name says it is partial.
            }
        }, "ownerscape-staging-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean done = false;
        try {
            Result r = writeInto(staging, settings, progress, meta);
            publish(staging, absolute);
            done = true;
            return new Result(absolute, r.summary(), r.last());
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            if (!done) {
                deleteTree(staging);
            }
        }
    }

    /**
     * A simulation stepped to its end in memory.
     *
     * @param economy  the final state
     * @param recorder what was recorded each month
     * @param summary  the content of summary.json
     * @param seconds  wall-clock seconds from building the economy to its last month
     */
    public record Simulated(Economy economy, MetricsRecorder recorder, ObjectNode summary, double seconds) {
        public String stateHash() {
            return summary.get("state_hash").asText();
        }
    }

    /**
     * Builds the economy {@code settings} describe, steps it through every month with
     * {@code recorder} and {@code extra} watching, and summarises it: the one place a run is set
     * up, for single runs and for experiments.
     */
    public static Simulated simulate(RunSettings settings, ParallelExecutor executor, MetricsRecorder recorder,
                                     Recorder<Economy> extra, Progress progress, RunMetadata meta) {
        long start = System.nanoTime();
        long activations = 0;
        Economy economy = new Economy(settings.model(), settings.labour(), settings.platforms(),
                settings.ruling(), settings.seed(), executor);
        economy.state().schedule(settings.schedule());
        Schedule<Economy> schedule = economy.schedule().watch(recorder);
        if (extra != null) {
            schedule.watch(extra);
        }
        for (int m = 0; m < settings.months(); m++) {
            schedule.step();
            activations += economy.activations();
            progress.month(m + 1, settings.months(), recorder.last());
        }
        return summarise(settings, economy, recorder, (System.nanoTime() - start) / 1e9, activations, meta);
    }

    /**
     * Summarises an economy stepped by some other driver (a live run in the dashboard) as
     * {@link #simulate} summarises its own: {@code settings.months()} must be the months stepped,
     * and {@code recorder} must have watched every one of them.
     */
    public static Simulated summarise(RunSettings settings, Economy economy, MetricsRecorder recorder,
                                      double seconds, long activations, RunMetadata meta) {
        ObjectNode summary = Summary.of(settings, recorder, economy.stateHash(), seconds,
                economy.columnBytes(), activations, meta, economy.wealthGini(), economy.labourHhiMean());
        Summary.addPolitics(summary, recorder, economy.state(), economy.labour());
        return new Simulated(economy, recorder, summary, seconds);
    }

    private static Result writeInto(Path dir, RunSettings settings, Progress progress,
                                    RunMetadata meta) throws IOException, SQLException {
        try (ParallelExecutor executor = new ParallelExecutor(settings.threads());
             ResultsStore store = new ResultsStore(dir.resolve("results.duckdb"))) {
            MetricsRecorder recorder = new MetricsRecorder((m, dist) -> {
                try {
                    store.appendMonth(m, m.month() <= settings.burnIn());
                } catch (SQLException e) {
                    throw new UncheckedIOException(new IOException("results store: " + e.getMessage(), e));
                }
            });
            Recorder<Economy> panel = !settings.firmPanel() ? null : (step, e) -> {
                if (e.month() % 12 == 0) {
                    try {
                        store.appendFirmPanel(e, e.month() / 12);
                    } catch (SQLException ex) {
                        throw new UncheckedIOException(new IOException("results store: " + ex.getMessage(), ex));
                    }
                }
            };
            Simulated run = simulate(settings, executor, recorder, panel, progress, meta);
            Economy economy = run.economy();
            ObjectNode summary = run.summary();
            store.putRegions(economy, recorder.last());
            double[] lorenz = economy.wealthLorenz(100);
            store.putWealthLorenz(lorenz);
            store.putSizeDistribution(recorder.lastDistribution());
            Iterator<Map.Entry<String, JsonNode>> fields = summary.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                store.putRun(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
            store.exportParquet(dir);
            Summary.write(summary, dir.resolve("summary.json"));
            Map<String, String> flat = new LinkedHashMap<>();
            summary.fields().forEachRemaining(e -> {
                if (!e.getValue().isContainerNode()) {
                    flat.put(e.getKey(), e.getValue().asText());
                }
            });
            HtmlReport.write(dir, settings, recorder.history(), recorder.lastDistribution(), flat, meta, lorenz,
                    economy.state().elections());
            return new Result(dir, summary, recorder.last());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Puts the staged directory in place of {@code out} by renames: an earlier output (or empty
     * directory) is first renamed aside, then the staged directory takes its name, then the old one
     * is deleted. At every moment {@code out} is either the old output or the complete new one.
     */
    private static void publish(Path staging, Path out) throws IOException {
        if (!Files.exists(out)) {
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = out.resolveSibling("." + out.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
        Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
