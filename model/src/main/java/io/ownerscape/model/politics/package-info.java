/**
 * Politics (MODEL.md §7.15): {@link io.ownerscape.model.politics.Platform}s voters choose between,
 * {@link io.ownerscape.model.politics.ElectionRunner} which forecasts each platform on a fork of the
 * world and counts the votes, {@link io.ownerscape.model.politics.VoterValuation} which turns a
 * forecast into a voter's value (income, stakes, holdings, promises), {@link io.ownerscape.model.politics.ForecastIncome}
 * which a fork adds up as it runs, and {@link io.ownerscape.model.politics.Election}, the record of
 * one election. Called by the state when an election is due; writes nothing in the world it
 * forecasts.
 */
package io.ownerscape.model.politics;
