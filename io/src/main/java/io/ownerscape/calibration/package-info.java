/**
 * The calibration targets of the US-like baseline, declared once ({@link
 * io.ownerscape.calibration.Targets}): each with its source, its band and how its value is read
 * from a run. {@link io.ownerscape.calibration.CalibrationTable} judges runs against them (every
 * seed inside the band passes) and renders the table for the terminal, JSON and HTML, so that
 * {@code ownerscape calibrate} ({@link io.ownerscape.calibration.Calibration}), every run's
 * {@code summary.json} and {@code report.html}, and every experiment's report show the same
 * table. The sources are those of {@code ../shared/reference/calibration.md}.
 */
package io.ownerscape.calibration;
