package io.ownerscape.model.labour;

import io.ownerscape.engine.BernoulliSampler;
import io.ownerscape.engine.IdLists;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Phase;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.classes.Autonomy;
import io.ownerscape.model.classes.Classification;
import io.ownerscape.model.goods.GoodsMarket;
import io.ownerscape.model.goods.MarketTally;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.metrics.SizeClass;
import io.ownerscape.model.politics.ForecastIncome;
import io.ownerscape.model.production.EffortSolver;
import io.ownerscape.model.production.Organisation;
import io.ownerscape.model.trial.TransferTrial;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.world.PersonRecord;
import io.ownerscape.model.world.Regions;
import io.ownerscape.model.world.World;

import java.util.Arrays;

/**
 * The end of a month: every firm pays its members; owners dismiss workers who cost more than they
 * bring, appoint or stand down managers, and a firm whose owner left passes to a member; every
 * person's wealth, unemployment spell and class are brought up to date.
 *
 * <p>The review runs in passes that each read memory in order, because at hundreds of millions of
 * persons a pass that hops from person to person at random is what costs:
 * <ol>
 *   <li>firms, in fixed chunks of ids: each live firm's pay rates (producers' mean pay, the tied
 *       share) from its output;</li>
 *   <li>persons, in fixed chunks of ids: pay and wealth from their firm's rates, start-up capital
 *       (settled by the owner), the dismissal test, unemployment spells and benefits, and each
 *       person's class as things stand; persons who may take part in a staffing decision
 *       (degree holders of firms with managers or needing them, all members of firms whose owner
 *       left) are listed;</li>
 *   <li>{@link Staffing}: on one thread, in person order, separations and dismissals; then, over
 *       the listed persons sorted by (firm, person), in chunks of whole firms that run in
 *       parallel and merge in firm order: ownership transfers, appointments, stand-downs and
 *       manager layers; then the class of every person these touched (the dismissed, their
 *       owners, new owners, appointed and stood-down managers) is taken again;</li>
 *   <li>firms again (counts by size and layers), and persons again for what must see the review's
 *       end: the autonomy sample and total wealth.</li>
 * </ol>
 * Classes are taken in the pay pass, not in a pass of their own after the staffing decisions,
 * because a second pass over every person's record costs a fifth of the review while the
 * staffing decisions change the class of a few persons per thousand. Until the review ends each
 * person's class byte also holds, for those fix-ups, last month's class and whether their history
 * was precarious ({@link ReviewClassByte}).
 * Every choice within a firm is by a total order (skill, then id) and tallies merge in chunk
 * order, so the outcome is the same for any thread count.
 */
public final class MonthlyReview {
    private static final int FIRM_CHUNK = 1 << 14;
    private static final int PERSON_CHUNK = 1 << 16;
    /** Share of persons whose autonomy is measured each month (a random sample, fresh each month). */
    static final double AUTONOMY_SAMPLE = 0.01;
    /** Persons whose firms' data are gathered before they are processed. */
    private static final int BLOCK = 256;

    private final World economy;
    /** The transfer trial, or null: the review records its arms' incomes and pays its transfers. */
    private final TransferTrial trial;
    /** The rules in force: read afresh each month, since a ruling platform may change them. */
    private LabourParameters rules;
    private final int[] persons;
    private final int stride;
    private final Classification classification;
    private final long historyMask;
    /**
     * Per firm, two slots read together by the pay pass (one cache line): producers' mean pay
     * {@code wbar}, its sign bit set when the owner left; and packed bits: the tied share
     * {@code kappa c} as a 16-bit fraction (bits 48-63), {@code P / X} as a float (bits 16-47),
     * {@code floor(log2 P)} (bits 11-15), and bit 0 set when the firm's staffing may change (it has
     * managers or needs some).
     */
    private double[] rates = new double[0];
    private static final long STAFFING = 1L;
    /** Bit 1 of the packed bits: the firm makes more than its customers buy. */
    private static final long CAPPED = 2L;
    /** Bit 2 of the packed bits: the members own the firm and share its residual. */
    private static final long COOP = 4L;
    /** Bit 3 of the packed bits: the state owns the firm and takes its residual. */
    private static final long STATE_OWNED = 8L;
    /** Rate bits 4-8: the firm's size bin ({@link #sizeBin}), for the pay statistics. */
    private static final int SIZE_BIN_SHIFT = 4;
    /** Per member-owned firm: each member's share of the month's residual (empty without any). */
    private double[] dividend = new double[0];
    /** The goods market, or null when firms sell all they make. */
    private final GoodsMarket market;
    /** The tied share is kept as a 16-bit fraction: this is one. */
    private static final double TIED_UNIT = 65535;
    private ReviewTally last;
    /** The transfer trial when it records this month's incomes, else null. */
    private TransferTrial recording;
    /** Whether the trial pays its treated this month. */
    private boolean paying;
    /** Pass 3: the staffing decisions, after the pay pass. */
    private final Staffing staffing;

    public MonthlyReview(World economy, TransferTrial trial) {
        this.economy = economy;
        this.trial = trial;
        this.rules = economy.labour();
        this.persons = economy.personRecords();
        this.stride = economy.stride();
        this.classification = new Classification(rules);
        long window = classification.windowMask();
        this.historyMask = window | (window << 32);
        this.market = rules.goodsMarket() ? new GoodsMarket(rules, economy.firms(), economy.streams()) : null;
        this.staffing = new Staffing(economy);
    }

