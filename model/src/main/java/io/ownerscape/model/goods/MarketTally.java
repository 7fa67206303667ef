package io.ownerscape.model.goods;

/**
 * What the goods market did in one month ({@link GoodsMarket}). Money is in the model's units
 * (output at the reference price 1).
 *
 * @param demand        aggregate demand {@code D_t}
 * @param pool          demand that chose a supplier afresh this month
 * @param customers     spending attached to live firms after the month's drift (equals demand
 *                      up to rounding)
 * @param output        total output of live firms
 * @param revenue       total sales, {@code sum min(O_f, C_f)}
 * @param unmetDemand   spending of customers whose firm made less than they would buy
 * @param customerHhi   Herfindahl-Hirschman index of customer shares, 0 to 10,000
 * @param cappedFirms   live firms that made more than their customers bought
 * @param liveFirms     live firms
 * @param entryPrice    the price a founder expects next month
 */
public record MarketTally(
        double demand,
        double pool,
        double customers,
        double output,
        double revenue,
        double unmetDemand,
        double customerHhi,
        long cappedFirms,
        long liveFirms,
        double entryPrice) {

    /** Output that found no buyer: {@code sum max(0, O_f - C_f)}. */
    public double unsoldOutput() {
        return output - revenue;
    }

    /** Share of live firms selling less than they make. */
    public double cappedShare() {
        return liveFirms == 0 ? 0 : (double) cappedFirms / liveFirms;
    }

    /** Revenue-weighted mean price, {@code revenue / output}. */
    public double meanPrice() {
        return output > 0 ? revenue / output : 1;
    }
}
