/**
 * The labour rules and the monthly review (MODEL.md §7.11): {@link io.ownerscape.model.labour.LabourParameters}
 * declares the rules beyond Axtell's (owners, pay, unemployment, the goods market, acquisitions,
 * the state, politics) and holds the owner's tests every pass calls ({@code hires},
 * {@code dismisses}); {@link io.ownerscape.model.labour.MonthlyReview} runs the review's phases
 * "firm rates", "pay and wealth", "staffing" and "counts and classes" (pay, taxes, wealth and
 * consumption, then the classes), with its hot passes fused for speed and calling the rules of
 * {@code classes}, {@code hierarchy} and {@code goods}; its staffing phase (separations,
 * dismissals, succession, managers' appointment) is {@code Staffing}, the wealth rule
 * {@code Wealth}; {@link io.ownerscape.model.labour.ReviewTally} is what a review
 * counted. Reads everything; writes the wealth column, the person records (roles, firm), the job
 * histories, the class bytes and the firm table's staff words and owners.
 */
package io.ownerscape.model.labour;