    /** A copy for a fork of the economy: the market's state and the last tally carry over. */
    public MonthlyReview(World fork, TransferTrial trial, MonthlyReview o) {
        this.economy = fork;
        this.trial = trial;
        this.rules = fork.labour();
        this.persons = fork.personRecords();
        this.stride = fork.stride();
        this.classification = o.classification;
        this.historyMask = o.historyMask;
        this.market = o.market == null ? null : new GoodsMarket(o.market, fork.firms());
        this.staffing = new Staffing(fork);
        this.last = o.last;
    }

    public ReviewTally last() {
        return last;
    }

    /** The goods market, or null without one. */
    public GoodsMarket market() {
        return market;
    }

    /**
     * Drops the per-firm working arrays (the rates, the dividends) before the firms are renumbered
     * ({@code Firms#compact}): they would be allocated anew for the new ids anyway, and a
     * renumbering of a hundred million firms needs their room meanwhile.
     */
    public void releaseFirmArrays() {
        rates = new double[0];
        dividend = new double[0];
    }

    public long bytes() {
        return 8L * rates.length + 8L * dividend.length
                + (market == null ? 0 : market.bytes());
    }

    /** The class rule, with the job history's window (the precarity keys are not policy keys). */
    Classification classification() {
        return classification;
    }

    public void run(int month) {
        rules = economy.labour();
        recording = trial != null && trial.recording(month) ? trial : null;
        paying = recording != null && trial.pays(month);
        Firms firms = economy.firms();
        int capacity = firms.capacity();
        if (Firms.workingLengthStale(rates.length / 2, capacity)) {
            // The rates shrink too when a renumbering (Firms.compact) lowers the ids.
            rates = new double[2 * Firms.workingLength(capacity)];
            dividend = new double[0];
        }
        if (dividend.length < rates.length / 2 && firms.anyPublic()) {
            dividend = new double[rates.length / 2];
        }
        ParallelExecutor executor = economy.executor();
        int firmChunks = ParallelExecutor.chunkCount(capacity, FIRM_CHUNK);
        boolean selling = market != null && market.operates(month);
        long clock = System.nanoTime();
        if (selling) {
            market.prepare(capacity);
            market.open(month);
            double[][] sums = new double[firmChunks][];
            executor.forEachChunk(firmChunks, c ->
                    sums[c] = market.measure(c * FIRM_CHUNK, Math.min(capacity, (c + 1) * FIRM_CHUNK)));
            double[] totals = new double[GoodsMarket.SUMS];
            for (double[] chunk : sums) {
                for (int k = 0; k < totals.length; k++) {
                    totals[k] += chunk[k];
                }
            }
            market.settle(month, totals);
        }
        clock = economy.lap(Phase.GOODS_MARKET, clock);
        double[][] firmSums = new double[firmChunks][];
        int[][] roomFirms = new int[firmChunks][];
        int[][] roomRegions = new int[firmChunks][];
        double[][] roomWeights = new double[firmChunks][];
        int[] roomCounts = new int[firmChunks];
        executor.forEachChunk(firmChunks, c -> {
            RoomList room = selling ? new RoomList() : null;
            firmSums[c] = rates(c * FIRM_CHUNK, Math.min(capacity, (c + 1) * FIRM_CHUNK), room);
            if (room != null) {
                roomFirms[c] = room.firms;
                roomRegions[c] = room.regions;
                roomWeights[c] = room.weights;
                roomCounts[c] = room.count;
            }
        });
        if (selling) {
            economy.vacancies().build(roomFirms, roomRegions, roomWeights, roomCounts);
        }
        clock = economy.lap(Phase.FIRM_RATES, clock);
        int n = economy.persons();
        int personChunks = ParallelExecutor.chunkCount(n, PERSON_CHUNK);
        ReviewTally[] tallies = new ReviewTally[personChunks];
        long searchBase = economy.streams().base(Purpose.JOB_SEARCH, month + 1);
        long sampleBase = economy.streams().base(Purpose.AUTONOMY_SAMPLE, month);
        int[][] searching = new int[personChunks][];
        int[][] sampled = new int[personChunks][];
        long[][] listed = new long[personChunks][];
        int[][] dismissed = new int[personChunks][];
        int[][] separated = new int[personChunks][];
        long separationBase = economy.streams().base(Purpose.SEPARATION, month);
        double[][] dismissedPay = new double[personChunks][];
        double benefit = rules.benefitReplacement() * economy.policyPay();
        double ubi = economy.ubiRate() * economy.policyPay();
        double incomeTax = economy.incomeTax();
        executor.forEachChunk(personChunks, c -> {
            PersonPass pass = new PersonPass(benefit, economy.meanPay(), economy.policyPay(), ubi, incomeTax, searchBase, sampleBase,
                    separationBase);
            pass.pay(c * PERSON_CHUNK, Math.min(n, (c + 1) * PERSON_CHUNK));
            tallies[c] = pass.tally;
            searching[c] = Arrays.copyOf(pass.found, pass.searchers);
            sampled[c] = Arrays.copyOf(pass.sampled, pass.sampledCount);
            listed[c] = Arrays.copyOf(pass.listed, pass.listedCount);
            dismissed[c] = Arrays.copyOf(pass.dismissed, pass.dismissedCount);
            separated[c] = Arrays.copyOf(pass.separated, pass.separatedCount);
            dismissedPay[c] = Arrays.copyOf(pass.dismissedPay, pass.dismissedCount);
        });
        clock = economy.lap(Phase.PAY_AND_WEALTH, clock);
        ReviewTally total = new ReviewTally();
        double[] sold = new double[RATE_SUMS];
        for (double[] chunk : firmSums) {
            for (int k = 0; k < RATE_SUMS; k++) {
                sold[k] += chunk[k];
            }
        }
        total.revenue = sold[REVENUE] - sold[COMPLIANCE];
        total.compliance = sold[COMPLIANCE] + sold[COMPLIANCE_IN_HOUSE];
        total.complianceInHouse = sold[COMPLIANCE_IN_HOUSE];
        total.stateFirmProfit = sold[STATE_PROFIT];
        if (selling) {
            total.market = new MarketTally(market.demand(), market.pool(), sold[CUSTOMERS],
                    sold[OUTPUT], sold[REVENUE], sold[UNMET],
                    sold[CUSTOMERS] > 0 ? 1e4 * sold[CUSTOMER_SQUARES] / (sold[CUSTOMERS] * sold[CUSTOMERS]) : 0,
                    (long) sold[CAPPED_FIRMS], (long) sold[LIVE_FIRMS], market.entryPrice());
        }
        for (ReviewTally t : tallies) {
            total.add(t);
        }
        staffing.begin(rules, rates, recording);
        for (int[] chunk : separated) {
            for (int i : chunk) {
                staffing.separate(i, total);
            }
        }
        for (int c = 0; c < personChunks; c++) {
            for (int k = 0; k < dismissed[c].length; k++) {
                staffing.dismiss(dismissed[c][k], dismissedPay[c][k], total);
            }
        }
        staffing.staffFirms(IdLists.concat(listed), total);
        int[] newlyUnemployedSearching = staffing.reclassifyTouched(total, searchBase);
        staffing.end();
        clock = economy.lap(Phase.STAFFING, clock);
        ReviewTally[] firmTallies = new ReviewTally[firmChunks];
        executor.forEachChunk(firmChunks, c ->
                firmTallies[c] = count(c * FIRM_CHUNK, Math.min(capacity, (c + 1) * FIRM_CHUNK)));
        for (ReviewTally t : firmTallies) {
            total.add(t);
        }
        ReviewTally[] endTallies = new ReviewTally[personChunks];
        executor.forEachChunk(personChunks, c ->
                endTallies[c] = finish(c * PERSON_CHUNK, Math.min(n, (c + 1) * PERSON_CHUNK), sampled[c]));
        for (ReviewTally t : endTallies) {
            total.add(t);
        }
        int[] next = IdLists.concat(searching);
        // Each chunk's list is in person order; the dismissed who search join in order too.
        economy.searchNextMonth(newlyUnemployedSearching.length == 0 ? next
                : IdLists.union(next, newlyUnemployedSearching));
        if (total.members > 0) {
            economy.recordMeanPay(total.memberPay / total.members);
        }
        economy.updatePolicyPay(total);
        last = total;
        economy.lap(Phase.COUNTS_AND_CLASSES, clock);
    }

