package io.ownerscape.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.Schedule;
import io.ownerscape.model.Economy;
import io.ownerscape.model.MetricsRecorder;
import io.ownerscape.model.MonthlyMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
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
 * <p>Everything is written into a fresh sibling directory first and moved into place only when
 * complete, so a failed or interrupted run leaves no half-written output behind.
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
     * Checks that {@code out} can receive a run's files: it must not be an existing regular file.
     *
     * @return an error message, or null if the path is usable
     */
    public static String checkOutput(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return "--out " + out + ": is an existing file; allowed: a new or existing directory";
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
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
        boolean done = false;
        try {
            Result r = writeInto(staging, settings, progress, meta);
            publish(staging, absolute);
            done = true;
            return new Result(absolute, r.summary(), r.last());
        } finally {
            if (!done) {
                deleteTree(staging);
            }
        }
    }

    private static Result writeInto(Path dir, RunSettings settings, Progress progress,
                                    RunMetadata meta) throws IOException, SQLException {
        long start = System.nanoTime();
        long activations = 0;
        try (ParallelExecutor executor = new ParallelExecutor(settings.threads());
             ResultsStore store = new ResultsStore(dir.resolve("results.duckdb"))) {
            Economy economy = new Economy(settings.model(), settings.seed(), executor);
            MetricsRecorder recorder = new MetricsRecorder((m, dist) -> {
                try {
                    store.appendMonth(m, m.month() <= settings.burnIn());
                } catch (SQLException e) {
                    throw new UncheckedIOException(new IOException("results store: " + e.getMessage(), e));
                }
            });
            Schedule<Economy> schedule = economy.schedule().watch(recorder);
            if (settings.firmPanel()) {
                schedule.watch((step, e) -> {
                    if (e.month() % 12 == 0) {
                        try {
                            store.appendFirmPanel(e, e.month() / 12);
                        } catch (SQLException ex) {
                            throw new UncheckedIOException(new IOException("results store: " + ex.getMessage(), ex));
                        }
                    }
                });
            }
            for (int m = 0; m < settings.months(); m++) {
                schedule.step();
                activations += economy.activations();
                progress.month(m + 1, settings.months(), recorder.last());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String hash = economy.stateHash();
            ObjectNode summary = Summary.of(settings, recorder, hash, seconds,
                    economy.columnBytes(), activations, meta);
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
            HtmlReport.write(dir, settings, recorder.history(), recorder.lastDistribution(), flat, meta);
            return new Result(dir, summary, recorder.last());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Moves the staged files into {@code out}, replacing files of the same name. */
    private static void publish(Path staging, Path out) throws IOException {
        if (!Files.exists(out)) {
            try {
                Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (FileAlreadyExistsException | java.nio.file.AtomicMoveNotSupportedException e) {
                Files.createDirectories(out);
            }
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
            for (Path p : entries) {
                Path target = out.resolve(p.getFileName().toString());
                if (Files.isDirectory(target) && !Files.isSymbolicLink(target)) {
                    deleteTree(target);
                }
                Files.move(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.delete(staging);
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
