/**
 * The live dashboard: {@link io.ownerscape.web.DashboardServer} serves a page that starts,
 * steers and compares runs and browses stored ones. Runs step on their own threads; browsers are
 * fed by server-sent events from an append-only log, so a slow or closed tab never holds up a
 * simulation. Nothing in the engine, the model or io depends on this package.
 */
package io.ownerscape.web;
