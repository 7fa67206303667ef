package io.ownerscape.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ownerscape.calibration.Target;
import io.ownerscape.calibration.Targets;
import io.ownerscape.io.HtmlReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ownerscape calibrate}: the table of every target on a tiny world, and its refusals. */
class CalibrateCommandTest {
    @TempDir
    Path dir;

    private void assertBadInput(MainTest.Outcome o, Path out, String... fragments) {
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        for (String f : fragments) {
            assertTrue(o.err().contains(f), "'" + f + "' missing from: " + o.err());
        }
        assertFalse(Files.exists(out), "nothing written on bad input");
    }

    @Test
    void calibrateOnATinyWorldWritesEveryTargetAsARow() throws Exception {
        Path out = dir.resolve("calibration");
        MainTest.Outcome o = MainTest.run("calibrate", "--persons", "2000", "--months", "60", "--seeds", "2",
                "--threads", "2", "--out", out.toString());
        assertEquals(0, o.code(), o.err() + o.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("calibration.json").toFile());
        assertEquals("market", json.get("preset").asText(), "the market preset by default");
        assertEquals(2000, json.get("persons").asInt());
        assertEquals(60, json.get("months").asInt());
        assertEquals("[1,2]", json.get("seeds").toString(), "seeds 1 to --seeds");
        JsonNode targets = json.get("targets");
        assertEquals(Targets.ALL.size(), targets.size());
        String html = Files.readString(out.resolve("calibration.html"));
        int passed = 0;
        for (int k = 0; k < targets.size(); k++) {
            Target t = Targets.ALL.get(k);
            JsonNode row = targets.get(k);
            assertEquals(t.key(), row.get("key").asText());
            assertEquals(2, row.get("values").size(), t.key() + ": a value (or null) per seed");
            assertTrue(row.get("verdict").asText().matches("pass|miss|not measured"), row.toString());
            passed += row.get("verdict").asText().equals("pass") ? 1 : 0;
            assertTrue(html.contains(HtmlReport.escape(t.label())), "calibration.html lacks " + t.label());
            assertTrue(o.out().lines().anyMatch(l -> l.startsWith(t.label() + " ")), "stdout lacks " + t.label());
        }
        // 60 months cannot show a steady state over two 10-year windows.
        JsonNode drift = targets.get(Targets.ALL.indexOf(Targets.get("output_per_person_drift")));
        assertEquals("not measured", drift.get("verdict").asText());
        assertEquals(passed, json.get("targets_passed").asInt());
        assertTrue(o.out().contains(passed + " of " + Targets.ALL.size() + " targets pass"), o.out());
        assertTrue(Files.exists(out.resolve("complete.json")));
        assertFalse(html.contains("<script"), "self-contained");

        // Again into the same directory, with a list of seeds: replaced.
        MainTest.Outcome again = MainTest.run("calibrate", "--persons", "1500", "--months", "12", "--seed-list", "7",
                "--threads", "1", "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        JsonNode second = new ObjectMapper().readTree(out.resolve("calibration.json").toFile());
        assertEquals("[7]", second.get("seeds").toString());
        assertEquals(1, second.get("targets").get(0).get("values").size());
    }

    @Test
    void badFlagsAreOneLineNamingTheFlagAndWriteNothing() throws Exception {
        Path out = dir.resolve("never");
        String o = out.toString();
        assertBadInput(MainTest.run("calibrate", "--seeds", "0", "--out", o), out, "--seeds 0: allowed 1 to 100");
        assertBadInput(MainTest.run("calibrate", "--seeds", "101", "--out", o), out, "--seeds 101");
        assertBadInput(MainTest.run("calibrate", "--persons", "-1", "--out", o), out, "persons = -1", "--persons");
        assertBadInput(MainTest.run("calibrate", "--set", "bogus=1", "--out", o), out, "--set bogus: unknown key",
                "allowed keys:");
        assertBadInput(MainTest.run("calibrate", "--set", "firing_cost=-2", "--out", o), out, "firing_cost");
        assertBadInput(MainTest.run("calibrate", "--seed-list", "1,2,1", "--out", o), out,
                "--seed-list: seed 1 is listed twice");
        assertBadInput(MainTest.run("calibrate", "--seed-list", "1,2", "--seeds", "2", "--out", o), out,
                "--seed-list with --seeds");
        assertBadInput(MainTest.run("calibrate", "--seeds", "many", "--out", o), out, "--seeds", "many");
        assertBadInput(MainTest.run("calibrate", "--firm-panel", "--out", o), out, "--firm-panel");
        assertBadInput(MainTest.run("calibrate", "--config", dir.resolve("missing.yaml").toString(), "--out", o), out,
                "missing.yaml");

        // A directory of other files is refused and kept as it is.
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("thesis.tex"), "chapter 1");
        MainTest.Outcome refused = MainTest.run("calibrate", "--persons", "1500", "--months", "12", "--seeds", "1",
                "--out", busy.toString());
        assertEquals(Main.BAD_INPUT, refused.code(), refused.err());
        assertTrue(refused.err().contains("'thesis.tex'"), refused.err());
        try (var entries = Files.list(busy)) {
            assertEquals(1, entries.count());
        }
    }
}
