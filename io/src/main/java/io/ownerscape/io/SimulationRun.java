package io.ownerscape.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.calibration.CalibrationTable;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.Recorder;
import io.ownerscape.engine.Schedule;
import io.ownerscape.model.Economy;
import io.ownerscape.model.metrics.MetricsRecorder;
import io.ownerscape.model.metrics.MonthlyMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one simulation and writes its outputs: {@code summary.json}, {@code results.duckdb}, one
 * Parquet file per table, {@code report.html} and {@code charts/}.
 *
 * <p>Everything is written into a fresh sibling directory first, {@value #COMPLETE_MARKER} last,
 * and renamed into place only when complete, so a failed or interrupted run leaves no half-written
 * output behind, and an earlier output in the same place is replaced whole.
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

    /** The file a run writes last into its directory: its presence says the output is complete. */
    public static final String COMPLETE_MARKER = "complete.json";

    /** Prefix of a run's staging directory beside its output, ended by the writing process's id. */
    static final String STAGING_PREFIX = ".ownerscape-partial-";
    /** Prefix of an earlier output renamed aside while the new one takes its place. */
    static final String OLD_PREFIX = ".ownerscape-old-";

    /** Whether {@code name} is a file or folder a run writes into its directory. */
    static boolean isRunOutput(String name) {
        return name.equals("summary.json") || name.equals("report.html") || name.equals("charts")
                || name.equals(COMPLETE_MARKER) || name.startsWith("results.duckdb") || name.endsWith(".parquet");
    }

    /** Whether {@code dir} holds a complete run's output and nothing else. */
    public static boolean isCompleteOutput(Path dir) {
        if (!Files.isRegularFile(dir.resolve(COMPLETE_MARKER))) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(p -> isRunOutput(p.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }

    /** As {@link #checkOutput(Path, boolean)} without {@code --force}. */
    public static String checkOutput(Path out) {
        return checkOutput(out, false);
    }

    /**
     * Checks that {@code out} can receive a run's files: a new directory, an empty one, or a
     * complete earlier run's output and nothing else (which is then replaced whole). A regular
     * file, or a directory holding anything else, is refused unless {@code force}, so that no
     * unrelated file is ever deleted by accident. The place must be writable: a probe directory is
     * made and removed beside it, so that a run of hours does not fail at its end.
     *
     * @return an error message, or null if the path is usable
     */
    public static String checkOutput(Path out, boolean force) {
        Path absolute;
        try {
            absolute = out.toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException | java.io.IOError e) {
            return "--out " + YamlSource.shorten(out) + ": not a usable path";
        }
        String shown = YamlSource.shorten(out);
        if (absolute.getParent() == null) {
            return "--out " + shown + ": is the file-system root; allowed: a directory below it";
        }
        for (Path part : absolute) {
            if (part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                return "--out " + shown + ": a name in it is longer than 255 bytes, more than file systems allow";
            }
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            return "--out " + shown + ": is an existing file; allowed: a new directory, an empty one,"
                    + " or a complete earlier run's output";
        }
        if (Files.isDirectory(absolute) && !force && !isCompleteOutput(absolute)) {
            String refusal = "; allowed: a new directory, an empty one, or a complete earlier run's output and nothing"
                    + " else; --force replaces the directory whole, deleting what it holds";
            try (Stream<Path> entries = Files.list(absolute)) {
                var names = entries.map(p -> p.getFileName().toString()).sorted().toList();
                if (!names.isEmpty() && !Files.isRegularFile(absolute.resolve(COMPLETE_MARKER))) {
                    return "--out " + shown + ": holds files but no " + COMPLETE_MARKER + ", so it is not a complete"
                            + " run's output (another program's files, or a run from before outputs were marked)" + refusal;
                }
                var other = names.stream().filter(n -> !isRunOutput(n)).findFirst();
                if (other.isPresent()) {
                    return "--out " + shown + ": holds a file no run writes ('" + YamlSource.shorten(other.get()) + "')"
                            + refusal;
                }
            } catch (IOException e) {
                return "--out " + shown + ": cannot be read: " + YamlSource.oneLine(e.getMessage());
            }
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return "--out " + shown + ": " + existing + " is a file; allowed: a directory path";
        }
        try {
            Path probe = Files.createTempDirectory(existing, ".ownerscape-probe-");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "--out " + shown + ": cannot write in " + existing + " (" + describe(e) + ")";
        }
        return null;
    }

    /** An I/O failure in one line: the file and the reason, no exception class. */
    public static String describe(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : e.getClass().getSimpleName();
            return (f.getFile() == null ? "" : f.getFile() + ": ") + YamlSource.oneLine(reason);
        }
        return YamlSource.oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** Runs the simulation described by {@code settings} and writes its outputs to {@code out}. */
    public static Result execute(RunSettings settings, Path out, Progress progress)
            throws IOException, SQLException {
        return execute(settings, out, false, progress);
    }

    /**
     * Runs the simulation described by {@code settings} and writes its outputs to {@code out};
     * with {@code force} an existing directory there is replaced whatever it holds. Staging
     * directories left by killed runs beside {@code out} are removed first.
     */
    public static Result execute(RunSettings settings, Path out, boolean force, Progress progress)
            throws IOException, SQLException {
        String bad = checkOutput(out, force);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        RunMetadata meta = RunMetadata.current();
        Path absolute = out.toAbsolutePath().normalize();
        Path parent = Files.createDirectories(absolute.getParent());
        removeAbandoned(parent);
        Path staging = Files.createDirectory(parent.resolve(STAGING_PREFIX + Long.toHexString(System.nanoTime())
                + "-" + ProcessHandle.current().pid()));
        // An interrupted run (Ctrl-C) removes its staging directory too; a killed one leaves it
        // for the next run beside it, which sees that its process is gone.
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
            writeMarker(staging, meta);
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

    /** Writes {@link #COMPLETE_MARKER}: what wrote the directory and when it finished. */
    static void writeMarker(Path dir, RunMetadata meta) throws IOException {
        ObjectNode marker = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        marker.put("complete", true);
        marker.put("ownerscape_version", meta.version());
        marker.put("git_commit", meta.gitCommit());
        marker.put("finished_at", java.time.Instant.now().toString());
        Summary.write(marker, dir.resolve(COMPLETE_MARKER));
    }

    /**
     * Removes the staging and set-aside directories in {@code parent} whose writing process is
     * no longer alive (a run killed before it could clean up); those of live runs are left.
     */
    static void removeAbandoned(Path parent) {
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!(name.startsWith(STAGING_PREFIX) || name.startsWith(OLD_PREFIX)) || !Files.isDirectory(p)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                    try {
                        deleteTree(p);
                    } catch (IOException ignored) {
                        // Left for the next run; it holds nothing anyone reads.
                    }
                }
            }
        } catch (IOException ignored) {
            // An unreadable parent shows itself when the staging directory is made.
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
        Summary.addTransferTrial(summary, economy.transferTrial());
        Summary.addCalibration(summary, settings.seed(), recorder.history());
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
                    economy.state().elections(), CalibrationTable.of(List.of(settings.seed()),
                            List.of(CalibrationTable.valuesOf(summary))));
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
        Path old = out.resolveSibling(OLD_PREFIX + Long.toHexString(System.nanoTime()) + "-" + ProcessHandle.current().pid());
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
