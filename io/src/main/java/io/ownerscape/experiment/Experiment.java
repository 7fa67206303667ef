package io.ownerscape.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.io.ModelBuild;
import io.ownerscape.io.RunMetadata;
import io.ownerscape.io.Summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs an experiment into a directory and judges it: {@code experiment.duckdb} (written as runs
 * finish), {@code parquet/} (every table), {@code verdicts.json}, {@code verdicts.csv},
 * {@code sensitivity.csv} (with a sensitivity design), {@code charts/} and {@code report.html}.
 * Runs already in the store are skipped, so an interrupted experiment resumes where it stopped.
 */
public final class Experiment {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Told as runs finish. */
    public interface Progress {
        /** Before the first run: how many there are and how many finished earlier. */
        void start(int total, int finishedEarlier);

        /** After each run is stored. */
        void finished(RunOutcome outcome);
    }

    /**
     * What an experiment produced.
     *
     * @param report      path of report.html
     * @param hypotheses  the judged hypotheses
     * @param sensitivity sensitivity results by output (empty without a design)
     * @param runs        runs in the store
     * @param ranNow      runs executed by this call
     * @param seconds     wall-clock seconds of this call
     * @param transferTrial the transfer trial's effects per scenario (empty without a trial)
     * @param stored      every run in the store, as the analysis read it back
     */
    public record Result(Path report, List<Hypotheses.Result> hypotheses,
                         Map<String, List<?>> sensitivity, int runs, int ranNow, double seconds,
                         List<TransferTrialResults.Row> transferTrial, List<ExperimentStore.StoredRun> stored) {
    }

    private Experiment() {
    }

    /** An output directory that cannot take this experiment; the message is ready for the user. */
    public static final class OutputException extends RuntimeException {
        public OutputException(String message) {
            super(message);
        }
    }

