package io.ownerscape.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.io.RunMetadata;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SimulationRun;
import io.ownerscape.model.metrics.MetricsRecorder;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Preset;
import io.ownerscape.engine.ParallelExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calibration targets: the verdict rule, the two steady-state rules, and the table a run carries. */
class CalibrationTableTest {
    @TempDir
    Path dir;

    private static final double NAN = Double.NaN;

    @Test
    void targetsAreDeclaredOnceWithDistinctKeysSourcesAndNonEmptyBands() {
        assertEquals(20, Targets.ALL.size(), "issue 17's targets: 3 of pay and output, 14 of firms and labour, 3 JOLTS");
        var keys = new HashSet<String>();
        for (Target t : Targets.ALL) {
            assertTrue(keys.add(t.key()), "key declared twice: " + t.key());
            assertTrue(t.key().matches("[a-z0-9_.+-]+"), t.key());
            assertFalse(t.source().isBlank(), t.key());
            assertFalse(t.readFrom().isBlank(), t.key());
            assertTrue(t.low() < t.high(), t.key());
            if (!Double.isNaN(t.reference())) {
                assertTrue(t.inBand(t.reference()), t.key() + ": the band holds its own reference " + t.reference());
            }
        }
        // Bands derived from the sources: the JOLTS rates within a factor 1.5, SUSB 5-9 within 1.3.
        assertEquals(0.035 / 1.5, Targets.get("hires_rate").low(), 1e-15);
        assertEquals(0.035 * 1.5, Targets.get("hires_rate").high(), 1e-15);
        assertEquals(0.010 / 1.5, Targets.get("layoffs_rate").low(), 1e-15);
        assertEquals(0.162 / 1.3, Targets.get("firm_share.5-9").low(), 1e-15);
        assertEquals(0.0033 * 1.3, Targets.get("firm_share.500+").high(), 1e-15);
        assertEquals(0.48, Targets.get("firm_share.1-4").low());
        assertEquals(0.80, Targets.get("firm_share.1-4").high());
        assertEquals("5% to 14%", Targets.get("self_employed_share").band());
        assertEquals("at most 3%", Targets.get("largest_firm_share").band());
        assertEquals("at most +25%", Targets.get("largest_firm_trend").band());
        assertEquals("1.2 to 1.8", Targets.get("pay_mean_to_median").band());
        assertThrows(IllegalArgumentException.class, () -> Targets.get("no_such_target"));
    }

    @Test
    void aTargetPassesOnlyWhenEverySeedIsInsideItsBand() {
        Target share = Targets.get("self_employed_share");   // [0.05, 0.14]
        assertEquals(Verdict.PASS, Verdict.judge(share, List.of(0.06, 0.10, 0.13)));
        assertEquals(Verdict.PASS, Verdict.judge(share, List.of(0.05, 0.14)), "bounds are inside");
        assertEquals(Verdict.MISS, Verdict.judge(share, List.of(0.06, 0.10, 0.1401)), "one seed outside misses");
        assertEquals(Verdict.MISS, Verdict.judge(share, List.of(0.049, 0.10)));
        assertEquals(Verdict.NOT_MEASURED, Verdict.judge(share, List.of(0.06, NAN)), "a seed without a value");
        assertEquals(Verdict.MISS, Verdict.judge(share, List.of(NAN, 0.50)), "a miss outweighs a missing value");
        assertEquals(Verdict.NOT_MEASURED, Verdict.judge(share, List.of()));
        Target largest = Targets.get("largest_firm_share");  // at most 0.03, no lower bound
        assertEquals(Verdict.PASS, Verdict.judge(largest, List.of(0.0, 0.03)));
        assertEquals(Verdict.MISS, Verdict.judge(largest, List.of(0.0301)));
    }

    @Test
    void outputPerPersonDriftComparesTheLastTenYearsWithTheTenBefore() {
        double[] flat = new double[240];
        Arrays.fill(flat, 0, 120, 2.0);
        Arrays.fill(flat, 120, 240, 2.1);
        assertEquals(0.05, Targets.drift(flat, 120), 1e-12);
        double[] longer = new double[600];
        Arrays.fill(longer, 0, 480, 9.0);   // months before the two windows do not count
        Arrays.fill(longer, 360, 480, 1.0);
        Arrays.fill(longer, 480, 600, 0.85);
        assertEquals(-0.15, Targets.drift(longer, 120), 1e-12);
        Target drift = Targets.get("output_per_person_drift");
        assertTrue(drift.inBand(Targets.drift(flat, 120)));
        assertFalse(drift.inBand(Targets.drift(longer, 120)));
        assertTrue(Double.isNaN(Targets.drift(new double[239], 120)), "a run under 240 months does not measure it");
        assertTrue(Double.isNaN(Targets.drift(new double[240], 120)), "nor does one without output before");
    }

