/**
 * The model: persons on a friendship network who form, join and leave firms by choosing the effort
 * and the team that suit them best (Axtell's endogenous firms), with the labour rules, the goods
 * market, the state and politics built on them, and the metrics read from them.
 *
 * <p>The packages are the submodels of MODEL.md (ODD §7), one each: {@code world} (the columns of
 * persons and firms), {@code network}, {@code production}, {@code choice}, {@code hierarchy},
 * {@code labour}, {@code goods}, {@code acquisitions}, {@code state}, {@code politics},
 * {@code classes}, {@code trial} and {@code metrics}; {@code parameter} and {@code measure} declare
 * every parameter and every monthly measure once. This package holds the composition:
 * {@link io.ownerscape.model.Economy} is the world and its month, which runs the submodels'
 * {@link io.ownerscape.model.Phase}s in MODEL.md §3's order; {@link io.ownerscape.model.ModelParameters}
 * and {@link io.ownerscape.model.Preset} are Axtell's parameters and the presets;
 * {@link io.ownerscape.model.Purpose} names the random streams. The model knows nothing of files,
 * the web or Spark.
 */
package io.ownerscape.model;
