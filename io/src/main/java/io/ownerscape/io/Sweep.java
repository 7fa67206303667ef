package io.ownerscape.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.model.labour.LabourKeys;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One labour rule at several levels times several seeds: every run with all its outputs in
 * {@code out/KEY=VALUE/seed-S}, then, per level, the mean of each measure over the seeds with its
 * 95% confidence interval (Student's t with n - 1 degrees of freedom), in {@code sweep.json},
 * {@code sweep.csv}, charts and a self-contained {@code sweep.html}. Runs whose {@code summary.json}
 * already exists are read, not run again, so an interrupted sweep resumes where it stopped.
 */
public final class Sweep {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A measure read from each run's {@code summary.json}. */
    public record Measure(String key, String label, String path) {
    }

    /** The measures a sweep reports, by their path in {@code summary.json}. */
    public static final List<Measure> MEASURES = List.of(
            new Measure("acquisitions_per_year", "acquisitions per year per 1,000 employer firms", "acquisitions_per_year"),
            new Measure("small_owner_share", "small owners per 1,000 persons (last 12 months)", "small_owner_share"),
            new Measure("small_owner_share_trend", "trend of small owners per 1,000 persons, per year", "small_owner_share_trend"),
            new Measure("top1_employment_share", "employment share of the top 1% of firms", "top1_employment_share"),
            new Measure("top10_employment_share", "employment share of the 10 largest firms", "top10_employment_share"),
            new Measure("customer_hhi", "customer HHI (goods market)", "customer_hhi"),
            new Measure("unemployment_rate", "unemployment rate", "unemployment_rate"),
            new Measure("self_employed", "self-employed share of persons", "class_shares/self_employed"),
            new Measure("zipf_alpha", "tail exponent alpha", "zipf_alpha"),
            new Measure("managerial_share", "managers per employee", "managerial_share"),
            new Measure("autonomy_index", "autonomy index of the employed", "autonomy_index"),
            new Measure("ubi_paid_of_promised", "basic income paid / promised over the run", "ubi_paid_months"),
            new Measure("state_employment_share", "state share of employment", "state_employment_share"),
            new Measure("countervailing_power", "countervailing power", "countervailing_power"),
            new Measure("elections_suspended", "elections suspended", "elections_suspended"));

    /** Mean, 95% confidence half-width and number of runs of one measure at one level. */
    public record Estimate(double mean, double halfWidth, int runs) {
        public double low() {
            return mean - halfWidth;
        }

        public double high() {
            return mean + halfWidth;
        }
    }

    private Sweep() {
    }

    /**
     * The estimate from the given values, NaNs dropped: the mean and
     * {@code t_{0.975, n-1} s / sqrt(n)}; the half-width is NaN with fewer than two values.
     */
    public static Estimate estimate(List<Double> values) {
        io.ownerscape.experiment.Stats.Interval i = io.ownerscape.experiment.Stats.mean(values);
        return new Estimate(i.estimate(), i.known() ? i.high() - i.estimate() : Double.NaN, i.n());
    }

    /**
     * A measure of one run; acquisitions are per 1,000 employer firms, the basic income paid is
     * divided by what was promised; NaN where absent.
     */
    public static double read(JsonNode summary, Measure m) {
        JsonNode node = summary.at("/" + m.path());
        if (node.isMissingNode() || node.isNull()) {
            return m.key().equals("acquisitions_per_year") ? 0 : Double.NaN;
        }
        double v = node.asDouble();
        if (m.key().equals("acquisitions_per_year")) {
            double firms = summary.path("employer_firms").asDouble();
            return firms > 0 ? 1000 * v / firms : Double.NaN;
        }
        if (m.key().equals("ubi_paid_of_promised")) {
            double promised = summary.path("ubi_promised_months").asDouble();
            return promised > 0 ? v / promised : Double.NaN;
        }
        return v;
    }

    /**
     * Writes {@code sweep.json}, {@code sweep.csv}, {@code sweep.html} and the charts: per level of
     * {@code key} (in the map's order), each measure's runs, mean and 95% confidence interval.
     *
     * @return the path of {@code sweep.html}
     */
    public static Path write(Path out, String key, Map<Object, Map<String, List<Double>>> values,
                             RunSettings base, int seeds) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("varied", key);
        root.put("seeds", seeds);
        root.put("first_seed", base.seed());
        root.put("persons", base.model().persons());
        root.put("months", base.months());
        root.put("burn_in", base.burnIn());
        root.put("preset", base.preset().key());
        ObjectNode rules = root.putObject("labour_parameters");
        LabourKeys.toMap(base.labour()).forEach(rules::putPOJO);
        ArrayNode rows = root.putArray("levels");
        StringBuilder csv = new StringBuilder(key + ",measure,mean,ci95_low,ci95_high,runs\n");
        Map<String, Map<Object, Estimate>> byMeasure = new LinkedHashMap<>();
        for (var level : values.entrySet()) {
            ObjectNode row = rows.addObject();
            row.putPOJO("level", level.getKey());
            for (Measure m : MEASURES) {
                List<Double> runs = level.getValue().get(m.key());
                Estimate e = estimate(runs);
                byMeasure.computeIfAbsent(m.key(), x -> new LinkedHashMap<>()).put(level.getKey(), e);
                ObjectNode o = row.putObject(m.key());
                Summary.putNumber(o, "mean", e.mean());
                Summary.putNumber(o, "ci95_low", e.low());
                Summary.putNumber(o, "ci95_high", e.high());
                ArrayNode each = o.putArray("runs");
                runs.forEach(v -> {
                    if (Double.isNaN(v)) {
                        each.addNull();
                    } else {
                        each.add(v);
                    }
                });
                csv.append(level.getKey()).append(',').append(m.key()).append(',').append(e.mean()).append(',')
                        .append(e.low()).append(',').append(e.high()).append(',').append(e.runs()).append('\n');
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("sweep.json").toFile(), root);
        Files.writeString(out.resolve("sweep.csv"), csv, StandardCharsets.UTF_8);
        Path charts = Files.createDirectories(out.resolve("charts"));
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ownerscape sweep: ")
                .append(HtmlReport.escape(key)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}")
                .append("th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}")
                .append("figure{margin:1.5em 0}figcaption{color:#555;font-size:0.9em}svg{max-width:100%;height:auto}")
                .append("</style></head><body>\n<h1>Sweep of <code>").append(HtmlReport.escape(key)).append("</code></h1>\n")
                .append("<p>").append(values.size()).append(" levels &times; ").append(seeds).append(" seeds (")
                .append(base.seed()).append(" to ").append(base.seed() + seeds - 1).append("), ")
                .append(String.format("%,d", base.model().persons())).append(" persons, ").append(base.months())
                .append(" months (burn-in ").append(base.burnIn()).append("), preset <code>")
                .append(base.preset().key()).append("</code>. Each cell: mean over seeds [95% confidence interval,"
                        + " Student's t]. Rates and shares are 12-month means at the end of each run; the trend is"
                        + " the least-squares slope after the burn-in. The runs are an experiment's: every run's"
                        + " monthly series and measures are in <code>experiment.duckdb</code> and <code>parquet/</code>,"
                        + " the experiment's own report in <a href=\"report.html\">report.html</a>.</p>\n"
                        + "<table><tr><th>measure</th>");
        for (Object level : values.keySet()) {
            html.append("<th>").append(HtmlReport.escape(key)).append(" = ").append(level).append("</th>");
        }
        html.append("</tr>\n");
        for (Measure m : MEASURES) {
            html.append("<tr><td>").append(HtmlReport.escape(m.label())).append("</td>");
            for (Object level : values.keySet()) {
                Estimate e = byMeasure.get(m.key()).get(level);
                html.append("<td>").append(Double.isNaN(e.mean()) ? "—" : String.format("%.4g [%.4g, %.4g]",
                        e.mean(), e.low(), e.high())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        for (Measure m : MEASURES) {
            Map<Object, Estimate> est = byMeasure.get(m.key());
            if (est.values().stream().allMatch(e -> Double.isNaN(e.mean()))) {
                continue;
            }
            Charts.Named chart = chart(key, m, est);
            html.append("<figure>").append(Charts.writeFiles(chart, charts)).append("<figcaption>")
                    .append(HtmlReport.escape(chart.caption())).append(" Files: charts/").append(chart.stem())
                    .append(".svg and .png.</figcaption></figure>\n");
        }
        html.append("</body></html>\n");
        Path page = out.resolve("sweep.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    private static Charts.Named chart(String key, Measure m, Map<Object, Estimate> est) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(m.label()).xAxisTitle(key).yAxisTitle(m.label()).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        int index = 0;
        for (var e : est.entrySet()) {
            index++;
            if (Double.isNaN(e.getValue().mean())) {
                continue;
            }
            xs.add(e.getKey() instanceof Number number ? number.doubleValue()
                    : e.getKey() instanceof Boolean b ? (b ? 1.0 : 0.0) : (double) index);
            ys.add(e.getValue().mean());
            errors.add(Double.isNaN(e.getValue().halfWidth()) ? 0 : e.getValue().halfWidth());
        }
        XYSeries s = chart.addSeries("mean over seeds, 95% CI", xs, ys, errors);
        s.setMarker(SeriesMarkers.CIRCLE);
        return new Charts.Named("sweep_" + m.key(), m.label() + " against " + key
                + ": mean over seeds with its 95% confidence interval.", chart);
    }
}
