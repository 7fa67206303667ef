package io.ownerscape.calibration;

import io.ownerscape.model.metrics.SizeClass;
import org.hipparchus.stat.regression.SimpleRegression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calibration targets of the US-like baseline (issue 17, "numbers it must reach"), declared
 * once: the {@code calibrate} command, {@code summary.json}, the run report and the experiment
 * report all read this list. A target passes when every seed's value lies in its band
 * ({@link CalibrationTable}). Sources as in {@code ../shared/reference/calibration.md}.
 */
public final class Targets {
    /** Months in each window of the two steady-state targets: the last 10 years of a run. */
    public static final int WINDOW = 120;
    /** Largest change of output per person between the last window and the one before. */
    public static final double DRIFT_LIMIT = 0.10;
    /**
     * Largest fitted rise of the largest firm over the last window, as a share of its mean level
     * there. The steady baseline's own 10-year windows rise or fall by up to about 22% of their
     * level (market preset, 100,000 persons, seeds 1-3, each window of months 241-600), and by up
     * to 14% at 1,000,000 persons (months 481-600, VALIDATION §0), so a tighter bound would fail a
     * run on noise alone; a firm that runs away rises by about 90% of its level in 10 years
     * (48,000 to 123,000 members between years 40 and 50, VALIDATION §5). A rise of 25% a decade,
     * kept up for the 50 years of a run, would still triple the largest firm: a slower drift is
     * more than one seed's last 10 years can tell from noise.
     */
    public static final double RISE_LIMIT = 0.25;
    /** Allowed factor around the SUSB firm shares of the classes from 5-9 employees on. */
    static final double SUSB_FACTOR = 1.3;
    /** Allowed factor around the JOLTS monthly rates. */
    static final double JOLTS_FACTOR = 1.5;

    /** Every target, in the order of the tables. */
    public static final List<Target> ALL = declare();

    private Targets() {
    }

    private static List<Target> declare() {
        List<Target> t = new ArrayList<>();
        double open = Double.NEGATIVE_INFINITY;
        t.add(new Target("pay_mean_to_median", "pay of employees, mean / median", Target.Unit.NUMBER, 1.2, 1.8, 1.38,
                "SSA wage statistics 2023: mean/median 1.38; BLS CPS full-time weekly earnings about 1.2-1.3"
                        + " (calibration.md §7)",
                "summary.json pay_mean_to_median (12-month mean)", r -> r.number("/pay_mean_to_median")));
        t.add(new Target("pay_size_elasticity", "elasticity of pay to firm size", Target.Unit.NUMBER, 0.03, 0.2,
                Double.NaN, "Brown & Medoff, JPE 1989; Oi & Idson, Handbook of Labor Economics 1999: about 0.05-0.1"
                        + " (calibration.md §7)",
                "summary.json pay_size_elasticity (12-month mean)", r -> r.number("/pay_size_elasticity")));
        t.add(new Target("output_per_person_drift", "output per person, last 10 years over the 10 before",
                Target.Unit.CHANGE, -DRIFT_LIMIT, DRIFT_LIMIT, 0,
                "a steady state: the model has neither technical progress nor population growth (issue 17)",
                "mean of output_per_person (monthly table) over the last " + WINDOW + " months over its mean over the "
                        + WINDOW + " months before, minus 1; not measured in runs shorter than " + 2 * WINDOW
                        + " months", r -> drift(r.outputPerPerson(), WINDOW)));
        t.add(new Target("self_employed_share", "self-employed, share of persons", Target.Unit.SHARE, 0.05, 0.14,
                0.10, "BLS CPS: about 10% of employment (unincorporated about 6%, incorporated about 4%); OECD 2016:"
                        + " 6.4% (calibration.md §6, §7)",
                "summary.json self_employed_share (12-month mean)", r -> r.number("/self_employed_share")));
        t.add(new Target("largest_firm_share", "largest firm, share of persons", Target.Unit.SHARE, open, 0.03,
                Double.NaN, "issue 17 (the largest US employer has about 1% of the labour force)",
                "summary.json largest_firm_share (12-month mean)", r -> r.number("/largest_firm_share")));
        t.add(new Target("largest_firm_trend", "largest firm, rise over the last 10 years",
                Target.Unit.CHANGE, open, RISE_LIMIT, Double.NaN,
                "issue 17: not trending up; the bound lies above the steady baseline's own 10-year swings (up to"
                        + " about 22%) and far below a runaway firm's rise (about 90%; docs/VALIDATION.md §0)",
                "least-squares slope of largest_firm (monthly table) over the last " + WINDOW + " months, times "
                        + (WINDOW - 1) + " months, over its mean there; not measured in runs shorter than " + WINDOW
                        + " months", r -> relativeRise(r.largestFirm(), WINDOW)));
        SizeClass largest = SizeClass.SUSB.get(SizeClass.SUSB.size() - 1);
        t.add(new Target("employment_share." + largest.label(), "employment in firms of " + largest.label()
                + " employees, share", Target.Unit.SHARE, 0.40, 0.65, largest.susbEmploymentShare(),
                "SUSB 2022: " + percent(largest.susbEmploymentShare()) + " (calibration.md §1)",
                "summary.json size_classes." + largest.label() + ".employment_share (final month)",
                r -> r.number("/size_classes/" + largest.label() + "/employment_share")));
        t.add(new Target("mean_employer_firm_size", "mean employees per employer firm", Target.Unit.NUMBER, 14, 30,
                21.2, "SUSB 2022: 21.2 (calibration.md §1)", "summary.json mean_employer_firm_size (final month)",
                r -> r.number("/mean_employer_firm_size")));
        for (SizeClass c : SizeClass.SUSB) {
            boolean smallest = c == SizeClass.SUSB.get(0);
            double low = smallest ? 0.48 : c.susbFirmShare() / SUSB_FACTOR;
            double high = smallest ? 0.80 : c.susbFirmShare() * SUSB_FACTOR;
            t.add(new Target("firm_share." + c.label(), "employer firms with " + c.label() + " employees, share",
                    Target.Unit.SHARE, low, high, c.susbFirmShare(),
                    "SUSB 2022: " + percent(c.susbFirmShare()) + " (calibration.md §1); band "
                            + (smallest ? "of issue 17" : "within a factor " + SUSB_FACTOR),
                    "summary.json size_classes." + c.label() + ".firm_share (final month)",
                    r -> r.number("/size_classes/" + c.label() + "/firm_share")));
        }
        t.add(new Target("zipf_alpha", "tail exponent of firm sizes (Zipf alpha)", Target.Unit.NUMBER, 0.9, 1.25,
                1.059, "Axtell, Science 2001: 1.059 (calibration.md §2)",
                "summary.json zipf_alpha (final month; maximum likelihood above a KS-chosen threshold)",
                r -> r.number("/zipf_alpha")));
        t.add(new Target("managerial_share", "managers, share of employees", Target.Unit.SHARE, 0.07, 0.14, 0.072,
                "BLS OEWS May 2025: management occupations 7.2% of jobs; BLS NCS: first-line supervisors about 10%"
                        + " of workers, second-line 2% (calibration.md §3)",
                "summary.json managerial_share (12-month mean)", r -> r.number("/managerial_share")));
        t.add(new Target("unemployment_rate", "unemployment rate", Target.Unit.SHARE, 0.03, 0.08, Double.NaN,
                "issue 17's band around the US rate (BLS CPS: about 4% in 2024-25)",
                "summary.json unemployment_rate (12-month mean)", r -> r.number("/unemployment_rate")));
        jolts(t, "hires_rate", "hires a month, share of employees", 0.035, "hires about 3.5%");
        jolts(t, "quits_rate", "quits a month, share of employees", 0.020, "quits about 2.0-2.1%");
        jolts(t, "layoffs_rate", "layoffs and discharges a month, share of employees", 0.010,
                "layoffs and discharges about 1.0-1.1%");
        return Collections.unmodifiableList(t);
    }

