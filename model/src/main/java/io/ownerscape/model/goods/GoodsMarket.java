package io.ownerscape.model.goods;

import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.world.Firms;

/**
 * The goods market firms sell into ({@code docs/MODEL.md}, "Goods market"). Aggregate demand in
 * money is {@code D_t = D_0 (1 + g)^((t - t_0) / 12)} from the month {@code t_0} the market
 * starts, with {@code D_0} a multiple (the slack) of total output then. Each firm has a customer
 * base {@code C_f}, the monthly spending of the customers attached to it. Each month a share
 * {@code lambda} of every firm's customers choose afresh, and those who stay change their spending
 * by a firm-specific shock {@code eps_f}, uniform with mean 1 and standard deviation
 * {@code sigma}, drawn from the stream keyed by (seed, month, firm): the firm keeps
 * {@code K_f = (1 - lambda) eps_f C_f}. With the growth of demand and the customers of dissolved
 * firms the rest forms the pool {@code Q_t = D_t - sum K_f}, which goes to firms in proportion to
 * the goods they offer weighted by value, {@code W_f = O_f (pi_f / pi)^psi} with
 * {@code pi_f = O_f / E_f} output per unit of effective effort (a firm that produces more per
 * unit of effort can sell cheaper) and {@code pi} the economy's. So
 * {@code C_f <- K_f + Q_t W_f / sum W} and the customer bases always add up to {@code D_t}. When
 * demand falls below what firms keep, every kept base shrinks by the same factor and nothing is
 * pooled.
 *
 * <p>Price rule: a firm sells its whole output at {@code p_f = min(1, C_f / O_f)}: at the reference
 * price 1 while its customers would buy more than it makes (the rest of their spending goes
 * unmet), and at the price that clears its output to its customers otherwise. Its revenue is
 * {@code min(O_f, C_f)}: capacity beyond its customers earns nothing. Members and would-be members
 * take the price of the last review as given; a founder expects the price their new firm would
 * get at the next review, {@code min(1, Q_t pi_new^psi / sum W)}, with {@code pi_new} its output
 * per unit of effort at the effort they would choose without a market (see
 * {@link Firms#foundingPrice(long, double)}).
 *
 * <p>The review calls {@link #measure} over chunks of firms, then {@link #settle} once, then
 * {@link #sell} for each live firm. Only the review writes the customer and price columns.
 */
public final class GoodsMarket {
    /** Indexes of the sums {@link #measure} returns. */
    static final int SUM_CUSTOMERS = 0;
    static final int SUM_WEIGHT = 1;
    static final int SUM_OUTPUT = 2;
    static final int SUM_EFFORT = 3;
    public static final int SUMS = 4;

    private final LabourParameters rules;
    private final Firms firms;
    private final double churn;
    private final double valueWeight;
    private final double shock;
    private final RandomStreams streams;
    private long shockBase;
    private double startDemand = Double.NaN;
    /** Output of each firm, from {@link #measure} for {@link #sell}. */
    private double[] outputs = new double[0];
    private double retain;
    /** The month the market starts: nobody is attached yet. */
    private boolean starting;
    private double poolPerWeight;
    private double demand;
    private double pool;
    /** The price a founder expects, from the last review; 1 before the market operates. */
    private double entryPrice = 1;

    public GoodsMarket(LabourParameters rules, Firms firms, RandomStreams streams) {
        this.rules = rules;
        this.firms = firms;
        this.streams = streams;
        this.shock = rules.customerShock() * Math.sqrt(3);
        this.churn = rules.customerChurn();
        this.valueWeight = rules.valueWeight();
        firms.valueWeight = valueWeight;
    }

    /** A copy bound to a fork's firms: demand, pool and prices carry over. */
    public GoodsMarket(GoodsMarket o, Firms firms) {
        this.rules = o.rules;
        this.firms = firms;
        this.streams = o.streams;
        this.shock = o.shock;
        this.churn = o.churn;
        this.valueWeight = o.valueWeight;
        this.shockBase = o.shockBase;
        this.startDemand = o.startDemand;
        this.outputs = o.outputs.clone();
        this.retain = o.retain;
        this.starting = o.starting;
        this.poolPerWeight = o.poolPerWeight;
        this.demand = o.demand;
        this.pool = o.pool;
        this.entryPrice = o.entryPrice;
    }

