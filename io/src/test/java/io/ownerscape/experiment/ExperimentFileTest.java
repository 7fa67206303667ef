package io.ownerscape.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Experiment files: what they produce, and a clear error for each kind of bad input. */
class ExperimentFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private String error(String text) throws IOException {
        Path f = write("bad.yaml", text);
        return assertThrows(ExperimentFile.ExperimentException.class, () -> ExperimentFile.read(f)).getMessage();
    }

    @Test
    void readsScenariosSeedsAndASweep() throws Exception {
        write("mine.yaml", "extends: market\nfiring_cost: 2.0\n");
        ExperimentPlan plan = ExperimentFile.read(write("e.yaml", """
                name: demo
                persons: 2000
                months: 36
                burn_in: 12
                seeds: [4, 9]
                scenarios:
                  base: market
                  file: mine.yaml
                  inline: {extends: centralisation, lock_in: false, ruling_platform: none}
                sweep:
                  method: grid
                  grid_levels: 2
                  factors:
                    demand_growth: {min: 0.0, max: 0.02}
                    promises_binding: [false, true]
                hypotheses: [H1, H4]
                """));
        assertEquals("demo", plan.name());
        assertEquals(java.util.List.of(4L, 9L), plan.seeds());
        assertEquals(3 * 4 * 2, plan.runCount());
        assertEquals(2.0, plan.scenarios().get("file").labour().firingCost());
        assertEquals(false, plan.scenarios().get("inline").labour().lockIn());
        assertEquals(null, plan.scenarios().get("inline").ruling());
        assertEquals("centralise", ExperimentFile.read(write("c.yaml", "scenarios: {c: centralisation}\n"))
                .scenarios().get("c").ruling());
        var runs = plan.runs(1);
        assertEquals(24, runs.size());
        assertEquals(0.02, runs.get(runs.size() - 1).settings().labour().demandGrowth(), 1e-12);
        assertEquals(9L, runs.get(runs.size() - 1).seed());
        assertEquals(24, runs.stream().map(RunSpec::runId).distinct().count(), "run ids are unique");
        assertEquals(plan.fingerprint(), ExperimentFile.read(dir.resolve("e.yaml")).fingerprint(), "ids are stable");
        assertEquals(runs.get(3).runId(), plan.runs(2).get(3).runId(), "thread count does not change a run's id");
    }

    @Test
    void unknownKeyNamesItsLineAndWhatIsAllowed() throws IOException {
        String m = error("persons: 2000\nscenarios: {a: market}\nsweeps: {}\n");
        assertTrue(m.contains("bad.yaml:3:1: unknown key 'sweeps'") && m.contains("allowed keys: name"), m);
        m = error("scenarios:\n  a: market\nsweep:\n  method: grid\n  factor: {}\n");
        assertTrue(m.contains(":5:3: unknown key 'sweep.factor'") && m.contains("method, samples"), m);
    }

    @Test
    void wrongTypesAndRanges() throws IOException {
        String m = error("persons: many\nscenarios: {a: market}\n");
        assertTrue(m.contains(":1:1: key 'persons' has value 'many': expected a whole number from 20"), m);
        m = error("months: 0\nscenarios: {a: market}\n");
        assertTrue(m.contains("key 'months' has value 0: allowed 1 to 12000"), m);
        m = error("scenarios: {a: market}\nsweep:\n  factors:\n    firing_cost: {min: 0, max: 500}\n");
        assertTrue(m.contains(":4:27: sweep.factors.firing_cost.max: firing_cost = 500.0: allowed 0"), m);
        m = error("scenarios: {a: market}\nsweep:\n  factors:\n    lock_in: {min: 0, max: 1}\n");
        assertTrue(m.contains("sweep.factors.lock_in is true or false; give its levels as a list"), m);
        m = error("scenarios: {a: market}\nsweep:\n  method: random\n  factors: {firing_cost: [0, 1]}\n");
        assertTrue(m.contains(":3:3: key 'sweep.method' has value 'random': allowed grid, lhs, sobol"), m);
        m = error("scenarios:\n  a: {extends: market, firing_cost: lots}\n");
        assertTrue(m.contains("scenarios.a.firing_cost has value 'lots': expected a number"), m);
        m = error("seeds: [1, 2, 1]\nscenarios: {a: market}\n");
        assertTrue(m.contains("seeds[2] = 1 is listed twice"), m);
        m = error("scenarios: {a: market}\nsensitivity:\n  levels: 3\n  factors: {firing_cost: {min: 0, max: 6}}\n");
        assertTrue(m.contains("sensitivity.levels = 3: allowed an even number"), m);
        m = error("scenarios: {a: market}\nhypotheses: [H1, H9]\n");
        assertTrue(m.contains("hypotheses[1] = 'H9': allowed H1, H2"), m);
    }

    @Test
    void unknownPresetAndMissingFile() throws IOException {
        String m = error("scenarios:\n  a: marxist\n");
        assertTrue(m.contains(":2:3: scenarios.a = 'marxist': neither a preset (axtell, market"), m);
        m = error("scenarios:\n  a: {extends: nowhere.yaml}\n");
        assertTrue(m.contains("neither a preset") && m.contains("nowhere.yaml"), m);
        m = error("scenarios: {}\n");
        assertTrue(m.contains("key 'scenarios' has value '{}'"), m);
        m = error("persons: 2000\n");
        assertTrue(m.contains("key 'scenarios' is missing"), m);
    }

    @Test
    void cyclicExtendsIsAnError() throws IOException {
        write("a.yaml", "extends: b.yaml\n");
        write("b.yaml", "extends: a.yaml\n");
        String m = error("scenarios:\n  loop: a.yaml\n");
        assertTrue(m.contains("scenarios.loop: ") && m.contains("extends itself"), m);
    }

    @Test
    void malformedYaml() throws IOException {
        String m = error("scenarios: {a: market\npersons: [\n");
        assertTrue(m.startsWith(dir.resolve("bad.yaml") + ":") && m.contains("not valid YAML"), m);
        m = error("persons: 1\npersons: 2\nscenarios: {a: market}\n");
        assertTrue(m.contains("not valid YAML") && m.contains("persons"), m);
    }

    @Test
    void everyDesignPointIsCheckedNotOnlyTheEnds() throws IOException {
        // span_of_control allows 0 or 2 and up: a range from 0 to 10 holds 1 somewhere inside.
        String m = error("scenarios: {a: market}\nsweep:\n  method: grid\n  grid_levels: 21\n  factors:\n"
                + "    span_of_control: {min: 0, max: 10}\n");
        assertTrue(m.contains(":6:5: sweep point ") && m.contains("span_of_control=1") && m.contains("in scenario a")
                && m.contains("allowed 0 (no hierarchy) or 2 to 1000"), m);
    }

    @Test
    void nameMustBeASafeDirectoryNameAndValuesShowAsWritten() throws IOException {
        String m = error("name: ../../etc\nscenarios: {a: market}\n");
        assertTrue(m.contains(":1:1: name = '../../etc': allowed a letter or digit"), m);
        m = error("persons: [1, 2]\nscenarios: {a: market}\n");
        assertTrue(m.contains("key 'persons' has value '[1,2]'"), m);
    }

    @Test
    void policyFactorsUnderPoliticsComeWithANote() throws Exception {
        ExperimentPlan plan = ExperimentFile.read(write("w.yaml", "scenarios: {o: open-politics, m: market}\n"
                + "sweep:\n  factors:\n    firing_cost: [0.0, 6.0]\n    owner_share: [0.05, 0.1]\n"));
        assertEquals(1, plan.warnings().size(), plan.warnings().toString());
        assertTrue(plan.warnings().get(0).contains("scenario o: factor firing_cost is a policy that platform distribute"),
                plan.warnings().get(0));
    }

    @Test
    void tooManyRunsIsRefusedBeforeRunning() throws IOException {
        String m = error("seeds: 100000\nscenarios: {a: market, b: market}\nsweep:\n  method: lhs\n  samples: 100\n"
                + "  factors: {firing_cost: {min: 0, max: 6}}\n");
        assertTrue(m.contains("asks for 20000000 runs") && m.contains("allowed at most 1000000"), m);
        // Refused before a single point is built: 2.2 million Sobol points would not fit in memory.
        StringBuilder factors = new StringBuilder();
        for (String k : new String[] {"owner_share", "firing_cost", "demand_growth", "independence_premium",
                "startup_grant", "ubi", "income_tax", "profit_tax", "wealth_tax", "coop_conversion", "nationalisation_rate",
                "nationalisation_compensation", "privatisation_rate", "privatisation_price", "vote_noise", "turnout",
                "promise_belief", "lock_in_threshold", "compliance_fixed", "compliance_per_employee"}) {
            factors.append("    ").append(k).append(": [0.0, 0.1]\n");
        }
        m = error("seeds: 1\nscenarios: {a: market}\nsensitivity:\n  method: sobol\n  samples: 100000\n  factors:\n"
                + factors);
        assertTrue(m.contains("runs (sensitivity: ") && m.contains("allowed at most 1000000"), m);
    }
}
