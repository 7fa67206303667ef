package io.ownerscape.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny experiment end to end: streaming store, resume, sensitivity and the report. */
class ExperimentRunTest {
    @TempDir
    Path dir;

    private static final String TINY = """
            name: tiny
            persons: 1500
            months: 36
            burn_in: 6
            seeds: 2
            scenarios:
              market: market
              central: {extends: centralisation, politics_start: 12, election_interval: 12}
            sensitivity:
              method: morris
              trajectories: 2
              factors:
                firing_cost: {min: 0, max: 6}
                lock_in: [false, true]
            """;

    /** Counts runs and can fail after a number of them, like a killed process. */
    private static final class Counting implements Experiment.Progress {
        final List<String> ids = new ArrayList<>();
        final int failAfter;
        int finishedEarlier = -1;

        Counting(int failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public void start(int total, int earlier) {
            finishedEarlier = earlier;
        }

        @Override
        public void finished(RunOutcome o) {
            ids.add(o.spec().runId());
            if (ids.size() == failAfter) {
                throw new IllegalStateException("simulated crash");
            }
        }
    }

    @Test
    void resumeSkipsExactlyTheFinishedRunsAndTheReportHasEverySection() throws Exception {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, TINY);
        ExperimentPlan plan = ExperimentFile.read(file);
        int total = plan.runs(1).size();
        assertEquals(2 * 6 * 2, total);
        Path out = dir.resolve("out");

        Counting first = new Counting(5);
        assertThrows(IllegalStateException.class,
                () -> Experiment.run(plan, out, new LocalBackend(2), 1, first, line -> { }));
        assertEquals(5, first.ids.size());
        assertFalse(Files.exists(out.resolve(Experiment.COMPLETE_MARKER)), "an interrupted experiment is not marked complete");
        assertFalse(Files.exists(out.resolve("verdicts.json")), "nor does it leave verdicts");

        Counting second = new Counting(-1);
        Experiment.Result r = Experiment.run(ExperimentFile.read(file), out, new LocalBackend(2), 1, second, line -> { });
        assertEquals(5, second.finishedEarlier);
        assertEquals(total - 5, second.ids.size());
        Set<String> overlap = new HashSet<>(first.ids);
        overlap.retainAll(second.ids);
        assertTrue(overlap.isEmpty(), "a finished run is never run again: " + overlap);
        Set<String> all = new HashSet<>(first.ids);
        all.addAll(second.ids);
        Set<String> planned = new HashSet<>();
        plan.runs(1).forEach(s -> planned.add(s.runId()));
        assertEquals(planned, all);
        assertEquals(total, r.runs());
        assertTrue(Files.exists(out.resolve(Experiment.COMPLETE_MARKER)), "a finished experiment is marked complete");

        // A third start finds nothing to do.
        Counting third = new Counting(-1);
        Experiment.run(plan, out, new LocalBackend(1), 1, third, line -> { });
        assertEquals(total, third.finishedEarlier);
        assertTrue(third.ids.isEmpty());

