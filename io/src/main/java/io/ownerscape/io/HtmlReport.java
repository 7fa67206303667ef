package io.ownerscape.io;

import io.ownerscape.calibration.CalibrationTable;
import io.ownerscape.model.politics.Election;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.state.StateTally;
import io.ownerscape.model.metrics.MonthlyMetrics;
import io.ownerscape.model.metrics.SizeClass;
import io.ownerscape.model.metrics.SizeDistribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The self-contained {@code report.html} of a run: charts inline as SVG (so it opens offline),
 * the model beside the SUSB figures, and the run's provenance. Each chart is also written to
 * {@code charts/} as SVG and PNG for papers.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * Writes {@code dir/report.html} and {@code dir/charts/*}.
     *
     * @param summary the flat key/value pairs shown in the summary table
     */
    public static void write(Path dir, RunSettings settings, List<MonthlyMetrics> history,
                             SizeDistribution finalDistribution, Map<String, String> summary,
                             RunMetadata meta) throws IOException {
        write(dir, settings, history, finalDistribution, summary, meta, null);
    }

    /** As above, with the final Lorenz curve of wealth (null to leave it out). */
    public static void write(Path dir, RunSettings settings, List<MonthlyMetrics> history,
                             SizeDistribution finalDistribution, Map<String, String> summary,
                             RunMetadata meta, double[] lorenz) throws IOException {
        write(dir, settings, history, finalDistribution, summary, meta, lorenz, List.of());
    }

    /** As above, with the elections that were due (held or suspended). */
    public static void write(Path dir, RunSettings settings, List<MonthlyMetrics> history,
                             SizeDistribution finalDistribution, Map<String, String> summary,
                             RunMetadata meta, double[] lorenz, List<Election> elections) throws IOException {
        write(dir, settings, history, finalDistribution, summary, meta, lorenz, elections, null);
    }

    /** As above, with the run's calibration table (null to leave the section out). */
    public static void write(Path dir, RunSettings settings, List<MonthlyMetrics> history,
                             SizeDistribution finalDistribution, Map<String, String> summary,
                             RunMetadata meta, double[] lorenz, List<Election> elections,
                             CalibrationTable calibration) throws IOException {
        System.setProperty("java.awt.headless", "true");
        MonthlyMetrics last = history.get(history.size() - 1);
        List<Charts.Named> labourCharts = new java.util.ArrayList<>();
        if (last.review() != null) {
            labourCharts.add(Charts.classes(history));
            labourCharts.add(Charts.managersBySize(last));
            labourCharts.add(Charts.layers(last));
            labourCharts.add(Charts.autonomy(Summary.pooledAutonomy(history).autonomyByClass()));
            labourCharts.add(Charts.series("unemployment", "Unemployment and managers over time", "share",
                    history, List.of("unemployment rate", "managers per employee"),
                    List.of(m -> m.review().unemploymentRate(), m -> m.review().managerialShare()),
                    "Unemployed / labour force and hired managers / employees each month."));
            if (lorenz != null) {
                labourCharts.add(Charts.lorenz(lorenz));
            }
            labourCharts.add(Charts.series("concentration", "Small owners and concentration over time",
                    "share / per 1,000", history,
                    List.of("small owners per 1,000 persons", "employment share of the top 1% of firms (x 100)",
                            "employment share of the 10 largest firms (x 100)"),
                    List.of(MonthlyMetrics::smallOwnersPerThousand, m -> 100 * m.topPercentEmploymentShare(),
                            m -> 100 * m.topTenEmploymentShare()),
                    "Small owners (employers below the large-firm threshold) per 1,000 persons, and the"
                            + " share of employees in the largest 1% and the 10 largest employer firms, in percent."));
            if (settings.labour().acquisitions()) {
                labourCharts.add(Charts.series("acquisitions", "Acquisitions over time", "per month", history,
                        List.of("acquisitions", "persons moved with the firms bought", "mergers blocked"),
                        List.of(m -> m.acquisitions().deals(), m -> m.acquisitions().moved(),
                                m -> m.acquisitions().blocked()),
                        "Firms bought each month, the persons who moved with them (sellers included), and"
                                + " deals the antitrust cap blocked."));
            }
            if (last.review().market() != null) {
                labourCharts.add(Charts.series("goods_market", "Goods market over time", "share", history,
                        List.of("mean price", "firms selling less than they make", "customer HHI / 10,000"),
                        List.of(m -> m.review().market() == null ? Double.NaN : m.review().market().meanPrice(),
                                m -> m.review().market() == null ? Double.NaN : m.review().market().cappedShare(),
                                m -> m.review().market() == null ? Double.NaN : m.review().market().customerHhi() / 1e4),
                        "Revenue-weighted mean price (revenue / output), the share of firms whose output exceeds"
                                + " their customers' spending, and the HHI of customer shares, from the market's start."));
            }
        }
        List<Charts.Named> charts = List.of(
                Charts.ccdf(finalDistribution, last),
                Charts.sizeClasses(last, false),
                Charts.sizeClasses(last, true),
                Charts.series("firms", "Firms over time", "firms", history,
                        List.of("all firms", "employer firms"),
                        List.of(m -> m.firms(), m -> m.employerFirms()),
                        "Live firms and employer firms (at least one employee) each month; years on the axis."),
                Charts.series("largest_firm", "Largest firm over time", "members", history,
                        List.of("largest firm"), List.of(m -> m.largestFirm()),
                        "Members of the largest firm each month."),
                Charts.series("zipf_alpha", "Tail exponent over time", "alpha", history,
                        List.of("zipf alpha (ML, KS threshold)"), List.of(MonthlyMetrics::zipfAlpha),
                        "Exponent of the employee-count CCDF tail each month; US firms: 1.059 (Axtell 2001)."));
        Path chartDir = Files.createDirectories(dir.resolve("charts"));
        StringBuilder html = new StringBuilder(1 << 20);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Ownerscape run report</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}")
                .append("th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}")
                .append("figure{margin:1.5em 0}figcaption{color:#555;font-size:0.9em}svg{max-width:100%;height:auto}")
                .append(".meta td{text-align:left;font-family:monospace;font-size:0.85em}")
                .append("</style></head><body>\n");
        html.append("<h1>Ownerscape run report</h1>\n<p>Preset ").append(escape(settings.preset().key()))
                .append(" (").append(escape(settings.preset().description())).append("): ")
                .append(String.format("%,d", settings.model().persons())).append(" persons, ").append(settings.months())
                .append(" months (burn-in ").append(settings.burnIn()).append("), seed ")
                .append(settings.seed()).append(". How to read this report: docs/OUTPUTS.md.</p>\n");

        html.append("<h2>Model against the US economy</h2>\n<table><tr><th>size class (employees)</th>")
                .append("<th>model: firms</th><th>SUSB 2022: firms</th><th>model: employment</th>")
                .append("<th>SUSB 2022: employment</th></tr>\n");
        for (int k = 0; k < SizeClass.SUSB.size(); k++) {
            SizeClass c = SizeClass.SUSB.get(k);
            html.append("<tr><td>").append(c.label()).append("</td><td>")
                    .append(pct(last.sizeClassFirmShare()[k])).append("</td><td>")
                    .append(pct(c.susbFirmShare())).append("</td><td>")
                    .append(pct(last.sizeClassEmploymentShare()[k])).append("</td><td>")
                    .append(pct(c.susbEmploymentShare())).append("</td></tr>\n");
        }
        html.append("</table>\n<table><tr><th>measure</th><th>model</th><th>US reference</th></tr>\n");
        row(html, "tail exponent (Zipf alpha)", fmt(last.zipfAlpha()), "1.059 (Axtell 2001)");
        row(html, "mean employees per employer firm", fmt(last.meanEmployerFirmSize()), "21.2 (SUSB 2022)");
        row(html, "median employees per employer firm", fmt(last.medianEmployerFirmSize()), "1-4 class (63% of firms)");
        row(html, "largest firm (members)", String.format("%,d", last.largestFirm()), "");
        html.append("</table>\n");
        if (calibration != null) {
            html.append("<h2 id=\"calibration\">Calibration</h2>\n<p>Every target of the US-like baseline (issue 17;"
                    + " docs/VALIDATION.md §0) for this run. <code>./ownerscape calibrate</code> judges the same"
                    + " targets over several seeds at 1,000,000 persons and 600 months; a run of another preset, size"
                    + " or length is not meant to pass them all.</p>\n").append(calibration.html());
        }

        figures(html, charts, chartDir);

        if (!labourCharts.isEmpty()) {
            html.append("<h2>Classes, managers and unemployment</h2>\n")
                    .append("<table><tr><th>measure</th><th>model</th><th>US reference</th></tr>\n");
            row(html, "managers per employee", pct(last.review().managerialShare()),
                    "7.2% management occupations (BLS OEWS 2025); 7-14% target");
            row(html, "unemployment rate", pct(last.review().unemploymentRate()), "3-8% target");
            row(html, "autonomy index (1% sample)", fmt(last.review().autonomyIndex()), "0 to 1; MODEL.md §7.11");
            double[] cs = last.classShares();
            for (io.ownerscape.model.classes.PersonClass c : io.ownerscape.model.classes.PersonClass.values()) {
                row(html, "class: " + c.key(), pct(cs[c.ordinal()]), "");
            }
            html.append("</table>\n");
            figures(html, labourCharts, chartDir);
        }

        if (stateActive(history, elections)) {
            politics(html, history, elections, chartDir);
        }

        html.append("<h2>Summary</h2>\n<table class=\"meta\">\n");
        for (Map.Entry<String, String> e : summary.entrySet()) {
            html.append("<tr><td>").append(escape(e.getKey())).append("</td><td>")
                    .append(escape(e.getValue())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Run metadata</h2>\n<table class=\"meta\">\n");
        metaRow(html, "Ownerscape version", meta.version());
        metaRow(html, "git commit", meta.gitCommit());
        metaRow(html, "JDK", meta.jdk());
        metaRow(html, "machine", meta.machine());
        metaRow(html, "threads", Integer.toString(settings.threads()));
        metaRow(html, "parameters", Summary.parameters(settings.model()).toString());
        metaRow(html, "labour rules", LabourKeys.toMap(settings.labour()).toString());
        html.append("</table>\n</body></html>\n");
        Files.writeString(dir.resolve("report.html"), html, StandardCharsets.UTF_8);
    }

    /** Whether the state did more than pay benefits: a section on it is then worth reading. */
    private static boolean stateActive(List<MonthlyMetrics> history, List<Election> elections) {
        if (!elections.isEmpty()) {
            return true;
        }
        for (MonthlyMetrics m : history) {
            StateTally t = m.state();
            if (t != null && (t.ubiPromised() > 0 || t.stateEmploymentShare() > 0 || t.revenue() > 0
                    || !t.platform().isEmpty() || t.coopMembers() > 0)) {
                return true;
            }
        }
        return false;
    }

    /** The state and politics: promises against payments, the state sector, the budget, elections. */
    private static void politics(StringBuilder html, List<MonthlyMetrics> history, List<Election> elections,
                                 Path chartDir) throws IOException {
        html.append("<h2>State and politics</h2>\n");
        StateTally last = history.get(history.size() - 1).state();
        html.append("<table><tr><th>measure</th><th>end of run</th></tr>\n");
        row(html, "ruling platform", last.platform().isEmpty() ? "none (the scenario's rules)" : last.platform(), null);
        row(html, "basic income promised / paid (share of mean pay)",
                fmt(last.ubiPromised()) + " / " + fmt(last.ubiPaid()), null);
        row(html, "state share of employment / output", pct(last.stateEmploymentShare()) + " / "
                + pct(last.stateOutputShare()), null);
        row(html, "countervailing power (0 to 1)", fmt(last.countervailingPower()), null);
        long held = elections.stream().filter(Election::held).count();
        row(html, "elections held / suspended", held + " / " + (elections.size() - held), null);
        html.append("</table>\n");
        List<Charts.Named> charts = new java.util.ArrayList<>();
        charts.add(Charts.series("ubi", "Basic income promised and paid", "share of mean pay", history,
                List.of("promised", "paid"), List.of(m -> m.state().ubiPromised(), m -> m.state().ubiPaid()),
                "The basic income the ruling platform promised and what the rulers paid each month, per person,"
                        + " as a share of the previous month's mean pay."));
        charts.add(Charts.series("state_sector", "State sector and countervailing power", "share", history,
                List.of("state share of employment", "state share of output", "countervailing power",
                        "exit options"),
                List.of(m -> m.state().stateEmploymentShare(), m -> m.state().stateOutputShare(),
                        m -> m.state().countervailingPower(), m -> m.state().exitOptions()),
                "Members of state firms among all firm members, state firms' share of output, and"
                        + " countervailing power, the mean of the private shares and the exit options (MODEL.md §7.15)."));
        charts.add(Charts.series("budget", "The state's budget", "share of output", history,
                List.of("revenue", "spending", "debt / 12 months of output"),
                List.of(m -> m.state().revenue() / output(m), m -> m.state().spending() / output(m),
                        m -> m.state().debt() / (12 * output(m))),
                "Taxes, state firms' profits and sales against basic income, benefits, grants and compensation,"
                        + " each as a share of the month's output; the debt in years of output."));
        charts.add(Charts.series("autonomy_over_time", "Autonomy over time", "index (0 to 1)", history,
                List.of("all employed", "workers", "precarious", "managers"),
                List.of(m -> m.review().autonomyIndex(),
                        m -> m.review().autonomyByClass()[PersonClass.WORKER.ordinal()],
                        m -> m.review().autonomyByClass()[PersonClass.PRECARIOUS.ordinal()],
                        m -> m.review().autonomyByClass()[PersonClass.MANAGER.ordinal()]),
                "Mean autonomy index of the month's 1% sample of employed persons, overall and for three"
                        + " classes (MODEL.md §7.11); months without a sampled member of a class leave a gap."));
        figures(html, charts, chartDir);
        if (elections.isEmpty()) {
            return;
        }
        html.append("<h3>Elections</h3>\n<table><tr><th>month</th><th>held</th><th>incumbent</th><th>winner</th>")
                .append("<th>turnout</th><th>margin</th><th>votes the promise decided</th><th>countervailing power</th></tr>\n");
        for (Election e : elections) {
            long persons = e.cast() + e.abstained();
            html.append("<tr><td>").append(e.month()).append("</td><td>").append(e.held() ? "yes" : "suspended")
                    .append("</td><td>").append(escape(e.incumbent().isEmpty() ? "none" : e.incumbent()))
                    .append("</td><td>").append(escape(e.winner().isEmpty() ? "none" : e.winner()))
                    .append("</td><td>").append(e.held() && persons > 0 ? pct((double) e.cast() / persons) : "")
                    .append("</td><td>").append(e.held() ? pct(e.margin()) : "")
                    .append("</td><td>").append(e.held() ? pct(e.decisive()) : "")
                    .append("</td><td>").append(fmt(e.countervailingPower())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (Election e : elections) {
            if (!e.held()) {
                continue;
            }
            html.append("<h4>Vote shares by class, month ").append(e.month()).append("</h4>\n<table><tr><th>class</th>");
            e.platforms().forEach(p -> html.append("<th>").append(escape(p)).append("</th>"));
            html.append("<th>votes</th></tr>\n");
            double[][] shares = e.voteShareByClass();
            for (PersonClass c : PersonClass.values()) {
                long votes = java.util.Arrays.stream(e.votesByClass()[c.ordinal()]).sum();
                html.append("<tr><td>").append(c.key()).append("</td>");
                for (int p = 0; p < e.platforms().size(); p++) {
                    html.append("<td>").append(votes == 0 ? "" : pct(shares[c.ordinal()][p])).append("</td>");
                }
                html.append("<td>").append(String.format("%,d", votes)).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private static double output(MonthlyMetrics m) {
        double persons = java.util.Arrays.stream(m.review().classCounts()).sum();
        return Math.max(Double.MIN_NORMAL, m.outputPerPerson() * persons);
    }

    /** Writes each chart's files and inlines it as a figure with its caption. */
    private static void figures(StringBuilder html, List<Charts.Named> charts, Path chartDir) throws IOException {
        for (Charts.Named c : charts) {
            html.append("<figure>").append(Charts.writeFiles(c, chartDir)).append("<figcaption>")
                    .append(escape(c.caption())).append(" Also as charts/").append(c.stem())
                    .append(".svg and .png.</figcaption></figure>\n");
        }
    }

    private static void row(StringBuilder html, String name, String model, String reference) {
        html.append("<tr><td>").append(escape(name)).append("</td><td>").append(escape(model));
        if (reference != null) {
            html.append("</td><td>").append(escape(reference));
        }
        html.append("</td></tr>\n");
    }

    private static void metaRow(StringBuilder html, String key, String value) {
        html.append("<tr><td>").append(escape(key)).append("</td><td>").append(escape(value))
                .append("</td></tr>\n");
    }

    static String pct(double share) {
        return String.format("%.1f%%", 100 * share);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.3f", v);
    }

    public static String escape(String s) {
        return Formats.html(s);
    }
}
