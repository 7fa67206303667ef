/**
 * Observation (MODEL.md §7.10): {@link io.ownerscape.model.metrics.MetricsRecorder} reads a month
 * into {@link io.ownerscape.model.metrics.MonthlyMetrics} after the step; the firm-size
 * distribution ({@link io.ownerscape.model.metrics.SizeDistribution}, by the SUSB classes of
 * {@link io.ownerscape.model.metrics.SizeClass}), the tail exponent
 * ({@link io.ownerscape.model.metrics.PowerLawFit}) and inequality
 * ({@link io.ownerscape.model.metrics.Inequality}) are computed here. Reads the world; writes
 * nothing in it.
 */
package io.ownerscape.model.metrics;