        String html = Files.readString(r.report());
        for (String id : List.of("verdicts", "H1", "H2", "H3", "H4", "H5", "H6", "H7", "time", "measures", "sensitivity",
                "calibration", "metadata")) {
            assertTrue(html.contains("<h2 id=\"" + id + "\">"), "report section " + id);
        }
        // The calibration table of the baseline: the first scenario; every run here varies a
        // factor, so its first design point, over the seeds.
        int at = html.indexOf("<h2 id=\"calibration\">");
        String calibration = html.substring(at, html.indexOf("<h2", at + 1));
        assertTrue(calibration.contains("<code>market</code> at its morris design point 0"), calibration);
        assertTrue(calibration.contains("<th>seed 1</th><th>seed 2</th><th>mean</th>"), "a column per seed");
        for (io.ownerscape.calibration.Target t : io.ownerscape.calibration.Targets.ALL) {
            assertTrue(calibration.contains(io.ownerscape.io.HtmlReport.escape(t.label())), t.label());
        }
        assertFalse(html.contains("<script"), "the report needs no script");
        assertTrue(html.contains("<svg"), "charts are inline");
        for (String f : List.of("verdicts.json", "verdicts.csv", "sensitivity.csv", "parquet/runs.parquet",
                "parquet/monthly.parquet", "parquet/measures.parquet", "parquet/votes_by_class.parquet",
                "charts/time_autonomy_index.png", "charts/time_autonomy_index.svg")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertEquals(7, r.hypotheses().size());
        assertTrue(r.sensitivity().containsKey("market / autonomy_index"), r.sensitivity().keySet().toString());
        assertEquals(2, r.sensitivity().get("market / autonomy_index").size(), "one row per factor");

        try (ExperimentStore store = new ExperimentStore(out.resolve("experiment.duckdb"), plan.fingerprint(),
                java.util.Map.of())) {
            Object months = store.query("SELECT count(*) FROM monthly").get(0)[0];
            assertEquals((long) total * 36, ((Number) months).longValue(), "every run's every month, once");
            Object classes = store.query("SELECT count(DISTINCT run_id) FROM classes").get(0)[0];
            assertEquals((long) total, ((Number) classes).longValue());
            Object targets = store.query("SELECT count(*) FROM measures WHERE measure LIKE 'calibration.%'").get(0)[0];
            assertEquals((long) total * io.ownerscape.calibration.Targets.ALL.size(), ((Number) targets).longValue(),
                    "every run stores every calibration target");
            Object unemployment = store.query("SELECT count(value) FROM measures WHERE measure ="
                    + " 'calibration.unemployment_rate'").get(0)[0];
            assertEquals((long) total, ((Number) unemployment).longValue(), "and its value where the run measures it");
        }

        // A failure while the report is written (here: a folder in its place) leaves neither the
        // marker nor verdicts that would look current.
        Files.delete(out.resolve("report.html"));
        Files.writeString(Files.createDirectories(out.resolve("report.html")).resolve("in-the-way"), "x");
        assertThrows(java.io.IOException.class, () -> Experiment.run(plan, out, new LocalBackend(1), 1, new Counting(-1),
                line -> { }));
        assertFalse(Files.exists(out.resolve(Experiment.COMPLETE_MARKER)));
        assertFalse(Files.exists(out.resolve("verdicts.json")));
        assertFalse(Files.exists(out.resolve("verdicts.csv")));

        // Another experiment may not write into this store.
        Files.writeString(file, TINY.replace("seeds: 2", "seeds: 3"));
        ExperimentPlan other = ExperimentFile.read(file);
        Experiment.OutputException e = assertThrows(Experiment.OutputException.class,
                () -> Experiment.run(other, out, new LocalBackend(1), 1, new Counting(-1), line -> { }));
        assertTrue(e.getMessage().contains("holds another experiment"), e.getMessage());
    }