    /** Checks that {@code out} can hold an experiment: new, empty, or an earlier one's directory. */
    public static String checkOutput(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return "--out " + out + ": is a file; allowed: a new directory, an empty one, or an earlier experiment's";
        }
        if (Files.isDirectory(out) && !Files.exists(out.resolve("experiment.duckdb"))) {
            try (var list = Files.list(out)) {
                if (list.findAny().isPresent()) {
                    return "--out " + out + ": holds other files and no experiment.duckdb; allowed: a new directory,"
                            + " an empty one, or an earlier experiment's";
                }
            } catch (IOException e) {
                return "--out " + out + ": cannot be read: " + e.getMessage();
            }
        }
        return null;
    }

    /** The store's key for the {@link ModelBuild} its runs came from. */
    static final String MODEL_BUILD = "model_build";

    /**
     * Refuses to resume from runs of another build of the model: results of two builds are never
     * pooled, though the experiment file is the same.
     */
    private static void requireSameModelBuild(ExperimentStore store, String build, Path out) throws SQLException {
        List<Object[]> rows = store.query("SELECT value FROM experiment WHERE key = '" + MODEL_BUILD + "'");
        String stored = rows.isEmpty() ? null : String.valueOf(rows.get(0)[0]);
        if (!build.equals(stored)) {
            throw new OutputException(out + " holds runs of another build of the model ("
                    + (stored == null ? "a store of an earlier version, which did not record its build"
                    : "model build " + stored) + "; this build is " + build
                    + "): runs of two builds are not pooled; use another --out, or delete that directory to start again");
        }
    }

    /** Runs what is not yet in the store, then judges every run and writes the outputs. */
    public static Result run(ExperimentPlan plan, Path out, Backend backend, int threadsPerRun, Progress progress,
                             Consumer<String> log) throws Exception {
        long start = System.nanoTime();
        String bad = checkOutput(out);
        if (bad != null) {
            throw new OutputException(bad);
        }
        Files.createDirectories(out);
        // Judged outputs of an earlier call stop being current as soon as this one may add runs.
        for (String stale : List.of(COMPLETE_MARKER, "verdicts.json", "verdicts.csv")) {
            Files.deleteIfExists(out.resolve(stale));
        }
        RunMetadata meta = RunMetadata.current();
        Map<String, String> about = new LinkedHashMap<>();
        about.put("name", plan.name());
        about.put("description", plan.description());
        about.put("file", plan.file().toString());
        about.put("file_text", plan.text());
        about.put("ownerscape_version", meta.version());
        about.put("git_commit", meta.gitCommit());
        String build = ModelBuild.fingerprint();
        about.put(MODEL_BUILD, build);
        List<RunSpec> specs = plan.runs(threadsPerRun);
        int ranNow = 0;
        try (ExperimentStore store = new ExperimentStore(out.resolve("experiment.duckdb"), plan.fingerprint(), about)) {
            requireSameModelBuild(store, build, out);
            Set<String> finished = store.finished();
            // Longest runs first (elections fork the world for forecasts, about 2.5 times the work),
            // so that no core idles on a long run at the end; results do not depend on the order.
            List<RunSpec> todo = specs.stream().filter(s -> !finished.contains(s.runId()))
                    .sorted(java.util.Comparator.comparingDouble(Experiment::expectedCost).reversed()).toList();
            log.accept(String.format("experiment %s: %d runs (%d scenarios x %d design points x %d seeds); %d finished"
                            + " earlier; %d to run on the %s", plan.name(), specs.size(), plan.scenarios().size(),
                    specs.size() / Math.max(1, plan.scenarios().size() * plan.seeds().size()), plan.seeds().size(),
                    specs.size() - todo.size(), todo.size(), backend.describe()));
            for (String w : plan.warnings()) {
                log.accept("note: " + w);
            }
            progress.start(specs.size(), specs.size() - todo.size());
            int[] count = {0};
            backend.execute(todo, o -> {
                store.write(o);
                count[0]++;
                progress.finished(o);
            });
            ranNow = count[0];
            double seconds = (System.nanoTime() - start) / 1e9;
            store.putAbout("machine", meta.machine());
            store.putAbout("jdk", meta.jdk());
            store.putAbout("backend", backend.describe());
            store.putAbout("last_wall_seconds", String.format("%.1f", seconds));
            List<ExperimentStore.StoredRun> runs = store.runs();
            List<Hypotheses.Result> judged = Hypotheses.judge(runs, plan.hypotheses());
            Map<String, List<?>> sensitivity = sensitivity(plan, runs);
            Path parquet = Files.createDirectories(out.resolve("parquet"));
            store.exportParquet(parquet);
            writeSensitivity(out, plan, sensitivity);
            double total = (System.nanoTime() - start) / 1e9;
            Path report = ExperimentReport.write(out, plan, store, runs, judged, sensitivity, meta, backend.describe(),
                    total, ranNow);
            // The verdicts after the report, the marker last: a directory with verdicts has its
            // report, and one with the marker has everything.
            writeVerdicts(out, judged);
            writeMarker(out, meta, runs.size());
            return new Result(report, judged, sensitivity, runs.size(), ranNow, (System.nanoTime() - start) / 1e9,
                    TransferTrialResults.rows(runs, plan), runs);
        }
    }

    /** Written last into an experiment's directory: its presence says every output is current. */
    public static final String COMPLETE_MARKER = "complete.json";

    private static void writeMarker(Path out, RunMetadata meta, int runs) throws IOException {
        ObjectNode marker = JSON.createObjectNode();
        marker.put("complete", true);
        marker.put("runs", runs);
        marker.put("ownerscape_version", meta.version());
        marker.put("git_commit", meta.gitCommit());
        marker.put(MODEL_BUILD, ModelBuild.fingerprint());
        marker.put("finished_at", java.time.Instant.now().toString());
        io.ownerscape.io.AtomicFiles.writeString(out.resolve(COMPLETE_MARKER), JSON.writeValueAsString(marker));
    }

    /** A run's expected work, for ordering only: person-months, elections counted 2.5 times. */
    static double expectedCost(RunSpec s) {
        double work = (double) s.settings().model().persons() * s.settings().months();
        return s.settings().labour().elections() && !s.settings().labour().lockIn() ? 2.5 * work : work;
    }

    /**
     * The outputs a sensitivity analysis covers: every measure and the per-run hypothesis effects,
     * but not the size classes one by one nor the calibration targets (which repeat other measures).
     */
    static List<String> sensitivityOutputs() {
        List<String> out = new ArrayList<>();
        for (String h : Hypotheses.PER_RUN) {
            out.add(h + ".effect");
        }
        out.addAll(ExperimentRun.measureNames().stream().filter(m -> !m.startsWith("firm_share.")
                && !m.startsWith("employment_share.") && !m.startsWith(ExperimentRun.CALIBRATION_PREFIX)).toList());
        return out;
    }

    /**
     * Morris or Sobol measures of every output per scenario, keyed "SCENARIO / OUTPUT"; each design
     * point's output is its mean over seeds.
     */
    static Map<String, List<?>> sensitivity(ExperimentPlan plan, List<ExperimentStore.StoredRun> runs) {
        Map<String, List<?>> out = new LinkedHashMap<>();
        ExperimentPlan.SensitivitySpec spec = plan.sensitivity();
        if (spec == null) {
            return out;
        }
        for (String scenario : plan.scenarios().keySet()) {
            Map<Integer, List<ExperimentStore.StoredRun>> byPoint = new LinkedHashMap<>();
            for (ExperimentStore.StoredRun r : runs) {
                if (r.scenario().equals(scenario) && r.design().equals(spec.method())) {
                    byPoint.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
                }
            }
            for (String output : sensitivityOutputs()) {
                double[] y = new double[spec.points().size()];
                for (int i = 0; i < y.length; i++) {
                    List<Double> values = new ArrayList<>();
                    for (ExperimentStore.StoredRun r : byPoint.getOrDefault(i, List.of())) {
                        values.add(output.endsWith(".effect")
                                ? Hypotheses.perRunEffect(output.substring(0, output.indexOf('.')), r)
                                : Hypotheses.m(r, output));
                    }
                    // Common seeds at every point: a point where some seed has no value gets none,
                    // rather than a mean over other seeds than its neighbours'.
                    y[i] = values.stream().anyMatch(v -> Double.isNaN(v)) ? Double.NaN : Stats.mean(values).estimate();
                }
                if (java.util.Arrays.stream(y).allMatch(Double::isNaN)) {
                    continue;
                }
                out.put(scenario + " / " + output, spec.method().equals("sobol")
                        ? Sensitivity.sobol(spec.factors(), spec.points(), y)
                        : Sensitivity.morris(spec.factors(), spec.points(), y));
            }
        }
        return out;
    }

    private static void writeVerdicts(Path out, List<Hypotheses.Result> judged) throws IOException {
        ArrayNode root = JSON.createArrayNode();
        StringBuilder csv = new StringBuilder("hypothesis,verdict,estimate,ci95_low,ci95_high,n,statistic,reason,driver\n");
        for (Hypotheses.Result r : judged) {
            ObjectNode o = root.addObject();
            o.put("hypothesis", r.name());
            o.put("claim", r.claim());
            o.put("definition", r.definition());
            o.put("statistic", r.statistic());
            o.put("verdict", r.test().verdict().label());
            Summary.putNumber(o, "estimate", r.test().effect().estimate());
            Summary.putNumber(o, "ci95_low", r.test().effect().low());
            Summary.putNumber(o, "ci95_high", r.test().effect().high());
            o.put("n", r.test().effect().n());
            o.put("reason", r.test().reason());
            o.put("driver", r.driver());
            o.put("holds", r.holds());
            ArrayNode cells = o.putArray("robustness");
            for (Hypotheses.Cell c : r.cells()) {
                ObjectNode cell = cells.addObject();
                cell.put("dimension", c.dimension());
                cell.put("condition", c.condition());
                cell.put("runs", c.runs());
                cell.put("verdict", c.test().verdict().label());
                Summary.putNumber(cell, "estimate", c.test().effect().estimate());
                Summary.putNumber(cell, "ci95_low", c.test().effect().low());
                Summary.putNumber(cell, "ci95_high", c.test().effect().high());
            }
            csv.append(String.join(",", r.name(), r.test().verdict().label(), num(r.test().effect().estimate()),
                    num(r.test().effect().low()), num(r.test().effect().high()), Integer.toString(r.test().effect().n()),
                    quote(r.statistic()), quote(r.test().reason()), quote(r.driver()))).append('\n');
        }
        io.ownerscape.io.AtomicFiles.writeString(out.resolve("verdicts.csv"), csv);
        io.ownerscape.io.AtomicFiles.writeString(out.resolve("verdicts.json"), JSON.writeValueAsString(root));
    }

    private static void writeSensitivity(Path out, ExperimentPlan plan, Map<String, List<?>> sensitivity)
            throws IOException {
        if (plan.sensitivity() == null) {
            return;
        }
        StringBuilder csv = new StringBuilder(plan.sensitivity().method().equals("sobol")
                ? "scenario,output,factor,first_order,first_low,first_high,total,total_low,total_high\n"
                : "scenario,output,factor,mu,mu_star,sigma,effects\n");
        for (var e : sensitivity.entrySet()) {
            String[] parts = e.getKey().split(" / ", 2);
            for (Object o : e.getValue()) {
                if (o instanceof Sensitivity.Morris m) {
                    csv.append(String.join(",", parts[0], parts[1], m.factor(), num(m.mu()), num(m.muStar()),
                            num(m.sigma()), Integer.toString(m.effects()))).append('\n');
                } else if (o instanceof Sensitivity.Sobol s) {
                    csv.append(String.join(",", parts[0], parts[1], s.factor(), num(s.first()), num(s.firstLow()),
                            num(s.firstHigh()), num(s.total()), num(s.totalLow()), num(s.totalHigh()))).append('\n');
                }
            }
        }
        io.ownerscape.io.AtomicFiles.writeString(out.resolve("sensitivity.csv"), csv);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