    /** Whether the market caps revenue in the given month. */
    public boolean operates(int month) {
        return rules.goodsMarket() && month >= rules.marketStart();
    }

    public double entryPrice() {
        return entryPrice;
    }

    public double demand() {
        return demand;
    }

    public double pool() {
        return pool;
    }

    public long bytes() {
        return 8L * outputs.length;
    }

    /** Makes room for the outputs of {@code capacity} firms. */
    public void prepare(int capacity) {
        if (Firms.workingLengthStale(outputs.length, capacity)) {
            outputs = new double[Firms.workingLength(capacity)];
        }
    }

    /** Before pass A: the month's shocks. */
    public void open(int month) {
        shockBase = streams.base(Purpose.DEMAND_SHOCK, month);
    }

    /**
     * Pass A over firms {@code [from, to)}: each live firm's output, the customers it keeps
     * (written over its base until {@link #sell}), and the chunk's sums.
     */
    public double[] measure(int from, int to) {
        double[] customers = firms.customerColumn();
        double keep = 1 - churn;
        double[] sums = new double[SUMS];
        for (int f = from; f < to; f++) {
            if (firms.size(f) == 0) {
                continue;
            }
            double output = firms.output(f);
            outputs[f] = output;
            double effort = firms.effort(f);
            double kept = keep * customers[f];
            if (shock > 0 && kept > 0) {
                kept *= 1 + shock * (2 * RandomStreams.toUnit(RandomStreams.at(shockBase, f)) - 1);
            }
            customers[f] = kept;
            sums[SUM_CUSTOMERS] += kept;
            sums[SUM_WEIGHT] += weight(output, effort);
            sums[SUM_OUTPUT] += output;
            sums[SUM_EFFORT] += effort;
        }
        return sums;
    }

    /**
     * Once per month, after {@link #measure}: the month's demand and pool. In the first month the
     * market operates, demand is set from total output and the whole of it is pooled.
     */
    public void settle(int month, double[] totals) {
        if (Double.isNaN(startDemand)) {
            startDemand = rules.demandSlack() * totals[SUM_OUTPUT];
        }
        demand = startDemand * Math.pow(1 + rules.demandGrowth(), (month - rules.marketStart()) / 12.0);
        double kept = totals[SUM_CUSTOMERS];
        starting = kept == 0;
        retain = kept > 0 ? Math.min(1, demand / kept) : 0;
        pool = Math.max(0, demand - retain * kept);
        // Customers start with the firms that supply them: the first pool goes by output alone.
        double weights = starting ? totals[SUM_OUTPUT] : totals[SUM_WEIGHT];
        poolPerWeight = weights > 0 ? pool / weights : 0;
        double productivity = totals[SUM_EFFORT] > 0 ? totals[SUM_OUTPUT] / totals[SUM_EFFORT] : 0;
        entryPrice = Math.min(1, poolPerWeight * (valueWeight == 0 ? 1 : Math.pow(productivity, valueWeight)));
        firms.foundingPrice = (float) entryPrice;
        firms.poolPerWeight = poolPerWeight;
        firms.marketOn = true;
    }

    /** Moves the outputs of the last review to the firms' new ids after {@code Firms.compact}. */
    public void renumber(int[] newId, int capacity) {
        double[] moved = new double[Firms.workingLength(capacity)];
        for (int f = 0, n = Math.min(newId.length, outputs.length); f < n; f++) {
            if (newId[f] >= 0) {
                moved[newId[f]] = outputs[f];
            }
        }
        outputs = moved;
    }

    /** The firm's output as measured in pass A. */
    public double output(int firm) {
        return outputs[firm];
    }

    /**
     * Pass B for one live firm: its new customer base and price; returns its revenue
     * {@code min(O_f, C_f)}.
     */
    public double sell(int firm) {
        double[] customers = firms.customerColumn();
        double output = outputs[firm];
        double c = retain * customers[firm]
                + poolPerWeight * (starting ? output : weight(output, firms.effort(firm)));
        customers[firm] = c;
        firms.priceColumn()[firm] = output > c ? (float) (c / output) : 1f;
        return Math.min(output, c);
    }

    /** {@code O (O / E)^psi}: the goods on offer weighted by value (unnormalised). */
    private double weight(double output, double effort) {
        if (valueWeight == 0 || output <= 0) {
            return output;
        }
        return output * Math.pow(output / effort, valueWeight);
    }
}
