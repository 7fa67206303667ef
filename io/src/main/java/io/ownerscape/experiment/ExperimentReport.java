package io.ownerscape.experiment;

import io.ownerscape.model.measure.MonthlyMeasures;

import io.ownerscape.calibration.CalibrationTable;
import io.ownerscape.calibration.Target;
import io.ownerscape.calibration.Targets;
import io.ownerscape.io.Charts;
import io.ownerscape.io.HtmlReport;
import io.ownerscape.io.ModelBuild;
import io.ownerscape.io.RunMetadata;
import io.ownerscape.io.Sweep;
import io.ownerscape.model.metrics.SizeClass;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment's self-contained {@code report.html} (charts inline as SVG, no external file or
 * script), with every chart also in {@code charts/} as SVG and PNG: the verdict table first, a
 * section per hypothesis with its chart and robustness map, the scenarios over time, measures by
 * scenario, sensitivity, the calibration table of the baseline scenario (the first) with the
 * size classes of every scenario against SUSB and BLS, and run metadata.
 */
final class ExperimentReport {

    /**
     * Monthly series drawn over time: the SQL over the store's {@code monthly} table, the title, and
     * the y axis (the measure's declared unit, MonthlyMeasures).
     */
    private static final String[][] SERIES = {
            series(MonthlyMeasures.AUTONOMY_INDEX, "Autonomy index of the employed"),
            series(MonthlyMeasures.MANAGERIAL_SHARE, "Managers per employee"),
            series(MonthlyMeasures.SMALL_OWNERS_PER_1000, "Small owners per 1,000 persons"),
            series(MonthlyMeasures.TOP1_EMPLOYMENT_SHARE, "Employment share of the top 1% of firms"),
            series(MonthlyMeasures.STATE_EMPLOYMENT_SHARE, "State share of employment"),
            series(MonthlyMeasures.UNEMPLOYMENT_RATE, "Unemployment rate"),
            {MonthlyMeasures.UBI_PAID.name() + " / NULLIF(" + MonthlyMeasures.UBI_PROMISED.name() + ", 0)",
                    "Basic income paid / promised (months with a promise)", "ratio"},
            series(MonthlyMeasures.COUNTERVAILING_POWER, "Countervailing power")};

    private static String[] series(io.ownerscape.model.measure.Measure m, String title) {
        if (!MonthlyMeasures.HEADLINE.columns().contains(m)) {
            throw new IllegalStateException(m.name() + " is not among the headline series the store keeps");
        }
        return new String[] {m.name(), title, m.unit()};
    }

    private ExperimentReport() {
    }

