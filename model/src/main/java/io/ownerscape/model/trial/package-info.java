/**
 * The unconditional-transfer trial (MODEL.md §7.17): {@link io.ownerscape.model.trial.TransferTrial}
 * draws a treated and a control arm, pays the treated arm through the review and observes both
 * each month (phase "transfer trial"), then estimates the effects on employment, effort and
 * income. Reads the person records and the review's incomes; writes only its own arms' tallies.
 */
package io.ownerscape.model.trial;
