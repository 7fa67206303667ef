package io.ownerscape.io;

import io.ownerscape.model.labour.LabourKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("scenario.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsEveryKeyGiven() throws Exception {
        ScenarioFile.Values v = ScenarioFile.read(write("""
                persons: 5000
                months: 12
                seed: 9
                substeps: 2
                sequential: true
                activation_rate: 0.05
                friends_max: 5
                """));
        assertEquals(5000, v.persons());
        assertEquals(12, v.months());
        assertEquals(9L, v.seed());
        assertEquals(2, v.substeps());
        assertEquals(true, v.sequential());
        assertEquals(0.05, v.activationRate());
        assertEquals(5, v.friendsMax());
        assertNull(v.threads(), "keys left out stay unset");
    }

    @Test
    void emptyFileGivesNoValues() throws Exception {
        assertEquals(ScenarioFile.Values.EMPTY, ScenarioFile.read(write("")));
    }

    @Test
    void unknownKeyNamesFileLineColumnAndAllowedKeys() throws Exception {
        Path f = write("persons: 1000\n  \nbogus_key: 3\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ":3:1: unknown key 'bogus_key'"), e.getMessage());
        assertTrue(e.getMessage().contains("activation_rate"), e.getMessage());
    }

    @Test
    void wrongTypeNamesKeyValueAndExpectation() throws Exception {
        Path f = write("persons: 1000\nmonths: many\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ":2:"), e.getMessage());
        assertTrue(e.getMessage().contains("'months'"), e.getMessage());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void fractionForWholeNumberIsRejected() throws Exception {
        Path f = write("substeps: 2.5\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().contains("'substeps'") && e.getMessage().contains("2.5"), e.getMessage());
    }

    @Test
    void stringForBooleanIsRejected() throws Exception {
        Path f = write("sequential: maybe\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().contains("'sequential'"), e.getMessage());
    }

    @Test
    void invalidYamlIsReportedWithPosition() throws Exception {
        Path f = write("persons: [1000\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
    }

    @Test
    void explicitNullIsRejectedNotTakenAsDefault() throws Exception {
        Path f = write("persons: ~\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().contains("'persons'"), e.getMessage());
    }

    @Test
    void duplicateKeyIsRejected() throws Exception {
        Path f = write("persons: 1000\npersons: 2000\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().contains("persons"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ":2:"), e.getMessage());
    }

    @Test
    void numberTooLargeNamesKeyAndRange() throws Exception {
        Path f = write("persons: 3000000000\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().contains("'persons'") && e.getMessage().contains("2147483647"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        Path f = dir.resolve("nope.yaml");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void labourRulesAndPresetAreRead() throws Exception {
        ScenarioFile.Values v = ScenarioFile.read(write("preset: market\nfiring_cost: 3\nspan_of_control: 8\ndismissal: false\n"));
        assertEquals("market", v.preset());
        assertEquals(3.0, v.labour().get("firing_cost"), "a whole number is accepted for a number");
        assertEquals(8, v.labour().get("span_of_control"));
        assertEquals(false, v.labour().get("dismissal"));
        io.ownerscape.model.labour.LabourParameters p = LabourKeys.with(
                io.ownerscape.model.Preset.of(v.preset()).labour(), v.labour());
        assertEquals(3.0, p.firingCost());
        assertEquals(8, p.spanOfControl());
        assertEquals(io.ownerscape.model.labour.LabourParameters.market().ownerShare(), p.ownerShare(),
                "keys left out keep the preset's value");
    }

    @Test
    void labourRuleOfWrongTypeNamesLineKeyValueAndExpectation() throws Exception {
        Path f = write("persons: 1000\nspan_of_control: 2.5\n");
        ScenarioFile.ScenarioException e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().contains(":2:1: key 'span_of_control' has value '2.5': expected a whole number"),
                e.getMessage());
    }

    @Test
    void unknownKeyListsLabourRulesAmongAllowedKeys() throws Exception {
        Path f = write("firing_costs: 3\n");
        ScenarioFile.ScenarioException e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
        assertTrue(e.getMessage().contains(":1:1: unknown key 'firing_costs'"), e.getMessage());
        assertTrue(e.getMessage().contains("firing_cost,"), e.getMessage());
        assertTrue(e.getMessage().contains("persons"), e.getMessage());
    }

    private ScenarioFile.ScenarioException refused(String text) throws IOException {
        Path f = write(text);
        return assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(f));
    }

    @Test
    void extendsReachesOnlyYamlFilesInTheFilesFolderOrBelow() throws Exception {
        Path outside = Files.writeString(dir.getParent().resolve("outside-" + dir.getFileName() + ".yaml"), "persons: 1000\n");
        try {
            String absolute = refused("extends: " + outside + "\n").getMessage();
            assertTrue(absolute.contains(":1:1: extends '" + outside + "': an absolute path; allowed:"), absolute);
            String up = refused("extends: ../" + outside.getFileName() + "\n").getMessage();
            assertTrue(up.contains("goes up out of the folder ('..')"), up);
            String secret = refused("extends: /etc/shadow\n").getMessage();
            assertFalse(secret.contains("root"), "nothing of the file is quoted: " + secret);
            Files.writeString(dir.resolve("notes.txt"), "private: words\n");
            String text = refused("extends: notes.txt\n").getMessage();
            assertTrue(text.contains("nor a .yaml, .yml or .json file"), text);
            assertFalse(text.contains("private"), text);
            Path link = dir.resolve("link.yaml");
            try {
                Files.createSymbolicLink(link, outside);
                String linked = refused("extends: link.yaml\n").getMessage();
                assertTrue(linked.contains("a link to a file outside this file's folder"), linked);
            } catch (UnsupportedOperationException | IOException noLinks) {
                // A file system without symbolic links has nothing to follow out.
            }
            Files.createDirectories(dir.resolve("base"));
            Files.writeString(dir.resolve("base").resolve("b.yaml"), "persons: 1234\n");
            assertEquals(1234, ScenarioFile.read(write("extends: base/b.yaml\n")).persons(), "a file below is fine");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aLongChainOfExtendsStopsAtItsLimitWithAMessage() throws Exception {
        int files = ScenarioFile.MAX_EXTENDS_DEPTH + 5;
        for (int k = 0; k < files; k++) {
            Files.writeString(dir.resolve("c" + k + ".yaml"), k == files - 1 ? "persons: 1000\n" : "extends: c" + (k + 1) + ".yaml\n");
        }
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(dir.resolve("c0.yaml")));
        assertTrue(e.getMessage().contains("a chain of " + ScenarioFile.MAX_EXTENDS_DEPTH + " files is the most allowed"),
                e.getMessage());
        Files.writeString(dir.resolve("c" + (ScenarioFile.MAX_EXTENDS_DEPTH - 1) + ".yaml"), "persons: 1000\n");
        assertEquals(1000, ScenarioFile.read(dir.resolve("c0.yaml")).persons(), "a chain up to the limit is read");
    }

    @Test
    void nestedKeysAreLocatedWhereTheyStandNotAtATopLevelKeyOfTheSameName() throws Exception {
        String platform = refused("preset: market\nubi: 0.1\nplatforms:\n  mine:\n    ubi: lots\n").getMessage();
        assertTrue(platform.contains("scenario.yaml:5:5: platforms.mine.ubi has value 'lots'"), platform);
        String schedule = refused("preset: market\nubi: 0.1\nschedule:\n  100:\n    announced: soon\n").getMessage();
        assertTrue(schedule.contains("scenario.yaml:5:5: key 'schedule.100.announced' has value 'soon'"), schedule);
        String month = refused("preset: market\nschedule:\n  abc:\n    ubi: 0.2\n").getMessage();
        assertTrue(month.contains("scenario.yaml:3:3: key 'schedule.abc': 'abc' is not a whole number (a month)"), month);

        ScenarioFile.Values v = ScenarioFile.read(write(
                "preset: market\nubi: 0.1\nplatforms:\n  mine:\n    ubi: -2\nschedule:\n  99999:\n    ubi: 0.2\n"));
        Path f = dir.resolve("scenario.yaml");
        assertEquals(f + ":5:5: ", v.whereViolation("platform mine: ubi = -2.0: allowed 0.0 to 2.0"));
        assertEquals(f + ":7:3: ", v.whereViolation("schedule: month 99999: allowed 1 to months + 1"));
        assertEquals(f + ":8:5: ", v.whereViolation("schedule.99999: ubi = -0.2: allowed 0.0 to 2.0"));
        assertEquals(f + ":2:1: ", v.whereViolation("ubi = 5.0: allowed 0.0 to 2.0"));
        assertEquals(f + ":1:1: ", v.whereViolation("preset = 'x': allowed axtell"));
    }

    @Test
    void keysGivenInAnExtendedFileAreLocatedInThatFile() throws Exception {
        Path base = Files.writeString(dir.resolve("base.yaml"), "preset: market\n\nfiring_cost: 3\n");
        ScenarioFile.Values v = ScenarioFile.read(write("extends: base.yaml\nubi: 0.1\n"));
        assertEquals(base.toAbsolutePath().normalize() + ":3:1: ", v.where("firing_cost"));
        assertEquals(dir.resolve("scenario.yaml") + ":2:1: ", v.where("ubi"));
    }

    @Test
    void whatBindingWouldMisreadIsRefusedWithItsPlace() throws Exception {
        String alias = refused("persons: &n 1000\nmonths: *n\n").getMessage();
        assertTrue(alias.contains("scenario.yaml:2:9: key 'months': YAML aliases (*n) are not supported"), alias);
        for (String v : new String[] {".nan", ".inf", "-.inf", ".NaN"}) {
            String m = refused("firing_cost: " + v + "\n").getMessage();
            assertTrue(m.contains(":1:14: key 'firing_cost' has value '" + v + "': expected a finite number"), m);
        }
        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(binary));
        assertEquals(binary + ": not a text file (byte 3 is not UTF-8); allowed: YAML text in UTF-8", e.getMessage());
        String list = refused("[1, 2]\n").getMessage();
        assertTrue(list.contains(":1:1: expected a mapping of keys to values"), list);
    }

    @Test
    void aHugeValueIsQuotedShortAndOnOneLine() throws Exception {
        String m = refused("firing_cost: " + "x".repeat(1_000_000) + "\n").getMessage();
        assertTrue(m.length() < 400, "message of " + m.length() + " characters");
        assertTrue(m.contains("... (1,000,000 characters)"), m);
        assertFalse(m.contains("\n"));
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "y".repeat(YamlSource.MAX_BYTES) + "\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(big));
        assertTrue(e.getMessage().contains("allowed at most 1,048,576"), e.getMessage());
    }
}
