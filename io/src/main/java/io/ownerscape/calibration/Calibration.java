package io.ownerscape.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.io.AtomicFiles;
import io.ownerscape.io.HtmlReport;
import io.ownerscape.io.RunMetadata;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SimulationRun;
import io.ownerscape.io.Summary;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.metrics.MetricsRecorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ownerscape calibrate}: runs the baseline once per seed (one after another, each with all
 * its threads, in memory as an experiment's run is) and writes the table of every target into a
 * directory: {@value #JSON}, {@value #HTML} and {@value #COMPLETE_MARKER} last, each written whole
 * or not at all. A new call on the directory first deletes the last call's files, the marker
 * first, so a calibration killed while it runs leaves no output that looks complete.
 */
public final class Calibration {
    /** The table as JSON. */
    public static final String JSON = "calibration.json";
    /** The table as a self-contained page. */
    public static final String HTML = "calibration.html";
    /** Written last; its presence says the other two files are current. */
    public static final String COMPLETE_MARKER = "complete.json";
    /** Every file a calibration writes into its directory. */
    static final Set<String> OUTPUTS = Set.of(JSON, HTML, COMPLETE_MARKER);

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Calibration() {
    }

    /** Told as seeds start and finish. */
    public interface Progress {
        /** Before seed number {@code index} (from 1) of {@code count}; returns what watches its months. */
        SimulationRun.Progress started(long seed, int index, int count);

        /** After that seed's run. */
        void finished(SeedRun run, int index, int count);
    }

    /**
     * One seed's run.
     *
     * @param seed      the seed
     * @param stateHash the final state's hash (equal for equal runs, whatever the threads)
     * @param seconds   wall-clock seconds of the simulation
     */
    public record SeedRun(long seed, String stateHash, double seconds) {
    }

    /**
     * What a calibration produced.
     *
     * @param table   the judged table
     * @param runs    each seed's run, in order
     * @param json    path of {@value #JSON}
     * @param html    path of {@value #HTML}
     * @param seconds wall-clock seconds of the whole calibration
     */
    public record Result(CalibrationTable table, List<SeedRun> runs, Path json, Path html, double seconds) {
    }

    /**
     * Checks that {@code out} can take a calibration's files: a new directory, an empty one, or
     * one holding only the files a calibration writes (which are then replaced); the place must
     * be writable.
     *
     * @return an error message naming {@code --out}, or null if the path is usable
     */
    public static String checkOutput(Path out) {
        String allowed = "; allowed: a new directory, an empty one, or an earlier calibration's (" + JSON + ", "
                + HTML + ", " + COMPLETE_MARKER + " and nothing else)";
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return "--out " + out + ": is an existing file" + allowed;
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                var other = entries.map(p -> p.getFileName().toString())
                        .filter(n -> !OUTPUTS.contains(n) && !isPartial(n)).sorted().findFirst();
                if (other.isPresent()) {
                    return "--out " + out + ": holds a file calibrate does not write ('" + other.get() + "')" + allowed;
                }
            } catch (IOException e) {
                return "--out " + out + ": cannot be read: " + SimulationRun.describe(e);
            }
        }
        // The path checks and the probe for writability of a run's output hold here too; the
        // contents were checked above, so a run's own test of them is skipped.
        return SimulationRun.checkOutput(out, true);
    }

    /** Whether {@code name} is a temporary file of {@link AtomicFiles} left by a killed writer. */
    private static boolean isPartial(String name) {
        return name.startsWith(".") && OUTPUTS.stream().anyMatch(o -> name.startsWith("." + o + ".partial-"));
    }

    /**
     * Runs {@code base} with each seed, judges every target and writes the outputs into
     * {@code out}. Only the seed of {@code base} is replaced; its threads run each seed.
     */
    public static Result run(RunSettings base, List<Long> seeds, Path out, Progress progress) throws IOException {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds: none given; allowed: at least one");
        }
        String bad = checkOutput(out);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        long start = System.nanoTime();
        if (Files.isDirectory(out)) {
            // The marker first: from here until the new one, the directory does not claim to be complete.
            Files.deleteIfExists(out.resolve(COMPLETE_MARKER));
            Files.deleteIfExists(out.resolve(JSON));
            Files.deleteIfExists(out.resolve(HTML));
        }
        RunMetadata meta = RunMetadata.current();
        List<SeedRun> runs = new ArrayList<>();
        List<Map<String, Double>> values = new ArrayList<>();
        for (int k = 0; k < seeds.size(); k++) {
            RunSettings settings = base.withSeed(seeds.get(k));
            SimulationRun.Progress months = progress.started(settings.seed(), k + 1, seeds.size());
            SimulationRun.Simulated sim;
            try (ParallelExecutor executor = new ParallelExecutor(settings.threads())) {
                sim = SimulationRun.simulate(settings, executor, new MetricsRecorder(), null, months, meta);
            }
            SeedRun run = new SeedRun(settings.seed(), sim.stateHash(), sim.seconds());
            runs.add(run);
            values.add(CalibrationTable.valuesOf(sim.summary()));
            progress.finished(run, k + 1, seeds.size());
        }
        CalibrationTable table = CalibrationTable.of(seeds, values);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(out);
        Path json = out.resolve(JSON);
        Path html = out.resolve(HTML);
        AtomicFiles.writeString(json, MAPPER.writeValueAsString(json(base, table, runs, meta, seconds)));
        AtomicFiles.writeString(html, page(base, table, runs, meta, seconds));
        ObjectNode marker = MAPPER.createObjectNode();
        marker.put("complete", true);
        marker.put("targets", table.rows().size());
        marker.put("passed", table.passed());
        marker.put("ownerscape_version", meta.version());
        marker.put("git_commit", meta.gitCommit());
        marker.put("finished_at", java.time.Instant.now().toString());
        AtomicFiles.writeString(out.resolve(COMPLETE_MARKER), MAPPER.writeValueAsString(marker));
        return new Result(table, List.copyOf(runs), json, html, seconds);
    }

    /** The content of {@value #JSON} (keys in docs/OUTPUTS.md). */
    static ObjectNode json(RunSettings base, CalibrationTable table, List<SeedRun> runs, RunMetadata meta,
                           double seconds) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ownerscape_version", meta.version());
        root.put("git_commit", meta.gitCommit());
        root.put("jdk", meta.jdk());
        root.put("machine", meta.machine());
        root.put("preset", base.preset().key());
        root.put("persons", base.model().persons());
        root.put("months", base.months());
        root.put("burn_in", base.burnIn());
        root.put("threads", base.threads());
        ArrayNode seeds = root.putArray("seeds");
        table.seeds().forEach(seeds::add);
        root.set("parameters", Summary.parameters(base.model()));
        ObjectNode labour = root.putObject("labour_parameters");
        LabourKeys.toMap(base.labour()).forEach(labour::putPOJO);
        root.put("initial_ruling_platform", base.ruling() == null ? "" : base.ruling());
        root.put("targets_total", table.rows().size());
        root.put("targets_passed", table.passed());
        root.set("targets", table.targetsJson());
        ArrayNode each = root.putArray("runs");
        for (SeedRun r : runs) {
            ObjectNode o = each.addObject();
            o.put("seed", r.seed());
            o.put("state_hash", r.stateHash());
            o.put("seconds", r.seconds());
        }
        root.put("seconds", seconds);
        return root;
    }

    private static String page(RunSettings base, CalibrationTable table, List<SeedRun> runs, RunMetadata meta,
                               double seconds) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ownerscape calibration</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;")
                .append("color:#222;line-height:1.45}table{border-collapse:collapse;margin:1em 0;font-size:0.92em}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right;vertical-align:top}")
                .append("th{background:#f4f4f4}.meta td{text-align:left;font-family:monospace;font-size:0.85em}")
                .append("</style></head><body>\n<h1>Calibration of the <code>").append(HtmlReport.escape(base.preset().key()))
                .append("</code> baseline</h1>\n<p>").append(String.format("%,d", base.model().persons()))
                .append(" persons, ").append(base.months()).append(" months, ").append(table.seeds().size())
                .append(table.seeds().size() == 1 ? " seed (" : " seeds (").append(seedList(table.seeds()))
                .append("), each run separately. Every target of issue 17 with its source (docs/VALIDATION.md §0,"
                        + " ../shared/reference/calibration.md); rates and shares are the summary's 12-month means,"
                        + " size classes and the tail exponent the final month's.</p>\n");
        h.append(table.html());
        h.append("<h2>Rules</h2>\n<ul>")
                .append("<li>A target <b>passes</b> when every seed's value lies in its band, bounds included; one value"
                        + " outside it is a <b>miss</b>. A seed that cannot measure a target (a run too short for its"
                        + " window, no tail to fit) leaves it <b>not measured</b>, unless another seed missed it.</li>")
                .append("<li>Output per person: the mean of the last ").append(Targets.WINDOW)
                .append(" months over the mean of the ").append(Targets.WINDOW)
                .append(" months before, minus 1, within ±").append(Math.round(100 * Targets.DRIFT_LIMIT))
                .append("%: the model has no growth, so a steady state is flat.</li>")
                .append("<li>Largest firm not trending up: the least-squares line through the last ").append(Targets.WINDOW)
                .append(" months of the largest firm's members rises by at most ").append(Math.round(100 * Targets.RISE_LIMIT))
                .append("% of its mean there from the window's first month to its last. The steady baseline's own"
                        + " 10-year windows swing by up to about 22% (100,000 persons) and 14% (1,000,000); a"
                        + " runaway firm rose by about 90%.</li>")
                .append("<li>SUSB firm shares from 5-9 employees on: within a factor ").append(Targets.SUSB_FACTOR)
                .append(" of the 2022 share; JOLTS rates: within a factor ").append(Targets.JOLTS_FACTOR)
                .append(".</li></ul>\n");
        h.append("<h2>Runs</h2>\n<table><tr><th>seed</th><th>state hash</th><th>seconds</th></tr>\n");
        for (SeedRun r : runs) {
            h.append("<tr><td>").append(r.seed()).append("</td><td><code>").append(HtmlReport.escape(r.stateHash()))
                    .append("</code></td><td>").append(String.format("%.1f", r.seconds())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Run metadata</h2>\n<table class=\"meta\">\n");
        String[][] rows = {
                {"Ownerscape version", meta.version()}, {"git commit", meta.gitCommit()}, {"JDK", meta.jdk()},
                {"machine", meta.machine()}, {"threads per run", Integer.toString(base.threads())},
                {"burn-in", Integer.toString(base.burnIn())},
                {"wall time", String.format("%.1f s", seconds)},
                {"parameters", Summary.parameters(base.model()).toString()},
                {"labour rules", LabourKeys.toMap(base.labour()).toString()},
                {"ruling platform", base.ruling() == null ? "none" : base.ruling()},
                {"policy schedule", base.schedule().isEmpty() ? "none" : base.schedule().toString()}};
        for (String[] r : rows) {
            h.append("<tr><td>").append(HtmlReport.escape(r[0])).append("</td><td>").append(HtmlReport.escape(r[1]))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static String seedList(List<Long> seeds) {
        return String.join(", ", seeds.stream().map(String::valueOf).toList());
    }
}