    static Path write(Path out, ExperimentPlan plan, ExperimentStore store, List<ExperimentStore.StoredRun> runs,
                      List<Hypotheses.Result> judged, Map<String, List<?>> sensitivity, RunMetadata meta,
                      String backend, double seconds, int ranNow) throws IOException, SQLException {
        System.setProperty("java.awt.headless", "true");
        Path charts = Files.createDirectories(out.resolve("charts"));
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ownerscape experiment: ")
                .append(esc(plan.name())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:0.92em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right;vertical-align:top}")
                .append("th{background:#f4f4f4}td.l,th.l{text-align:left}")
                .append(".supported{background:#d9f2d9}.not-supported{background:#f8d7d7}.inconclusive{background:#f2f2f2}")
                .append("figure{margin:1.5em 0}figcaption{color:#555;font-size:0.9em}svg{max-width:100%;height:auto}")
                .append("pre{background:#f7f7f7;padding:1em;overflow:auto}nav a{margin-right:1em}")
                .append("</style></head><body>\n");
        h.append("<h1>Experiment <code>").append(esc(plan.name())).append("</code></h1>\n");
        if (!plan.description().isEmpty()) {
            h.append("<p>").append(esc(plan.description())).append("</p>\n");
        }
        h.append("<p>").append(runs.size()).append(" runs: ").append(plan.scenarios().size()).append(" scenarios (")
                .append(esc(String.join(", ", plan.scenarios().keySet()))).append(") &times; ")
                .append(plan.seeds().size()).append(" seeds");
        if (plan.sweep() != null) {
            h.append(" &times; ").append(plan.sweep().points().size()).append(" sweep points (")
                    .append(plan.sweep().method()).append(")");
        }
        if (plan.sensitivity() != null) {
            h.append(" &times; ").append(plan.sensitivity().points().size()).append(" ")
                    .append(plan.sensitivity().method()).append(" points");
        }
        h.append(". Every interval is a 95% confidence interval over runs (seeds and design points).</p>\n");
        boolean trial = runs.stream().anyMatch(TransferTrialResults::hasTrial);
        h.append("<nav><a href=\"#verdicts\">Verdicts</a>");
        if (trial) {
            h.append("<a href=\"#transfer\">Transfer trial</a>");
        }
        for (Hypotheses.Result r : judged) {
            h.append("<a href=\"#").append(r.name()).append("\">").append(r.name()).append("</a>");
        }
        h.append("<a href=\"#time\">Over time</a><a href=\"#measures\">Measures</a>");
        if (plan.sweep() != null) {
            h.append("<a href=\"#sweep\">Sweep</a>");
        }
        if (!sensitivity.isEmpty()) {
            h.append("<a href=\"#sensitivity\">Sensitivity</a>");
        }
        h.append("<a href=\"#calibration\">Calibration</a><a href=\"#metadata\">Metadata</a></nav>\n");

        verdictTable(h, judged);
        if (trial) {
            transferTrial(h, runs, plan);
        }
        for (Hypotheses.Result r : judged) {
            hypothesis(h, r, charts);
        }
        overTime(h, store, charts);
        measures(h, runs, plan);
        if (plan.sweep() != null) {
            sweep(h, runs, plan);
        }
        if (!sensitivity.isEmpty()) {
            sensitivity(h, plan, sensitivity, charts);
        }
        calibration(h, runs, plan);
        metadata(h, plan, meta, backend, seconds, ranNow, runs, store);
        h.append("</body></html>\n");
        Path page = out.resolve("report.html");
        io.ownerscape.io.AtomicFiles.writeString(page, h);
        return page;
    }

    private static void verdictTable(StringBuilder h, List<Hypotheses.Result> judged) {
        if (judged.isEmpty()) {
            h.append("<h2 id=\"verdicts\">Verdicts</h2>\n<p>This experiment judges no hypothesis"
                    + " (<code>hypotheses: []</code>).</p>\n");
            return;
        }
        h.append("<h2 id=\"verdicts\">Verdicts</h2>\n<table><tr><th class=\"l\">hypothesis</th><th class=\"l\">claim</th>"
                + "<th class=\"l\">statistic</th><th>estimate [95% CI]</th><th>n</th><th class=\"l\">verdict</th>"
                + "<th class=\"l\">moves most with</th></tr>\n");
        for (Hypotheses.Result r : judged) {
            h.append("<tr class=\"").append(cls(r.test().verdict())).append("\"><td class=\"l\"><a href=\"#")
                    .append(r.name()).append("\">").append(r.name()).append("</a></td><td class=\"l\">")
                    .append(esc(r.claim())).append("</td><td class=\"l\">").append(esc(r.statistic())).append("</td><td>")
                    .append(interval(r.test().effect())).append("</td><td>").append(r.test().effect().n())
                    .append("</td><td class=\"l\"><b>").append(r.test().verdict().label()).append("</b></td><td class=\"l\">")
                    .append(esc(r.driver().isEmpty() ? "—" : r.driver())).append("</td></tr>\n");
        }
        h.append("</table>\n<p>Supported: the interval lies above 0 and the estimate reaches the hypothesis's negligible"
                + " effect. Not supported: the whole interval lies below the negligible effect (including the opposite"
                + " sign). Inconclusive: neither, or the runs cannot test it (each section says why).</p>\n");
    }

