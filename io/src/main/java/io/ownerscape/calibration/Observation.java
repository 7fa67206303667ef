package io.ownerscape.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import io.ownerscape.model.metrics.MonthlyMetrics;

import java.util.List;

/**
 * What the targets read of one run: its {@code summary.json} and the two monthly series that the
 * summary does not reduce (the {@code monthly} table's {@code output_per_person} and
 * {@code largest_firm}), month 1 first.
 */
public record Observation(JsonNode summary, double[] outputPerPerson, double[] largestFirm) {

    /** The observation of a run from its summary and its recorded months. */
    public static Observation of(JsonNode summary, List<MonthlyMetrics> history) {
        return new Observation(summary, history.stream().mapToDouble(MonthlyMetrics::outputPerPerson).toArray(),
                history.stream().mapToDouble(MonthlyMetrics::largestFirm).toArray());
    }

    /** A number of the summary at a JSON pointer such as {@code /size_classes/500+/firm_share}; NaN if absent. */
    public double number(String pointer) {
        JsonNode n = summary.at(pointer);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
