/**
 * The month's decisions (MODEL.md §3 steps 1-4, §7.4 choice among options, §7.7 activation, §7.8
 * update scheme): {@link io.ownerscape.model.choice.Decisions} draws who is activated, lets each
 * active person compare staying, joining a friend's or a contact's firm, founding one and quitting
 * (using {@code production}'s solver and technology, {@code hierarchy}'s layers and the rules of
 * {@code labour}), and applies the choices round by round. Phases "activation" and "decisions":
 * reads the person records, the firm table and the state's taxes and basic income; writes the
 * person records (firm, effort, role), the firm table (sizes, effort totals, founding,
 * dissolution) and the job history's move bit.
 */
package io.ownerscape.model.choice;
