package io.ownerscape.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The unconditional-transfer trial's effects over an experiment's runs (docs/MODEL.md §7.17),
 * per scenario, beside the calibration targets of issue 17 and the published evidence: each run's
 * estimate and standard error pooled by inverse-variance weights, and the runs' mean with
 * Student's t interval.
 */
public final class TransferTrialResults {

    /**
     * One effect of one scenario.
     *
     * @param scenario   the scenario
     * @param label      what is measured, with its unit
     * @param key        the run measure holding the estimate ({@code KEY_se} its standard error)
     * @param pooled     the runs pooled by inverse-variance weights
     * @param acrossRuns the mean of the runs' estimates with Student's t interval
     * @param targetLow  the calibration target's lower end; NaN where there is none
     * @param targetHigh its upper end
     * @param evidence   the published figures to compare with
     */
    public record Row(String scenario, String label, String key, Stats.Interval pooled, Stats.Interval acrossRuns,
                      double targetLow, double targetHigh, String evidence) {
        /** The target as text, "—" where there is none. */
        public String target() {
            return Double.isNaN(targetLow) ? "—" : String.format("[%g, %g]", targetLow, targetHigh).replace(".00000", "");
        }

        /** Whether the pooled estimate (and its interval) lies in the target; "—" where there is none. */
        public String inTarget() {
            if (Double.isNaN(targetLow) || Double.isNaN(pooled.estimate())) {
                return "—";
            }
            if (pooled.estimate() < targetLow || pooled.estimate() > targetHigh) {
                return "no";
            }
            return pooled.low() >= targetLow && pooled.high() <= targetHigh ? "yes" : "yes (the interval reaches out)";
        }
    }

    /** Per effect: label, run measure, target low and high (NaN for none), published evidence. */
    private static final String[][] EFFECTS = {
            {"employment (treated - control), percentage points", "transfer_employment_effect", "-5", "0",
                    "OpenResearch (Vivalt et al. 2024): -2.0 pp labour-force participation; Finland 2017-18"
                            + " (Kangas et al. 2019, 2021): no significant change in days employed in the first year;"
                            + " Alaska dividend (Jones & Marinescu 2022): no effect on employment"},
            {"effort of all (0 when not employed), %", "transfer_effort_effect", "-8", "0",
                    "OpenResearch: 1.3-1.4 fewer hours a week, about -3% to -4% of hours"},
            {"effort of the employed, % (not randomised)", "transfer_employed_effort_effect", "NaN", "NaN",
                    "Alaska: part-time work up about 1.8 pp"},
            {"income before the transfer (pay, residual, benefits), %", "transfer_earnings_effect", "NaN", "NaN", "—"},
            {"income gained per unit paid", "transfer_earnings_per_payment", "NaN", "NaN",
                    "Cesarini et al. 2017 (lottery prizes, a lump sum): labour earnings fall by about 1.1% of the prize"
                            + " a year, for at least a decade"},
            {"placebo: employment in the 12 months before the payments, pp", "transfer_employment_before", "NaN", "NaN",
                    "0 by randomisation"}};

    private TransferTrialResults() {
    }

    /** Whether a run had a trial that paid (its employment effect is known). */
    static boolean hasTrial(ExperimentStore.StoredRun r) {
        return !Double.isNaN(Hypotheses.m(r, "transfer_employment_effect"));
    }

    /** A scenario's runs with a trial. */
    static List<ExperimentStore.StoredRun> runsOf(List<ExperimentStore.StoredRun> runs, String scenario) {
        return runs.stream().filter(r -> r.scenario().equals(scenario) && hasTrial(r)).toList();
    }

    /** Every effect of every scenario with a trial, scenarios in the plan's order. */
    public static List<Row> rows(List<ExperimentStore.StoredRun> runs, ExperimentPlan plan) {
        List<Row> out = new ArrayList<>();
        for (String scenario : plan.scenarios().keySet()) {
            List<ExperimentStore.StoredRun> mine = runsOf(runs, scenario);
            if (mine.isEmpty()) {
                continue;
            }
            for (String[] e : EFFECTS) {
                List<Double> d = mine.stream().map(r -> Hypotheses.m(r, e[1])).toList();
                List<Double> se = mine.stream().map(r -> Hypotheses.m(r, e[1] + "_se")).toList();
                out.add(new Row(scenario, e[0], e[1], Stats.pooled(d, se), Stats.mean(d), Double.parseDouble(e[2]),
                        Double.parseDouble(e[3]), e[4]));
            }
        }
        return out;
    }
}
