/**
 * The entities and their columns (MODEL.md §2): {@link io.ownerscape.model.world.PersonRecord}, the
 * layout of a person's record in the economy's {@code int[] persons} column (firm, effort, role
 * word, skill, friends); {@link io.ownerscape.model.world.Firms}, the firm table (technology and
 * size words, number, founder, owner, staff word, manager premiums, customers, price, ownership),
 * whose ids it renumbers in their order when many are free ({@code Firms.compact}, MODEL.md §7.8); and
 * {@link io.ownerscape.model.world.Regions}, the local labour markets persons and firms belong to;
 * {@link io.ownerscape.model.world.Initialisation}, the initial world (MODEL.md §5).
 * {@link io.ownerscape.model.world.World} is what a submodel may read and change of the world it
 * runs in; the economy holds the person columns and hands its submodels an implementation of it
 * ({@code Economy.world()}), and every submodel reads and writes them through it and these layouts. These classes are public so that the submodels' packages can share them; they are the
 * model's inside, not an API for outputs (which read {@link io.ownerscape.model.Economy}'s
 * accessors and {@link io.ownerscape.model.metrics.MonthlyMetrics}).
 */
package io.ownerscape.model.world;
