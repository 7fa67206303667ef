package io.ownerscape.model;

/**
 * The parts of a month, in the order {@link Economy#step()} runs them (MODEL.md §3), each named by
 * its process; the economy times each ({@link Economy#phaseNanos()}) so that {@code bench} can say
 * where a month's time goes. Timing costs two clock reads per phase and changes nothing in the
 * model.
 */
public enum Phase {
    /** Technology shocks to live firms (§7.16). */
    TECHNOLOGY_RENEWAL("technology_renewal"),
    /** Drawing the persons who reconsider, and the unemployed who search (§7.7). */
    ACTIVATION("activation"),
    /** The activated persons' choice of effort and firm, round by round (§7.3, §7.4, §7.8). */
    DECISIONS("decisions"),
    /** Owners buying firms (§7.13). */
    ACQUISITIONS("acquisitions"),
    /** The goods market's demand and customers (§7.12). */
    GOODS_MARKET("goods_market"),
    /** Each firm's revenue and pay rates (§7.11, pass 1 of the review). */
    FIRM_RATES("firm_rates"),
    /** Every person's pay, taxes, wealth and the dismissal test (§7.11, pass 2). */
    PAY_AND_WEALTH("pay_and_wealth"),
    /** Separations, dismissals, staffing, succession and reclassification of those touched (§7.11). */
    STAFFING("staffing"),
    /** Firm counts, classes, job histories and the autonomy sample (§7.11, passes 3 and 4). */
    COUNTS_AND_CLASSES("counts_and_classes"),
    /** The transfer trial's observation (§7.17). */
    TRANSFER_TRIAL("transfer_trial"),
    /** The state: ownership programmes, budget, elections and their forecasts (§7.14, §7.15). */
    STATE_AND_ELECTIONS("state_and_elections"),
    /** Renumbering the firms when many ids are free ({@code world.Firms#compactionDue}, §7.8). */
    FIRM_IDS("firm_ids");

    private final String key;

    Phase(String key) {
        this.key = key;
    }

    /** The phase's name in outputs, snake_case. */
    public String key() {
        return key;
    }
}
