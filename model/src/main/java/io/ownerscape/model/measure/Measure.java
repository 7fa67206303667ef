package io.ownerscape.model.measure;

import io.ownerscape.model.metrics.MonthlyMetrics;

import java.util.function.Function;

/**
 * One monthly measure: its column name, type, unit and meaning, and how its value is read from a
 * month. Declared once in {@link MonthlyMeasures}; every output that carries it (DuckDB tables,
 * Parquet, the experiment store, the dashboard, OUTPUTS.md) takes all four from here.
 *
 * @param name    the column or series name, snake_case
 * @param kind    the value's type
 * @param unit    the unit of the value; empty for a label, a flag or a count of the named things
 * @param meaning what it is, and how it is computed where that is not obvious
 * @param value   the value in a month; a double measure whose source is absent (no review, no state,
 *                no goods market) is NaN, which stores write as they document
 */
public record Measure(String name, Kind kind, String unit, String meaning, Function<Observation, Object> value) {
    /** The types a measure can have, named as SQL names them. */
    public enum Kind { INTEGER, BIGINT, DOUBLE, BOOLEAN, VARCHAR }

    /** A month as the recorders see it: its metrics, and whether it falls in the burn-in. */
    public record Observation(MonthlyMetrics metrics, boolean burnIn) {
    }

    /** The measure's value in a month. */
    public Object of(MonthlyMetrics metrics, boolean burnIn) {
        return value.apply(new Observation(metrics, burnIn));
    }

    /** {@code name TYPE}, as a column of a table's definition. */
    public String column() {
        return name + " " + kind.name();
    }
}