    /**
     * The pay rule of a producing employee (MODEL.md §7.11): the firm's mean producer pay
     * {@code wbar}, of which the tied share {@code kappa c} follows the person's own contribution
     * {@code x} relative to the producers' mean ({@code perEffort = P / X}):
     * {@code wbar (1 - kappa c + kappa c P x / X)}. Every pass that pays or values a producer calls it.
     */
    static double producerPay(double wbar, double tied, double perEffort, long xFixed) {
        return wbar * (1 - tied + tied * perEffort * Firms.fromFixed(xFixed));
    }

    /** Indexes of the sums {@link #rates} returns per chunk. */
    private static final int REVENUE = 0;
    private static final int OUTPUT = 1;
    private static final int CUSTOMERS = 2;
    private static final int CUSTOMER_SQUARES = 3;
    private static final int UNMET = 4;
    private static final int CAPPED_FIRMS = 5;
    private static final int LIVE_FIRMS = 6;
    private static final int COMPLIANCE = 7;
    private static final int COMPLIANCE_IN_HOUSE = 8;
    private static final int STATE_PROFIT = 9;
    private static final int RATE_SUMS = 10;

    /**
     * Pass 1: each live firm's revenue R (its output, or with a goods market {@code min(O, C)}
     * after its customers are updated), producers' mean pay
     * {@code wbar = (1 - sigma) R / (P + (1 - sigma) Pi)} and the tied share {@code kappa c};
     * returns the chunk's sums (revenue, output and, with a market, customers).
     */
    private double[] rates(int from, int to, RoomList room) {
        boolean selling = room != null;
        Firms firms = economy.firms();
        Regions regions = economy.regions();
        double keep = 1 - rules.ownerShare();
        Hierarchy structure = economy.hierarchy();
        int directSpan = structure.directSpan();
        boolean hierarchy = rules.hierarchy();
        boolean softBudget = rules.softBudget();
        double[] sums = new double[RATE_SUMS];
        double[] customers = firms.customerColumn();
        boolean compliance = rules.complianceFixed() > 0 || rules.compliancePerEmployee() > 0;
        double ownerFactor = rules.ownerShare() / (1 - rules.ownerShare());
        for (int f = from; f < to; f++) {
            int n = firms.size(f);
            if (n == 0) {
                continue;
            }
            int managers = firms.managers(f);
            int producers = n - managers;
            double output;
            double revenue;
            boolean capped = false;
            if (selling) {
                output = market.output(f);
                revenue = market.sell(f);
                double c = customers[f];
                capped = output > c;
                sums[CUSTOMERS] += c;
                sums[CUSTOMER_SQUARES] += c * c;
                sums[UNMET] += Math.max(0, c - output);
                sums[CAPPED_FIRMS] += capped ? 1 : 0;
                sums[LIVE_FIRMS]++;
                if (c > output) {
                    room.add(f, regions.of(firms.founder(f)), c - output);
                }
            } else {
                output = firms.output(f);
                revenue = output;
            }
            sums[REVENUE] += revenue;
            sums[OUTPUT] += output;
            if (compliance) {
                // Administrators do what they can of the work in house; the rest is bought outside.
                double cost = n > 1 ? Math.min(revenue, economy.complianceCost(n, managers)) : 0;
                revenue -= cost;
                sums[COMPLIANCE] += cost;
                sums[COMPLIANCE_IN_HOUSE] += economy.meanPay() * economy.administrators(n, managers);
            }
            double wbar = keep * revenue / (producers + keep * firms.premiums(f));
            byte kind = firms.ownership(f);
            if (kind == Firms.STATE) {
                if (softBudget && wbar < economy.meanPay()) {
                    // A soft budget: the state covers the loss, so producers get last month's mean
                    // pay and the state's take is what is left of revenue, below zero a subsidy.
                    wbar = economy.meanPay();
                    sums[STATE_PROFIT] += revenue - wbar * (producers + firms.premiums(f));
                } else {
                    sums[STATE_PROFIT] += ownerFactor * wbar * producers;
                }
            } else if (kind == Firms.COOP) {
                dividend[f] = ownerFactor * wbar * producers / n;
            }
            rates[2 * f] = firms.ownerLeft(f) ? -wbar - 0.0 : wbar;
            long x = firms.effortFixed(f);
            long tied = hierarchy && x > 0
                    ? Math.round(rules.monitoring() * structure.coverage(n, managers) * TIED_UNIT) : 0;
            float perEffort = x > 0 ? (float) (producers / Firms.fromFixed(x)) : 0f;
            long bits = (tied << 48)
                    | ((Float.floatToRawIntBits(perEffort) & 0xFFFFFFFFL) << 16)
                    | ((long) (31 - Integer.numberOfLeadingZeros(producers)) << 11)
                    | ((long) sizeBin(n) << SIZE_BIN_SHIFT)
                    | (hierarchy && (managers > 0 || n - 1 > directSpan) ? STAFFING : 0)
                    | (capped ? CAPPED : 0)
                    | (kind == Firms.COOP ? COOP : kind == Firms.STATE ? STATE_OWNED : 0);
            rates[2 * f + 1] = Double.longBitsToDouble(bits);
        }
        return sums;
    }

