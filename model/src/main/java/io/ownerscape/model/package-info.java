/**
 * The model: persons on a friendship network who form, join and leave firms by choosing the effort
 * and the team that suit them best (Axtell's endogenous firms), and the metrics read from them.
 *
 * <p>{@link io.ownerscape.model.Economy} is the world and its monthly step;
 * {@link io.ownerscape.model.ModelParameters} holds every parameter with its bounds;
 * {@link io.ownerscape.model.EffortSolver} is the best-response solver;
 * {@link io.ownerscape.model.LabourParameters} holds the rules that add owners, managers,
 * unemployment, a goods market and acquisitions (package-private: {@code MonthlyReview},
 * {@code GoodsMarket}, {@code Vacancies}, {@code Acquisitions});
 * {@link io.ownerscape.model.State} is the state: its budget, ownership programmes, the ruling
 * {@link io.ownerscape.model.Platform} and elections decided by forecasts on forks of the world
 * ({@link io.ownerscape.model.Economy#fork()}, {@code ElectionRunner});
 * {@link io.ownerscape.model.TransferTrial} runs the unconditional-transfer field experiment
 * inside the world; {@link io.ownerscape.model.MetricsRecorder} turns a month into
 * {@link io.ownerscape.model.MonthlyMetrics}. The model knows nothing of files, the web or Spark.
 */
package io.ownerscape.model;
