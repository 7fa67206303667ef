package io.ownerscape.model.trial;

import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.world.World;

import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.Arrays;

/**
 * The unconditional-transfer field experiment built into the world ({@code docs/MODEL.md} §7.17):
 * a random share of persons is paid, every month for a set number of months, a share of their
 * own prior income, untaxed and with no condition; a control group of the same kind is not. The
 * employment, effort and earnings of the two groups are compared, as OpenResearch's study
 * (Vivalt et al. 2024) compared its treated and control participants.
 *
 * <p>Assignment is a hash of (seed, {@link Purpose#TRANSFER_TRIAL}, person): a person is treated
 * when it falls below {@code transfer_share}, in the control group when it falls in the next
 * {@code transfer_control_share}. No other stream is read, so the groups do not depend on
 * anything else in the run, and the payments cannot change who is in which group.
 *
 * <p>Only the sample (both groups, a few percent of persons) is stored, sorted by person: the
 * review and the decisions find a person in it by binary search or a cursor moving with the
 * person order, so a world of 10^8 persons keeps no column of its own for the trial.
 */
public final class TransferTrial {
    /** Months before the first payment over which prior income is measured. */
    static final int PRIOR_MONTHS = 12;
    static final byte CONTROL = 0;
    static final byte TREATED = 1;
    /** Assigned, but above the sample's median prior income under {@code transfer_low_income}. */
    static final byte EXCLUDED = 2;
    /** The 0.975 quantile of the standard normal: the intervals are ±1.96 standard errors. */
    static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

    private final int start;
    private final int end;
    private final double replacement;
    private final boolean lowIncome;
    /** The sample, both groups, in increasing person order. */
    private final int[] ids;
    private final byte[] arm;
    /**
     * The current month's income of each member (pay, residual or dividend, benefit or
     * assistance; before taxes), added by the review and taken by {@link #observe}.
     */
    private final double[] income;
    /** Income summed over the prior months; its mean from enrolment on. */
    private final double[] prior;
    private final byte[] priorEmployed;
    private final short[] monthsEmployed;
    private final double[] effortSum;
    private final double[] incomeSum;
    /** What a member without prior income is paid as if it were their income: employees' median pay at enrolment. */
    private double fallbackIncome = Double.NaN;
    private boolean enrolled;
    /** Months of the payment window observed so far. */
    private int windowMonths;
    private Month last;

