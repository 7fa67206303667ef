package io.ownerscape.model.politics;

/**
 * What a forecast adds up for the voters (MODEL.md §7.15): while a fork of the world runs a
 * platform's months, each person's net income, discounted month by month, and, for valuations that
 * extrapolate beyond the forecast, their regular income of its last months. The monthly review,
 * the state's ownership programmes and acquisitions credit it as money changes hands; a world that
 * is not forecasting has none ({@code World.forecastIncome()} is null), and nothing it holds is
 * ever read back by the world's rules, so a forecast never changes the world it forecasts.
 */
public final class ForecastIncome {
    /** Each person's discounted net income summed over the forecast's months so far. */
    public final double[] total;
    /**
     * Each person's regular net income (pay, residual or dividend, benefits, basic income, less
     * taxes; no one-off payments) summed over the months counted by {@link #recentWeight()}; null
     * unless the valuation needs holdings.
     */
    public final double[] recent;
    /** Of {@link #recent}, what an owner's residual brought after the profit tax; null with it. */
    public final double[] recentResidual;
    private double weight = 1;
    private double recentWeight;

    /** An empty ledger for {@code persons} persons, with the recent-income columns or without. */
    public ForecastIncome(int persons, boolean recentIncome) {
        this.total = new double[persons];
        this.recent = recentIncome ? new double[persons] : null;
        this.recentResidual = recentIncome ? new double[persons] : null;
    }

    /** Sets the coming month's discount weight, and 1 or 0 for whether it counts as recent. */
    public void month(double weight, double recentWeight) {
        this.weight = weight;
        this.recentWeight = recentWeight;
    }

    /** The weight of this month's income in {@link #total}. */
    public double weight() {
        return weight;
    }

    /** 1 in the months {@link #recent} counts, else 0. */
    public double recentWeight() {
        return recentWeight;
    }

    /** Credits a payment to (or, when negative, from) person {@code i} in this month. */
    public void credit(int i, double amount) {
        total[i] += weight * amount;
    }

    /** Bytes held. */
    public long bytes() {
        return 8L * total.length + (recent == null ? 0 : 16L * recent.length);
    }
}
