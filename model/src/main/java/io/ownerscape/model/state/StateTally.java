package io.ownerscape.model.state;

import io.ownerscape.model.politics.Election;

/**
 * One month of the state's accounts and of the measures politics reads. Amounts are in the
 * model's money (output units) per month; rates of the basic income are shares of mean pay.
 */
public final class StateTally {
    int month;
    /** The ruling platform's name; empty while the scenario's own rules apply. */
    String platform = "";
    double ubiPromised;
    double ubiPaid;
    double surcharge;
    double incomeTaxes;
    double profitTaxes;
    double wealthTaxes;
    double stateFirmProfit;
    double stateFirmPay;
    double stateManagerPay;
    double ubiSpending;
    /** Payments of the unconditional-transfer trial. */
    double transfers;
    double benefits;
    double grants;
    double severance;
    double compensation;
    double debt;
    long nationalised;
    long privatised;
    /** Paid to the state by the new owners of privatised firms. */
    double sales;
    long converted;
    long mergedIntoTrusts;
    long coopMembers;
    double stateEmploymentShare;
    double stateOutputShare;
    double exitOptions;
    double countervailingPower;
    /** The election due this month, held or suspended; null when none was due. */
    Election election;
    /** Whether scheduled policy changes took effect for the next month. */
    boolean scheduledChange;

    /** Taxes, the profits of state firms and the sale of state firms. */
    public double revenue() {
        return incomeTaxes + profitTaxes + wealthTaxes + stateFirmProfit + sales;
    }

    /**
     * Basic income, the transfer trial's payments, benefits, start-up grants, severance paid by
     * state firms and compensation.
     */
    public double spending() {
        return ubiSpending + transfers + benefits + grants + severance + compensation;
    }

    /** The unconditional-transfer trial's payments this month ({@code docs/MODEL.md} §7.17). */
    public double transfers() {
        return transfers;
    }

    public int month() {
        return month;
    }

    public String platform() {
        return platform;
    }

    /** Basic income the rulers promised (share of mean pay per person per month). */
    public double ubiPromised() {
        return ubiPromised;
    }

    /** Basic income paid this month (share of mean pay per person). */
    public double ubiPaid() {
        return ubiPaid;
    }

    /** Surcharge on the income tax this month (balanced-budget rule). */
    public double surcharge() {
        return surcharge;
    }

    public double incomeTaxes() {
        return incomeTaxes;
    }

    public double profitTaxes() {
        return profitTaxes;
    }

    public double wealthTaxes() {
        return wealthTaxes;
    }

    public double stateFirmProfit() {
        return stateFirmProfit;
    }

    /**
     * Pay of the members of state firms, paid out of those firms' revenue before their profit
     * reaches the budget (so not counted again in {@link #spending}).
     */
    public double stateFirmPay() {
        return stateFirmPay;
    }

    /** The part of {@link #stateFirmPay} paid to the state firms' managers. */
    public double stateManagerPay() {
        return stateManagerPay;
    }

    public double ubiSpending() {
        return ubiSpending;
    }

    public double benefits() {
        return benefits;
    }

    public double grants() {
        return grants;
    }

    public double severance() {
        return severance;
    }

    /** Paid to owners whose firms the state took over or bought out for their members. */
    public double compensation() {
        return compensation;
    }

    /** The debt at the end of the month. */
    public double debt() {
        return debt;
    }

    /** Firms nationalised this month. */
    public long nationalised() {
        return nationalised;
    }

    /** State firms sold to one of their members this month. */
    public long privatised() {
        return privatised;
    }

    /** Paid to the state for the firms privatised this month. */
    public double sales() {
        return sales;
    }

    /** Firms bought out for their members this month. */
    public long converted() {
        return converted;
    }

    /** State firms merged into their region's trust this month. */
    public long mergedIntoTrusts() {
        return mergedIntoTrusts;
    }

    /** Persons working in member-owned firms. */
    public long coopMembers() {
        return coopMembers;
    }

    /** Share of firm members who work in state firms. */
    public double stateEmploymentShare() {
        return stateEmploymentShare;
    }

    /** Share of output made by state firms. */
    public double stateOutputShare() {
        return stateOutputShare;
    }

    /** Mean exit component of the sampled employed persons' autonomy. */
    public double exitOptions() {
        return exitOptions;
    }

    /** The mean of the private employment share, private output share and exit options. */
    public double countervailingPower() {
        return countervailingPower;
    }

    /** Whether scheduled policy changes come into force from the next month. */
    public boolean scheduledChange() {
        return scheduledChange;
    }

    /** The election due this month, or null. */
    public Election election() {
        return election;
    }
}
