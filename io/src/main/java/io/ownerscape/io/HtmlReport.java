package io.ownerscape.io;

import io.ownerscape.model.LabourKeys;
import io.ownerscape.model.MonthlyMetrics;
import io.ownerscape.model.SizeClass;
import io.ownerscape.model.SizeDistribution;

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

        figures(html, charts, chartDir);

        if (!labourCharts.isEmpty()) {
            html.append("<h2>Classes, managers and unemployment</h2>\n")
                    .append("<table><tr><th>measure</th><th>model</th><th>US reference</th></tr>\n");
            row(html, "managers per employee", pct(last.review().managerialShare()),
                    "7.2% management occupations (BLS OEWS 2025); 7-14% target");
            row(html, "unemployment rate", pct(last.review().unemploymentRate()), "3-8% target");
            row(html, "autonomy index (1% sample)", fmt(last.review().autonomyIndex()), "0 to 1; MODEL.md §7.11");
            double[] cs = last.classShares();
            for (io.ownerscape.model.PersonClass c : io.ownerscape.model.PersonClass.values()) {
                row(html, "class: " + c.key(), pct(cs[c.ordinal()]), "");
            }
            html.append("</table>\n");
            figures(html, labourCharts, chartDir);
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

    /** Writes each chart's files and inlines it as a figure with its caption. */
    private static void figures(StringBuilder html, List<Charts.Named> charts, Path chartDir) throws IOException {
        for (Charts.Named c : charts) {
            Charts.writeFiles(c, chartDir);
            html.append("<figure>").append(Charts.svg(c.chart())).append("<figcaption>")
                    .append(escape(c.caption())).append(" Also as charts/").append(c.stem())
                    .append(".svg and .png.</figcaption></figure>\n");
        }
    }

    private static void row(StringBuilder html, String name, String model, String reference) {
        html.append("<tr><td>").append(escape(name)).append("</td><td>").append(escape(model))
                .append("</td><td>").append(escape(reference)).append("</td></tr>\n");
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

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
