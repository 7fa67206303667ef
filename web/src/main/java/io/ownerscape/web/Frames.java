package io.ownerscape.web;

import io.ownerscape.model.measure.Measure;
import io.ownerscape.model.measure.MonthlyMeasures;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.model.politics.Election;
import io.ownerscape.model.metrics.MonthlyMetrics;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.metrics.SizeDistribution;
import io.ownerscape.model.state.StateTally;

/**
 * A month as the page charts it. The names are the columns of the experiment store's
 * {@code monthly} table, so a live run and a stored one are drawn and compared by the same code.
 */
final class Frames {
    /** Most points of a size distribution sent to the page. */
    static final int CCDF_POINTS = 160;

    private Frames() {
    }

    static ObjectNode month(MonthlyMetrics m) {
        ObjectNode f = Json.object();
        ReviewTally t = m.review();
        StateTally s = m.state();
        for (Measure c : MonthlyMeasures.HEADLINE.columns()) {
            if (c == MonthlyMeasures.BURN_IN) {
                continue; // a live run has no burn-in
            }
            Object v = c.of(m, false);
            switch (c.kind()) {
                case INTEGER, BIGINT -> f.put(c.name(), ((Number) v).longValue());
                case DOUBLE -> Json.put(f, c.name(), ((Number) v).doubleValue());
                case BOOLEAN -> f.put(c.name(), (Boolean) v);
                case VARCHAR -> f.put(c.name(), (String) v);
            }
        }
        if (t != null) {
            f.set("class_shares", Json.numbers(m.classShares()));
            double[] autonomy = t.autonomyByClass().clone();
            autonomy[PersonClass.UNEMPLOYED.ordinal()] = Double.NaN;
            f.set("autonomy_by_class", Json.numbers(autonomy));
        }
        if (s != null && s.election() != null) {
            f.set("election", election(s.election()));
        }
        return f;
    }

    static ObjectNode election(Election e) {
        ObjectNode n = Json.object();
        n.put("month", e.month());
        n.put("held", e.held());
        n.put("incumbent", e.incumbent().isEmpty() ? "none" : e.incumbent());
        n.put("winner", e.winner());
        ArrayNode platforms = n.putArray("platforms");
        e.platforms().forEach(platforms::add);
        Json.put(n, "margin", e.margin());
        Json.put(n, "countervailing_power", e.countervailingPower());
        if (e.held()) {
            ArrayNode shares = n.putArray("shares_by_class");
            for (double[] row : e.voteShareByClass()) {
                shares.add(Json.numbers(row));
            }
        }
        return n;
    }

    /**
     * The complementary cumulative distribution of firm sizes in members, {@code P(S >= s)} at
     * each size, thinned to at most {@link #CCDF_POINTS} points evenly spaced in log size (the
     * smallest and largest sizes always kept).
     */
    static ArrayNode ccdf(SizeDistribution d) {
        long[] sizes = d.sizes();
        long[] counts = d.counts();
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        ArrayNode out = Json.array();
        if (total == 0) {
            return out;
        }
        double logMax = Math.log(sizes[sizes.length - 1]);
        double step = logMax / CCDF_POINTS;
        double nextLog = Double.NEGATIVE_INFINITY;
        long atLeast = total;
        for (int j = 0; j < sizes.length; j++) {
            double logSize = Math.log(sizes[j]);
            if (logSize >= nextLog || j == sizes.length - 1) {
                ArrayNode point = out.addArray();
                point.add(sizes[j]);
                point.add((double) atLeast / total);
                nextLog = logSize + step;
            }
            atLeast -= counts[j];
        }
        return out;
    }

    /** The scalar columns of a frame, in the order of the CSV. */
    static final java.util.List<String> CSV_COLUMNS = MonthlyMeasures.HEADLINE.names().stream()
            .filter(n -> !n.equals(MonthlyMeasures.BURN_IN.name())).toList();

    /**
     * Months as CSV: the scalar columns, then each class's share ({@code share.CLASS}) and
     * autonomy index ({@code autonomy.CLASS}); an empty field where a value does not exist.
     */
    static String csv(java.util.List<String> frames) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS));
        for (PersonClass c : PersonClass.values()) {
            b.append(",share.").append(c.key());
        }
        for (PersonClass c : PersonClass.values()) {
            b.append(",autonomy.").append(c.key());
        }
        b.append('\n');
        for (String text : frames) {
            com.fasterxml.jackson.databind.JsonNode f;
            try {
                f = Json.MAPPER.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            for (int k = 0; k < CSV_COLUMNS.size(); k++) {
                if (k > 0) {
                    b.append(',');
                }
                cell(b, f.get(CSV_COLUMNS.get(k)));
            }
            for (String array : java.util.List.of("class_shares", "autonomy_by_class")) {
                com.fasterxml.jackson.databind.JsonNode a = f.get(array);
                for (int k = 0; k < PersonClass.values().length; k++) {
                    b.append(',');
                    cell(b, a == null ? null : a.get(k));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void cell(StringBuilder b, com.fasterxml.jackson.databind.JsonNode v) {
        if (v != null && !v.isNull()) {
            b.append(v.asText());
        }
    }

    /** The class keys in {@link PersonClass} order, as the frames' class arrays are. */
    static ArrayNode classKeys() {
        ArrayNode a = Json.array();
        for (PersonClass c : PersonClass.values()) {
            a.add(c.key());
        }
        return a;
    }
}
