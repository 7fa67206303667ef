package io.ownerscape.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.calibration.CalibrationTable;
import io.ownerscape.calibration.Target;
import io.ownerscape.calibration.Targets;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.io.RunMetadata;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SimulationRun;
import io.ownerscape.io.Summary;
import io.ownerscape.io.Sweep;
import io.ownerscape.model.Economy;
import io.ownerscape.model.politics.Election;
import io.ownerscape.model.metrics.MetricsRecorder;
import io.ownerscape.model.metrics.MonthlyMetrics;
import io.ownerscape.model.measure.MonthlyMeasures;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.politics.Platform;
import io.ownerscape.model.metrics.SizeClass;
import io.ownerscape.model.state.StateTally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one {@link RunSpec} in memory and reduces it to a {@link RunOutcome}: the run-level
 * measures the hypotheses and sensitivity analyses read, and the rows of the store's per-run
 * tables. Nothing is written to disk here, so the same code runs in a local pool and on a Spark
 * executor.
 */
public final class ExperimentRun {

    /** Months over which end-of-run measures are averaged (as in {@code summary.json}). */
    static final int WINDOW = Summary.RATE_WINDOW;

    private ExperimentRun() {
    }

    /** Whether a platform centralises ownership: it nationalises firms or merges them into trusts. */
    public static boolean centralising(Platform p) {
        Object rate = p.policy().get("nationalisation_rate");
        Object trusts = p.policy().get("state_trusts");
        return (rate instanceof Number n && n.doubleValue() > 0) || Boolean.TRUE.equals(trusts);
    }

    /** Runs the spec with the threads its settings name. */
    public static RunOutcome execute(RunSpec spec) {
        RunSettings settings = spec.settings();
        try (ParallelExecutor executor = new ParallelExecutor(settings.threads())) {
            SimulationRun.Simulated run = SimulationRun.simulate(settings, executor, new MetricsRecorder(), null,
                    (done, total, metrics) -> { }, RunMetadata.current());
            return outcome(spec, run);
        }
    }

    /**
     * What the store keeps of a simulated run: its measures and its per-month, per-class and
     * per-election rows. {@code spec.settings()} must be the settings the run was simulated with.
     */
    public static RunOutcome outcome(RunSpec spec, SimulationRun.Simulated run) {
        RunSettings settings = spec.settings();
        Economy economy = run.economy();
        MetricsRecorder recorder = run.recorder();
        ObjectNode summary = run.summary();
        Map<String, Boolean> centralising = new HashMap<>();
        for (Platform p : settings.platforms()) {
            centralising.put(p.name(), centralising(p));
        }
        List<MonthlyMetrics> history = recorder.history();
        String regime = regime(history, settings.labour().politicsStart());
        Map<String, Double> measures = measures(summary, history, economy, settings, centralising, regime);
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        rows.put("monthly", monthly(history, settings.burnIn()));
        rows.put("classes", classes(history));
        rows.put("elections", elections(economy.state().elections()));
        rows.put("votes_by_class", votes(economy.state().elections()));
        return new RunOutcome(spec, run.seconds(), run.stateHash(), regime, measures, rows);
    }

    /**
     * The unconditional-transfer trial's measures, read from {@code summary.json} (NaN for a run
     * without a trial): each effect with its standard error, the placebo before the payments, the
     * control group's employment and the treated group's size.
     */
    static final List<String> TRANSFER_MEASURES = List.of(
            "transfer_employment_effect", "transfer_employment_effect_se",
            "transfer_effort_effect", "transfer_effort_effect_se",
            "transfer_employed_effort_effect", "transfer_employed_effort_effect_se",
            "transfer_earnings_effect", "transfer_earnings_effect_se",
            "transfer_earnings_per_payment", "transfer_earnings_per_payment_se",
            "transfer_employment_before", "transfer_employment_before_se",
            "transfer_control_employment_rate", "transfer_treated");