    public TransferTrial(LabourParameters rules, RandomStreams streams, int persons) {
        this.start = rules.transferStart();
        this.end = rules.transferStart() + rules.transferMonths() - 1;
        this.replacement = rules.transferReplacement();
        this.lowIncome = rules.transferLowIncome();
        double treated = rules.transferShare();
        double sampled = treated + rules.transferControl();
        long base = streams.base(Purpose.TRANSFER_TRIAL);
        int[] found = new int[(int) Math.max(16, Math.min(persons, 1.1 * sampled * persons + 64))];
        byte[] kind = new byte[found.length];
        int count = 0;
        for (int i = 0; i < persons; i++) {
            double u = RandomStreams.toUnit(RandomStreams.at(base, i));
            if (u < sampled) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, 2 * count);
                    kind = Arrays.copyOf(kind, 2 * count);
                }
                kind[count] = u < treated ? TREATED : CONTROL;
                found[count++] = i;
            }
        }
        this.ids = Arrays.copyOf(found, count);
        this.arm = Arrays.copyOf(kind, count);
        this.income = new double[count];
        this.prior = new double[count];
        this.priorEmployed = new byte[count];
        this.monthsEmployed = new short[count];
        this.effortSum = new double[count];
        this.incomeSum = new double[count];
    }

    /** A copy for a fork of the world: every column copied, so stepping one never changes the other. */
    private TransferTrial(TransferTrial o) {
        this.start = o.start;
        this.end = o.end;
        this.replacement = o.replacement;
        this.lowIncome = o.lowIncome;
        this.ids = o.ids;
        this.arm = o.arm.clone();
        this.income = o.income.clone();
        this.prior = o.prior.clone();
        this.priorEmployed = o.priorEmployed.clone();
        this.monthsEmployed = o.monthsEmployed.clone();
        this.effortSum = o.effortSum.clone();
        this.incomeSum = o.incomeSum.clone();
        this.fallbackIncome = o.fallbackIncome;
        this.enrolled = o.enrolled;
        this.windowMonths = o.windowMonths;
        this.last = o.last;
    }

    /**
     * The trial's bounds that depend on the run's length: with the trial on, its payments must end
     * within the run, so that every effect is measured over the whole window.
     *
     * @return the violations, each naming the key, its value and what is allowed; empty if none
     */
    public static java.util.List<String> violations(LabourParameters rules, int months) {
        if (!rules.transferTrial()) {
            return java.util.List.of();
        }
        int last = rules.transferStart() + rules.transferMonths() - 1;
        if (last <= months) {
            return java.util.List.of();
        }
        return java.util.List.of("transfer_start = " + rules.transferStart() + " with transfer_months = "
                + rules.transferMonths() + ": the trial's payments would run to month " + last
                + ", beyond the run (months = " + months + "); allowed transfer_start + transfer_months - 1 <= months");
    }

    public TransferTrial copy() {
        return new TransferTrial(this);
    }

    public long bytes() {
        return 4L * ids.length + 1L * arm.length + 8L * income.length + 8L * prior.length + priorEmployed.length
                + 2L * monthsEmployed.length + 8L * effortSum.length + 8L * incomeSum.length;
    }

    /** Whether the review of month {@code m} records the sample's incomes (from the prior months on). */
    public boolean recording(int m) {
        return m >= start - PRIOR_MONTHS;
    }

    /** Whether month {@code m} is one of the payment window's. */
    public boolean pays(int m) {
        return m >= start && m <= end;
    }

    /** Members in the sample (both groups, enrolled or not). */
    int size() {
        return ids.length;
    }

    /** The sample's person ids, increasing (not to be changed). */
    public int[] ids() {
        return ids;
    }

    /** The first position in the sample whose person is {@code person} or later. */
    public int firstAtOrAfter(int person) {
        int k = Arrays.binarySearch(ids, person);
        return k >= 0 ? k : -k - 1;
    }

    /** The position of {@code person} in the sample, or -1 if they are not in it. */
    public int indexOf(int person) {
        int k = Arrays.binarySearch(ids, person);
        return k >= 0 ? k : -1;
    }

    /** Member {@code k}'s mean monthly income over the prior months (from enrolment on). */
    double priorIncome(int k) {
        return prior[k];
    }

    /** Whether member {@code k} is enrolled in either group (not excluded by the low-income rule). */
    boolean enrolledAt(int k) {
        return arm[k] != EXCLUDED;
    }

    /** Adds income received this month to member {@code k}. */
    public void addIncome(int k, double amount) {
        income[k] += amount;
    }

    /**
     * The monthly payment of member {@code k}: {@code transfer_replacement} times their prior
     * income, or times employees' median pay at enrolment when they had none; 0 for the control
     * group, the excluded, and before enrolment.
     */
    public double paymentAt(int k) {
        if (!enrolled || arm[k] != TREATED) {
            return 0;
        }
        return replacement * (prior[k] > 0 ? prior[k] : fallbackIncome);
    }

    /** Person {@code person}'s payment in a month of the window (0 outside the treated group). */
    public double payment(int person) {
        int k = indexOf(person);
        return k < 0 ? 0 : paymentAt(k);
    }

    /** Whether person {@code person} is assigned to the treated group (enrolled or not). */
    public boolean assignedTreated(int person) {
        int k = indexOf(person);
        return k >= 0 && arm[k] == TREATED;
    }

    /** Whether person {@code person} is assigned to the control group (enrolled or not). */
    public boolean assignedControl(int person) {
        int k = indexOf(person);
        return k >= 0 && arm[k] == CONTROL;
    }

    /**
     * At the end of month {@code m}'s review: the sample's employment, effort and income of the
     * month, into the prior-income sums before the window, into the persons' window sums during
     * it, and into the month's row from the first payment on; at the end of the month before the
     * first payment the sample is enrolled.
     */
    public void observe(World economy, int m) {
        last = null;
        if (!recording(m)) {
            return;
        }
        boolean before = m < start;
        boolean during = pays(m);
        long[] persons = new long[2];
        long[] employed = new long[2];
        double[] effort = new double[2];
        double[] earned = new double[2];
        double[] paid = new double[2];
        for (int k = 0; k < ids.length; k++) {
            double y = income[k];
            income[k] = 0;
            int a = arm[k];
            if (a == EXCLUDED) {
                continue;
            }
            int i = ids[k];
            boolean working = economy.firmOf(i) >= 0;
            if (before) {
                prior[k] += y;
                priorEmployed[k] += (byte) (working ? 1 : 0);
                continue;
            }
            double e = economy.effort(i);
            if (during) {
                monthsEmployed[k] += (short) (working ? 1 : 0);
                effortSum[k] += e;
                incomeSum[k] += y;
                paid[a] += paymentAt(k);
            }
            persons[a]++;
            employed[a] += working ? 1 : 0;
            effort[a] += e;
            earned[a] += y;
        }
        if (during) {
            windowMonths++;
        }
        if (!before) {
            last = new Month(m, during ? "during" : "after",
                    new Arm(persons[TREATED], employed[TREATED], effort[TREATED], earned[TREATED], paid[TREATED]),
                    new Arm(persons[CONTROL], employed[CONTROL], effort[CONTROL], earned[CONTROL], paid[CONTROL]));
        }
        if (m == start - 1) {
            enrol(economy);
        }
    }

    /**
     * Turns the prior sums into each member's mean monthly income over the twelve months before
     * the first payment; under {@code transfer_low_income} excludes, in both groups, those not
     * below the sample's median of it; and fixes what a member without prior income is paid as
     * if it were their income: employees' median pay of the month (mean pay of firm members when
     * there are no employees).
     */
    private void enrol(World economy) {
        for (int k = 0; k < ids.length; k++) {
            prior[k] /= PRIOR_MONTHS;
        }
        if (lowIncome && ids.length > 0) {
            double median = median(prior.clone());
            for (int k = 0; k < ids.length; k++) {
                if (!(prior[k] < median)) {
                    arm[k] = EXCLUDED;
                }
            }
        }
        ReviewTally review = economy.lastReview();
        double median = review == null ? Double.NaN : review.employeePayMedian();
        fallbackIncome = median > 0 ? median : economy.meanPay();
        enrolled = true;
    }

    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** The trial's row of the last month observed, or null when it recorded none. */
    public Month lastMonth() {
        return last;
    }

    /**
     * The trial's effects over the payment window's months observed so far, each person's mean
     * over them taken as one observation (a person's months are correlated); null before the
     * first payment.
     */
    public Effects effects() {
        if (windowMonths == 0) {
            return null;
        }
        int[] n = new int[3];
        for (byte a : arm) {
            n[a]++;
        }
        double[][] employment = {new double[n[0]], new double[n[1]]};
        double[][] effort = {new double[n[0]], new double[n[1]]};
        double[][] earnings = {new double[n[0]], new double[n[1]]};
        double[][] before = {new double[n[0]], new double[n[1]]};
        double[][] employedEffort = {new double[n[0]], new double[n[1]]};
        int[] at = new int[2];
        int[] employedAt = new int[2];
        double payments = 0;
        double priorTreated = 0;
        long withoutPrior = 0;
        for (int k = 0; k < ids.length; k++) {
            int a = arm[k];
            if (a == EXCLUDED) {
                continue;
            }
            int j = at[a]++;
            employment[a][j] = (double) monthsEmployed[k] / windowMonths;
            effort[a][j] = effortSum[k] / windowMonths;
            earnings[a][j] = incomeSum[k] / windowMonths;
            before[a][j] = (double) priorEmployed[k] / PRIOR_MONTHS;
            if (monthsEmployed[k] > 0) {
                employedEffort[a][employedAt[a]++] = effortSum[k] / monthsEmployed[k];
            }
            if (a == TREATED) {
                payments += paymentAt(k);
                priorTreated += prior[k];
                withoutPrior += prior[k] > 0 ? 0 : 1;
            }
        }
        double[] employedControl = Arrays.copyOf(employedEffort[CONTROL], employedAt[CONTROL]);
        double[] employedTreated = Arrays.copyOf(employedEffort[TREATED], employedAt[TREATED]);
        double meanPayment = n[TREATED] == 0 ? Double.NaN : payments / n[TREATED];
        return new Effects(windowMonths, n[TREATED], n[CONTROL],
                difference(employment[TREATED], employment[CONTROL], 100),
                relative(effort[TREATED], effort[CONTROL]),
                relative(employedTreated, employedControl),
                relative(earnings[TREATED], earnings[CONTROL]),
                // The payment is set by design, not estimated: dividing by it scales the interval exactly.
                difference(earnings[TREATED], earnings[CONTROL], 1 / meanPayment),
                difference(before[TREATED], before[CONTROL], 100),
                mean(employment[CONTROL]), mean(effort[CONTROL]), mean(employedControl), mean(earnings[CONTROL]),
                meanPayment, n[TREATED] == 0 ? Double.NaN : priorTreated / n[TREATED], withoutPrior, fallbackIncome);
    }

    /**
     * The difference of two group means, {@code d = mean(t) - mean(c)}, with the standard error
     * of independent samples {@code sqrt(s_t^2 / n_t + s_c^2 / n_c)} (sample variances) and the
     * interval {@code d ± 1.96 se}; all times {@code scale}. NaN where a group has fewer than two
     * values.
     */
    static Effect difference(double[] treated, double[] control, double scale) {
        double mt = mean(treated);
        double mc = mean(control);
        double se = Math.sqrt(variance(treated, mt) / treated.length + variance(control, mc) / control.length);
        double d = mt - mc;
        return new Effect(scale * d, scale * se, scale * (d - Z * se), scale * (d + Z * se));
    }

    /**
     * The relative difference of two group means in percent, {@code r = 100 (mean(t) / mean(c) - 1)},
     * with the delta-method standard error
     * {@code 100 (mean(t) / mean(c)) sqrt(s_t^2 / (n_t mean(t)^2) + s_c^2 / (n_c mean(c)^2))} and
     * the interval {@code r ± 1.96 se}.
     */
    static Effect relative(double[] treated, double[] control) {
        double mt = mean(treated);
        double mc = mean(control);
        double ratio = mt / mc;
        double se = 100 * Math.abs(ratio) * Math.sqrt(variance(treated, mt) / (treated.length * mt * mt)
                + variance(control, mc) / (control.length * mc * mc));
        double r = 100 * (ratio - 1);
        return new Effect(r, se, r - Z * se, r + Z * se);
    }

    private static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }

    /** An estimate with its standard error and 95% confidence interval. */
    public record Effect(double estimate, double standardError, double low, double high) {
    }

    /**
     * What the trial found over its window.
     *
     * @param windowMonths       payment months observed
     * @param treated            persons enrolled in the treated group
     * @param control            persons enrolled in the control group
     * @param employment         treated minus control employment rate, percentage points
     * @param effort             relative difference of mean effort over all months (0 when not
     *                           employed), percent
     * @param employedEffort     relative difference of mean effort over the months employed, among
     *                           those employed at least one month, percent (not randomised: the
     *                           employed of the two groups may differ)
     * @param earnings           relative difference of mean monthly income before taxes (pay,
     *                           residual, benefits; not the transfer), percent
     * @param earningsPerPayment difference of mean monthly income before taxes divided by the mean
     *                           monthly payment: income gained (negative: forgone) per unit paid
     * @param employmentBefore   treated minus control employment over the twelve months before the
     *                           first payment, percentage points: a placebo that should contain 0
     * @param controlEmployment  the control group's employment rate over the window
     * @param controlEffort      the control group's mean effort over the window
     * @param controlEmployedEffort the control group's mean effort over its months employed
     * @param controlEarnings    the control group's mean monthly income over the window
     * @param meanPayment        the treated group's mean monthly payment
     * @param meanPriorIncome    the treated group's mean prior income
     * @param withoutPriorIncome treated persons with no prior income (paid the fallback's share)
     * @param fallbackIncome     employees' median pay at enrolment: the income a treated person
     *                           without prior income is paid a share of
     */
    public record Effects(int windowMonths, long treated, long control, Effect employment, Effect effort,
                          Effect employedEffort, Effect earnings, Effect earningsPerPayment, Effect employmentBefore,
                          double controlEmployment, double controlEffort, double controlEmployedEffort,
                          double controlEarnings, double meanPayment, double meanPriorIncome,
                          long withoutPriorIncome, double fallbackIncome) {
    }

    /**
     * One group's month: persons, the employed among them, their summed effort (0 for those not
     * employed), income before taxes and transfer received.
     */
    public record Arm(long persons, long employed, double effort, double income, double payments) {
        public double employmentRate() {
            return persons == 0 ? Double.NaN : (double) employed / persons;
        }

        public double meanEffort() {
            return persons == 0 ? Double.NaN : effort / persons;
        }

        /** Mean effort of the employed (the others' effort is 0). */
        public double meanEffortEmployed() {
            return employed == 0 ? Double.NaN : effort / employed;
        }

        public double meanIncome() {
            return persons == 0 ? Double.NaN : income / persons;
        }

        public double meanPayment() {
            return persons == 0 ? Double.NaN : payments / persons;
        }
    }

    /** A month of the trial from its first payment on: phase "during" or "after" the window. */
    public record Month(int month, String phase, Arm treated, Arm control) {
    }
}
