/**
 * Where every monthly measure is declared, once, as Mesa's DataCollector declares its reporters:
 * name, type, unit, meaning and how it is read from a month's {@link io.ownerscape.model.metrics.MonthlyMetrics}
 * ({@link io.ownerscape.model.measure.Measure}). The tables of a run's {@code results.duckdb} and its
 * Parquet files, the experiment store's monthly series, the dashboard's frames and their CSV, and
 * the column tables of {@code docs/OUTPUTS.md} are made from these declarations
 * ({@link io.ownerscape.model.measure.MonthlyMeasures}).
 */
package io.ownerscape.model.measure;