    /** The measure names every outcome carries, in a fixed order. */
    public static List<String> measureNames() {
        List<String> out = new ArrayList<>();
        for (Sweep.Measure m : Sweep.MEASURES) {
            out.add(m.key());
        }
        out.add("mean_employer_firm_size");
        out.add("job_to_job_rate");
        out.add("wealth_gini");
        for (PersonClass c : PersonClass.values()) {
            out.add("vote_centralising." + c.key());
        }
        out.add("vote_centralising.all");
        out.add("ubi_cut.power_high");
        out.add("ubi_cut.power_low");
        out.add("ubi_cut.after_power_lost");
        out.add("centralising_months_share");
        out.add("regime_centralising");
        for (PersonClass c : PersonClass.values()) {
            if (c != PersonClass.UNEMPLOYED) {
                out.add("small_owner_employer." + c.key());
            }
        }
        out.add("ownership_spread");
        out.add("firing_cost_in_force");
        out.addAll(TRANSFER_MEASURES);
        for (SizeClass c : SizeClass.SUSB) {
            out.add("firm_share." + c.label());
            out.add("employment_share." + c.label());
        }
        for (Target t : Targets.ALL) {
            out.add(CALIBRATION_PREFIX + t.key());
        }
        return out;
    }

    /** Prefix of the measures that hold a calibration target's value: {@code calibration.KEY}. */
    public static final String CALIBRATION_PREFIX = "calibration.";

