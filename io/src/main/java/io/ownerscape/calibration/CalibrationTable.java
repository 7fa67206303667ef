package io.ownerscape.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.io.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every target of {@link Targets#ALL} judged over the seeds of one baseline: each seed's value,
 * their mean and range, and the verdict. Rendered for the terminal ({@link #text()}), for JSON
 * ({@link #targetsJson()}, {@link #summaryJson()}) and as an HTML table ({@link #html()}), so that
 * every output shows the same table.
 *
 * @param seeds the seeds, in the order of each row's values
 * @param rows  one row per target, in the order of {@link Targets#ALL}
 */
public record CalibrationTable(List<Long> seeds, List<Row> rows) {

    /**
     * One target over the seeds.
     *
     * @param target  the target
     * @param values  each seed's value, NaN where not measured
     * @param mean    mean of the measured values, NaN if none
     * @param min     smallest measured value, NaN if none
     * @param max     largest measured value, NaN if none
     * @param verdict pass, miss or not measured ({@link Verdict#judge})
     */
    public record Row(Target target, List<Double> values, double mean, double min, double max, Verdict verdict) {
    }

    public CalibrationTable {
        seeds = List.copyOf(seeds);
        rows = List.copyOf(rows);
    }

    /**
     * The table from each seed's values by target key (as {@link Targets#measure} gives them);
     * a key missing from a seed's map counts as not measured.
     */
    public static CalibrationTable of(List<Long> seeds, List<Map<String, Double>> valuesBySeed) {
        if (seeds.size() != valuesBySeed.size()) {
            throw new IllegalArgumentException(seeds.size() + " seeds but " + valuesBySeed.size() + " sets of values");
        }
        List<Row> rows = new ArrayList<>();
        for (Target t : Targets.ALL) {
            List<Double> values = new ArrayList<>();
            double sum = 0;
            double min = Double.NaN;
            double max = Double.NaN;
            int measured = 0;
            for (Map<String, Double> seed : valuesBySeed) {
                Double v = seed.get(t.key());
                double x = v == null ? Double.NaN : v;
                values.add(x);
                if (!Double.isNaN(x)) {
                    sum += x;
                    measured++;
                    min = Double.isNaN(min) ? x : Math.min(min, x);
                    max = Double.isNaN(max) ? x : Math.max(max, x);
                }
            }
            rows.add(new Row(t, values, measured == 0 ? Double.NaN : sum / measured, min, max,
                    Verdict.judge(t, values)));
        }
        return new CalibrationTable(seeds, rows);
    }

    /**
     * Each target's value as {@link #summaryJson()} wrote it into a run's {@code summary.json}
     * ({@code calibration.KEY.value}); NaN where absent or null.
     */
    public static Map<String, Double> valuesOf(JsonNode summary) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (Target t : Targets.ALL) {
            JsonNode v = summary.path("calibration").path(t.key()).path("value");
            out.put(t.key(), v.isNumber() ? v.asDouble() : Double.NaN);
        }
        return out;
    }

    /** Targets that pass. */
    public int passed() {
        return (int) rows.stream().filter(r -> r.verdict() == Verdict.PASS).count();
    }

    /** "N of M targets pass". */
    public String countLine() {
        return passed() + " of " + rows.size() + " targets pass";
    }

    /**
     * The {@code calibration} object of a run's {@code summary.json}: per target key its
     * {@code value}, {@code low}, {@code high} (null where unbounded or not measured) and
     * {@code verdict}. Meant for a table of one seed.
     */
    public ObjectNode summaryJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Row r : rows) {
            ObjectNode row = o.putObject(r.target().key());
            Formats.putNumber(row, "value", r.mean());
            Formats.putNumber(row, "low", r.target().low());
            Formats.putNumber(row, "high", r.target().high());
            row.put("verdict", r.verdict().label());
        }
        return o;
    }

    /**
     * The {@code targets} array of {@code calibration.json}: per target its {@code key},
     * {@code label}, {@code unit}, {@code band} (in words), {@code low}, {@code high},
     * {@code reference}, {@code source}, {@code read_from}, each seed's value in {@code values},
     * {@code mean}, {@code min}, {@code max} and {@code verdict}; null for unbounded or not measured.
     */
    public ArrayNode targetsJson() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Row r : rows) {
            Target t = r.target();
            ObjectNode o = out.addObject();
            o.put("key", t.key());
            o.put("label", t.label());
            o.put("unit", t.unit().name().toLowerCase(java.util.Locale.ROOT));
            o.put("band", t.band());
            Formats.putNumber(o, "low", t.low());
            Formats.putNumber(o, "high", t.high());
            Formats.putNumber(o, "reference", t.reference());
            o.put("source", t.source());
            o.put("read_from", t.readFrom());
            ArrayNode values = o.putArray("values");
            for (double v : r.values()) {
                if (Double.isNaN(v)) {
                    values.addNull();
                } else {
                    values.add(v);
                }
            }
            Formats.putNumber(o, "mean", r.mean());
            Formats.putNumber(o, "min", r.min());
            Formats.putNumber(o, "max", r.max());
            o.put("verdict", r.verdict().label());
        }
        return out;
    }

    /** The table for a terminal: target, band, each seed's value, mean, range and verdict. */
    public String text() {
        boolean several = seeds.size() > 1;
        List<String[]> lines = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("target", "band"));
        seeds.forEach(s -> head.add("seed " + s));
        if (several) {
            head.add("mean");
            head.add("min-max");
        }
        head.add("verdict");
        lines.add(head.toArray(String[]::new));
        for (Row r : rows) {
            Target t = r.target();
            List<String> cells = new ArrayList<>(List.of(t.label(), t.band()));
            r.values().forEach(v -> cells.add(t.format(v)));
            if (several) {
                cells.add(t.format(r.mean()));
                cells.add(Double.isNaN(r.min()) ? "—" : t.format(r.min()) + " to " + t.format(r.max()));
            }
            cells.add(r.verdict().label());
            lines.add(cells.toArray(String[]::new));
        }
        int columns = head.size();
        int[] width = new int[columns];
        for (String[] line : lines) {
            for (int k = 0; k < columns; k++) {
                width[k] = Math.max(width[k], line[k].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder l = new StringBuilder();
            for (int k = 0; k < columns; k++) {
                // Text columns to the left, numbers to the right, as a reader scans them.
                boolean left = k < 2 || k == columns - 1;
                String cell = line[k];
                String pad = " ".repeat(width[k] - cell.length());
                l.append(k == 0 ? "" : "  ").append(left ? cell + pad : pad + cell);
            }
            b.append(l.toString().stripTrailing()).append('\n');
        }
        b.append(countLine()).append('\n');
        return b.toString();
    }

    /**
     * The table as an HTML fragment (inline styles, so it reads the same in any page): per target
     * its label with what it is read from, the band, each seed's value, mean and range (with
     * several seeds), the verdict and the source, then the count of targets passed.
     */
    public String html() {
        boolean several = seeds.size() > 1;
        String left = " style=\"text-align:left\"";
        StringBuilder h = new StringBuilder();
        h.append("<table class=\"calibration\"><tr><th").append(left).append(">target</th><th>band</th>");
        for (long s : seeds) {
            h.append("<th>seed ").append(s).append("</th>");
        }
        if (several) {
            h.append("<th>mean</th><th>min to max</th>");
        }
        h.append("<th").append(left).append(">verdict</th><th").append(left).append(">source</th></tr>\n");
        for (Row r : rows) {
            Target t = r.target();
            h.append("<tr><td").append(left).append(">").append(Formats.html(t.label()))
                    .append("<br><small style=\"color:#666\">").append(Formats.html(t.readFrom()))
                    .append("</small></td><td>").append(Formats.html(t.band())).append("</td>");
            for (double v : r.values()) {
                String style = Double.isNaN(v) || t.inBand(v) ? "" : " style=\"color:#b00020\"";
                h.append("<td").append(style).append(">").append(Formats.html(t.format(v))).append("</td>");
            }
            if (several) {
                h.append("<td>").append(Formats.html(t.format(r.mean()))).append("</td><td>")
                        .append(Double.isNaN(r.min()) ? "—" : Formats.html(t.format(r.min()) + " to "
                                + t.format(r.max()))).append("</td>");
            }
            String colour = switch (r.verdict()) {
                case PASS -> "#d9f2d9";
                case MISS -> "#f8d7d7";
                case NOT_MEASURED -> "#f2f2f2";
            };
            h.append("<td style=\"text-align:left;background:").append(colour).append("\"><b>")
                    .append(r.verdict().label()).append("</b></td><td").append(left).append("><small>")
                    .append(Formats.html(t.source())).append("</small></td></tr>\n");
        }
        h.append("</table>\n<p><b>").append(countLine()).append("</b> (a target passes when every seed's value lies in"
                + " its band, bounds included; a value outside it, in red, is a miss).</p>\n");
        return h.toString();
    }
}
