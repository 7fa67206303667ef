/**
 * The management hierarchy (MODEL.md §7.11, "Hierarchy"): {@link io.ownerscape.model.hierarchy.Hierarchy}
 * says, as pure functions of a firm's head count, how many managers of which layer it needs (the
 * owner directs up to {@code owner_span} people, each hired manager at most {@code span}) and what
 * their premiums cost. The
 * decisions value a firm with it; the review appoints and removes managers by it.
 */
package io.ownerscape.model.hierarchy;