    /** Firms of one chunk whose customers would buy more than they make, and by how much. */
    private static final class RoomList {
        int[] firms = new int[256];
        int[] regions = new int[256];
        double[] weights = new double[256];
        int count;

        void add(int firm, int region, double weight) {
            if (count == firms.length) {
                firms = Arrays.copyOf(firms, 2 * count);
                regions = Arrays.copyOf(regions, 2 * count);
                weights = Arrays.copyOf(weights, 2 * count);
            }
            firms[count] = firm;
            regions[count] = region;
            weights[count++] = weight;
        }
    }

    /** Pass 2 over one chunk of persons. */
    private final class PersonPass {
        final ReviewTally tally = new ReviewTally();
        long[] listed = new long[256];
        int listedCount;
        int[] dismissed = new int[16];
        double[] dismissedPay = new double[16];
        int dismissedCount;
        /** Employees (not owners) whose job ends this month for a reason outside the model. */
        int[] separated = new int[16];
        int separatedCount;
        private final long separationBase;
        private final double separationRate = rules.separationRate();
        private final double benefit;
        private final double assistance;
        private final Firms firms = economy.firms();
        private final double[] wealth = economy.wealthColumn();
        private final long[] history = economy.historyColumn();
        private final double ownerFactor = rules.ownerShare() / (1 - rules.ownerShare());
        private final boolean dismissal = rules.dismissal();
        private final boolean softBudget = rules.softBudget();
        private final boolean hierarchy = rules.hierarchy();
        private final double aMax = economy.parameters().aMax();
        /** Axtell's g without bounds or layers, for which the dismissal test's bounds are derived. */
        private final boolean plainTechnology = rules.returnsCap() == 0 && rules.productivityTail() == 0
                && !Organisation.of(rules).layered();
        private final double betaMin = economy.parameters().betaMin();
        private final double betaMax = economy.parameters().betaMax();

        private final double ubi;
        private final double incomeTax;
        private final double profitTax = rules.profitTax();
        private final double wealthTax = rules.wealthTax() / 12;
        private final double grant = rules.startupGrant();
        private final ForecastIncome forecast = economy.forecastIncome();
        private final double[] outcome = forecast == null ? null : forecast.total;
        private final double outcomeWeight = forecast == null ? 0 : forecast.weight();
        private final double[] recentIncome = forecast == null ? null : forecast.recent;
        private final double[] recentResidual = forecast == null ? null : forecast.recentResidual;
        private final double recentWeight = forecast == null ? 0 : forecast.recentWeight();
        /** The transfer trial's sample, and the position of the next member at or after the person paid. */
        private final TransferTrial trial = recording;
        private IdCursor trialIds;

        /** The unemployed who search next month, and the employed in the autonomy sample. */
        int[] found = new int[64];
        int searchers;
        int[] sampled = new int[64];
        int sampledCount;
        private final long searchBase;
        private final long sampleBase;
        /**
         * This chunk's part of the month's autonomy sample and separation draw: persons drawn by
         * geometric gaps ({@link BernoulliSampler}), each with its probability independently, so
         * that the pass does not hash every person; and the position of the next one at or after
         * the person paid.
         */
        private IdCursor sampleIds;
        private IdCursor separationIds;
        private final byte[] classes = economy.classColumn();
        private final int large = rules.largeFirmEmployees();

