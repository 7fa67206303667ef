package io.ownerscape.model.metrics;

import io.ownerscape.model.Economy;
import io.ownerscape.model.acquisitions.AcquisitionTally;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.state.StateTally;
import io.ownerscape.model.trial.TransferTrial;
import io.ownerscape.model.world.Firms;

/**
 * What the recorders measure at the end of a month. Sizes are in members (founder included)
 * unless the name says employees; employer firms are firms with at least one employee.
 *
 * @param month                    the month just completed, from 1
 * @param firms                    live firms
 * @param employerFirms            firms with at least 2 members
 * @param employees                members of employer firms other than their founders
 * @param meanEmployerFirmSize     employees per employer firm
 * @param medianEmployerFirmSize   median employees of employer firms
 * @param sizeClassFirmShare       share of employer firms in each {@link SizeClass#SUSB} class
 * @param sizeClassEmploymentShare share of employees in each class
 * @param zipfAlpha                exponent of the employee-count CCDF tail, {@code NaN} if no fit
 * @param zipfSmin                 tail threshold in employees
 * @param zipfTailFirms            employer firms in the fitted tail
 * @param zipfKs                   Kolmogorov-Smirnov distance of the fit
 * @param largestFirm              members of the largest firm
 * @param singletonShare           share of firms with one member
 * @param activations              persons activated this month
 * @param births                   firms founded this month
 * @param deaths                   firms dissolved this month
 * @param moves                    persons who changed firm this month
 * @param jobToJobRate             moves / persons
 * @param meanEffort               mean effort over persons
 * @param outputPerPerson          total output / persons
 * @param review                   the month's review: classes, managers, unemployment, money flows
 * @param meanPay                  mean monthly pay of firm members
 * @param meanWealth               mean wealth over persons
 * @param topPercentEmploymentShare share of employees in the largest 1% of employer firms (at
 *                                  least one firm)
 * @param topTenEmploymentShare    share of employees in the 10 largest employer firms
 * @param acquisitions             the month's acquisitions ({@link AcquisitionTally#NONE} without)
 * @param largeFirmAcquiredShare   over firms of at least {@code large_firm_employees} employees:
 *                                 members taken over by buying firms (at most each firm's size)
 *                                 as a share of their members; NaN when there is no large firm
 * @param state                    the state's accounts and measures this month (see {@link StateTally})
 * @param hires                    joins of an existing firm this month (JOLTS hires)
 * @param employeeQuits            employees who left their firm of their own accord this month
 * @param transfer                 the transfer trial's month (treated and control groups), or null
 *                                 when no trial runs or it records no row this month
 */
