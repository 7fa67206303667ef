package io.ownerscape.model.politics;

/**
 * What a platform is worth to each voter ({@code docs/MODEL.md} §7.15, "What a voter counts"),
 * from what a forecast of the world under it says they would receive and hold, person by person.
 *
 * <p>Over the planning horizon of {@code T} months, {@code H} of them simulated, with
 * {@code d = 1 - forecast_discount}, a voter's resources are
 * <pre>
 *   PV = sum_{t<H} d^t x_t                                         received in the forecast
 *      + sum_{k<T-H} d^(H+k) [b + s_k r + s_k pi V]                 extrapolated after it
 *      + W_0 + d^T s_(T-H) V                                        with wealth counted only
 * </pre>
 * where {@code x_t} is everything received in month {@code t} less everything paid (net income,
 * compensation, severance, prices of firms), {@code b} the regular net income of the forecast's
 * last year without a held firm's residual, {@code r} that residual after the profit tax,
 * {@code V} the value of the firm or co-operative stake held at the forecast's end,
 * {@code s_k = (1 - lambda)^k} the chance the ownership programmes have not yet taken the firm
 * after {@code k} more months at the monthly hazard {@code lambda}, {@code pi} the share of its
 * value they pay per month held ({@code lambda} times the share paid when they take it), and
 * {@code W_0} the voter's wealth now. The value is the log of the monthly consumption these
 * resources pay for over the horizon, {@code c = PV / sum_{t<T} d^t}.
 *
 * <p>It is given only these outcomes and never sees a person's class, role or identity, so that no
 * vote can depend on class membership itself.
 */
public final class VoterValuation {
    /** Months at the end of the forecast whose mean income is extrapolated beyond it. */
    static final int RECENT_MONTHS = 12;
    /**
     * Below this share of mean pay a month, the log is continued by its tangent when wealth is
     * counted, so that a voter whose debts exceed what they will receive still prefers more.
     */
    static final double TANGENT_BELOW = 0.01;
    /** The floor of the income-only vote, as before issue 17: a millionth of mean pay. */
    static final double INCOME_FLOOR = 1e-6;

    private final int months;
    private final int plan;
    private final double d;
    private final boolean countsWealth;
    private final double meanPay;

    /**
     * @param months       H, the months the forecast simulated
     * @param plan         T, the planning horizon, at least H
     * @param discount     the monthly discount, {@code forecast_discount}
     * @param countsWealth whether wealth now and the stake held at the horizon count
     * @param meanPay      mean pay now, the unit of the floor
     */
    VoterValuation(int months, int plan, double discount, boolean countsWealth, double meanPay) {
        if (plan < months) {
            throw new IllegalArgumentException("planning_months = " + plan + ": allowed forecast_months ("
                    + months + ") or more");
        }
        this.months = months;
        this.plan = plan;
        this.d = 1 - discount;
        this.countsWealth = countsWealth;
        this.meanPay = meanPay;
    }

    /** Whether the valuation needs the forecast's last-year incomes and what each voter holds. */
    boolean needsHoldings() {
        return countsWealth || plan > months;
    }

    /** The months of the forecast whose incomes are extrapolated. */
    int recentMonths() {
        return Math.min(RECENT_MONTHS, months);
    }

    /**
     * What a forecast says about each voter, all per person.
     *
     * @param received  {@code sum_{t<H} d^t x_t}
     * @param recent    regular net income summed over the forecast's last {@link #recentMonths()}
     *                  months (null when not {@link #needsHoldings()})
     * @param residual  of which the residual of a firm owned, after profit tax
     * @param value     V, the value of the private firm owned or the co-operative stake held at
     *                  the forecast's end; 0 for none
     * @param ownResidual r, the monthly residual after profit tax of the private firm owned then
     * @param hazard    lambda, the monthly probability that the ownership programmes take it
     * @param paid      pi, lambda times the expected share of V paid when they do
     * @param wealth    W_0, wealth now
     */
    record Outcomes(double[] received, double[] recent, double[] residual, double[] value,
                    double[] ownResidual, double[] hazard, double[] paid, double[] wealth) {
    }

    /** Each voter's value of the platform whose forecast gave {@code o}. */
    double[] values(Outcomes o) {
        int n = o.received().length;
        double total = 0;
        double weight = 1;
        for (int t = 0; t < months; t++) {
            total += weight;
            weight *= d;
        }
        double[] out = new double[n];
        if (!needsHoldings()) {
            // The vote before issue 17: the log of the discounted mean income over the forecast.
            double floor = INCOME_FLOOR * Math.max(meanPay, Double.MIN_NORMAL);
            for (int i = 0; i < n; i++) {
                out[i] = Math.log(Math.max(floor, o.received()[i] / total));
            }
            return out;
        }
        double atForecastEnd = weight;
        for (int t = months; t < plan; t++) {
            total += weight;
            weight *= d;
        }
        double atHorizon = weight;
        double recentMonths = recentMonths();
        double c0 = (countsWealth ? TANGENT_BELOW : INCOME_FLOOR) * Math.max(meanPay, Double.MIN_NORMAL);
        double logC0 = Math.log(c0);
        for (int i = 0; i < n; i++) {
            double base = (o.recent()[i] - o.residual()[i]) / recentMonths;
            double r = o.ownResidual()[i];
            double lambda = o.hazard()[i];
            double payout = o.paid()[i] * o.value()[i];
            double pv = o.received()[i];
            double w = atForecastEnd;
            double held = 1;
            for (int t = months; t < plan; t++) {
                pv += w * (base + held * (r + payout));
                held *= 1 - lambda;
                w *= d;
            }
            double c;
            if (countsWealth) {
                pv += o.wealth()[i] + atHorizon * held * o.value()[i];
                c = pv / total;
                out[i] = c >= c0 ? Math.log(c) : logC0 + (c - c0) / c0;
            } else {
                c = pv / total;
                out[i] = Math.log(Math.max(c0, c));
            }
        }
        return out;
    }
}