        PersonPass(double benefit, double meanPay, double policyPay, double ubi, double incomeTax, long searchBase,
                   long sampleBase, long separationBase) {
            this.searchBase = searchBase;
            this.separationBase = separationBase;
            this.sampleBase = sampleBase;
            this.benefit = benefit;
            this.assistance = rules.assistanceReplacement() * policyPay;
            this.capital = rules.startupCapital() * meanPay;
            this.ownFunds = Math.max(0, 1 - rules.startupCredit() - rules.startupGrant()) * capital;
            this.ubi = ubi;
            this.incomeTax = incomeTax;
            tally.preparePay();
        }

        /**
         * Taxes a person's month and adds the basic income: pay and benefits at the income tax,
         * an owner's residual (or a member's dividend) at the profit tax, positive wealth at a
         * twelfth of the yearly wealth tax; returns the net income, which is also what a
         * forecast adds up.
         */
        private double net(int i, double pay, double residual) {
            double taxIncome = incomeTax * pay;
            double taxProfit = profitTax * residual;
            double taxWealth = wealthTax * Math.max(0, wealth[i]);
            tally.incomeTaxes += taxIncome;
            tally.profitTaxes += taxProfit;
            tally.wealthTaxes += taxWealth;
            tally.incomeBase += pay;
            tally.ubi += ubi;
            double net = pay + residual - taxIncome - taxProfit - taxWealth + ubi;
            if (trial != null) {
                // Persons are paid in increasing order within a chunk: the cursor only moves on.
                if (trialIds.holds(i)) {
                    int member = trialIds.position();
                    trial.addIncome(member, pay + residual);
                    double transfer = paying ? trial.paymentAt(member) : 0;
                    if (transfer > 0) {
                        tally.transfers += transfer;
                        net += transfer;
                    }
                }
            }
            if (outcome != null) {
                outcome[i] += outcomeWeight * net;
                if (recentIncome != null) {
                    recentIncome[i] += recentWeight * net;
                }
            }
            return net;
        }

        /**
         * Pay: a manager of layer l gets {@code pi_l wbar}; a producer
         * {@code wbar (1 - kappa c + kappa c P x_i / X)}; the owner also the residual
         * {@code sigma / (1 - sigma) wbar P}. Together exactly the firm's revenue.
         */
        private final double[] gathered = new double[2 * BLOCK];
        /** Owners' firm sizes and staff words, gathered with the rates. */
        private final int[] ownerSize = new int[BLOCK];
        private final int[] ownerStaff = new int[BLOCK];
        private final double capital;
        private final double ownFunds;

        void pay(int from, int to) {
            if (trial != null) {
                trialIds = new IdCursor(trial.ids(), trial.firstAtOrAfter(from));
            }
            int n = economy.persons();
            sampleIds = new IdCursor(BernoulliSampler.sampleRange(sampleBase, n, AUTONOMY_SAMPLE, from, to), 0);
            separationIds = new IdCursor(BernoulliSampler.sampleRange(separationBase, n, separationRate, from, to), 0);
            for (int start = from; start < to; start += BLOCK) {
                int end = Math.min(to, start + BLOCK);
                // The firms' rates of a block are loaded first, in a loop of independent loads,
                // so that their cache misses overlap instead of each stalling the arithmetic.
                for (int i = start; i < end; i++) {
                    int f = persons[stride * i + PersonRecord.PERSON_FIRM];
                    if (f >= 0) {
                        gathered[2 * (i - start)] = rates[2 * f];
                        gathered[2 * (i - start) + 1] = rates[2 * f + 1];
                        if ((persons[stride * i + PersonRecord.PERSON_ROLE] & PersonRecord.ROLE_OWNER) != 0) {
                            ownerSize[i - start] = firms.size(f);
                            ownerStaff[i - start] = firms.staff()[f];
                        }
                    }
                }
                payBlock(start, end);
                finishDismissalTests();
            }
        }

