package io.ownerscape.io;

import io.ownerscape.model.measure.Measure;
import io.ownerscape.model.measure.MeasureTable;
import io.ownerscape.model.measure.MonthlyMeasures;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The column tables of the documents generated from the measures' declarations
 * ({@link MonthlyMeasures}): between {@code <!-- measures NAME -->} and {@code <!-- /measures -->}
 * in {@code docs/OUTPUTS.md} (a run's tables {@code monthly}, {@code labour}, {@code market},
 * {@code state}) and in {@code docs/EXPERIMENTS.md} and {@code docs/DASHBOARD.md} ({@code headline}:
 * the experiment store's monthly series and the dashboard's frames).
 */
public final class MeasureDocs {
    private static final Pattern BLOCK = Pattern.compile("(<!-- measures ([a-z_]+) -->\\n)(.*?)(<!-- /measures -->)",
            Pattern.DOTALL);

    private MeasureDocs() {
    }

    /** The table a marker names. */
    static MeasureTable table(String name) {
        if (name.equals("headline")) {
            return MonthlyMeasures.HEADLINE;
        }
        for (MeasureTable t : MonthlyMeasures.RESULT_TABLES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("a document marks the measures of '" + name + "', which is no table; allowed headline, "
                + MonthlyMeasures.RESULT_TABLES.stream().map(MeasureTable::name).collect(Collectors.joining(", ")));
    }

    /** The markdown table of one declared table's columns. */
    static String markdown(MeasureTable table) {
        StringBuilder b = new StringBuilder("\n| column | type | unit | meaning |\n|---|---|---|---|\n");
        for (Measure m : table.columns()) {
            b.append("| `").append(m.name()).append("` | ").append(m.kind()).append(" | ")
                    .append(m.unit().replace("|", "\\|")).append(" | ")
                    .append(m.meaning().replace("|", "\\|")).append(" |\n");
        }
        b.append("\n_Generated from the measures' declarations (`model/measure/MonthlyMeasures.java`) by"
                + " `./ownerscape docs docs`._\n\n");
        return b.toString();
    }

    /** A document with each marked table regenerated; unchanged where it has no marker. */
    public static String regenerate(String current) {
        Matcher m = BLOCK.matcher(current);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + markdown(table(m.group(2))) + m.group(4)));
        }
        m.appendTail(out);
        Matcher k = SUMMARY_BLOCK.matcher(out.toString());
        StringBuilder done = new StringBuilder();
        while (k.find()) {
            k.appendReplacement(done, Matcher.quoteReplacement(k.group(1) + summaryMarkdown(k.group(2)) + k.group(4)));
        }
        k.appendTail(done);
        return done.toString();
    }

    private static final Pattern SUMMARY_BLOCK = Pattern.compile(
            "(<!-- summary ([0-9.a-z]+) -->\\n)(.*?)(<!-- /summary -->)", Pattern.DOTALL);

    /** The keys of {@code summary.json} that a subsection of OUTPUTS.md §3 lists, from {@link SummaryKey}. */
    static String summaryMarkdown(String section) {
        List<SummaryKey> keys = java.util.Arrays.stream(SummaryKey.values()).filter(k -> k.section().equals(section)).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a document marks the summary keys of section " + section
                    + ", which declares none (io/SummaryKey.java)");
        }
        StringBuilder b = new StringBuilder("\n| key | type | unit | meaning |\n|---|---|---|---|\n");
        for (SummaryKey k : keys) {
            b.append("| `").append(k.key()).append("` | ").append(k.type().replace("|", "\\|")).append(" | ")
                    .append(k.unit().replace("|", "\\|")).append(" | ").append(k.meaning().replace("|", "\\|")).append(" |\n");
        }
        b.append("\n_Generated from `io/SummaryKey.java` by `./ownerscape docs docs`._\n\n");
        return b.toString();
    }

    /** The names of the tables a document marks. */
    static List<String> marked(String text) {
        return BLOCK.matcher(text).results().map(r -> r.group(2)).toList();
    }
}
