package io.ownerscape.experiment;

import io.ownerscape.experiment.ExperimentStore.StoredRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each hypothesis on made-up runs whose answer is known: it can be supported, refuted or left open. */
class HypothesesTest {

    private static StoredRun run(int seed, String scenario, String regime, Map<String, String> parameters,
                                 Object... measures) {
        Map<String, Double> m = new HashMap<>();
        for (int k = 0; k < measures.length; k += 2) {
            m.put((String) measures[k], ((Number) measures[k + 1]).doubleValue());
        }
        return new StoredRun(scenario + seed, seed, scenario, "base", 0, seed, regime, Map.of(), parameters, m);
    }

    private static Hypotheses.Result judge(String name, List<StoredRun> runs) {
        return Hypotheses.judge(runs, List.of(name)).get(0);
    }

    @Test
    void h7FollowsTheSignOfTheDifference() {
        List<StoredRun> yes = new ArrayList<>();
        List<StoredRun> no = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            yes.add(run(s, "a", "none", Map.of(), "small_owner_employer.precarious", 0.6 + 0.01 * s,
                    "small_owner_employer.worker", 0.4));
            no.add(run(s, "a", "none", Map.of(), "small_owner_employer.precarious", 0.3 + 0.01 * s,
                    "small_owner_employer.worker", 0.4));
        }
        assertEquals(Hypotheses.Verdict.SUPPORTED, judge("H7", yes).test().verdict());
        assertEquals(Hypotheses.Verdict.NOT_SUPPORTED, judge("H7", no).test().verdict());
        assertEquals(Hypotheses.Verdict.INCONCLUSIVE, judge("H7", List.of()).test().verdict());
        List<StoredRun> nobody = new ArrayList<>(yes);
        for (int s = 0; s < 5; s++) {
            nobody.add(run(10 + s, "b", "centralise", Map.of(), "small_owner_employer.precarious", 0,
                    "small_owner_employer.worker", 0));
        }
        Hypotheses.Result r = judge("H7", nobody);
        assertEquals(5, r.test().effect().n(), "runs where nobody works for a small owner are left out");
        assertEquals(Hypotheses.Verdict.SUPPORTED, r.test().verdict());
    }

    @Test
    void h4RobustnessMapFindsTheAssumptionThatDrivesIt() {
        List<StoredRun> runs = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            runs.add(run(s, "locked", "centralise", Map.of("lock_in", "true"), "ubi_cut.after_power_lost", 0.9 + 0.01 * s));
            runs.add(run(s, "open", "centralise", Map.of("lock_in", "false"), "ubi_cut.after_power_lost", 0.001 * s));
        }
        Hypotheses.Result r = judge("H4", runs);
        Map<String, Hypotheses.Verdict> byLockIn = new HashMap<>();
        for (Hypotheses.Cell c : r.cells()) {
            if (c.dimension().equals("lock_in")) {
                byLockIn.put(c.condition(), c.test().verdict());
            }
        }
        assertEquals(Hypotheses.Verdict.SUPPORTED, byLockIn.get("true"));
        assertEquals(Hypotheses.Verdict.NOT_SUPPORTED, byLockIn.get("false"));
        assertTrue(r.driver().startsWith("scenario") || r.driver().startsWith("lock_in"), r.driver());
        assertTrue(r.holds().contains("differs where"), r.holds());
    }

    @Test
    void h5ComparesCentralisingRunsWithTheLowestOtherRegime() {
        List<StoredRun> runs = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            runs.add(run(s, "c", "centralise", Map.of(), "autonomy_index", 0.10 + 0.001 * s, "regime_centralising", 1));
            runs.add(run(s, "m", "market", Map.of(), "autonomy_index", 0.20 + 0.001 * s, "regime_centralising", 0));
            runs.add(run(s, "d", "distribute", Map.of(), "autonomy_index", 0.30 + 0.001 * s, "regime_centralising", 0));
        }
        Hypotheses.Result r = judge("H5", runs);
        assertEquals(Hypotheses.Verdict.SUPPORTED, r.test().verdict());
        assertEquals(0.10, r.test().effect().estimate(), 1e-9, "against market, the lowest other regime");
        assertTrue(r.test().reason().contains("market"), r.test().reason());
    }

    @Test
    void h3NeedsDemandGrowthToVary() {
        List<StoredRun> runs = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            runs.add(run(s, "a", "none", Map.of("goods_market", "true", "demand_growth", "0.01"),
                    "acquisitions_per_year", s, "small_owner_share", 10));
        }
        Hypotheses.Result r = judge("H3", runs);
        assertEquals(Hypotheses.Verdict.INCONCLUSIVE, r.test().verdict());
        assertTrue(r.test().reason().contains("demand_growth takes 1 value"), r.test().reason());
        List<StoredRun> varied = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            double g = -0.02 + 0.004 * s;
            varied.add(run(s, "a", "none", Map.of("goods_market", "true", "demand_growth", Double.toString(g)),
                    "acquisitions_per_year", 10 - 200 * g + (s % 3) * 0.1, "small_owner_share", 20 + 300 * g + (s % 2) * 0.1));
        }
        assertEquals(Hypotheses.Verdict.SUPPORTED, judge("H3", varied).test().verdict());
        List<StoredRun> noDeals = new ArrayList<>();
        for (StoredRun x : varied) {
            Map<String, Double> m = new HashMap<>(x.measures());
            m.put("acquisitions_per_year", 0.0);
            noDeals.add(new StoredRun(x.runId(), x.index(), x.scenario(), x.design(), x.point(), x.seed(), x.regime(),
                    x.factors(), x.parameters(), m));
        }
        Hypotheses.Result half = judge("H3", noDeals);
        assertEquals(Hypotheses.Verdict.INCONCLUSIVE, half.test().verdict(), "half of the claim cannot be judged");
        assertTrue(half.test().reason().contains("acquisitions do not vary"), half.test().reason());
    }
}
