package io.ownerscape.io;

import io.ownerscape.model.LabourKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        io.ownerscape.model.LabourParameters p = LabourKeys.with(
                io.ownerscape.model.Preset.of(v.preset()).labour(), v.labour());
        assertEquals(3.0, p.firingCost());
        assertEquals(8, p.spanOfControl());
        assertEquals(io.ownerscape.model.LabourParameters.market().ownerShare(), p.ownerShare(),
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
}