public record MonthlyMetrics(
        int month,
        long firms,
        long employerFirms,
        long employees,
        double meanEmployerFirmSize,
        double medianEmployerFirmSize,
        double[] sizeClassFirmShare,
        double[] sizeClassEmploymentShare,
        double zipfAlpha,
        long zipfSmin,
        long zipfTailFirms,
        double zipfKs,
        long largestFirm,
        double singletonShare,
        long activations,
        long births,
        long deaths,
        long moves,
        double jobToJobRate,
        double meanEffort,
        double outputPerPerson,
        ReviewTally review,
        double meanPay,
        double meanWealth,
        double topPercentEmploymentShare,
        double topTenEmploymentShare,
        AcquisitionTally acquisitions,
        double largeFirmAcquiredShare,
        StateTally state,
        long hires,
        long employeeQuits,
        TransferTrial.Month transfer) {

    /** Share of persons in each class, indexed by {@link PersonClass#ordinal}. */
    public double[] classShares() {
        long[] c = review.classCounts();
        long total = 0;
        for (long v : c) {
            total += v;
        }
        double[] out = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            out[k] = total == 0 ? 0 : (double) c[k] / total;
        }
        return out;
    }

    /** Fewest firms in a fitted tail. */
    public static final int MIN_TAIL = 50;

    /** Measures the economy as it stands (after a completed month). */
    public static MonthlyMetrics of(Economy economy, SizeDistribution dist) {
        long[][] emp = dist.employerEmployees();
        long[] x = emp[0];
        long[] c = emp[1];
        long employerFirms = 0;
        long employees = 0;
        int classes = SizeClass.SUSB.size();
        long[] classFirms = new long[classes];
        long[] classEmployees = new long[classes];
        for (int j = 0; j < x.length; j++) {
            employerFirms += c[j];
            employees += x[j] * c[j];
            for (int k = 0; k < classes; k++) {
                if (SizeClass.SUSB.get(k).contains(x[j])) {
                    classFirms[k] += c[j];
                    classEmployees[k] += x[j] * c[j];
                    break;
                }
            }
        }
        double[] firmShare = new double[classes];
        double[] employmentShare = new double[classes];
        for (int k = 0; k < classes; k++) {
            firmShare[k] = employerFirms == 0 ? 0 : (double) classFirms[k] / employerFirms;
            employmentShare[k] = employees == 0 ? 0 : (double) classEmployees[k] / employees;
        }
        PowerLawFit.Result zipf = PowerLawFit.fit(x, c, MIN_TAIL);
        long firms = dist.firms();
        long singletons = dist.sizes().length > 0 && dist.sizes()[0] == 1 ? dist.counts()[0] : 0;
        int n = economy.persons();
        return new MonthlyMetrics(
                economy.month(), firms, employerFirms, employees,
                employerFirms == 0 ? 0 : (double) employees / employerFirms,
                median(x, c, employerFirms),
                firmShare, employmentShare,
                zipf.ccdfExponent(), zipf.xmin(), zipf.tailCount(), zipf.ksDistance(),
                dist.largest(), firms == 0 ? 0 : (double) singletons / firms,
                economy.activations(), economy.births(), economy.deaths(), economy.moves(),
                (double) economy.moves() / n,
                Firms.fromFixed(dist.totalEffortFixed()) / n,
                dist.totalOutput() / n,
                economy.lastReview(), economy.meanPay(), economy.meanWealth(),
                topShare(x, c, employees, Math.max(1, (employerFirms + 99) / 100)),
                topShare(x, c, employees, 10),
                economy.lastAcquisitions(), largeFirmAcquiredShare(economy), economy.state().last(),
                economy.hires(), economy.employeeQuits(),
                economy.transferTrial() == null ? null : economy.transferTrial().lastMonth());
    }

    /** See {@link #largeFirmAcquiredShare}: growth by acquisition against all growth, for large firms. */
    static double largeFirmAcquiredShare(Economy economy) {
        if (!economy.labour().acquisitions()) {
            return Double.NaN;
        }
        Firms firms = economy.firms();
        int large = economy.labour().largeFirmEmployees();
        long members = 0;
        long acquired = 0;
        for (int f = 0; f < firms.capacity(); f++) {
            int n = firms.size(f);
            if (n - 1 >= large) {
                members += n;
                acquired += Math.min(n, firms.acquiredMembers(f));
            }
        }
        return members == 0 ? Double.NaN : (double) acquired / members;
    }

    /**
     * The month's labour flows as JOLTS defines them, each a share of employees (members who do
     * not own their firm, counted at the end of the review): hires (joins of an existing firm),
     * quits (employees who left of their own accord) and layoffs and discharges (dismissals and
     * separations). NaN without employees.
     */
    public double hiresRate() {
        return flowRate(hires);
    }

    /** Quits of the month as a share of employees ({@link #hiresRate}). */
    public double quitsRate() {
        return flowRate(employeeQuits);
    }

    /** Layoffs and discharges of the month as a share of employees ({@link #hiresRate}). */
    public double layoffsRate() {
        return review == null ? Double.NaN : flowRate(review.dismissals() + review.separations());
    }

    private double flowRate(long flow) {
        long employees = review == null ? 0 : review.employees();
        return employees == 0 ? Double.NaN : (double) flow / employees;
    }

    /** Self-employed persons (owners of a firm without employees) as a share of all persons. */
    public double selfEmployedShare() {
        return review == null ? Double.NaN : classShares()[PersonClass.SELF_EMPLOYED.ordinal()];
    }

    /**
     * Small owners (employers below the large-firm threshold) per 1,000 persons; 0 before the
     * first review.
     */
    public double smallOwnersPerThousand() {
        return review == null ? 0 : 1000 * classShares()[PersonClass.SMALL_OWNER.ordinal()];
    }

    /** Share of employees in the {@code top} largest firms, from sizes in increasing order. */
    static double topShare(long[] x, long[] c, long employees, long top) {
        if (employees == 0) {
            return 0;
        }
        long left = top;
        long sum = 0;
        for (int j = x.length - 1; j >= 0 && left > 0; j--) {
            long take = Math.min(left, c[j]);
            sum += take * x[j];
            left -= take;
        }
        return (double) sum / employees;
    }

    private static double median(long[] x, long[] c, long total) {
        if (total == 0) {
            return 0;
        }
        long lowRank = (total - 1) / 2;
        long highRank = total / 2;
        double low = Double.NaN;
        long seen = 0;
        for (int j = 0; j < x.length; j++) {
            long next = seen + c[j];
            if (Double.isNaN(low) && lowRank < next) {
                low = x[j];
            }
            if (highRank < next) {
                return (low + x[j]) / 2;
            }
            seen = next;
        }
        return low;
    }
}
