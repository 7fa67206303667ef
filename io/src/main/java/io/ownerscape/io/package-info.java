/**
 * Everything that turns a run into files and files into a run: run settings and their
 * scenario-file form, {@code summary.json}, the DuckDB results store with its Parquet exports, and
 * the self-contained HTML report with its charts, and sweeps of one rule over levels and seeds
 * with their confidence intervals ({@link io.ownerscape.io.Sweep}). Each summary and report carries the
 * calibration table of {@code io.ownerscape.calibration}. The model knows nothing of this package.
 */
package io.ownerscape.io;