        private void payBlock(int start, int end) {
            for (int i = start; i < end; i++) {
                int record = stride * i;
                int f = persons[record + PersonRecord.PERSON_FIRM];
                int role = persons[record + PersonRecord.PERSON_ROLE];
                if (f < 0) {
                    unemployed(i, record, role);
                    classify(i, f, role, 0);
                    continue;
                }
                double signed = gathered[2 * (i - start)];
                long bits = Double.doubleToRawLongBits(gathered[2 * (i - start) + 1]);
                boolean ownerLeft = Double.doubleToRawLongBits(signed) < 0;
                double wbar = Math.abs(signed);
                double tied = (bits >>> 48) / TIED_UNIT;
                int layer = role & PersonRecord.ROLE_LAYER;
                boolean owner = (role & PersonRecord.ROLE_OWNER) != 0;
                double income;
                long x = -1;
                if (layer != 0) {
                    income = Hierarchy.premium(layer) * wbar;
                } else if (tied == 0) {
                    income = wbar;
                } else {
                    x = contribution(record);
                    income = producerPay(wbar, tied, perEffort(bits), x);
                }
                double residual = 0;
                if (owner && ownerFactor > 0) {
                    int staff = ownerStaff[i - start];
                    residual = ownerFactor * wbar * (ownerSize[i - start] - (staff & Firms.STAFF_MANAGERS));
                } else if ((bits & COOP) != 0) {
                    residual = dividend[f];
                }
                tally.memberPay += income + residual;
                if (!owner) {
                    tally.countPay(income, (int) ((bits >>> SIZE_BIN_SHIFT) & 31));
                }
                if ((bits & STATE_OWNED) != 0) {
                    tally.stateFirmPay += income;
                    tally.stateFirmMembers++;
                    if (layer != 0) {
                        tally.stateManagerPay += income;
                    }
                }
                tally.consumption += Wealth.settle(rules, wealth, i, net(i, income, residual));
                if (recentResidual != null && owner) {
                    recentResidual[i] += recentWeight * (1 - profitTax) * residual;
                }
                if (owner && capital > 0) {
                    fund(i, f, ownerSize[i - start], ownerStaff[i - start]);
                }
                // Not in a firm whose owner left: its new owner's residual counts the members the
                // review found (as with dismissals, which skip those firms too).
                if (separationRate > 0 && !owner && !ownerLeft && separationIds.holds(i)) {
                    // Separated: not also tested for dismissal (one way out a month).
                    if (separatedCount == separated.length) {
                        separated = Arrays.copyOf(separated, separatedCount * 2);
                    }
                    separated[separatedCount++] = i;
                } else if (dismissal && !owner && layer == 0 && !ownerLeft && (bits & COOP) == 0
                        && !(softBudget && (bits & STATE_OWNED) != 0)) {
                    testDismissal(i, record, f, income, wbar, x < 0 ? contribution(record) : x, bits);
                }
                if (ownerLeft || ((bits & STAFFING) != 0 && (role & PersonRecord.ROLE_DEGREE) != 0)) {
                    if (listedCount == listed.length) {
                        listed = Arrays.copyOf(listed, listed.length * 2);
                    }
                    listed[listedCount++] = ((long) f << 32) | i;
                }
                classify(i, f, role, owner ? ownerSize[i - start] - 1 : 0);
            }
        }

        /**
         * The person's class as things stand after their pay (see {@link Classification#classOf}), counted with
         * the transition from last month's; the unemployed who search next month and the employed
         * drawn for the autonomy sample are listed; the job history moves on a month.
         */
        private void classify(int i, int f, int role, int employees) {
            long h = history[i];
            boolean precarious = classification.precarious(h);
            int c = Classification.classOf(f, role, employees, precarious, large);
            tally.classCounts[c]++;
            int before = classes[i];
            if (before >= 0) {
                tally.transitions[before * ReviewTally.CLASSES + c]++;
            }
            if (f < 0) {
                tally.unemployed++;
                if (RandomStreams.toUnit(RandomStreams.at(searchBase, i)) < rules.jobSearchRate()) {
                    if (searchers == found.length) {
                        found = Arrays.copyOf(found, found.length * 2);
                    }
                    found[searchers++] = i;
                }
            } else if (sampleIds.holds(i)) {
                if (sampledCount == sampled.length) {
                    sampled = Arrays.copyOf(sampled, sampled.length * 2);
                }
                sampled[sampledCount++] = i;
            }
            classes[i] = (byte) (c | (precarious ? ReviewClassByte.PRECARIOUS_BIT : 0) | ((before + 1) << ReviewClassByte.BEFORE_SHIFT));
            // Ready for next month: its moves and spells go into bit 0 of each half.
            history[i] = (h << 1) & historyMask;
        }

        /**
         * Start-up capital: an owner who can fund it (own wealth at least the share not lent) may
         * hire; the capital is invested when the first employee is on the books.
         */
        private void fund(int owner, int f, int size, int staff) {
            boolean capitalised = (staff & Firms.STAFF_CAPITALISED) != 0;
            if (!capitalised && size > 1) {
                wealth[owner] -= (1 - grant) * capital;
                tally.grants += grant * capital;
                tally.capitalInvested += capital;
                capitalised = true;
            }
            firms.setFlags(f, staff, capitalised || wealth[owner] >= ownFunds, capitalised);
        }

        private double perEffort(long bits) {
            return Float.intBitsToFloat((int) (bits >>> 16));
        }

        private long contribution(int record) {
            return PersonRecord.contribution(persons[record + PersonRecord.PERSON_EFFORT],
                    Float.intBitsToFloat(persons[record + PersonRecord.PERSON_SKILL]));
        }

        /**
         * Dismissal: {@code H (pay - MRP) > F pay} with {@code MRP = g(X) - g(X - x)}. Since g is
         * convex with g(0) = 0, {@code MRP >= x g(X) / X >= x wbar P / ((1 - sigma) X)}, which
         * rules most persons out without a power.
         */
        private void testDismissal(int i, int record, int f, double pay, double wbar, long xFixed,
                                   long bits) {
            if ((bits & CAPPED) != 0) {
                // A firm selling less than it makes: the bounds below assume revenue = output.
                defer(i, f, pay, wbar, xFixed, bits);
                return;
            }
            double x = Firms.fromFixed(xFixed);
            double perEffort = perEffort(bits);
            double floor = x * wbar * perEffort / (1 - rules.ownerShare());
            // perEffort is single precision: demand a clear margin before skipping the exact test.
            if (!rules.dismisses(pay, floor * (1 + 1e-6))) {
                return;
            }
            // The bound below with the technology's worst case (largest a, smallest beta, largest
            // beta - 1 in the exponent), from this pass's data alone: x / X <= x (P / X) / 2^floor(log2 P).
            if (!plainTechnology) {
                // The bound below is Axtell's g's own; bounded returns and layers have their own shape.
                defer(i, f, pay, wbar, xFixed, bits);
                return;
            }
            double shareBound = x * perEffort / (1 << (int) ((bits >>> 11) & 31));
            double worst = betaMin * Math.max(0, 1 - Math.max(1, betaMax - 1) * shareBound);
            if (worst > 1) {
                double general = x * (worst * floor / x - aMax * (worst - 1));
                if (!rules.dismisses(pay, general * (1 + 1e-6))) {
                    return;
                }
            }
            defer(i, f, pay, wbar, xFixed, bits);
        }

