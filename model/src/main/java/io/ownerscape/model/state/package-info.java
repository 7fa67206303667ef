/**
 * The state (MODEL.md §7.14): {@link io.ownerscape.model.state.State} keeps the budget, runs the
 * ownership programmes (nationalisation, employee buy-outs, trusts), applies scheduled changes and
 * the ruling platform's policies, sets the income-tax surcharge and decides the basic income
 * paid; {@link io.ownerscape.model.state.StateTally} is a month of it. Phase "state and
 * elections" (with {@code politics}): reads everything; writes its own budget and rules, the firm
 * table's ownership and wealth (prices, compensation).
 */
package io.ownerscape.model.state;