    private static Map<String, Double> measures(JsonNode summary, List<MonthlyMetrics> history, Economy economy,
                                                RunSettings settings, Map<String, Boolean> centralising,
                                                String regime) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Sweep.Measure m : Sweep.MEASURES) {
            out.put(m.key(), Sweep.read(summary, m));
        }
        out.put("mean_employer_firm_size", number(summary.path("mean_employer_firm_size")));
        out.put("job_to_job_rate", number(summary.path("job_to_job_rate")));
        out.put("wealth_gini", number(summary.path("wealth_gini")));

        // Vote shares for centralising platforms, pooled over the elections held.
        int classes = PersonClass.values().length;
        long[] forCentral = new long[classes];
        long[] cast = new long[classes];
        for (Election e : economy.state().elections()) {
            if (!e.held()) {
                continue;
            }
            for (int c = 0; c < classes; c++) {
                for (int p = 0; p < e.platforms().size(); p++) {
                    long v = e.votesByClass()[c][p];
                    cast[c] += v;
                    if (centralising.getOrDefault(e.platforms().get(p), false)) {
                        forCentral[c] += v;
                    }
                }
            }
        }
        long allFor = 0;
        long allCast = 0;
        for (PersonClass c : PersonClass.values()) {
            int k = c.ordinal();
            out.put("vote_centralising." + c.key(), cast[k] == 0 ? Double.NaN : (double) forCentral[k] / cast[k]);
            allFor += forCentral[k];
            allCast += cast[k];
        }
        out.put("vote_centralising.all", allCast == 0 ? Double.NaN : (double) allFor / allCast);

        // Share of the promised basic income withheld, in months of high and of low power.
        double threshold = settings.labour().lockInThreshold();
        double[] promised = new double[2];
        double[] paid = new double[2];
        int start = settings.labour().politicsStart();
        int centralMonths = 0;
        int politicsMonths = 0;
        for (MonthlyMetrics m : history) {
            StateTally s = m.state();
            if (s == null || m.month() < start) {
                continue;
            }
            politicsMonths++;
            if (centralising.getOrDefault(s.platform(), false)) {
                centralMonths++;
            }
            if (s.ubiPromised() > 0) {
                int low = s.countervailingPower() < threshold ? 1 : 0;
                promised[low] += s.ubiPromised();
                paid[low] += s.ubiPaid();
            }
        }
        double cutHigh = promised[0] > 0 ? 1 - paid[0] / promised[0] : Double.NaN;
        double cutLow = promised[1] > 0 ? 1 - paid[1] / promised[1] : Double.NaN;
        out.put("ubi_cut.power_high", cutHigh);
        out.put("ubi_cut.power_low", cutLow);
        out.put("ubi_cut.after_power_lost", Double.isNaN(cutLow) || Double.isNaN(cutHigh) ? Double.NaN
                : cutLow - cutHigh);
        out.put("centralising_months_share", politicsMonths == 0 ? 0 : (double) centralMonths / politicsMonths);
        out.put("regime_centralising", centralising.getOrDefault(regime, false) ? 1.0 : 0.0);

        // Who each class works for; ownership spread is the share of the employed working for
        // themselves, a small owner or their co-op.
        JsonNode employers = summary.path("employer_by_class");
        JsonNode shares = summary.path("class_shares");
        double spread = 0;
        double weight = 0;
        for (PersonClass c : PersonClass.values()) {
            if (c == PersonClass.UNEMPLOYED) {
                continue;
            }
            JsonNode row = employers.path(c.key());
            out.put("small_owner_employer." + c.key(), number(row.path("small_owner")));
            double w = number(shares.path(c.key()));
            double own = number(row.path("own_firm")) + number(row.path("small_owner")) + number(row.path("members"));
            if (!Double.isNaN(w) && !Double.isNaN(own)) {
                spread += w * own;
                weight += w;
            }
        }
        out.put("ownership_spread", weight > 0 ? spread / weight : Double.NaN);
        out.put("firing_cost_in_force", economy.labour().firingCost());
        for (String key : TRANSFER_MEASURES) {
            out.put(key, number(summary.path(key)));
        }
        MonthlyMetrics last = history.get(history.size() - 1);
        for (int k = 0; k < SizeClass.SUSB.size(); k++) {
            SizeClass c = SizeClass.SUSB.get(k);
            out.put("firm_share." + c.label(), last.sizeClassFirmShare()[k]);
            out.put("employment_share." + c.label(), last.sizeClassEmploymentShare()[k]);
        }
        CalibrationTable.valuesOf(summary).forEach((key, v) -> out.put(CALIBRATION_PREFIX + key, v));
        return out;
    }

    /** The platform in force for most months from politics_start on, "none" if none ruled. */
    static String regime(List<MonthlyMetrics> history, int politicsStart) {
        Map<String, Integer> months = new LinkedHashMap<>();
        for (MonthlyMetrics m : history) {
            if (m.state() != null && m.month() >= politicsStart && m.state().platform() != null
                    && !m.state().platform().isEmpty()) {
                months.merge(m.state().platform(), 1, Integer::sum);
            }
        }
        return months.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
    }

    /** The headline series of every month, in the columns {@link MonthlyMeasures#HEADLINE} declares. */
    private static List<Object[]> monthly(List<MonthlyMetrics> history, int burnIn) {
        List<Object[]> rows = new ArrayList<>(history.size());
        List<io.ownerscape.model.measure.Measure> columns = MonthlyMeasures.HEADLINE.columns();
        for (MonthlyMetrics m : history) {
            Object[] row = new Object[columns.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = columns.get(k).of(m, m.month() <= burnIn);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Object[]> classes(List<MonthlyMetrics> history) {
        List<Object[]> rows = new ArrayList<>();
        for (MonthlyMetrics m : history) {
            if (m.review() == null) {
                continue;
            }
            double[] shares = m.classShares();
            double[] autonomy = m.review().autonomyByClass();
            for (PersonClass c : PersonClass.values()) {
                rows.add(new Object[]{m.month(), c.key(), shares[c.ordinal()],
                        c == PersonClass.UNEMPLOYED ? Double.NaN : autonomy[c.ordinal()]});
            }
        }
        return rows;
    }

    private static List<Object[]> elections(List<Election> elections) {
        List<Object[]> rows = new ArrayList<>();
        for (Election e : elections) {
            rows.add(new Object[]{e.month(), e.held(), e.incumbent(), e.winner(), e.cast(), e.abstained(),
                    e.margin(), e.decisive(), e.countervailingPower()});
        }
        return rows;
    }

    private static List<Object[]> votes(List<Election> elections) {
        List<Object[]> rows = new ArrayList<>();
        for (Election e : elections) {
            if (!e.held()) {
                continue;
            }
            double[][] share = e.voteShareByClass();
            for (PersonClass c : PersonClass.values()) {
                for (int p = 0; p < e.platforms().size(); p++) {
                    rows.add(new Object[]{e.month(), c.key(), e.platforms().get(p),
                            e.votesByClass()[c.ordinal()][p], share[c.ordinal()][p]});
                }
            }
        }
        return rows;
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