        /**
         * Tests the bounds of this pass's data could not settle wait for the end of the block,
         * whose firms' records are then loaded together (see {@link #pay}); dismissals are still
         * listed in person order.
         */
        private final int[] deferredPerson = new int[BLOCK];
        private final int[] deferredFirm = new int[BLOCK];
        private final double[] deferredPay = new double[BLOCK];
        private final double[] deferredWbar = new double[BLOCK];
        private final long[] deferredContribution = new long[BLOCK];
        private final long[] deferredBits = new long[BLOCK];
        private final long[] deferredEffort = new long[BLOCK];
        private final int[] deferredSeed = new int[BLOCK];
        private int deferredCount;

        private void defer(int i, int f, double pay, double wbar, long xFixed, long bits) {
            int k = deferredCount++;
            deferredPerson[k] = i;
            deferredFirm[k] = f;
            deferredPay[k] = pay;
            deferredWbar[k] = wbar;
            deferredContribution[k] = xFixed;
            deferredBits[k] = bits;
        }

        private void finishDismissalTests() {
            for (int k = 0; k < deferredCount; k++) {
                int f = deferredFirm[k];
                deferredEffort[k] = firms.effortFixed(f);
                deferredSeed[k] = firms.technologySeed(f);
            }
            for (int k = 0; k < deferredCount; k++) {
                exactDismissalTest(deferredPerson[k], deferredFirm[k], deferredPay[k], deferredWbar[k],
                        deferredContribution[k], deferredBits[k], deferredEffort[k], deferredSeed[k]);
            }
            deferredCount = 0;
        }

        private void exactDismissalTest(int i, int f, double pay, double wbar, long xFixed, long bits,
                                        long totalFixed, int seed) {
            if ((bits & CAPPED) != 0) {
                double product = firms.revenueGain(f, Firms.expand(seed),
                        Firms.fromFixed(totalFixed - xFixed), Firms.fromFixed(totalFixed));
                if (rules.dismisses(pay, product)) {
                    listDismissal(i, pay);
                }
                return;
            }
            double x = Firms.fromFixed(xFixed);
            double perEffort = perEffort(bits);
            long t = Firms.expand(seed);
            double total = Firms.fromFixed(totalFixed);
            if (!plainTechnology) {
                double product = firms.revenueGain(f, t, Firms.fromFixed(totalFixed - xFixed), total);
                if (rules.dismisses(pay, product)) {
                    listDismissal(i, pay);
                }
                return;
            }
            double a = firms.a(t);
            double b = firms.b(t);
            double beta = firms.beta(t);
            // Second bound, still without a power: by the mean value theorem
            // g(X) - g(X - x) >= x (a + beta b (X - x)^(beta - 1)), and
            // (1 - u)^(beta - 1) >= 1 - max(1, beta - 1) u, with b X^(beta - 1) >= (R_lo - a X) / X.
            double revenueFloor = wbar * perEffort * total / (1 - rules.ownerShare());
            double share = x / total;
            double slope = Math.max(0, (revenueFloor - a * total) / total);
            double bound = x * (a + beta * Math.max(0, 1 - Math.max(1, beta - 1) * share) * slope);
            if (!rules.dismisses(pay, bound * (1 + 1e-6))) {
                return;
            }
            double product = EffortSolver.output(a, b, beta, total)
                    - EffortSolver.output(a, b, beta, Firms.fromFixed(totalFixed - xFixed));
            if (rules.dismisses(pay, product)) {
                listDismissal(i, pay);
            }
        }

        private void listDismissal(int i, double pay) {
            if (dismissedCount == dismissed.length) {
                dismissed = Arrays.copyOf(dismissed, dismissedCount * 2);
                dismissedPay = Arrays.copyOf(dismissedPay, dismissedCount * 2);
            }
            dismissed[dismissedCount] = i;
            dismissedPay[dismissedCount++] = pay;
        }

        private void unemployed(int i, int record, int role) {
            if ((role & PersonRecord.ROLE_NEW_UNEMPLOYED) != 0) {
                persons[record + PersonRecord.PERSON_ROLE] = role & ~PersonRecord.ROLE_NEW_UNEMPLOYED;
                tally.newlyUnemployed++;
                // No pay this month and no spending out of savings; the basic income and the
                // wealth tax still apply (both 0 in worlds without them).
                wealth[i] += net(i, 0, 0);
                return;
            }
            int months = Math.min(255, ((role & PersonRecord.ROLE_MONTHS) >>> PersonRecord.ROLE_MONTHS_SHIFT) + 1);
            role = (role & ~PersonRecord.ROLE_MONTHS) | (months << PersonRecord.ROLE_MONTHS_SHIFT);
            history[i] |= 1L << 32;
            double income = assistance;
            if ((role & PersonRecord.ROLE_ELIGIBLE) != 0) {
                if (months <= rules.benefitMonths()) {
                    income = Math.max(benefit, assistance);
                } else {
                    role &= ~PersonRecord.ROLE_ELIGIBLE;
                }
            }
            tally.benefits += income;
            tally.consumption += Wealth.settle(rules, wealth, i, net(i, income, 0));
            persons[record + PersonRecord.PERSON_ROLE] = role;
        }
    }

