package io.ownerscape.model.labour;

import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.goods.MarketTally;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.metrics.SizeClass;
import io.ownerscape.model.world.Regions;

/**
 * What one monthly review measured: class counts and transitions, employment, managers by firm
 * size, and the month's money flows. Built from per-chunk tallies merged in chunk order, so every
 * figure is the same for any thread count.
 */
public final class ReviewTally {
    static final int CLASSES = PersonClass.count();
    static final int SIZE_CLASSES = SizeClass.SUSB.size();

    final long[] classCounts = new long[CLASSES];
    /** transitions[from * CLASSES + to]: persons whose class went from {@code from} to {@code to}. */
    final long[] transitions = new long[CLASSES * CLASSES];
    long members;
    long employees;
    long managers;
    long unemployed;
    long newlyUnemployed;
    long separations;
    long dismissals;
    long appointments;
    long demotions;
    long ownershipTransfers;
    double revenue;
    double memberPay;
    public double benefits;
    double consumption;
    double capitalInvested;
    double severance;
    /** Income tax on pay and benefits, profit tax on residuals, wealth tax: all to the state. */
    public double incomeTaxes;
    public double profitTaxes;
    public double wealthTaxes;
    /** Pay and benefits the income tax applied to (the surcharge's base). */
    public double incomeBase;
    /** Basic income paid to persons. */
    public double ubi;
    /** Payments of the unconditional-transfer trial to its treated persons. */
    public double transfers;
    /** The state's share of start-up capital invested this month. */
    public double grants;
    /** Severance the state paid on dismissals from its firms. */
    public double stateSeverance;
    /**
     * The residual of state firms, which goes to the budget instead of an owner; below zero under
     * a soft budget when the state tops up their pay (a subsidy).
     */
    public double stateFirmProfit;
    /** Pay of the members of state firms, and the part of it paid to their managers. */
    public double stateFirmPay;
    public double stateManagerPay;
    /** Members paid by state firms. */
    long stateFirmMembers;
    /** Compliance costs of all firms; the part paid outside is not part of {@link #revenue}. */
    double compliance;
    /** The part of {@link #compliance} done in house by firms' managers, and paid to them. */
    double complianceInHouse;
    /** The goods market's month, or null when there is none (or it has not started). */
    MarketTally market;
    /**
     * Employees' (members who do not own their firm) pay this month by log-spaced bin
     * ({@link #payBin}); null in tallies that counted no pay.
     */
    long[] payHistogram;
    /** Employees and their summed pay by {@code floor(log2 n)} of their firm's members n. */
    long[] employeesBySizeBin;
    double[] payBySizeBin;
    /** Employees times members, by the same bins: the employee-weighted mean firm size of a bin. */
    double[] memberWeightBySizeBin;
    final long[] firmsBySize = new long[SIZE_CLASSES];
    final long[] employeesBySize = new long[SIZE_CLASSES];
    final long[] managersBySize = new long[SIZE_CLASSES];
    final long[] layersBySize = new long[SIZE_CLASSES];
    /** Employer firms by number of manager layers, 0 to {@link Hierarchy#MAX_LAYERS}. */
    final long[] firmsByLayers = new long[Hierarchy.MAX_LAYERS + 1];
    /** Employees (members but owners) of employer firms by the firm's layers. */
    final long[] employeesByLayers = new long[Hierarchy.MAX_LAYERS + 1];

    /** Sampled employed persons by class: the sum of their autonomy index and their number. */
    final double[] autonomySum = new double[CLASSES];
    final long[] autonomyCount = new long[CLASSES];
    /** Sums of the four components over the sample: exit, bargaining, protection, ownership. */
    final double[] componentSum = new double[4];
    /**
     * Sampled employed persons (the autonomy sample) by class and by who employs them:
     * {@code employerByClass[class * EMPLOYERS + kind]}, kinds as in {@link #EMPLOYER_KINDS}.
     */
    final long[] employerByClass = new long[CLASSES * EMPLOYERS];
    /** Who a person works for: their own firm, a small owner, a large owner, the state, the members. */
    public static final java.util.List<String> EMPLOYER_KINDS =
            java.util.List.of("own_firm", "small_owner", "large_owner", "state", "members");
    static final int EMPLOYERS = 5;

    /** The month's sample: persons and their autonomy index, in person order. */
    int[] sampledPersons = new int[0];
    double[] sampledIndex = new double[0];
    int sampled;

