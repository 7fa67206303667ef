/**
 * Production and effort choice (MODEL.md §7.1-7.3, §7.5, §7.16): the technology of a firm and its
 * limits ({@link io.ownerscape.model.production.Organisation}: bounded returns, control loss per
 * layer, coordination cost, productivity drawn from a bounded Pareto), the best-response effort of
 * a member ({@link io.ownerscape.model.production.EffortSolver}), and the monthly renewal of
 * technologies ({@link io.ownerscape.model.production.TechnologyRenewal}, phase "technology
 * renewal": reads and writes the firm table's technology seeds).
 */
package io.ownerscape.model.production;
