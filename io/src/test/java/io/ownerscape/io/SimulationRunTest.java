package io.ownerscape.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.metrics.SizeClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationRunTest {
    @TempDir
    Path dir;

    private static RunSettings small(int threads) {
        return new RunSettings(ModelParameters.defaults(3000), 36, 12, 5, threads, true);
    }

    @Test
    void writesEveryOutputWithTheDocumentedKeys() throws Exception {
        Path out = dir.resolve("run");
        SimulationRun.Result r = SimulationRun.execute(small(2), out, (d, t, m) -> { });
        for (String f : List.of("summary.json", "results.duckdb", "report.html", "monthly.parquet",
                "size_classes.parquet", "size_distribution.parquet", "firm_panel.parquet", "run.parquet",
                "charts/firm_size_ccdf.svg", "charts/firm_size_ccdf.png", "charts/size_classes_firms.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("persons", "months", "seed", "threads", "state_hash", "firms",
                "employer_firms", "mean_employer_firm_size", "zipf_alpha", "zipf_smin", "largest_firm",
                "size_classes", "job_to_job_rate", "seconds", "git_commit", "ownerscape_version")) {
            assertTrue(s.has(key), "summary.json lacks " + key);
        }
        for (SizeClass c : SizeClass.SUSB) {
            assertTrue(s.get("size_classes").get(c.label()).has("firm_share"), c.label());
            assertTrue(s.get("size_classes").get(c.label()).has("employment_share"), c.label());
        }
        assertEquals(3000, s.get("persons").asInt());
        assertEquals(36, s.get("months").asInt());
        assertEquals(r.summary().get("state_hash").asText(), s.get("state_hash").asText());

        try (var c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("results.duckdb"));
             var st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*), sum(CASE WHEN burn_in THEN 1 ELSE 0 END), max(month) FROM monthly");
            rs.next();
            assertEquals(36, rs.getInt(1));
            assertEquals(12, rs.getInt(2), "the first 12 months are flagged as burn-in");
            assertEquals(36, rs.getInt(3));
            rs = st.executeQuery("SELECT sum(size * firms) FROM size_distribution");
            rs.next();
            assertEquals(3000, rs.getLong(1), "the final distribution accounts for every person");
            rs = st.executeQuery("SELECT count(DISTINCT year), sum(size) FROM firm_panel WHERE year = 3");
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals(3000, rs.getLong(2), "every person is in the year-3 panel");
            // The world renumbers its firms in its first months (MODEL.md §7.8); the panel's
            // firm_id is the firm's number, which never changes and is never reused.
            rs = st.executeQuery("SELECT count(*), count(DISTINCT (firm_id, year)) FROM firm_panel");
            rs.next();
            assertTrue(rs.getLong(1) > 0);
            assertEquals(rs.getLong(1), rs.getLong(2), "one row per firm and year");
            rs = st.executeQuery("SELECT count(*) FROM (SELECT firm_id FROM firm_panel GROUP BY firm_id"
                    + " HAVING count(DISTINCT 12 * year - age_months) > 1)");
            rs.next();
            assertEquals(0, rs.getLong(1), "a firm_id with two founding months: two firms under one number");
            rs = st.executeQuery("SELECT count(*) FROM (SELECT firm_id FROM firm_panel GROUP BY firm_id"
                    + " HAVING count(DISTINCT year) > 1)");
            rs.next();
            assertTrue(rs.getLong(1) > 0, "some firms are followed over several years");
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg"), "charts are inline");
        assertFalse(html.contains("http://") && html.contains("<script src"), "no external scripts");
    }

    @Test
    void sameSeedSameHashWhateverTheThreads() throws Exception {
        var one = SimulationRun.execute(small(1), dir.resolve("a"), (d, t, m) -> { });
        var three = SimulationRun.execute(small(3), dir.resolve("b"), (d, t, m) -> { });
        assertEquals(one.summary().get("state_hash"), three.summary().get("state_hash"));
    }

    @Test
    void existingFileAsOutputIsRefusedAndNothingIsWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertNotNull(SimulationRun.checkOutput(file));
        assertThrows(IllegalArgumentException.class, () -> SimulationRun.execute(small(1), file, (d, t, m) -> { }));
        assertEquals("x", Files.readString(file));
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "no staging directory left behind");
        }
    }

    @Test
    void aCompleteEarlierOutputIsReplacedWholeButAUsersFilesAreNeverDeletedUnlessForced() throws Exception {
        Path out = dir.resolve("again");
        SimulationRun.execute(small(1), out, (d, t, m) -> { });
        assertTrue(SimulationRun.isCompleteOutput(out), "the run marked its output complete");
        assertTrue(new ObjectMapper().readTree(out.resolve(SimulationRun.COMPLETE_MARKER).toFile()).get("complete").asBoolean());
        var second = SimulationRun.execute(new RunSettings(ModelParameters.defaults(3000), 12, 0, 6, 1, false),
                out, (d, t, m) -> { });
        assertEquals(12, new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("months").asInt());
        assertFalse(Files.exists(out.resolve("firm_panel.parquet")) && second.summary().get("months").asInt() != 12);
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "no staging or old directory left behind");
        }

        // A user's file in an earlier output: refused, and kept.
        Files.writeString(out.resolve("notes.txt"), "mine");
        String refusal = SimulationRun.checkOutput(out);
        assertNotNull(refusal);
        assertTrue(refusal.contains("'notes.txt'") && refusal.contains("--force"), refusal);
        assertThrows(IllegalArgumentException.class, () -> SimulationRun.execute(small(1), out, (d, t, m) -> { }));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));

        // A directory that merely holds a summary.json is no earlier output.
        Path lookalike = Files.createDirectories(dir.resolve("lookalike"));
        Files.writeString(lookalike.resolve("summary.json"), "{}");
        Files.writeString(lookalike.resolve("thesis.tex"), "chapter 1");
        String noMarker = SimulationRun.checkOutput(lookalike);
        assertTrue(noMarker != null && noMarker.contains("no " + SimulationRun.COMPLETE_MARKER), noMarker);
        assertThrows(IllegalArgumentException.class, () -> SimulationRun.execute(small(1), lookalike, (d, t, m) -> { }));
        assertEquals("chapter 1", Files.readString(lookalike.resolve("thesis.tex")));

        // --force replaces it whole.
        assertNull(SimulationRun.checkOutput(lookalike, true));
        SimulationRun.execute(small(1), lookalike, true, (d, t, m) -> { });
        assertFalse(Files.exists(lookalike.resolve("thesis.tex")));
        assertTrue(SimulationRun.isCompleteOutput(lookalike));
        assertNotNull(SimulationRun.checkOutput(Path.of("/")));
    }

    @Test
    void unwritablePlacesAreRefusedBeforeTheRunInOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        String under = SimulationRun.checkOutput(file.resolve("out"));
        assertTrue(under != null && under.contains("is a file"), under);
        String longName = SimulationRun.checkOutput(dir.resolve("n".repeat(300)));
        assertTrue(longName != null && longName.contains("longer than 255 bytes") && longName.length() < 300, longName);
        if (Files.isDirectory(Path.of("/proc/self"))) {
            String proc = SimulationRun.checkOutput(Path.of("/proc/ownerscape-out"));
            assertTrue(proc != null && proc.startsWith("--out /proc/ownerscape-out: cannot write in /proc")
                    && !proc.contains("Exception") && !proc.contains("\n"), proc);
        }
    }

    @Test
    void stagingLeftByAKilledRunIsRemovedByTheNextRunBesideIt() throws Exception {
        // A process id no live process has: the highest the kernel hands out is far below it.
        Path dead = Files.createDirectories(dir.resolve(SimulationRun.STAGING_PREFIX + "1a2b-4194999999"));
        Files.writeString(dead.resolve("summary.json"), "{}");
        Path deadOld = Files.createDirectories(dir.resolve(SimulationRun.OLD_PREFIX + "1a2b-4194999998"));
        Path live = Files.createDirectories(dir.resolve(SimulationRun.STAGING_PREFIX + "1a2b-" + ProcessHandle.current().pid()));
        Path parentLive = Files.createDirectories(dir.resolve(SimulationRun.STAGING_PREFIX + "1a2b-"
                + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L)));
        SimulationRun.execute(small(1), dir.resolve("next"), (d, t, m) -> { });
        assertFalse(Files.exists(dead), "a dead process's staging directory is removed");
        assertFalse(Files.exists(deadOld), "so is a dead process's set-aside output");
        assertTrue(Files.exists(live) && Files.exists(parentLive), "a live process's staging directory is left alone");
    }

    @Test
    void failureLeavesNoPartialOutput() throws Exception {
        Path out = dir.resolve("failed");
        assertThrows(IllegalStateException.class, () -> SimulationRun.execute(small(1), out, (d, t, m) -> {
            if (d == 3) {
                throw new IllegalStateException("stop");
            }
        }));
        assertFalse(Files.exists(out));
        try (var entries = Files.list(dir)) {
            assertEquals(0, entries.count(), "the staging directory is removed");
        }
    }
}