    @Test
    void theTrendRuleFitsALineThroughTheLastTenYears() {
        // 1,000 + 2k members in month k: over months 80-199 the line rises by 2 x 119 = 238
        // from a mean of 1,000 + 2 x 139.5 = 1,279.
        double[] rising = new double[200];
        for (int k = 0; k < rising.length; k++) {
            rising[k] = 1000 + 2 * k;
        }
        assertEquals(238.0 / 1279.0, Targets.relativeRise(rising, 120), 1e-12);
        Target trend = Targets.get("largest_firm_trend");
        assertTrue(trend.inBand(Targets.relativeRise(rising, 120)), "18.6% over 10 years is within noise");
        double[] runaway = new double[200];
        for (int k = 0; k < runaway.length; k++) {
            runaway[k] = 1000 + 3 * k;   // 357 over a mean of 1,418.5: 25.2%
        }
        assertFalse(trend.inBand(Targets.relativeRise(runaway, 120)));
        // Month-to-month noise around a level, and a fall, are not a rise.
        double[] noisy = new double[150];
        for (int k = 0; k < noisy.length; k++) {
            noisy[k] = 1500 + (k % 2 == 0 ? 100 : -100);
        }
        // Alternating +-100 tilts the fitted line by -6 x 100 / (120^2 - 1) a month: -0.33% over the window.
        assertEquals(-6.0 * 100 / (120 * 120 - 1) * 119 / 1500, Targets.relativeRise(noisy, 120), 1e-12);
        double[] falling = new double[120];
        for (int k = 0; k < falling.length; k++) {
            falling[k] = 5000 - 10 * k;
        }
        assertTrue(Targets.relativeRise(falling, 120) < 0);
        assertTrue(trend.inBand(Targets.relativeRise(falling, 120)));
        // Only the window counts: a climb before it does not.
        double[] settled = new double[300];
        for (int k = 0; k < 300; k++) {
            settled[k] = k < 180 ? 10 * k : 1800;
        }
        assertEquals(0, Targets.relativeRise(settled, 120), 1e-12);
        assertTrue(Double.isNaN(Targets.relativeRise(new double[119], 120)), "shorter than the window: not measured");
    }

    @Test
    void theTableHasAMeanRangeAndVerdictPerTargetInEveryRendering() {
        Map<String, Double> one = new LinkedHashMap<>();
        Map<String, Double> two = new LinkedHashMap<>();
        one.put("self_employed_share", 0.10);
        two.put("self_employed_share", 0.12);
        one.put("zipf_alpha", 1.0);
        two.put("zipf_alpha", 5.0);
        one.put("unemployment_rate", 0.05);      // the second seed did not measure it
        CalibrationTable table = CalibrationTable.of(List.of(1L, 2L), List.of(one, two));
        assertEquals(Targets.ALL.size(), table.rows().size());
        CalibrationTable.Row self = table.rows().stream().filter(r -> r.target().key().equals("self_employed_share"))
                .findFirst().orElseThrow();
        assertEquals(0.11, self.mean(), 1e-12);
        assertEquals(0.10, self.min());
        assertEquals(0.12, self.max());
        assertEquals(Verdict.PASS, self.verdict());
        assertEquals(1, table.passed());
        assertEquals("1 of 20 targets pass", table.countLine());

        var json = table.targetsJson();
        assertEquals(Targets.ALL.size(), json.size());
        for (int k = 0; k < json.size(); k++) {
            JsonNode row = json.get(k);
            assertEquals(Targets.ALL.get(k).key(), row.get("key").asText());
            for (String field : List.of("label", "unit", "band", "low", "high", "reference", "source", "read_from",
                    "values", "mean", "min", "max", "verdict")) {
                assertTrue(row.has(field), row.get("key") + " lacks " + field);
            }
            assertEquals(2, row.get("values").size());
        }
        JsonNode zipf = json.get(Targets.ALL.indexOf(Targets.get("zipf_alpha")));
        assertEquals("miss", zipf.get("verdict").asText());
        assertEquals(3.0, zipf.get("mean").asDouble());
        JsonNode unemployment = json.get(Targets.ALL.indexOf(Targets.get("unemployment_rate")));
        assertEquals("not measured", unemployment.get("verdict").asText());
        assertTrue(unemployment.get("values").get(1).isNull());
        assertTrue(json.get(Targets.ALL.indexOf(Targets.get("largest_firm_share"))).get("low").isNull(), "no lower bound");

        String text = table.text();
        assertEquals(Targets.ALL.size() + 2, text.lines().count(), "a header, a line per target and the count");
        for (Target t : Targets.ALL) {
            assertTrue(text.contains(t.label()), t.label());
        }
        assertTrue(text.contains("seed 1") && text.contains("seed 2") && text.contains("min-max"), text);
        String html = table.html();
        assertEquals(Targets.ALL.size() + 1, html.split("<tr>").length - 1, "a header row and a row per target");
        assertTrue(html.contains("1 of 20 targets pass"));
    }