    @Test
    void outcomesDoNotDependOnThreadsPerRun() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "persons: 2000\nmonths: 24\nseeds: [3]\nscenarios: {m: market}\n");
        ExperimentPlan plan = ExperimentFile.read(file);
        RunOutcome one = ExperimentRun.execute(plan.runs(1).get(0));
        RunOutcome two = ExperimentRun.execute(plan.runs(2).get(0));
        assertEquals(one.stateHash(), two.stateHash());
        assertEquals(one.measures(), two.measures());
    }

    /**
     * The transfer trial as an experiment: no hypothesis judged, each run's effects stored as
     * measures, the report's section and the pooled rows computed from the runs' estimates and
     * standard errors by inverse-variance weights.
     */
    @Test
    void transferTrialExperimentPoolsItsRunsAndReportsThem() throws Exception {
        Path file = dir.resolve("trial.yaml");
        Files.writeString(file, """
                name: trial
                persons: 3000
                months: 30
                burn_in: 6
                seeds: 2
                scenarios:
                  market: {extends: market, transfer_share: 0.1, transfer_start: 13, transfer_months: 12}
                hypotheses: []
                """);
        ExperimentPlan plan = ExperimentFile.read(file);
        assertTrue(plan.hypotheses().isEmpty());
        Experiment.Result r = Experiment.run(plan, dir.resolve("out"), new LocalBackend(2), 1, new Counting(-1),
                line -> { });
        assertTrue(r.hypotheses().isEmpty());
        List<ExperimentStore.StoredRun> runs;
        try (ExperimentStore store = new ExperimentStore(dir.resolve("out/experiment.duckdb"), plan.fingerprint(),
                java.util.Map.of())) {
            runs = store.runs();
        }
        TransferTrialResults.Row employment = r.transferTrial().stream()
                .filter(row -> row.key().equals("transfer_employment_effect")).findFirst().orElseThrow();
        double weights = 0;
        double sum = 0;
        for (ExperimentStore.StoredRun run : runs) {
            double se = Hypotheses.m(run, "transfer_employment_effect_se");
            assertTrue(se > 0);
            weights += 1 / (se * se);
            sum += Hypotheses.m(run, "transfer_employment_effect") / (se * se);
        }
        assertEquals(sum / weights, employment.pooled().estimate(), 1e-12);
        assertEquals(2, employment.pooled().n());
        assertEquals(6, r.transferTrial().size(), "six effects of the one scenario");
        String html = Files.readString(r.report());
        assertTrue(html.contains("<h2 id=\"transfer\">") && html.contains("OpenResearch"), "the trial's section");
    }

    @Test
    void theExampleTrialIsTheIssuesDesign() throws Exception {
        ExperimentPlan plan = ExperimentFile.read(Path.of("..", "examples", "transfer.experiment.yaml"));
        io.ownerscape.io.RunSettings s = plan.scenarios().get("market");
        assertEquals(100_000, s.model().persons());
        assertEquals(5, plan.seeds().size());
        assertEquals(0.02, s.labour().transferShare());
        assertEquals(0.02, s.labour().transferControl());
        assertEquals(36, s.labour().transferMonths());
        assertEquals(0.4, s.labour().transferReplacement());
        assertTrue(s.months() >= s.labour().transferStart() + 35 && s.labour().transferStart() > s.burnIn());
    }

    /**
     * Runs of another build of the model are not resumed from: the store records the build, and
     * a store of another build (or of a version that did not record it) is refused with both.
     */
    @Test
    void runsOfAnotherBuildOfTheModelAreNotResumedFrom() throws Exception {
        Path file = dir.resolve("build.yaml");
        Files.writeString(file, """
                name: build
                persons: 800
                months: 12
                burn_in: 2
                seeds: 1
                scenarios:
                  market: market
                hypotheses: []
                """);
        ExperimentPlan plan = ExperimentFile.read(file);
        Path out = dir.resolve("out");
        Experiment.run(plan, out, new LocalBackend(1), 1, new Counting(-1), line -> { });
        Counting again = new Counting(-1);
        Experiment.run(plan, out, new LocalBackend(1), 1, again, line -> { });
        assertEquals(1, again.finishedEarlier, "the same build resumes");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + out.resolve("experiment.duckdb").toAbsolutePath());
             var st = c.createStatement()) {
            st.execute("UPDATE experiment SET value = '0123456789abcdef' WHERE key = 'model_build'");
        }
        Experiment.OutputException e = assertThrows(Experiment.OutputException.class,
                () -> Experiment.run(plan, out, new LocalBackend(1), 1, new Counting(-1), line -> { }));
        assertTrue(e.getMessage().contains("another build of the model (model build 0123456789abcdef; this build is "
                + io.ownerscape.io.ModelBuild.fingerprint()), e.getMessage());
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + out.resolve("experiment.duckdb").toAbsolutePath());
             var st = c.createStatement()) {
            st.execute("DELETE FROM experiment WHERE key = 'model_build'");
        }
        e = assertThrows(Experiment.OutputException.class,
                () -> Experiment.run(plan, out, new LocalBackend(1), 1, new Counting(-1), line -> { }));
        assertTrue(e.getMessage().contains("did not record its build"), e.getMessage());
    }
}