    void addSample(int person, double index) {
        if (sampled == sampledPersons.length) {
            sampledPersons = java.util.Arrays.copyOf(sampledPersons, Math.max(64, 2 * sampled));
            sampledIndex = java.util.Arrays.copyOf(sampledIndex, Math.max(64, 2 * sampled));
        }
        sampledPersons[sampled] = person;
        sampledIndex[sampled++] = index;
    }

    /** Forgets the per-person sample (kept only for the latest month, to bound memory). */
    public void dropSample() {
        sampledPersons = new int[0];
        sampledIndex = new double[0];
        sampled = 0;
    }

    /** Mean autonomy index of the month's sample in each region; NaN where none was sampled. */
    public double[] autonomyByRegion(Regions regions) {
        double[] sum = new double[regions.count()];
        long[] count = new long[regions.count()];
        for (int k = 0; k < sampled; k++) {
            int r = regions.of(sampledPersons[k]);
            sum[r] += sampledIndex[k];
            count[r]++;
        }
        for (int r = 0; r < sum.length; r++) {
            sum[r] = count[r] == 0 ? Double.NaN : sum[r] / count[r];
        }
        return sum;
    }

    /** Total wealth of all persons at the end of the review. */
    double wealth;

    /**
     * The autonomy samples of several months pooled into one tally (only its autonomy figures are
     * meaningful): a class too small for one month's 1% sample is measured over the window.
     */
    public static ReviewTally pooledAutonomy(java.util.List<ReviewTally> months) {
        ReviewTally pooled = new ReviewTally();
        for (ReviewTally t : months) {
            for (int k = 0; k < CLASSES; k++) {
                pooled.autonomySum[k] += t.autonomySum[k];
                pooled.autonomyCount[k] += t.autonomyCount[k];
            }
            for (int k = 0; k < 4; k++) {
                pooled.componentSum[k] += t.componentSum[k];
            }
            for (int k = 0; k < pooled.employerByClass.length; k++) {
                pooled.employerByClass[k] += t.employerByClass[k];
            }
        }
        return pooled;
    }

    void add(ReviewTally o) {
        wealth += o.wealth;
        for (int k = 0; k < o.sampled; k++) {
            addSample(o.sampledPersons[k], o.sampledIndex[k]);
        }
        for (int k = 0; k < CLASSES; k++) {
            autonomySum[k] += o.autonomySum[k];
            autonomyCount[k] += o.autonomyCount[k];
        }
        for (int k = 0; k < 4; k++) {
            componentSum[k] += o.componentSum[k];
        }
        for (int k = 0; k < employerByClass.length; k++) {
            employerByClass[k] += o.employerByClass[k];
        }
        for (int k = 0; k < CLASSES; k++) {
            classCounts[k] += o.classCounts[k];
        }
        for (int k = 0; k < transitions.length; k++) {
            transitions[k] += o.transitions[k];
        }
        members += o.members;
        employees += o.employees;
        managers += o.managers;
        unemployed += o.unemployed;
        newlyUnemployed += o.newlyUnemployed;
        separations += o.separations;
        dismissals += o.dismissals;
        appointments += o.appointments;
        demotions += o.demotions;
        ownershipTransfers += o.ownershipTransfers;
        revenue += o.revenue;
        memberPay += o.memberPay;
        benefits += o.benefits;
        consumption += o.consumption;
        incomeTaxes += o.incomeTaxes;
        profitTaxes += o.profitTaxes;
        wealthTaxes += o.wealthTaxes;
        incomeBase += o.incomeBase;
        ubi += o.ubi;
        transfers += o.transfers;
        grants += o.grants;
        stateSeverance += o.stateSeverance;
        stateFirmProfit += o.stateFirmProfit;
        stateFirmPay += o.stateFirmPay;
        stateFirmMembers += o.stateFirmMembers;
        stateManagerPay += o.stateManagerPay;
        capitalInvested += o.capitalInvested;
        severance += o.severance;
        for (int k = 0; k < SIZE_CLASSES; k++) {
            firmsBySize[k] += o.firmsBySize[k];
            employeesBySize[k] += o.employeesBySize[k];
            managersBySize[k] += o.managersBySize[k];
            layersBySize[k] += o.layersBySize[k];
        }
        for (int k = 0; k < firmsByLayers.length; k++) {
            firmsByLayers[k] += o.firmsByLayers[k];
            employeesByLayers[k] += o.employeesByLayers[k];
        }
        if (o.payHistogram != null) {
            preparePay();
            for (int k = 0; k < PAY_BINS; k++) {
                payHistogram[k] += o.payHistogram[k];
            }
            for (int k = 0; k < SIZE_BINS; k++) {
                employeesBySizeBin[k] += o.employeesBySizeBin[k];
                payBySizeBin[k] += o.payBySizeBin[k];
            }
        }
        if (o.memberWeightBySizeBin != null) {
            if (memberWeightBySizeBin == null) {
                memberWeightBySizeBin = new double[SIZE_BINS];
            }
            for (int k = 0; k < SIZE_BINS; k++) {
                memberWeightBySizeBin[k] += o.memberWeightBySizeBin[k];
            }
        }
    }