    /** Pass 4a: the counts by firm size and layers (start-up capital was settled in pass 2). */
    private ReviewTally count(int from, int to) {
        ReviewTally tally = new ReviewTally();
        Firms firms = economy.firms();
        Hierarchy structure = economy.hierarchy();
        for (int f = from; f < to; f++) {
            int size = firms.size(f);
            if (size == 0) {
                continue;
            }
            int managers = firms.managers(f);
            // Every member of a state or member-owned firm is an employee: nobody owns it in person.
            int employees = size - (firms.ownership(f) == Firms.PRIVATE ? 1 : 0);
            tally.members += size;
            tally.employees += employees;
            tally.managers += managers;
            if (employees < 1) {
                continue;
            }
            int layers = managers == 0 ? 0
                    : Math.min(Hierarchy.MAX_LAYERS, Math.max(1, structure.layersFor(employees - managers)));
            int k = SizeClass.indexOf(employees);
            tally.firmsBySize[k]++;
            tally.employeesBySize[k] += employees;
            tally.managersBySize[k] += managers;
            tally.layersBySize[k] += layers;
            tally.firmsByLayers[layers]++;
            tally.employeesByLayers[layers] += employees;
            if (tally.memberWeightBySizeBin == null) {
                tally.memberWeightBySizeBin = new double[ReviewTally.SIZE_BINS];
            }
            tally.memberWeightBySizeBin[sizeBin(size)] += (double) employees * size;
        }
        return tally;
    }

    /** {@code floor(log2 members)}: the size bin of a firm for the pay statistics. */
    static int sizeBin(int members) {
        return 31 - Integer.numberOfLeadingZeros(Math.max(1, members));
    }

    /**
     * Pass 4b over one chunk of persons: the autonomy sample, measured against the firms as the
     * review leaves them; the class bytes cleared of the review's working bits; total wealth.
     */
    private ReviewTally finish(int from, int to, int[] sample) {
        EndPass pass = new EndPass();
        for (int i : sample) {
            int record = stride * i;
            int f = persons[record + PersonRecord.PERSON_FIRM];
            if (f >= 0) {
                pass.sampleAutonomy(i, record, f, persons[record + PersonRecord.PERSON_ROLE],
                        economy.classColumn()[i] & ReviewClassByte.CLASS_BITS);
            }
        }
        byte[] classes = economy.classColumn();
        double[] wealth = economy.wealthColumn();
        double sum = 0;
        for (int i = from; i < to; i++) {
            classes[i] = (byte) (classes[i] & ReviewClassByte.CLASS_BITS);
            sum += wealth[i];
        }
        pass.tally.wealth = sum;
        return pass.tally;
    }

    /** Pass 4b's autonomy measurement for one chunk. */
    private final class EndPass {
        final ReviewTally tally = new ReviewTally();
        private final Firms firms = economy.firms();
        private final int large = rules.largeFirmEmployees();
        private final double protection = Autonomy.protection(rules);

        /**
         * Autonomy of an employed person of the sample (see {@link Autonomy}): pay from the firm's
         * rates as in the pay pass, the marginal product {@code g(X) - g(X - x)} exactly.
         */
        private void sampleAutonomy(int i, int record, int f, int role, int c) {
            boolean owner = (role & PersonRecord.ROLE_OWNER) != 0;
            byte kind = firms.ownership(f);
            int employer = owner ? 0
                    : kind == Firms.STATE ? 3
                    : kind == Firms.COOP ? 4
                    : firms.size(f) - 1 >= large ? 2 : 1;
            tally.employerByClass[c * ReviewTally.EMPLOYERS + employer]++;
            int layer = role & PersonRecord.ROLE_LAYER;
            double bargaining = 1;
            if (!owner && layer == 0) {
                double wbar = Math.abs(rates[2 * f]);
                long bits = Double.doubleToRawLongBits(rates[2 * f + 1]);
                double tied = (bits >>> 48) / TIED_UNIT;
                long xFixed = PersonRecord.contribution(persons[record + PersonRecord.PERSON_EFFORT],
                        Float.intBitsToFloat(persons[record + PersonRecord.PERSON_SKILL]));
                double pay = producerPay(wbar, tied, Float.intBitsToFloat((int) (bits >>> 16)), xFixed);
                long totalFixed = firms.effortFixed(f);
                double product = firms.revenueGain(f, Firms.expand(firms.technologySeed(f)),
                        Firms.fromFixed(totalFixed - xFixed), Firms.fromFixed(totalFixed));
                bargaining = Autonomy.bargaining(pay, product, false);
            }
            double exit = Autonomy.exit((role & PersonRecord.ROLE_EXITS) >>> PersonRecord.ROLE_EXITS_SHIFT);
            double ownership = owner ? 1 : 0;
            double index = Autonomy.index(exit, bargaining, protection, ownership);
            tally.autonomySum[c] += index;
            tally.addSample(i, index);
            tally.autonomyCount[c]++;
            tally.componentSum[0] += exit;
            tally.componentSum[1] += bargaining;
            tally.componentSum[2] += protection;
            tally.componentSum[3] += ownership;
        }
    }

    /**
     * A sorted list of person ids asked about in increasing order, as a pass over persons does:
     * each question moves the position on, so a chunk's questions cost the list's length in all.
     */
    private static final class IdCursor {
        private final int[] ids;
        private int at;

        IdCursor(int[] ids, int start) {
            this.ids = ids;
            this.at = start;
        }

        /** Whether {@code i} is in the list; {@code i} never below the last one asked about. */
        boolean holds(int i) {
            while (at < ids.length && ids[at] < i) {
                at++;
            }
            return at < ids.length && ids[at] == i;
        }

        /** The index in the list of the id {@link #holds} last found. */
        int position() {
            return at;
        }
    }
}