    @Test
    void everyRunCarriesItsTableAndEveryTargetReadsAKeyTheRunWrites() throws Exception {
        // 2,000 persons over 130 months of the market preset: long enough for the trend window.
        RunSettings settings = new RunSettings(ModelParameters.defaults(2000), 130, 0, 3, 2, false, Preset.MARKET,
                Preset.MARKET.labour());
        SimulationRun.Simulated sim;
        try (ParallelExecutor executor = new ParallelExecutor(2)) {
            sim = SimulationRun.simulate(settings, executor, new MetricsRecorder(), null, (d, t, m) -> { },
                    RunMetadata.current());
        }
        JsonNode calibration = sim.summary().get("calibration");
        assertNotNull(calibration, "summary.json has the calibration table");
        Map<String, Double> values = CalibrationTable.valuesOf(sim.summary());
        for (Target t : Targets.ALL) {
            JsonNode row = calibration.get(t.key());
            assertNotNull(row, t.key());
            assertEquals(Verdict.judge(t, List.of(values.get(t.key()))).label(), row.get("verdict").asText(), t.key());
            if (t.key().equals("output_per_person_drift")) {
                assertTrue(row.get("value").isNull(), "130 months are too few for two 10-year windows");
                assertEquals("not measured", row.get("verdict").asText());
            } else if (!t.key().equals("zipf_alpha") && !t.key().equals("pay_size_elasticity")) {
                assertTrue(row.get("value").isNumber(), t.key() + " is read from a key the run writes: " + row);
            }
        }
        assertEquals(sim.summary().get("self_employed_share").asDouble(), values.get("self_employed_share"));
        assertEquals(sim.summary().at("/size_classes/500+/employment_share").asDouble(),
                values.get("employment_share.500+"));
        double[] largest = sim.recorder().history().stream().mapToDouble(m -> m.largestFirm()).toArray();
        assertEquals(Targets.relativeRise(largest, 120), values.get("largest_firm_trend"), 1e-12);

        // The run's report shows the same table.
        Path out = dir.resolve("run");
        SimulationRun.execute(settings.withSeed(3), out, (d, t, m) -> { });
        String html = Files.readString(out.resolve("report.html"));
        int at = html.indexOf("<h2 id=\"calibration\">");
        assertTrue(at > 0, "report.html has a calibration section");
        String section = html.substring(at, html.indexOf("<h2", at + 1));
        for (Target t : Targets.ALL) {
            assertTrue(section.contains(io.ownerscape.io.HtmlReport.escape(t.label())), t.label());
        }
        assertTrue(section.contains("<th>seed 3</th>"), "one column: the run's seed");
        JsonNode written = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(calibration, written.get("calibration"), "same seed, same table");
    }

