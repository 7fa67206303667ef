package io.ownerscape.model.trial;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.Worlds;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.politics.ForecastIncome;
import io.ownerscape.model.state.StateTally;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unconditional-transfer trial (MODEL.md §7.17): assignment, payments, money, determinism, effects. */
class TransferTrialTest {

    /** The market preset with a trial: 10% treated, 10% control, paid from month 13 for 12 months. */
    static LabourParameters trial(Object... keyValues) {
        Map<String, Object> changes = new HashMap<>(Map.of("transfer_share", 0.1, "transfer_start", 13,
                "transfer_months", 12));
        for (int k = 0; k < keyValues.length; k += 2) {
            changes.put((String) keyValues[k], keyValues[k + 1]);
        }
        return LabourKeys.with(LabourParameters.market(), changes).validated();
    }

    private static Economy world(int persons, LabourParameters rules, long seed, ParallelExecutor ex) {
        return new Economy(ModelParameters.defaults(persons), rules, seed, ex);
    }

    @Test
    void assignmentIsAHashOfSeedAndPersonAlone() {
        int n = 20_000;
        long seed = 17;
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy paid = world(n, trial(), seed, ex);
            // Other rules change every other stream's use, the payments and the world itself.
            Economy other = world(n, trial("transfer_replacement", 0.0, "job_search_rate", 0.5, "theta_min", 0.2,
                    "transfer_control_share", 0.05), seed, ex);
            long base = new RandomStreams(seed).base(Purpose.TRANSFER_TRIAL);
            long treated = 0;
            long control = 0;
            for (int m = 0; m < 14; m++) {
                paid.step();
                other.step();
            }
            for (int i = 0; i < n; i++) {
                double u = RandomStreams.toUnit(RandomStreams.at(base, i));
                assertEquals(u < 0.1, paid.transferTrial().assignedTreated(i), "person " + i);
                assertEquals(u >= 0.1 && u < 0.2, paid.transferTrial().assignedControl(i), "person " + i);
                assertEquals(u < 0.1, other.transferTrial().assignedTreated(i), "person " + i);
                assertEquals(u >= 0.1 && u < 0.15, other.transferTrial().assignedControl(i), "person " + i);
                treated += paid.transferTrial().assignedTreated(i) ? 1 : 0;
                control += paid.transferTrial().assignedControl(i) ? 1 : 0;
            }
            // Binomial(20,000, 0.1): sd 42; within 4 sd.
            assertEquals(2_000, treated, 170);
            assertEquals(2_000, control, 170);
        }
    }

    @Test
    void groupsAreIndependentOfPreferencesAndSkills() {
        int n = 40_000;
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = world(n, trial(), 5, ex);
            double[] theta = new double[2];
            double[] skill = new double[2];
            long[] count = new long[2];
            for (int i = 0; i < n; i++) {
                int g = e.transferTrial().assignedTreated(i) ? 1 : e.transferTrial().assignedControl(i) ? 0 : -1;
                if (g >= 0) {
                    theta[g] += e.preference(i);
                    skill[g] += e.skill(i);
                    count[g]++;
                }
            }
            // theta ~ U[0, 1): sd 0.289, so the mean of 4,000 has sd 0.0046; skill's log sd is 0.4,
            // its sd about 0.42 and the mean's 0.0066. The difference of the groups within 4 sd.
            assertEquals(0, theta[1] / count[1] - theta[0] / count[0], 4 * 0.289 * Math.sqrt(2.0 / 4_000));
            assertEquals(0, skill[1] / count[1] - skill[0] / count[0], 4 * 0.42 * Math.sqrt(2.0 / 4_000));
        }
    }

    @Test
    void withNoPaymentTheRunIsTheRunWithoutTheTrial() {
        LabourParameters off = LabourParameters.market();
        String without = Worlds.hashAfter(3_000, off, 4, 2, 30);
        assertEquals(without, Worlds.hashAfter(3_000, trial("transfer_replacement", 0.0), 4, 2, 30),
                "a trial that pays nothing must change nothing");
        assertNotEquals(without, Worlds.hashAfter(3_000, trial(), 4, 2, 30), "a trial that pays must change the world");
    }

    @Test
    void controlOutcomesAreTheSameWithoutPaymentsAsWithoutTheTrial() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy zero = world(3_000, trial("transfer_replacement", 0.0), 8, ex);
            Economy plain = world(3_000, LabourParameters.market(), 8, ex);
            for (int m = 1; m <= 24; m++) {
                zero.step();
                plain.step();
                TransferTrial.Month row = zero.transferTrial().lastMonth();
                if (m < 13) {
                    assertNull(row, "no row before the first payment");
                    continue;
                }
                assertNotNull(row);
                long employed = 0;
                long persons = 0;
                for (int i = 0; i < 3_000; i++) {
                    if (zero.transferTrial().assignedControl(i)) {
                        persons++;
                        employed += plain.firmOf(i) >= 0 ? 1 : 0;
                    }
                }
                assertEquals(persons, row.control().persons());
                assertEquals(employed, row.control().employed(), "month " + m);
                assertEquals(0, row.treated().payments());
            }
        }
    }

    /**
     * Hand-worked: every treated person's income of the twelve months before the first payment is
     * summed independently (the forecast accumulator of net income, which without taxes, basic
     * income, severance or acquisitions is pay plus residual plus benefits); the payment must be
     * 40% of its mean, or 40% of employees' median pay for those without income, in each month of
     * the window and never outside it.
     */
    @Test
    void treatedReceiveExactlyTheStatedAmountInTheWindowOnly() {
        int n = 3_000;
        LabourParameters rules = trial("transfer_months", 6, "firing_cost", 0.0, "acquisitions", false);
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = world(n, rules, 3, ex);
            ForecastIncome income = new ForecastIncome(n, false);
            e.world().addUpForecast(income);
            for (int m = 1; m <= 12; m++) {
                e.step();
                assertEquals(0, e.lastReview().transfers(), "month " + m);
            }
            TransferTrial t = e.transferTrial();
            double median = e.lastReview().employeePayMedian();
            assertTrue(median > 0);
            double[] expected = new double[n];
            double total = 0;
            long treated = 0;
            for (int i = 0; i < n; i++) {
                if (t.assignedTreated(i)) {
                    double prior = income.total[i] / 12;
                    expected[i] = 0.4 * (prior > 0 ? prior : median);
                    total += expected[i];
                    treated++;
                }
                assertEquals(expected[i], t.payment(i), 1e-12 * expected[i], "person " + i);
            }
            assertTrue(treated > 250, "about 300 treated");
            e.world().addUpForecast(null);
            for (int m = 13; m <= 21; m++) {
                e.step();
                double paid = m <= 18 ? total : 0;
                assertEquals(paid, e.lastReview().transfers(), 1e-9 * total, "month " + m);
                assertEquals(paid, e.state().last().transfers(), 1e-9 * total, "month " + m);
                TransferTrial.Month row = t.lastMonth();
                assertEquals(m <= 18 ? "during" : "after", row.phase());
                assertEquals(paid, row.treated().payments(), 1e-9 * total);
            }
        }
    }

    @Test
    void moneyIsAccountedAndTheStateFundsThePayments() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = world(3_000, trial(), 6, ex);
            double debt = 0;
            for (int m = 1; m <= 30; m++) {
                double before = Worlds.totalWealth(e);
                e.step();
                ReviewTally t = e.lastReview();
                StateTally s = e.state().last();
                double after = Worlds.totalWealth(e);
                double flows = t.memberPay() + t.benefits() + t.ubi() + t.transfers() - t.taxes() - t.consumption()
                        - t.capitalInvested() + t.grants() + s.compensation() + t.stateSeverance() - s.sales();
                assertEquals(flows, after - before, 1e-9 * (Math.abs(before) + Math.abs(after) + 1),
                        "month " + m + ": wealth change = net income + transfers - consumption - capital");
                assertEquals(debt + s.spending() - s.revenue(), s.debt(), 1e-9 * (Math.abs(debt) + 1));
                assertEquals(m >= 13 && m <= 24, t.transfers() > 0, "month " + m);
                debt = s.debt();
            }
            assertTrue(debt > 0, "the state borrows for the payments and benefits");
        }
    }

    @Test
    void trialRunsIdenticallyOnAnyThreadCount() {
        LabourParameters rules = trial("transfer_share", 0.05, "transfer_low_income", true);
        assertEquals(Worlds.hashAfter(3_000, rules, 9, 1, 28), Worlds.hashAfter(3_000, rules, 9, 2, 28));
    }

    @Test
    void aForkPaysAndMeasuresAsItsParentWithoutTouchingIt() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy parent = world(2_000, trial(), 2, ex);
            for (int m = 0; m < 13; m++) {
                parent.step();
            }
            Economy fork = parent.fork();
            fork.step();
            fork.step();
            String forked = fork.stateHash();
            TransferTrial.Effects forkEffects = fork.transferTrial().effects();
            assertEquals(3, fork.transferTrial().effects().windowMonths());
            assertEquals(1, parent.transferTrial().effects().windowMonths(), "stepping the fork left the parent alone");
            parent.step();
            parent.step();
            assertEquals(forked, parent.stateHash());
            assertEquals(forkEffects, parent.transferTrial().effects());
        }
    }

    @Test
    void lowIncomeSwitchEnrolsOnlyThoseBelowTheSampleMedian() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = world(4_000, trial("transfer_share", 0.2, "transfer_low_income", true), 12, ex);
            for (int m = 0; m < 13; m++) {
                e.step();
            }
            TransferTrial t = e.transferTrial();
            TransferTrial.Effects effects = t.effects();
            long assigned = t.size();
            long enrolled = effects.treated() + effects.control();
            assertTrue(enrolled <= assigned / 2 && enrolled > assigned / 3,
                    enrolled + " enrolled of " + assigned + ": at most those below the median");
            double[] priors = new double[t.size()];
            for (int k = 0; k < t.size(); k++) {
                priors[k] = t.priorIncome(k);
            }
            double median = TransferTrial.median(priors.clone());
            for (int k = 0; k < t.size(); k++) {
                assertEquals(priors[k] < median, t.enrolledAt(k), "member " + k);
            }
        }
    }

    /** The intervals' formulas on samples worked by hand (class javadoc of TransferTrial#difference). */
    @Test
    void intervalsFollowTheStatedFormulas() {
        // Means 0.75 and 0.25, sample variances 0.25 each: se = sqrt(0.25/4 + 0.25/4) = 0.353553.
        TransferTrial.Effect d = TransferTrial.difference(new double[] {1, 0, 1, 1}, new double[] {0, 0, 1, 0}, 100);
        assertEquals(50, d.estimate(), 1e-12);
        assertEquals(35.35533905932738, d.standardError(), 1e-10);
        assertEquals(50 - 1.959963984540054 * 35.35533905932738, d.low(), 1e-8);
        assertEquals(50 + 1.959963984540054 * 35.35533905932738, d.high(), 1e-8);
        // Means 3 and 2, variances 2 and 2: r = 50%, se = 150 sqrt(2 / (2 * 9) + 2 / (2 * 4)) = 90.1388.
        TransferTrial.Effect r = TransferTrial.relative(new double[] {2, 4}, new double[] {1, 3});
        assertEquals(50, r.estimate(), 1e-12);
        assertEquals(150 * Math.sqrt(1.0 / 9 + 1.0 / 4), r.standardError(), 1e-10);
        assertEquals(50 - 1.959963984540054 * r.standardError(), r.low(), 1e-10);
        TransferTrial.Effect few = TransferTrial.difference(new double[] {1}, new double[] {0, 1}, 1);
        assertTrue(Double.isNaN(few.standardError()), "one value has no variance");
    }

    /**
     * The income effect at work: counted in choices, a payment of one's income buys leisure, so the
     * treated put in less effort; ignored in choices (money received only), there is no effect
     * on effort beyond sampling noise. The twelve months before the first payment are a placebo.
     */
    @Test
    void paymentsLowerEffortOnlyWhenCountedInChoices() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            for (boolean counted : new boolean[] {true, false}) {
                // A payment of the person's whole prior income makes the effect plain at this size.
                Economy e = world(20_000, trial("transfer_share", 0.15, "transfer_months", 18,
                        "transfer_replacement", 1.0, "ubi_in_choices", counted), 21, ex);
                for (int m = 0; m < 30; m++) {
                    e.step();
                }
                TransferTrial.Effects f = e.transferTrial().effects();
                assertEquals(18, f.windowMonths());
                // Placebo and null checks at 4 standard errors: a 95% interval would miss zero in one
                // world of twenty by chance, and this test runs two.
                assertTrue(Math.abs(f.employmentBefore().estimate()) < 4 * f.employmentBefore().standardError(),
                        "placebo before the payments: " + f.employmentBefore());
                if (counted) {
                    assertTrue(f.effort().high() < 0, "counted: effort falls, " + f.effort());
                } else {
                    assertTrue(Math.abs(f.effort().estimate()) < 4 * f.effort().standardError(),
                            "ignored: no effect, " + f.effort());
                }
                assertTrue(f.meanPayment() > 0);
                assertEquals(f.meanPriorIncome(), f.meanPayment(),
                        f.fallbackIncome() * f.withoutPriorIncome() / f.treated() + 1e-12);
            }
        }
    }

    @Test
    void badValuesAreRefusedWithTheirKey() {
        assertTrue(trialViolations("transfer_share", 1.5).contains("transfer_share = 1.5"));
        assertTrue(trialViolations("transfer_months", -3).contains("transfer_months = -3"));
        assertTrue(trialViolations("transfer_start", 5).contains("transfer_start = 5: allowed 13"));
        assertTrue(trialViolations("transfer_replacement", -0.1).contains("transfer_replacement = -0.1"));
        assertTrue(trialViolations("transfer_share", 0.6, "transfer_control_share", 0.5)
                .contains("transfer_share = 0.6 with transfer_control_share = 0.5"));
        assertTrue(trialViolations("transfer_share", 0.6).contains("transfer_share = 0.6 with"),
                "a control group as large as the treated one does not fit");
        String late = String.join("; ", TransferTrial.violations(trial("transfer_start", 300, "transfer_months", 36), 276));
        assertTrue(late.contains("transfer_start = 300 with transfer_months = 36") && late.contains("months = 276"), late);
        assertTrue(TransferTrial.violations(trial("transfer_start", 240, "transfer_months", 36), 275).isEmpty());
        assertFalse(TransferTrial.violations(trial("transfer_start", 240, "transfer_months", 36), 274).isEmpty());
        assertTrue(TransferTrial.violations(LabourParameters.market(), 10).isEmpty(), "no trial, no bound");
    }

    private static String trialViolations(Object... keyValues) {
        Map<String, Object> changes = new HashMap<>(Map.of("transfer_share", 0.1));
        for (int k = 0; k < keyValues.length; k += 2) {
            changes.put((String) keyValues[k], keyValues[k + 1]);
        }
        return String.join("; ", LabourKeys.with(LabourParameters.market(), changes).violations());
    }
}