    // ---- employees' pay ----

    /** Sub-bins per power of two of pay: bins 4.4% wide, so a median is read to about 1%. */
    private static final int PAY_SUB_BINS = 16;
    /** Powers of two of pay covered, from 2^-32 to 2^32 of the model's money; beyond, the end bins. */
    private static final int PAY_OCTAVES = 64;
    static final int PAY_BINS = PAY_SUB_BINS * PAY_OCTAVES;
    /** Bins of firm size by {@code floor(log2 members)}: 1 to 2^31. */
    static final int SIZE_BINS = 32;

    void preparePay() {
        if (payHistogram == null) {
            payHistogram = new long[PAY_BINS];
            employeesBySizeBin = new long[SIZE_BINS];
            payBySizeBin = new double[SIZE_BINS];
        }
    }

    /**
     * The bin of a pay: its binary exponent and the top four bits of its mantissa, so no logarithm
     * is taken; pay of 0 or less, and below 2^-32, goes to bin 0.
     */
    static int payBin(double pay) {
        if (!(pay > 0)) {
            return 0;
        }
        int exponent = Math.getExponent(pay);
        if (exponent < -PAY_OCTAVES / 2) {
            return 0;
        }
        if (exponent >= PAY_OCTAVES / 2) {
            return PAY_BINS - 1;
        }
        int sub = (int) ((Double.doubleToRawLongBits(pay) >>> 48) & 0xF);
        return (exponent + PAY_OCTAVES / 2) * PAY_SUB_BINS + sub;
    }

    /** The lower edge of a pay bin. */
    static double payBinLow(int bin) {
        int exponent = bin / PAY_SUB_BINS - PAY_OCTAVES / 2;
        int sub = bin % PAY_SUB_BINS;
        return Math.scalb(1 + sub / (double) PAY_SUB_BINS, exponent);
    }

    /** Counts one employee's pay in a firm of size bin {@code sizeBin}. */
    void countPay(double pay, int sizeBin) {
        payHistogram[payBin(pay)]++;
        employeesBySizeBin[sizeBin]++;
        payBySizeBin[sizeBin] += pay;
    }

    /** Employees whose pay was counted. */
    public long paidEmployees() {
        long n = 0;
        if (employeesBySizeBin != null) {
            for (long v : employeesBySizeBin) {
                n += v;
            }
        }
        return n;
    }

