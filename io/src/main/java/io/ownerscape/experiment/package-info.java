/**
 * Experiments: an experiment file ({@link io.ownerscape.experiment.ExperimentFile}) names scenarios,
 * seeds, a sweep (grid, Latin hypercube, Sobol sequence) and a sensitivity design (Morris, Sobol
 * indices); {@link io.ownerscape.experiment.Experiment} runs it on a {@link
 * io.ownerscape.experiment.Backend} (a local pool here, Spark in its own module), streams each
 * finished run into the DuckDB {@link io.ownerscape.experiment.ExperimentStore}, judges the seed's
 * claims ({@link io.ownerscape.experiment.Hypotheses}) and writes the report. Nothing here knows
 * where a run executes.
 */
package io.ownerscape.experiment;