    private static void jolts(List<Target> t, String key, String label, double rate, String figure) {
        t.add(new Target(key, label, Target.Unit.SHARE, rate / JOLTS_FACTOR, rate * JOLTS_FACTOR, rate,
                "BLS JOLTS 2024-25 averages: " + figure + " a month (calibration.md §7); band within a factor "
                        + JOLTS_FACTOR, "summary.json " + key + " (12-month mean)", r -> r.number("/" + key)));
    }

    private static String percent(double share) {
        return String.format(share < 0.01 ? "%.2f%%" : "%.1f%%", 100 * share);
    }

    /** The target with this key. */
    public static Target get(String key) {
        for (Target t : ALL) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no calibration target " + key);
    }

    /** Every target's value for one run, by key, in the order of {@link #ALL}; NaN where not measured. */
    public static Map<String, Double> measure(Observation run) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Target t : ALL) {
            out.put(t.key(), t.reading().read(run));
        }
        return out;
    }

    /**
     * The mean of the last {@code window} values over the mean of the {@code window} before them,
     * minus 1; NaN when the series is shorter than two windows or the earlier mean is not positive.
     */
    public static double drift(double[] series, int window) {
        if (window < 1 || series.length < 2 * window) {
            return Double.NaN;
        }
        double before = mean(series, series.length - 2 * window, series.length - window);
        double last = mean(series, series.length - window, series.length);
        return before > 0 ? last / before - 1 : Double.NaN;
    }

    /**
     * The rise of the least-squares line through the last {@code window} values (one per month),
     * from the window's first month to its last, over the mean of those values: 0.1 means the
     * fitted line climbs by a tenth of the level. NaN when the series is shorter than the window
     * (or the window shorter than two months) or the mean is not positive.
     */
    public static double relativeRise(double[] series, int window) {
        if (window < 2 || series.length < window) {
            return Double.NaN;
        }
        int from = series.length - window;
        double level = mean(series, from, series.length);
        if (!(level > 0)) {
            return Double.NaN;
        }
        SimpleRegression fit = new SimpleRegression();
        for (int k = from; k < series.length; k++) {
            fit.addData(k, series[k]);
        }
        return fit.getSlope() * (window - 1) / level;
    }

    private static double mean(double[] series, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += series[k];
        }
        return sum / (to - from);
    }
}