    /** Mean pay of employees; NaN when there are none. */
    public double employeePayMean() {
        long n = paidEmployees();
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : payBySizeBin) {
            sum += v;
        }
        return sum / n;
    }

    /**
     * The q-quantile of employees' pay, read from the histogram with linear interpolation
     * within the bin (bins are 4.4% wide); NaN when there are none.
     */
    public double employeePayQuantile(double q) {
        long n = paidEmployees();
        if (n == 0) {
            return Double.NaN;
        }
        double target = q * n;
        long seen = 0;
        for (int k = 0; k < PAY_BINS; k++) {
            long c = payHistogram[k];
            if (c > 0 && seen + c >= target) {
                if (k == 0) {
                    return 0;
                }
                double low = payBinLow(k);
                double high = k + 1 < PAY_BINS ? payBinLow(k + 1) : low;
                return low + (high - low) * (target - seen) / c;
            }
            seen += c;
        }
        return payBinLow(PAY_BINS - 1);
    }

    /** Median pay of employees. */
    public double employeePayMedian() {
        return employeePayQuantile(0.5);
    }

    /**
     * The elasticity of pay to firm size: the employee-weighted least-squares slope of
     * {@code ln(mean pay)} on {@code ln(mean firm size)} across the size bins
     * {@code floor(log2 members)} of firms with 2 or more members, each bin with at least
     * {@value #MIN_BIN_EMPLOYEES} employees; NaN with fewer than three such bins.
     */
    public double paySizeElasticity() {
        if (payBySizeBin == null || memberWeightBySizeBin == null) {
            return Double.NaN;
        }
        // One pass of weighted sums: slope = (W Sxy - Sx Sy) / (W Sxx - Sx^2).
        double w = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int bins = 0;
        for (int k = 1; k < SIZE_BINS; k++) {
            long e = employeesBySizeBin[k];
            if (e < MIN_BIN_EMPLOYEES || !(payBySizeBin[k] > 0) || !(memberWeightBySizeBin[k] > 0)) {
                continue;
            }
            double x = Math.log(memberWeightBySizeBin[k] / e);
            double y = Math.log(payBySizeBin[k] / e);
            w += e;
            sx += e * x;
            sy += e * y;
            sxx += e * x * x;
            sxy += e * x * y;
            bins++;
        }
        double spread = w * sxx - sx * sx;
        return bins < 3 || !(spread > 0) ? Double.NaN : (w * sxy - sx * sy) / spread;
    }

    /** Bins with fewer employees than this are left out of {@link #paySizeElasticity}. */
    static final int MIN_BIN_EMPLOYEES = 20;

    /**
     * Mean pay of employees in firms of 512 members or more over that in firms of 2 to 31 (the
     * size bins nearest to the 500+ and under-25 classes of Brown and Medoff 1989); NaN when
     * either is empty.
     */
    public double largeFirmPayPremium() {
        if (payBySizeBin == null) {
            return Double.NaN;
        }
        double largePay = 0;
        double smallPay = 0;
        long large = 0;
        long small = 0;
        for (int k = 1; k < SIZE_BINS; k++) {
            if (k >= 9) {
                largePay += payBySizeBin[k];
                large += employeesBySizeBin[k];
            } else if (k <= 4) {
                smallPay += payBySizeBin[k];
                small += employeesBySizeBin[k];
            }
        }
        return large == 0 || small == 0 ? Double.NaN : (largePay / large) / (smallPay / small);
    }

    /** Total wealth of all persons at the end of the review. */
    public double wealth() {
        return wealth;
    }

    /** Persons in the month's autonomy sample (employed persons, about 1%). */
    public long autonomySampled() {
        long n = 0;
        for (long c : autonomyCount) {
            n += c;
        }
        return n;
    }

    /** Sampled persons of each class. */
    public long[] autonomyCounts() {
        return autonomyCount.clone();
    }

    /** Mean autonomy index over the sampled employed persons; NaN if none was sampled. */
    public double autonomyIndex() {
        double sum = 0;
        for (double v : autonomySum) {
            sum += v;
        }
        long n = autonomySampled();
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Mean autonomy index of the sampled persons of each class; NaN where none was sampled. */
    public double[] autonomyByClass() {
        double[] out = new double[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            out[k] = autonomyCount[k] == 0 ? Double.NaN : autonomySum[k] / autonomyCount[k];
        }
        return out;
    }

    /**
     * Of the sampled employed persons of each class, the share who work for each kind of employer
     * ({@link #EMPLOYER_KINDS}); rows of NaN where the class had nobody sampled. Pooled over
     * months by {@link #pooledAutonomy}.
     */
    public double[][] employerSharesByClass() {
        double[][] out = new double[CLASSES][EMPLOYERS];
        for (int c = 0; c < CLASSES; c++) {
            long total = 0;
            for (int k = 0; k < EMPLOYERS; k++) {
                total += employerByClass[c * EMPLOYERS + k];
            }
            for (int k = 0; k < EMPLOYERS; k++) {
                out[c][k] = total == 0 ? Double.NaN : (double) employerByClass[c * EMPLOYERS + k] / total;
            }
        }
        return out;
    }

    /** Taxes persons paid this month: on income, profit and wealth. */
    public double taxes() {
        return incomeTaxes + profitTaxes + wealthTaxes;
    }

    /** Basic income paid to persons this month. */
    public double ubi() {
        return ubi;
    }

    /** Payments of the unconditional-transfer trial this month ({@code docs/MODEL.md} §7.17). */
    public double transfers() {
        return transfers;
    }

    /** The state's share of the start-up capital invested this month. */
    public double grants() {
        return grants;
    }

    /** Pay of the members of state firms, managers included. */
    public double stateFirmPay() {
        return stateFirmPay;
    }

    /** Members paid by state firms this month. */
    public long stateFirmMembers() {
        return stateFirmMembers;
    }

    /** Severance the state paid to workers its firms dismissed. */
    public double stateSeverance() {
        return stateSeverance;
    }

    /** The residual of state firms, paid to the budget. */
    public double stateFirmProfit() {
        return stateFirmProfit;
    }

    /** Mean exit, bargaining, protection and ownership components over the sample; NaN if empty. */
    public double[] autonomyComponents() {
        long n = autonomySampled();
        double[] out = new double[4];
        for (int k = 0; k < 4; k++) {
            out[k] = n == 0 ? Double.NaN : componentSum[k] / n;
        }
        return out;
    }

    /** Persons in each class, indexed by {@link PersonClass#ordinal}. */
    public long[] classCounts() {
        return classCounts.clone();
    }

    /** Persons whose class went from {@code from} last month to {@code to} this month. */
    public long transitions(PersonClass from, PersonClass to) {
        return transitions[from.ordinal() * CLASSES + to.ordinal()];
    }

    /** Persons in a firm (owners included). */
    public long members() {
        return members;
    }

    /** Members of firms other than their owners. */
    public long employees() {
        return employees;
    }

    /** Hired managers. */
    public long managers() {
        return managers;
    }

    /** Employees (not owners) whose job ended this month for a reason outside the model. */
    public long separations() {
        return separations;
    }

    /**
     * Persons who quit to unemployment in this month's decisions: paid nothing this month, on the
     * benefit or assistance from the next (the dismissed are in {@link #dismissals()}).
     */
    public long newlyUnemployed() {
        return newlyUnemployed;
    }

    public long unemployed() {
        return unemployed;
    }

    public long dismissals() {
        return dismissals;
    }

    public long appointments() {
        return appointments;
    }

    public long demotions() {
        return demotions;
    }

    public long ownershipTransfers() {
        return ownershipTransfers;
    }

    /** The goods market's month; null without a market or before it starts. */
    public MarketTally market() {
        return market;
    }

    /** Compliance costs this month, in house and outside. */
    public double compliance() {
        return compliance;
    }

    /** Compliance costs done in house by managers and paid to them as pay. */
    public double complianceInHouse() {
        return complianceInHouse;
    }

    /** Revenue net of compliance costs paid outside: what was paid to members and owners. */
    public double revenue() {
        return revenue;
    }

    /** Total income of firm members: pay, manager pay and owners' residuals. */
    public double memberPay() {
        return memberPay;
    }

    public double benefits() {
        return benefits;
    }

    public double consumption() {
        return consumption;
    }

    /** Start-up capital invested this month (leaves persons' wealth). */
    public double capitalInvested() {
        return capitalInvested;
    }

    /** Severance paid by owners to dismissed workers this month (a transfer between persons). */
    public double severance() {
        return severance;
    }

    /** Hired managers per employee; 0 without employees. */
    public double managerialShare() {
        return employees == 0 ? 0 : (double) managers / employees;
    }

    /** Unemployed per person in the labour force (members of firms plus the unemployed). */
    public double unemploymentRate() {
        long force = members + unemployed;
        return force == 0 ? 0 : (double) unemployed / force;
    }

    /** Managers per employee in employer firms of each SUSB size class (by employees). */
    public double[] managerialShareBySizeClass() {
        double[] out = new double[SIZE_CLASSES];
        for (int k = 0; k < SIZE_CLASSES; k++) {
            out[k] = employeesBySize[k] == 0 ? 0 : (double) managersBySize[k] / employeesBySize[k];
        }
        return out;
    }

    /** Mean manager layers of employer firms in each SUSB size class. */
    public double[] meanLayersBySizeClass() {
        double[] out = new double[SIZE_CLASSES];
        for (int k = 0; k < SIZE_CLASSES; k++) {
            out[k] = firmsBySize[k] == 0 ? 0 : (double) layersBySize[k] / firmsBySize[k];
        }
        return out;
    }

    /** Employer firms by number of manager layers. */
    public long[] firmsByLayers() {
        return firmsByLayers.clone();
    }

    /** Mean employees of employer firms with each number of manager layers; 0 where none. */
    public double[] meanEmployeesByLayers() {
        double[] out = new double[firmsByLayers.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = firmsByLayers[k] == 0 ? 0 : (double) employeesByLayers[k] / firmsByLayers[k];
        }
        return out;
    }
}
