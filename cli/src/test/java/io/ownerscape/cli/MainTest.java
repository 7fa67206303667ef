package io.ownerscape.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    /** A world too large for the heap ends with what it needs and what to change, not a stack trace. */
    @Test
    void runningOutOfMemoryIsExplained() {
        assertTrue(Main.outOfMemory(new OutOfMemoryError("Java heap space")));
        assertTrue(Main.outOfMemory(new IllegalStateException("chunk 3",
                new RuntimeException(new OutOfMemoryError("Java heap space")))), "from a worker thread");
        assertFalse(Main.outOfMemory(new IllegalStateException("something else")));
        String advice = Main.outOfMemoryAdvice(20L << 30);
        assertTrue(advice.contains("20.0 GiB"), advice);
        assertTrue(advice.contains("165,000,000 persons"), advice);
        assertTrue(advice.contains("OWNERSCAPE_JAVA_OPTS=-Xmx"), advice);
    }
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private void assertBadInput(Outcome o, String... fragments) {
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        for (String f : fragments) {
            assertTrue(o.err().contains(f), "'" + f + "' missing from: " + o.err());
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"run", "demo", "experiment", "bench", "sweep", "calibrate"}) {
            Outcome o = run(c, "--help");
            assertEquals(0, o.code());
            assertTrue(o.out().contains(c.equals("experiment") ? "--spark-master" : "--persons"), c);
        }
    }

    @Test
    void serveRefusesBadFlagsAndABusyPort() throws Exception {
        assertBadInput(run("serve", "--port", "70000"), "--port 70000: allowed 0 (any free port) to 65535");
        assertBadInput(run("serve", "--threads", "0"), "--threads 0: allowed 1 to");
        assertBadInput(run("serve", "--max-runs", "100"), "--max-runs 100: allowed 1 to 64");
        assertBadInput(run("serve", "--store", dir.resolve("missing.duckdb").toString()), "--store", "no such file");
        Path notDuck = Files.writeString(dir.resolve("notes.duckdb"), "just text, no database");
        assertBadInput(run("serve", "--store", notDuck.toString()), "--store", "not a DuckDB database");
        assertBadInput(run("serve", "--host", "999.1.1.1", "--port", "0"), "--host 999.1.1.1:", "allowed: an address of this machine");
        assertBadInput(run("serve", "--host", "192.0.2.1", "--port", "0"), "--host 192.0.2.1: not an address of this machine");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertBadInput(run("serve", "--port", String.valueOf(taken.getLocalPort()), "--data", dir.toString()),
                    "cannot listen on 127.0.0.1:" + taken.getLocalPort(), "choose another --port");
        }
        Outcome help = run("serve", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--host") && help.out().contains("--store"), help.out());
    }

    @Test
    void unknownFlagIsBadInput() {
        assertBadInput(run("run", "--bogus"), "--bogus");
    }

    @Test
    void nonPositiveValuesAreBadInputAndNameTheSetting() {
        assertBadInput(run("run", "--persons", "0", "--out", dir.resolve("a").toString()), "persons = 0", "allowed");
        assertBadInput(run("run", "--months", "-3", "--out", dir.resolve("a").toString()), "months = -3");
        assertBadInput(run("run", "--threads", "0", "--out", dir.resolve("a").toString()), "threads = 0");
        assertBadInput(run("run", "--preset", "market", "--set", "transfer_share=1.5", "--out", dir.resolve("a").toString()),
                "transfer_share = 1.5", "allowed");
        assertBadInput(run("run", "--preset", "market", "--set", "transfer_share=0.02", "--months", "100",
                "--out", dir.resolve("a").toString()), "transfer_start = 240 with transfer_months = 36", "months = 100");
        assertFalse(Files.exists(dir.resolve("a")), "nothing written on bad input");
    }

    @Test
    void notANumberIsBadInput() {
        assertBadInput(run("run", "--persons", "lots"), "--persons", "lots");
    }

    @Test
    void outputThatIsAFileIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "keep");
        assertBadInput(run("run", "--persons", "1000", "--months", "2", "--out", file.toString()),
                "is an existing file");
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void outputHoldingAUsersFilesIsRefusedUnlessForcedAndUnwritableOutputIsBadInput() throws Exception {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("summary.json"), "{}");
        Files.writeString(out.resolve("draft.txt"), "my work");
        assertBadInput(run("run", "--persons", "500", "--months", "2", "--out", out.toString()),
                "--out " + out, "no complete.json", "--force");
        assertEquals("my work", Files.readString(out.resolve("draft.txt")));
        Outcome forced = run("run", "--persons", "500", "--months", "2", "--out", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Files.exists(out.resolve("draft.txt")));
        assertTrue(Files.exists(out.resolve("complete.json")));
        assertBadInput(run("run", "--persons", "500", "--months", "2", "--out", dir.resolve("x".repeat(300)).toString()),
                "longer than 255 bytes");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            Outcome proc = run("run", "--persons", "500", "--months", "2", "--out", "/proc/ownerscape-x");
            assertBadInput(proc, "--out /proc/ownerscape-x: cannot write in /proc");
            assertFalse(proc.err().contains("java.nio"), proc.err());
        }
    }

    @Test
    void binaryAndHostileScenarioFilesGetOneLine() throws Exception {
        Path binary = dir.resolve("photo.yaml");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        assertBadInput(run("validate", binary.toString()), "not a text file");
        Path shadow = Files.writeString(dir.resolve("s.yaml"), "extends: /etc/shadow\n");
        assertBadInput(run("validate", shadow.toString()), "an absolute path");
        Path big = Files.writeString(dir.resolve("big.yaml"), "firing_cost: " + "9x".repeat(500_000) + "\n");
        Outcome o = run("validate", big.toString());
        assertBadInput(o, "firing_cost");
        assertTrue(o.err().length() < 500, o.err().length() + " characters");
    }

    @Test
    void configErrorsNameLineColumnAndKey() throws Exception {
        Path cfg = Files.writeString(dir.resolve("c.yaml"), "persons: 1000\nmonths: x\n");
        assertBadInput(run("run", "--config", cfg.toString()), "c.yaml:2:", "'months'");
        Path unknown = Files.writeString(dir.resolve("u.yaml"), "persns: 1000\n");
        assertBadInput(run("run", "--config", unknown.toString()), "u.yaml:1:1", "unknown key 'persns'");
    }

    @Test
    void runWritesSummaryAndFlagsOverrideConfig() throws Exception {
        Path cfg = Files.writeString(dir.resolve("c.yaml"), "persons: 2000\nmonths: 50\nseed: 4\n");
        Path out = dir.resolve("out");
        Outcome o = run("run", "--config", cfg.toString(), "--months", "6", "--threads", "1",
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        var s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2000, s.get("persons").asInt());
        assertEquals(6, s.get("months").asInt(), "the flag overrides the file");
        assertEquals(4, s.get("seed").asInt());
    }

    @Test
    void marketPresetWritesLabourOutputsAndSetOverridesTheFile() throws Exception {
        Path cfg = Files.writeString(dir.resolve("m.yaml"), "preset: market\nfiring_cost: 2\n");
        Path out = dir.resolve("market");
        Outcome o = run("run", "--config", cfg.toString(), "--persons", "3000", "--months", "24",
                "--threads", "2", "--set", "firing_cost=4", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        var s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("market", s.get("preset").asText());
        assertEquals(4.0, s.get("labour_parameters").get("firing_cost").asDouble(), "--set beats the file");
        for (String key : new String[] {"managerial_share", "unemployment_rate", "class_shares",
                "managerial_share_by_size_class", "wealth_gini", "firms_by_layers", "autonomy_index",
                "autonomy_by_class", "autonomy_components"}) {
            assertTrue(s.has(key), key + " missing from summary.json");
        }
        double total = 0;
        for (var v : s.get("class_shares")) {
            total += v.asDouble();
        }
        assertEquals(1.0, total, 1e-9, "class shares add up to one");
        for (String table : new String[] {"labour", "classes", "class_transitions", "managers_by_size", "wealth_lorenz"}) {
            assertTrue(Files.exists(out.resolve(table + ".parquet")), table);
        }
    }

    @Test
    void marketAndAcquisitionsWriteTheirOutputs() throws Exception {
        Path out = dir.resolve("goods");
        Outcome o = run("run", "--preset", "market", "--persons", "3000", "--months", "30", "--threads", "2",
                "--set", "goods_market=true", "--set", "market_start=6", "--set", "acquisition_search=0.2",
                "--set", "independence_premium=0.5", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        var s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : new String[] {"small_owner_share", "small_owner_share_trend", "market", "customer_hhi",
                "acquisitions_per_year", "acquired_persons_per_year", "blocked_mergers_per_year",
                "acquisitions_by_acquirer_size", "top1_employment_share", "top10_employment_share"}) {
            assertTrue(s.has(key), key + " missing from summary.json");
        }
        assertTrue(s.get("acquisitions_per_year").asDouble() > 0, "deals happen at this search rate");
        for (String table : new String[] {"market", "acquisitions_by_size"}) {
            assertTrue(Files.exists(out.resolve(table + ".parquet")), table);
        }
        String report = Files.readString(out.resolve("report.html"));
        for (String chart : new String[] {"concentration", "acquisitions", "goods_market"}) {
            assertTrue(Files.exists(out.resolve("charts").resolve(chart + ".png")), chart);
        }
        assertTrue(report.contains("Firms bought each month"), "the acquisitions chart is in the report");
    }

    @Test
    void sweepWritesConfidenceIntervalsAndResumes() throws Exception {
        Path out = dir.resolve("sweep");
        String[] args = {"sweep", "--preset", "market", "--set", "goods_market=true", "--set", "market_start=6",
                "--vary", "demand_growth=-0.05,0.05", "--seeds", "2", "--persons", "2000", "--months", "18",
                "--burn-in", "6", "--threads", "2", "--out", out.toString()};
        Outcome o = run(args);
        assertEquals(0, o.code(), o.err());
        var json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertEquals("demand_growth", json.get("varied").asText());
        assertEquals(2, json.get("levels").size());
        var small = json.get("levels").get(0).get("small_owner_share");
        assertEquals(2, small.get("runs").size());
        double a = small.get("runs").get(0).asDouble();
        double b = small.get("runs").get(1).asDouble();
        double mean = (a + b) / 2;
        // t(0.975, 1) = 12.706: the interval of two values is mean +- 12.706 |a - b| / 2.
        assertEquals(mean, small.get("mean").asDouble(), 1e-9);
        assertEquals(mean + 12.7062047 * Math.abs(a - b) / 2, small.get("ci95_high").asDouble(), 1e-6 * (1 + Math.abs(a - b)));
        assertTrue(Files.exists(out.resolve("sweep.html")) && Files.exists(out.resolve("sweep.csv")));
        assertTrue(Files.exists(out.resolve("experiment.duckdb")) && Files.exists(out.resolve("report.html")),
                "the runs are an experiment's");
        assertEquals(4, o.out().lines().filter(l -> l.startsWith("sweep: demand_growth = ")).count(), o.out());
        Outcome again = run(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("4 finished earlier; 0 to run"), again.out());
        assertEquals(json, new ObjectMapper().readTree(out.resolve("sweep.json").toFile()), "the same figures when resumed");
        String[] other = args.clone();
        other[java.util.Arrays.asList(other).indexOf("18")] = "19";
        assertBadInput(run(other), "holds another experiment");
        assertBadInput(run("sweep", "--vary", "demand_growth=0.9,0", "--out", dir.resolve("s2").toString()),
                "demand_growth = 0.9");
        assertBadInput(run("sweep", "--vary", "demand_growth=0", "--out", dir.resolve("s2").toString()),
                "at least two levels");
        assertBadInput(run("sweep", "--vary", "nonsense=1,2", "--out", dir.resolve("s2").toString()),
                "nonsense", "allowed keys");
    }

    @Test
    void everyExampleScenarioRuns() throws Exception {
        Path examples = Path.of("..", "examples");
        List<Path> files;
        try (var listing = Files.list(examples)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".experiment.yaml"))
                    .sorted().toList();
        }
        assertTrue(files.size() >= 3, "examples/ holds the example scenarios");
        for (Path file : files) {
            Path out = dir.resolve(file.getFileName().toString().replace(".yaml", ""));
            // Small and short, so that CI steps every example; the file's own rules apply.
            Outcome o = run("run", "--config", file.toString(), "--persons", "2000", "--months", "24",
                    "--burn-in", "6", "--set", "market_start=6", "--set", "politics_start=12",
                    "--threads", "2", "--out", out.toString());
            assertEquals(0, o.code(), file + ": " + o.err());
            assertTrue(Files.exists(out.resolve("summary.json")), file.toString());
        }
    }

    @Test
    void everyExampleExperimentValidatesAndRunsScaledDown() throws Exception {
        List<Path> files;
        try (var listing = Files.list(Path.of("..", "examples"))) {
            files = listing.filter(p -> p.toString().endsWith(".experiment.yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "examples/ holds the example experiments");
        for (Path file : files) {
            Outcome v = run("validate", file.toString());
            assertEquals(0, v.code(), file + ": " + v.err());
            // Small and short, one seed, so that CI steps every example experiment end to end.
            String text = Files.readString(file).replaceFirst("(?m)^persons: .*$", "persons: 1000")
                    .replaceFirst("(?m)^months: .*$", "months: 18").replaceFirst("(?m)^burn_in: .*$", "burn_in: 6")
                    .replaceFirst("(?m)^seeds: .*$", "seeds: 1").replaceFirst("(?m)^  samples: .*$", "  samples: 4")
                    .replaceFirst("(?m)^  trajectories: .*$", "  trajectories: 2")
                    // A transfer trial must end within the shortened run: months 13 to 18.
                    .replaceAll("transfer_start: \\d+", "transfer_start: 13")
                    .replaceAll("transfer_months: \\d+", "transfer_months: 6");
            Path small = Files.writeString(dir.resolve(file.getFileName()), text);
            Path out = dir.resolve(file.getFileName().toString().replace(".yaml", ""));
            Outcome o = run("experiment", small.toString(), "--out", out.toString());
            assertEquals(0, o.code(), file + ": " + o.err());
            assertTrue(Files.exists(out.resolve("report.html")), file.toString());
        }
    }

    @Test
    void validateChecksAScenarioWithoutRunningIt() throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.yaml"), """
                preset: open-politics
                persons: 5000
                schedule:
                  24:
                    firing_cost: 6.0
                """);
        Outcome o = run("validate", ok.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("valid. Preset open-politics, 5,000 persons") && o.out().contains("1 scheduled"),
                o.out());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                preset: market
                schedule:
                  24:
                    span_of_control: 3
                """);
        assertBadInput(run("validate", bad.toString()), bad + ":4:5: schedule.24.span_of_control: not a policy key");
        assertBadInput(run("validate", dir.resolve("missing.yaml").toString()), "no such file");
        Path range = Files.writeString(dir.resolve("range.yaml"), """
                preset: market
                platforms:
                  mine:
                    ubi: 7.0
                """);
        assertBadInput(run("validate", range.toString()), range + ":4:5: invalid setting: platform mine: ubi = 7.0",
                "allowed 0.0 to 2.0");
        Path model = Files.writeString(dir.resolve("model.yaml"), "persons: 5000\nactivation_rate: 2.0\n");
        assertBadInput(run("validate", model.toString()), model + ":2:1: invalid setting: activation_rate = 2.0");
        assertBadInput(run("validate", "--activation-rate", "3", model.toString()), "invalid setting: activation_rate = 3.0");
    }

    @Test
    void badPresetAndBadSetAreBadInput() {
        assertBadInput(run("run", "--preset", "utopia", "--out", dir.resolve("p").toString()),
                "preset = 'utopia'", "axtell, market");
        assertBadInput(run("run", "--set", "firing_cost=lots", "--out", dir.resolve("p").toString()),
                "firing_cost = 'lots'", "a number");
        assertBadInput(run("run", "--set", "firing_costs=1", "--out", dir.resolve("p").toString()),
                "firing_costs", "allowed keys");
        assertBadInput(run("run", "--set", "span_of_control=1", "--out", dir.resolve("p").toString()),
                "span_of_control = 1", "allowed 0 (no hierarchy) or 2 to 1000");
        assertFalse(Files.exists(dir.resolve("p")), "nothing written on bad input");
        assertBadInput(run("run", "--preset", "open-politics", "--platform", "nobody", "--out", dir.resolve("p").toString()),
                "ruling_platform = 'nobody'", "market, centralise, distribute");
        assertBadInput(run("run", "--set", "nationalisation_rate=2", "--out", dir.resolve("p").toString()),
                "nationalisation_rate = 2.0", "allowed 0.0 to 1.0");
        assertFalse(Files.exists(dir.resolve("p")), "nothing written on bad input");
    }

    @Test
    void demoRunsEveryRegimePresetAsAnExperimentAndPrintsTheVerdicts() throws Exception {
        Path out = dir.resolve("demo");
        Outcome o = run("demo", "--persons", "1500", "--months", "30", "--seeds", "2", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("5 regime presets x 2 seeds"), o.out());
        for (String h : new String[] {"H1", "H4", "H7"}) {
            assertTrue(o.out().lines().anyMatch(l -> l.startsWith(h + " ")), h + " in " + o.out());
        }
        assertTrue(Files.exists(out.resolve("report.html")));
        assertTrue(Files.exists(out.resolve("experiment.duckdb")));
        var verdicts = new ObjectMapper().readTree(out.resolve("verdicts.json").toFile());
        assertEquals(7, verdicts.size());
        String again = run("demo", "--persons", "1500", "--months", "30", "--seeds", "2", "--out", out.toString()).out();
        assertTrue(again.contains("10 finished earlier; 0 to run"), again);
        assertBadInput(run("demo", "--seeds", "0", "--out", dir.resolve("d0").toString()),
                "key 'seeds' has value 0", "allowed 1 to 100000");
    }

    @Test
    void experimentCommandValidatesRunsAndRefusesBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("e.yaml"), """
                persons: 1500
                months: 24
                seeds: [1, 2]
                scenarios: {m: market}
                sweep: {method: grid, factors: {firing_cost: [0.0, 6.0]}}
                hypotheses: [H2, H7]
                """);
        Outcome v = run("validate", file.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("valid experiment 'e'. 4 runs"), v.out());
        Path out = dir.resolve("e-out");
        Outcome o = run("experiment", file.toString(), "--out", out.toString(), "--parallel", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("H7 ") && o.out().contains("4 runs (4 run now)"), o.out());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "scenarios: {m: market}\nseeds: -1\n");
        assertBadInput(run("experiment", bad.toString(), "--out", dir.resolve("b").toString()),
                "bad.yaml:2:1: key 'seeds' has value -1", "allowed 1 to 100000");
        assertFalse(Files.exists(dir.resolve("b")), "nothing written on bad input");
        assertBadInput(run("experiment", file.toString(), "--out", file.toString()), "is a file");
        assertBadInput(run("experiment", file.toString(), "--spark-master", "local[2]", "--out", dir.resolve("s").toString()),
                "the Spark module is not on the class path");
    }

    @Test
    void benchPrintsAFinalJsonLine() throws Exception {
        Outcome o = run("bench", "--persons", "2000", "--months", "2", "--warmup", "2", "--repeat", "1",
                "--threads", "2");
        assertEquals(0, o.code(), o.err());
        String last = o.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        var json = new ObjectMapper().readTree(last);
        for (String k : new String[] {"persons", "threads", "jdk", "activations_per_second",
                "bytes_per_person", "peak_heap_bytes", "observation_ms"}) {
            assertTrue(json.has(k), k);
        }
        assertTrue(json.get("activations_per_second").asDouble() > 0);
        assertTrue(json.get("observation_ms").asDouble() > 0, "observation_ms");
        double ms = json.get("ms_per_month").asDouble();
        assertTrue(ms > 0, "ms_per_month");
        assertEquals(2000 / (ms / 1e3), json.get("person_months_per_second").asDouble(), 1e-6 * 2000 / (ms / 1e3));
        var shares = json.get("phase_shares");
        double sum = 0;
        for (io.ownerscape.model.Phase p : io.ownerscape.model.Phase.values()) {
            double share = shares.get(p.key()).asDouble();
            assertTrue(share >= 0 && share <= 1, p.key() + " " + share);
            sum += share;
        }
        assertTrue(shares.get("decisions").asDouble() > 0 && shares.get("pay_and_wealth").asDouble() > 0, shares.toString());
        assertEquals(1.0, sum + shares.get("other").asDouble(), 1e-9, "the shares add up to the timed months");
        // At 2,000 persons the firm table's fixed 1,024 spare slots weigh; the 10M figure is in PERFORMANCE.md.
        assertTrue(json.get("bytes_per_person").asDouble() < 200);
    }

    @Test
    void parametersListsTheDeclarationsAndWritesTheirDocuments() throws Exception {
        Outcome all = run("parameters", "--preset", "axtell");
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().lines().anyMatch(l -> l.startsWith("owner_share ") && l.contains(" 0.0 ")), all.out());
        assertEquals(io.ownerscape.io.ParameterDocs.all().size(), all.out().lines().count());
        Outcome policy = run("parameters", "--policy");
        assertEquals(io.ownerscape.model.labour.LabourParameters.POLICY_KEYS.size(), policy.out().lines().count());
        Outcome one = run("parameters", "elections");
        assertTrue(one.out().contains("centralisation true") && one.out().contains("market false")
                && one.out().contains("docs/MODEL.md §7.15"), one.out());
        assertBadInput(run("parameters", "no_such_key"), "no_such_key", "no such key");
        assertBadInput(run("parameters", "--preset", "nope"), "preset = 'nope'", "allowed axtell");
        java.nio.file.Files.writeString(dir.resolve("MODEL.md"), "# m\n<!-- parameters 7.14 -->\nold\n<!-- /parameters -->\n");
        java.nio.file.Files.writeString(dir.resolve("OUTPUTS.md"), "# o\n<!-- measures labour -->\nold\n<!-- /measures -->\n");
        assertEquals(1, run("docs", "--check", dir.toString()).code(), "stale before writing");
        Outcome write = run("docs", dir.toString());
        assertEquals(0, write.code(), write.err());
        assertTrue(write.out().contains("PARAMETERS.md, reference.yaml, MODEL.md, OUTPUTS.md"), write.out());
        String model = java.nio.file.Files.readString(dir.resolve("MODEL.md"));
        assertTrue(model.contains("| `ubi` (policy) |") && !model.contains("\nold\n"), model);
        String outputs = java.nio.file.Files.readString(dir.resolve("OUTPUTS.md"));
        assertTrue(outputs.contains("| `unemployment_rate` | DOUBLE | share of persons |") && !outputs.contains("\nold\n"), outputs);
        assertTrue(run("docs", dir.toString()).out().contains("is current"));
        Outcome check = run("docs", "--check", dir.toString());
        assertEquals(0, check.code(), check.out());
        assertBadInput(run("docs", dir.resolve("missing").toString()), "not a directory");
    }
}
