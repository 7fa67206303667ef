package io.ownerscape.model.measure;

import io.ownerscape.model.metrics.MonthlyMetrics;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A table of monthly measures, one row a month in which {@code present} holds.
 *
 * @param name    the table's name
 * @param title   what a row is, for the documents
 * @param columns the measures, in column order
 * @param present whether a month has a row (the goods market's table only while it operates)
 */
public record MeasureTable(String name, String title, List<Measure> columns, Predicate<MonthlyMetrics> present) {
    public MeasureTable {
        columns = List.copyOf(columns);
    }

    /** The column list of a {@code CREATE TABLE}: {@code month INTEGER, burn_in BOOLEAN, ...}. */
    public String columnDefinitions() {
        return columns.stream().map(Measure::column).collect(Collectors.joining(", "));
    }

    /** The column names, in order. */
    public List<String> names() {
        return columns.stream().map(Measure::name).toList();
    }
}