    @Test
    void aCalibrationWritesEveryTargetAndRefusesADirectoryOfOtherFiles() throws Exception {
        RunSettings settings = new RunSettings(ModelParameters.defaults(1500), 24, 0, 1, 2, false, Preset.MARKET,
                Preset.MARKET.labour());
        Path out = dir.resolve("calibration");
        List<String> events = new ArrayList<>();
        Calibration.Result r = Calibration.run(settings, List.of(4L, 5L), out, new Calibration.Progress() {
            @Override
            public SimulationRun.Progress started(long seed, int index, int count) {
                events.add("start " + seed + " " + index + "/" + count);
                return (d, t, m) -> { };
            }

            @Override
            public void finished(Calibration.SeedRun run, int index, int count) {
                events.add("done " + run.seed());
            }
        });
        assertEquals(List.of("start 4 1/2", "done 4", "start 5 2/2", "done 5"), events);
        JsonNode json = new ObjectMapper().readTree(out.resolve(Calibration.JSON).toFile());
        assertEquals("[4,5]", json.get("seeds").toString());
        assertEquals(Targets.ALL.size(), json.get("targets").size());
        assertEquals(r.table().passed(), json.get("targets_passed").asInt());
        assertEquals(2, json.get("runs").size());
        assertEquals(r.runs().get(0).stateHash(), json.get("runs").get(0).get("state_hash").asText());
        JsonNode marker = new ObjectMapper().readTree(out.resolve(Calibration.COMPLETE_MARKER).toFile());
        assertTrue(marker.get("complete").asBoolean());

        // An earlier calibration's directory is taken again; one holding another file is not.
        assertNull(Calibration.checkOutput(out));
        Files.writeString(out.resolve("notes.txt"), "mine");
        String refusal = Calibration.checkOutput(out);
        assertTrue(refusal != null && refusal.contains("'notes.txt'") && refusal.startsWith("--out "), refusal);
        assertThrows(IllegalArgumentException.class, () -> Calibration.run(settings, List.of(1L), out,
                new Calibration.Progress() {
                    @Override
                    public SimulationRun.Progress started(long seed, int index, int count) {
                        throw new AssertionError("nothing runs into a refused directory");
                    }

                    @Override
                    public void finished(Calibration.SeedRun run, int index, int count) {
                    }
                }));
        assertTrue(Files.exists(out.resolve(Calibration.COMPLETE_MARKER)), "a refused call deletes nothing");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertTrue(Calibration.checkOutput(file).contains("is an existing file"));
    }

    @Test
    void aCalibrationKilledWhileItRunsLeavesNoCompleteLookingOutput() throws Exception {
        RunSettings settings = new RunSettings(ModelParameters.defaults(1500), 12, 0, 1, 1, false, Preset.MARKET,
                Preset.MARKET.labour());
        Path out = dir.resolve("again");
        Calibration.Progress quiet = new Calibration.Progress() {
            @Override
            public SimulationRun.Progress started(long seed, int index, int count) {
                return (d, t, m) -> { };
            }

            @Override
            public void finished(Calibration.SeedRun run, int index, int count) {
            }
        };
        Calibration.run(settings, List.of(1L), out, quiet);
        assertTrue(Files.exists(out.resolve(Calibration.COMPLETE_MARKER)));
        // The second call fails in its second seed, as a killed process would stop.
        assertThrows(IllegalStateException.class, () -> Calibration.run(settings, List.of(1L, 2L), out,
                new Calibration.Progress() {
                    @Override
                    public SimulationRun.Progress started(long seed, int index, int count) {
                        if (index == 2) {
                            throw new IllegalStateException("killed");
                        }
                        return (d, t, m) -> { };
                    }

                    @Override
                    public void finished(Calibration.SeedRun run, int index, int count) {
                    }
                }));
        for (String f : List.of(Calibration.COMPLETE_MARKER, Calibration.JSON, Calibration.HTML)) {
            assertFalse(Files.exists(out.resolve(f)), f + " of the earlier call is gone, none of this one's is written");
        }
    }

    @Test
    void theSummaryTableIsForOneRun() {
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("pay_mean_to_median", 1.3);
        summary.putObject("size_classes").putObject("500+").put("employment_share", 0.7);
        Observation run = new Observation(summary, new double[0], new double[0]);
        Map<String, Double> values = Targets.measure(run);
        assertEquals(1.3, values.get("pay_mean_to_median"));
        assertEquals(0.7, values.get("employment_share.500+"));
        assertTrue(Double.isNaN(values.get("managerial_share")), "absent keys are not measured");
        JsonNode table = CalibrationTable.of(List.of(1L), List.of(values)).summaryJson();
        assertEquals("pass", table.get("pay_mean_to_median").get("verdict").asText());
        assertEquals("miss", table.get("employment_share.500+").get("verdict").asText());
        assertEquals(0.4, table.get("employment_share.500+").get("low").asDouble());
        assertTrue(table.get("managerial_share").get("value").isNull());
        assertEquals("not measured", table.get("managerial_share").get("verdict").asText());
    }
}