    private static void transferTrial(StringBuilder h, List<ExperimentStore.StoredRun> runs, ExperimentPlan plan) {
        h.append("<h2 id=\"transfer\">The unconditional-transfer trial</h2>\n<p>A random group of persons is paid,"
                + " untaxed and with no condition, a share of their own income of the twelve months before the first"
                + " payment, every month of the window; a control group drawn the same way is not (MODEL.md &sect;7.17)."
                + " In each run an effect is a difference of the groups' means with each person's mean over the"
                + " payment window as one observation. <b>Pooled</b>: the runs' estimates weighted by their inverse"
                + " variance (a fixed-effect meta-analysis) with its 95% interval; <b>across runs</b>: the mean of the"
                + " runs' estimates with Student's t interval, which also carries the variation between worlds."
                + " The targets are the calibration ranges of issue 17 (item 3).</p>\n");
        List<TransferTrialResults.Row> rows = TransferTrialResults.rows(runs, plan);
        for (String scenario : plan.scenarios().keySet()) {
            List<ExperimentStore.StoredRun> mine = TransferTrialResults.runsOf(runs, scenario);
            if (mine.isEmpty()) {
                continue;
            }
            Map<String, String> p = mine.get(0).parameters();
            h.append("<h3>").append(esc(scenario)).append("</h3>\n<p>").append(mine.size()).append(" runs; treated share ")
                    .append(esc(p.get("transfer_share"))).append(", control share ")
                    .append(esc(p.get("transfer_control_share"))).append(" (0: as the treated), payment ")
                    .append(esc(p.get("transfer_replacement"))).append(" of prior income for ")
                    .append(esc(p.get("transfer_months"))).append(" months from month ")
                    .append(esc(p.get("transfer_start"))).append(", low-income only: ")
                    .append(esc(p.get("transfer_low_income"))).append(", basic income counted in choices: ")
                    .append(esc(p.get("ubi_in_choices"))).append("; treated persons per run: ")
                    .append(String.format("%.0f", Stats.mean(mine.stream().map(r -> Hypotheses.m(r, "transfer_treated"))
                            .toList()).estimate()))
                    .append("; control group's employment rate: ")
                    .append(interval(Stats.mean(mine.stream().map(r -> Hypotheses.m(r, "transfer_control_employment_rate"))
                            .toList())))
                    .append(".</p>\n<table><tr><th class=\"l\">effect</th><th>pooled [95% CI]</th>"
                            + "<th>across runs [95% CI]</th><th>target</th><th class=\"l\">in target</th>"
                            + "<th class=\"l\">published evidence</th></tr>\n");
            for (TransferTrialResults.Row row : rows) {
                if (!row.scenario().equals(scenario)) {
                    continue;
                }
                h.append("<tr><td class=\"l\">").append(esc(row.label())).append("</td><td>").append(interval(row.pooled()))
                        .append("</td><td>").append(interval(row.acrossRuns())).append("</td><td>").append(row.target())
                        .append("</td><td class=\"l\">").append(row.inTarget()).append("</td><td class=\"l\">")
                        .append(esc(row.evidence())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static void hypothesis(StringBuilder h, Hypotheses.Result r, Path charts) throws IOException {
        h.append("<h2 id=\"").append(r.name()).append("\">").append(r.name()).append(": ").append(esc(r.claim()))
                .append("</h2>\n<p><b>Operational definition.</b> ").append(esc(r.definition())).append("</p>\n")
                .append("<p><b>Result.</b> ").append(esc(r.statistic())).append(": ").append(interval(r.test().effect()))
                .append(" &rarr; <b>").append(r.test().verdict().label()).append("</b> (").append(esc(r.test().reason()))
                .append(").</p>\n<p><b>Robustness.</b> ").append(esc(r.holds())).append(".");
        if (!r.driver().isEmpty()) {
            h.append(" The effect moves most with <b>").append(esc(r.driver())).append("</b>.");
        }
        h.append("</p>\n");
        Charts.Named chart = null;
        String stem = "hypothesis_" + r.name();
        if (!r.points().isEmpty()) {
            XYChart c = xy(r.name() + ": " + r.claim(), r.axes()[0], r.axes()[1]);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (double[] p : r.points()) {
                xs.add(p[0]);
                ys.add(p[1]);
            }
            XYSeries s = c.addSeries("runs", xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            chart = new Charts.Named(stem, r.name() + ": one point per run.", c);
        } else if (!r.groups().isEmpty()) {
            chart = bars(stem, r.name() + ": " + wrap(r.statistic()), r.axes()[0], r.axes()[1], r.groups(),
                    r.name() + ": mean per group with its 95% confidence interval.");
        }
        if (chart != null) {
            figure(h, chart, charts);
        }
        if (!r.driver().isEmpty()) {
            String dimension = r.driver().substring(0, r.driver().indexOf(" ("));
            Map<String, Stats.Interval> byCondition = new LinkedHashMap<>();
            for (Hypotheses.Cell c : r.cells()) {
                if (c.dimension().equals(dimension)) {
                    byCondition.put(c.condition(), c.test().effect());
                }
            }
            if (byCondition.size() > 1) {
                figure(h, bars(stem + "_by_" + dimension.replaceAll("[^A-Za-z0-9_-]", "_"),
                        r.name() + " by " + dimension, dimension, "effect", byCondition,
                        r.name() + ": the statistic within each value of " + dimension
                                + ", with its 95% confidence interval where it can be estimated."), charts);
            }
        }
        if (!r.cells().isEmpty()) {
            h.append("<details open><summary>Robustness map (").append(r.cells().size())
                    .append(" conditions)</summary><table><tr><th class=\"l\">dimension</th><th class=\"l\">condition</th>"
                            + "<th>runs</th><th>estimate [95% CI]</th><th class=\"l\">verdict</th></tr>\n");
            for (Hypotheses.Cell c : r.cells()) {
                h.append("<tr class=\"").append(cls(c.test().verdict())).append("\"><td class=\"l\">")
                        .append(esc(c.dimension())).append("</td><td class=\"l\">").append(esc(c.condition()))
                        .append("</td><td>").append(c.runs()).append("</td><td>").append(interval(c.test().effect()))
                        .append("</td><td class=\"l\">").append(c.test().verdict().label()).append("</td></tr>\n");
            }
            h.append("</table></details>\n");
        }
    }

    private static void overTime(StringBuilder h, ExperimentStore store, Path charts) throws SQLException, IOException {
        h.append("<h2 id=\"time\">The scenarios over time</h2>\n<p>Mean over each scenario's runs, every 12th month.</p>\n");
        for (String[] s : SERIES) {
            List<Object[]> rows = store.query("SELECT r.scenario, m.month, avg(" + s[0] + ") FROM monthly m JOIN runs r"
                    + " USING (run_id) WHERE m.month % 12 = 0 GROUP BY 1, 2 ORDER BY 1, 2");
            Map<String, List<double[]>> by = new LinkedHashMap<>();
            for (Object[] row : rows) {
                if (row[2] != null) {
                    by.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                            .add(new double[]{((Number) row[1]).doubleValue() / 12, ((Number) row[2]).doubleValue()});
                }
            }
            if (by.isEmpty()) {
                continue;
            }
            XYChart c = xy(s[1], "year", s[2]);
            for (var e : by.entrySet()) {
                XYSeries series = c.addSeries(e.getKey(), e.getValue().stream().map(p -> p[0]).toList(),
                        e.getValue().stream().map(p -> p[1]).toList());
                series.setMarker(SeriesMarkers.NONE);
            }
            String stem = "time_" + s[0].replaceAll("[^a-z0-9_]+", "_").replaceAll("_+$", "");
            figure(h, new Charts.Named(stem, s[1] + " by scenario, mean over runs.", c), charts);
        }
    }

    private static void measures(StringBuilder h, List<ExperimentStore.StoredRun> runs, ExperimentPlan plan) {
        h.append("<h2 id=\"measures\">Measures by scenario</h2>\n<p>End-of-run values (means over the last 12 months),"
                + " mean over the scenario's runs [95% CI].</p>\n<table><tr><th class=\"l\">measure</th>");
        for (String s : plan.scenarios().keySet()) {
            h.append("<th>").append(esc(s)).append("</th>");
        }
        h.append("</tr>\n");
        for (Sweep.Measure m : Sweep.MEASURES) {
            h.append("<tr><td class=\"l\">").append(esc(m.label())).append("</td>");
            for (String s : plan.scenarios().keySet()) {
                List<Double> v = runs.stream().filter(r -> r.scenario().equals(s)).map(r -> Hypotheses.m(r, m.key())).toList();
                h.append("<td>").append(interval(Stats.mean(v))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void sweep(StringBuilder h, List<ExperimentStore.StoredRun> runs, ExperimentPlan plan) {
        h.append("<h2 id=\"sweep\">The sweep: what moves with each factor</h2>\n<p>Pearson's correlation across the"
                + " sweep's runs between each factor and each end-of-run measure [95% Fisher interval]; bold where the"
                + " interval excludes 0. ").append(plan.sweep().points().size()).append(" points (")
                .append(plan.sweep().method()).append(") x ").append(plan.seeds().size())
                .append(" seeds per scenario.</p>\n<table><tr><th class=\"l\">measure</th>");
        for (Factor f : plan.sweep().factors()) {
            h.append("<th>").append(esc(f.key())).append("</th>");
        }
        h.append("</tr>\n");
        List<ExperimentStore.StoredRun> swept = runs.stream().filter(r -> r.design().equals("sweep")).toList();
        for (Sweep.Measure m : Sweep.MEASURES) {
            List<Double> y = swept.stream().map(r -> Hypotheses.m(r, m.key())).toList();
            if (y.stream().allMatch(v -> Double.isNaN(v))) {
                continue;
            }
            h.append("<tr><td class=\"l\">").append(esc(m.label())).append("</td>");
            for (Factor f : plan.sweep().factors()) {
                List<Double> x = swept.stream().map(r -> {
                    Object v = r.factors().get(f.key());
                    return v == null ? Double.NaN : f.numeric(v);
                }).toList();
                Stats.Interval c = Stats.correlation(x, y);
                boolean clear = c.known() && (c.low() > 0 || c.high() < 0);
                h.append("<td>").append(clear ? "<b>" : "").append(interval(c)).append(clear ? "</b>" : "").append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void sensitivity(StringBuilder h, ExperimentPlan plan, Map<String, List<?>> sensitivity, Path charts)
            throws IOException {
        boolean sobol = plan.sensitivity().method().equals("sobol");
        h.append("<h2 id=\"sensitivity\">Sensitivity</h2>\n<p>").append(sobol
                ? "Sobol indices (Saltelli 2010 first order, Jansen total) with 95% bootstrap intervals: the share of the"
                + " output's variance each factor explains alone (S1) and with its interactions (ST)."
                : "Morris elementary effects in unit-range coordinates: &mu;* (mean absolute effect: overall influence),"
                + " &mu; (mean effect: direction) and &sigma; (spread: interactions or non-linearity).")
                .append(" Each design point's output is its mean over seeds. All outputs are in sensitivity.csv.</p>\n");
        List<String> shown = new ArrayList<>();
        for (String h1 : Hypotheses.PER_RUN) {
            shown.add(h1 + ".effect");
        }
        shown.addAll(List.of("autonomy_index", "managerial_share", "small_owner_share", "top1_employment_share",
                "unemployment_rate", "ubi_paid_of_promised", "state_employment_share", "vote_centralising.all"));
        for (String scenario : plan.scenarios().keySet()) {
            h.append("<h3>").append(esc(scenario)).append("</h3>\n<table><tr><th class=\"l\">output</th>");
            for (Factor f : plan.sensitivity().factors()) {
                h.append("<th>").append(esc(f.key())).append("</th>");
            }
            h.append("</tr>\n");
            Map<String, Double> forChart = new LinkedHashMap<>();
            for (String output : shown) {
                List<?> rows = sensitivity.get(scenario + " / " + output);
                if (rows == null) {
                    continue;
                }
                h.append("<tr><td class=\"l\">").append(esc(output)).append("</td>");
                for (Object o : rows) {
                    if (o instanceof Sensitivity.Morris m) {
                        h.append(String.format("<td>&mu;* %.3g<br>&mu; %.3g, &sigma; %.3g</td>", m.muStar(), m.mu(), m.sigma()));
                        if (output.equals("autonomy_index")) {
                            forChart.put(m.factor(), m.muStar());
                        }
                    } else if (o instanceof Sensitivity.Sobol s) {
                        h.append(String.format("<td>S1 %.2f [%.2f, %.2f]<br>ST %.2f [%.2f, %.2f]</td>", s.first(),
                                s.firstLow(), s.firstHigh(), s.total(), s.totalLow(), s.totalHigh()));
                        if (output.equals("autonomy_index")) {
                            forChart.put(s.factor(), s.total());
                        }
                    }
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
            if (!forChart.isEmpty()) {
                Map<String, Stats.Interval> bars = new LinkedHashMap<>();
                forChart.forEach((k, v) -> bars.put(k, new Stats.Interval(v, Double.NaN, Double.NaN, 1)));
                figure(h, bars("sensitivity_" + scenario.replaceAll("[^A-Za-z0-9_-]", "_"),
                        "Autonomy index: " + (sobol ? "total Sobol index" : "Morris mu*") + " by factor (" + scenario + ")",
                        "factor", sobol ? "ST" : "mu*", bars, "Influence of each factor on the autonomy index, "
                                + scenario + "."), charts);
            }
        }
    }

    private static void calibration(StringBuilder h, List<ExperimentStore.StoredRun> runs, ExperimentPlan plan) {
        h.append("<h2 id=\"calibration\">Calibration</h2>\n");
        Baseline baseline = baseline(runs, plan);
        if (baseline.runs().isEmpty()) {
            h.append("<p>No run of the first scenario is in the store yet.</p>\n");
        } else {
            List<Long> seeds = new ArrayList<>();
            List<Map<String, Double>> values = new ArrayList<>();
            for (ExperimentStore.StoredRun r : baseline.runs()) {
                seeds.add(r.seed());
                Map<String, Double> v = new LinkedHashMap<>();
                for (Target t : Targets.ALL) {
                    v.put(t.key(), Hypotheses.m(r, ExperimentRun.CALIBRATION_PREFIX + t.key()));
                }
                values.add(v);
            }
            h.append("<p>Every target of the US-like baseline (issue 17; docs/VALIDATION.md §0) for the baseline"
                    + " scenario <code>").append(esc(baseline.scenario())).append("</code>").append(esc(baseline.note()))
                    .append(", over its seeds. <code>./ownerscape calibrate</code> judges the same targets at"
                            + " 1,000,000 persons and 600 months.</p>\n")
                    .append(CalibrationTable.of(seeds, values).html());
        }
        h.append("<h3>Size classes and labour by scenario</h3>\n<p>Final month of each run, mean over the"
                + " scenario's runs. US figures: Census Statistics of US Businesses 2022 (employer firms by employees),"
                + " BLS OEWS 2025 (management occupations 7.2% of employment; target 7-14% managers per employee), BLS"
                + " CPS unemployment (target 3-8%); Axtell's tail exponent 1.059 and mean employer size 21.2"
                + " (docs/VALIDATION.md).</p>\n<table><tr><th class=\"l\">measure</th><th>US</th>");
        for (String s : plan.scenarios().keySet()) {
            h.append("<th>").append(esc(s)).append("</th>");
        }
        h.append("</tr>\n");
        for (SizeClass c : SizeClass.SUSB) {
            calibrationRow(h, runs, plan, "firms with " + c.label() + " employees", "firm_share." + c.label(),
                    c.susbFirmShare(), true);
        }
        for (SizeClass c : SizeClass.SUSB) {
            calibrationRow(h, runs, plan, "employment in firms of " + c.label(), "employment_share." + c.label(),
                    c.susbEmploymentShare(), true);
        }
        calibrationRow(h, runs, plan, "Zipf tail exponent", "zipf_alpha", 1.059, false);
        calibrationRow(h, runs, plan, "mean employer firm size", "mean_employer_firm_size", 21.2, false);
        calibrationRow(h, runs, plan, "managers per employee", "managerial_share", 0.072, true);
        calibrationRow(h, runs, plan, "unemployment rate", "unemployment_rate", Double.NaN, true);
        h.append("</table>\n");
    }

    /**
     * The runs the calibration table judges: the first scenario's base runs (the experiment file's
     * first scenario is its baseline), or, when every run varies a factor, its first design point.
     */
    record Baseline(String scenario, String note, List<ExperimentStore.StoredRun> runs) {
    }

    static Baseline baseline(List<ExperimentStore.StoredRun> runs, ExperimentPlan plan) {
        String first = plan.scenarios().keySet().iterator().next();
        List<ExperimentStore.StoredRun> base = runs.stream()
                .filter(r -> r.scenario().equals(first) && r.design().equals("base")).toList();
        if (!base.isEmpty()) {
            return new Baseline(first, "", base);
        }
        List<ExperimentStore.StoredRun> mine = runs.stream().filter(r -> r.scenario().equals(first)).toList();
        if (mine.isEmpty()) {
            return new Baseline(first, "", List.of());
        }
        ExperimentStore.StoredRun lead = mine.get(0);
        List<ExperimentStore.StoredRun> point = mine.stream()
                .filter(r -> r.design().equals(lead.design()) && r.point() == lead.point()).toList();
        return new Baseline(first, " at its " + lead.design() + " design point " + lead.point() + " ("
                + lead.factors() + "; every run of this experiment varies a factor)", point);
    }

    private static void calibrationRow(StringBuilder h, List<ExperimentStore.StoredRun> runs, ExperimentPlan plan,
                                       String label, String measure, double us, boolean percent) {
        h.append("<tr><td class=\"l\">").append(esc(label)).append("</td><td>")
                .append(Double.isNaN(us) ? "3-8%" : percent ? String.format("%.1f%%", 100 * us) : String.format("%.3g", us))
                .append("</td>");
        for (String s : plan.scenarios().keySet()) {
            double v = Stats.mean(runs.stream().filter(r -> r.scenario().equals(s)).map(r -> Hypotheses.m(r, measure))
                    .toList()).estimate();
            h.append("<td>").append(Double.isNaN(v) ? "—" : percent ? String.format("%.1f%%", 100 * v)
                    : String.format("%.3g", v)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void metadata(StringBuilder h, ExperimentPlan plan, RunMetadata meta, String backend, double seconds,
                                 int ranNow, List<ExperimentStore.StoredRun> runs, ExperimentStore store)
            throws SQLException {
        double runSeconds = 0;
        for (Object[] row : store.query("SELECT sum(seconds) FROM runs")) {
            runSeconds = row[0] == null ? 0 : ((Number) row[0]).doubleValue();
        }
        var first = plan.scenarios().values().iterator().next();
        h.append("<h2 id=\"metadata\">Run metadata</h2>\n<table>");
        String[][] rows = {
                {"Ownerscape version", meta.version()}, {"git commit", meta.gitCommit()},
                {"model build", ModelBuild.fingerprint()}, {"JDK", meta.jdk()},
                {"machine", meta.machine()}, {"executed on", backend},
                {"runs", runs.size() + " (" + ranNow + " in this invocation)"},
                {"seeds", plan.seeds().toString()},
                {"persons, months, burn-in", String.format("%,d, %d, %d", first.model().persons(), first.months(),
                        first.burnIn())},
                {"wall time of this invocation", String.format("%.1f s", seconds)},
                {"simulation time summed over runs", String.format("%.1f s", runSeconds)},
                {"outputs", "experiment.duckdb, parquet/*.parquet, verdicts.json, verdicts.csv, charts/ (SVG and PNG)"
                        + (plan.sensitivity() != null ? ", sensitivity.csv" : "")}};
        for (String[] r : rows) {
            h.append("<tr><th class=\"l\">").append(esc(r[0])).append("</th><td class=\"l\">").append(esc(r[1]))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Scenarios</h3>\n<table><tr><th class=\"l\">scenario</th><th class=\"l\">preset</th>"
                + "<th class=\"l\">ruling platform</th><th class=\"l\">rules differing from the preset</th></tr>\n");
        for (var e : plan.scenarios().entrySet()) {
            var preset = io.ownerscape.model.labour.LabourKeys.toMap(e.getValue().preset().labour());
            List<String> diff = new ArrayList<>();
            io.ownerscape.model.labour.LabourKeys.toMap(e.getValue().labour()).forEach((k, v) -> {
                if (!v.equals(preset.get(k))) {
                    diff.add(k + " = " + v);
                }
            });
            h.append("<tr><td class=\"l\">").append(esc(e.getKey())).append("</td><td class=\"l\">")
                    .append(esc(e.getValue().preset().key())).append("</td><td class=\"l\">")
                    .append(esc(e.getValue().ruling() == null ? "none" : e.getValue().ruling())).append("</td><td class=\"l\">")
                    .append(esc(diff.isEmpty() ? "—" : String.join(", ", diff))).append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Experiment file</h3>\n<pre>").append(esc(plan.text())).append("</pre>\n");
    }

    private static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return c;
    }

    private static Charts.Named bars(String stem, String title, String x, String y, Map<String, Stats.Interval> groups,
                                     String caption) {
        CategoryChart c = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendVisible(false);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        groups.forEach((k, v) -> {
            if (!Double.isNaN(v.estimate())) {
                labels.add(k);
                values.add(v.estimate());
                errors.add(v.known() ? (v.high() - v.low()) / 2 : 0.0);
            }
        });
        if (labels.isEmpty()) {
            labels.add("no data");
            values.add(0.0);
            errors.add(0.0);
        }
        CategorySeries s = c.addSeries("estimate", labels, values, errors);
        s.setFillColor(new Color(0x1F77B4));
        return new Charts.Named(stem, caption, c);
    }

    private static void figure(StringBuilder h, Charts.Named chart, Path dir) throws IOException {
        h.append("<figure>").append(Charts.writeFiles(chart, dir)).append("<figcaption>").append(esc(chart.caption()))
                .append(" Files: charts/").append(chart.stem()).append(".svg and .png.</figcaption></figure>\n");
    }

    private static String interval(Stats.Interval i) {
        if (Double.isNaN(i.estimate())) {
            return "—";
        }
        if (!i.known()) {
            return String.format("%.3g", i.estimate());
        }
        return String.format("%.3g [%.3g, %.3g]", i.estimate(), i.low(), i.high());
    }

    private static String cls(Hypotheses.Verdict v) {
        return switch (v) {
            case SUPPORTED -> "supported";
            case NOT_SUPPORTED -> "not-supported";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    private static String wrap(String s) {
        return s.length() > 70 ? s.substring(0, 67) + "..." : s;
    }

    private static String esc(String s) {
        return HtmlReport.escape(s == null ? "" : s);
    }
}
