package io.ownerscape.model.labour;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Worlds;
import io.ownerscape.model.classes.Autonomy;
import io.ownerscape.model.classes.Classification;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.metrics.Inequality;
import io.ownerscape.model.state.StateTally;
import io.ownerscape.model.world.Firms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labour rules of the market preset: classes, ownership, hierarchy, dismissal, money.
 * Every invariant is checked after every month.
 */
public class LabourRulesTest {

    private static LabourParameters market() {
        return LabourParameters.market();
    }

    /** Checks every bookkeeping invariant of the labour rules; returns the unemployed. */
    public static int check(Economy e, String where) {
        int n = e.persons();
        Firms firms = e.firms();
        LabourParameters rules = e.labour();
        int[] members = new int[firms.capacity()];
        int[] owners = new int[firms.capacity()];
        int[] managers = new int[firms.capacity()];
        long[] effort = new long[firms.capacity()];
        int unemployed = 0;
        for (int i = 0; i < n; i++) {
            int f = e.firmOf(i);
            if (f < 0) {
                unemployed++;
                assertFalse(e.isOwner(i), where + ": unemployed owner " + i);
                assertEquals(0, e.managerLayer(i), where + ": unemployed manager " + i);
                continue;
            }
            assertTrue(firms.size(f) > 0, where + ": person " + i + " in dead firm " + f);
            members[f]++;
            if (e.isOwner(i)) {
                owners[f]++;
                assertEquals(i, firms.owner(f), where + ": owner bit of " + i + " but firm " + f
                        + " is owned by " + firms.owner(f));
            }
            if (e.managerLayer(i) > 0) {
                managers[f]++;
                assertTrue(e.hasDegree(i), where + ": manager " + i + " without a degree");
            }
            effort[f] += e.contributionFixed(i);
        }
        for (int f = 0; f < firms.capacity(); f++) {
            assertEquals(firms.size(f), members[f], where + ": size of firm " + f);
            if (firms.size(f) == 0) {
                continue;
            }
            assertEquals(firms.ownership(f) == Firms.PRIVATE ? 1 : 0, owners[f], where + ": owners of firm " + f);
            assertEquals(firms.managers(f), managers[f], where + ": managers of firm " + f);
            assertEquals(firms.effortFixed(f), effort[f], where + ": effort of firm " + f);
            if (rules.hierarchy() && firms.size(f) - 1 <= rules.spanOfControl()) {
                assertEquals(0, managers[f], where + ": hired manager in firm " + f + " of "
                        + firms.size(f) + " members, within the span of control");
            }
        }
        ReviewTally t = e.lastReview();
        if (t != null) {
            long total = 0;
            for (long c : t.classCounts()) {
                total += c;
            }
            assertEquals(n, total, where + ": every person in exactly one class");
            assertEquals(unemployed, t.classCounts()[PersonClass.UNEMPLOYED.ordinal()], where);
            long[] counted = new long[PersonClass.count()];
            // Classes are the review's; the state phase after it may give or take ownership
            // (MODEL.md §3, step 6), in which months the roles are checked against them no further.
            StateTally s = e.state().last();
            boolean ownershipChangedAfterReview = s != null
                    && s.nationalised() + s.converted() + s.privatised() > 0;
            for (int i = 0; i < n; i++) {
                PersonClass c = e.personClass(i);
                counted[c.ordinal()]++;
                if (!ownershipChangedAfterReview) {
                    assertEquals(c, expectedClass(e, i, c), where + ": class of person " + i);
                }
            }
            // The counts are the class column's, as the review leaves it after its fix-ups.
            assertEquals(java.util.Arrays.toString(counted), java.util.Arrays.toString(t.classCounts()),
                    where + ": class counts against the persons' classes");
        }
        return unemployed;
    }

    /**
     * The class the state implies: everything but precarity is fixed by firm, role and the firm's
     * size; precarity (from the job history before the month moved on) is taken from {@code actual}
     * when the person is an employee who is neither owner nor manager.
     */
    private static PersonClass expectedClass(Economy e, int i, PersonClass actual) {
        int f = e.firmOf(i);
        if (f < 0) {
            return PersonClass.UNEMPLOYED;
        }
        if (e.isOwner(i)) {
            int employees = e.firms().size(f) - 1;
            return employees == 0 ? PersonClass.SELF_EMPLOYED
                    : employees >= e.labour().largeFirmEmployees() ? PersonClass.LARGE_OWNER
                    : PersonClass.SMALL_OWNER;
        }
        if (e.managerLayer(i) > 0) {
            return PersonClass.MANAGER;
        }
        if (actual == PersonClass.PRECARIOUS) {
            return actual;
        }
        return e.hasDegree(i) ? PersonClass.PROFESSIONAL : PersonClass.WORKER;
    }

    /** Each month's transitions leave last month's classes and arrive at this month's. */
    private static void checkTransitions(long[] before, ReviewTally t, String where) {
        for (PersonClass c : PersonClass.values()) {
            long out = 0;
            long in = 0;
            for (PersonClass d : PersonClass.values()) {
                out += t.transitions(c, d);
                in += t.transitions(d, c);
            }
            assertEquals(before[c.ordinal()], out, where + ": transitions out of " + c.key());
            assertEquals(t.classCounts()[c.ordinal()], in, where + ": transitions into " + c.key());
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void invariantsAndMoneyHoldEveryMonth(int threads) {
        try (ParallelExecutor ex = new ParallelExecutor(threads)) {
            Economy e = new Economy(ModelParameters.defaults(3_000), market(), 5, ex);
            check(e, "start");
            long dismissals = 0;
            long appointments = 0;
            long demotions = 0;
            long transfers = 0;
            long[] classesBefore = null;
            for (int m = 1; m <= 120; m++) {
                double before = Worlds.totalWealth(e);
                e.step();
                String where = "month " + m;
                check(e, where);
                ReviewTally t = e.lastReview();
                if (classesBefore != null) {
                    checkTransitions(classesBefore, t, where);
                }
                classesBefore = t.classCounts().clone();
                double after = Worlds.totalWealth(e);
                double flows = t.memberPay() + t.benefits() - t.consumption() - t.capitalInvested();
                assertEquals(flows, after - before, 1e-9 * (Math.abs(before) + Math.abs(after) + 1),
                        where + ": wealth change = income - consumption - capital invested");
                // The effort-tied pay rates are kept at single precision: agreement to 1e-6.
                assertEquals(t.revenue(), t.memberPay(), 1e-6 * Math.max(1, t.revenue()),
                        where + ": revenue = pay + managers' pay + owners' residuals");
                dismissals += t.dismissals();
                appointments += t.appointments();
                demotions += t.demotions();
                transfers += t.ownershipTransfers();
            }
            // Each of these changes a class after the pay pass has taken it (MonthlyReview's
            // fix-ups), so the checks above saw every kind of fix-up.
            assertTrue(appointments > 0, "firms beyond the span must hire managers");
            assertTrue(dismissals > 0, "some workers must be dismissed");
            assertTrue(demotions > 0, "some managers must stand down");
            assertTrue(transfers > 0, "some firms must pass to a member");
        }
    }

    @Test
    void marketRunsIdenticallyOnAnyThreadCount() {
        String reference = Worlds.threadIndependentHash(5_000, market(), 11, 48);
        assertNotEquals(reference, Worlds.hashAfter(5_000, market(), 12, 2, 48), "another seed, another world");
    }

    @Test
    void aHighFiringCostPreventsDismissal() {
        Map<String, Long> dismissed = new HashMap<>();
        for (double cost : new double[] {0, 120}) {
            LabourParameters rules = with(market(), cost);
            try (ParallelExecutor ex = new ParallelExecutor(2)) {
                Economy e = new Economy(ModelParameters.defaults(5_000), rules, 3, ex);
                long total = 0;
                for (int m = 0; m < 120; m++) {
                    e.step();
                    total += e.lastReview().dismissals();
                }
                dismissed.put(Double.toString(cost), total);
            }
        }
        // Dismissal needs H (pay - product) > F pay; with F = 120 and H = 12 that is impossible (the product is not negative).
        assertEquals(0L, dismissed.get("120.0"), dismissed.toString());
        assertTrue(dismissed.get("0.0") > 0, "with no firing cost some shirkers are dismissed: " + dismissed);
    }

    /**
     * A person dismissed (or separated) at a review was paid for that month as work; the next
     * month is the first of the spell: one month unemployed, and the benefit paid and settled into
     * wealth then.
     */
    @ParameterizedTest(name = "separation_rate {0}")
    @ValueSource(doubles = {0, 0.02})
    void theDismissedAreOnTheBenefitFromTheNextMonth(double separationRate) {
        LabourParameters rules = LabourKeys.with(market(), Map.of("separation_rate", separationRate));
        assertFalse(rules.benefitOnQuit(), "nobody quits, so every new unemployed person was dismissed");
        assertEquals(0, rules.incomeTax() + rules.wealthTax() + rules.ubi(), "no taxes and no basic income");
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(5_000), rules, 3, ex);
            int n = e.persons();
            int checked = 0;
            int rehiredAndLetGo = 0;
            for (int m = 0; m < 72; m++) {
                e.step();
                // Nobody quits, so those out of work with no month of their spell counted yet are
                // exactly the month's dismissed and separated (some joined only this month).
                java.util.List<Integer> dismissed = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (e.firmOf(i) < 0 && e.monthsUnemployed(i) == 0) {
                        assertEquals(PersonClass.UNEMPLOYED, e.personClass(i), "month " + m + ": class of " + i);
                        dismissed.add(i);
                    }
                }
                assertEquals(e.lastReview().dismissals() + e.lastReview().separations(), dismissed.size(),
                        "month " + m + ": the dismissed and separated");
                double[] before = new double[dismissed.size()];
                for (int k = 0; k < before.length; k++) {
                    before[k] = e.wealth(dismissed.get(k));
                }
                double benefit = Math.max(rules.benefitReplacement(), rules.assistanceReplacement()) * e.policyPay();
                e.step();
                m++;
                for (int k = 0; k < before.length; k++) {
                    int i = dismissed.get(k);
                    if (e.firmOf(i) >= 0) {
                        continue;
                    }
                    if (e.monthsUnemployed(i) == 0) {
                        // Hired again this month and let go again at its review: a new spell.
                        rehiredAndLetGo++;
                        continue;
                    }
                    assertEquals(1, e.monthsUnemployed(i), "month " + m + ": first month of " + i + "'s spell");
                    double w = before[k] + benefit;
                    double consumed = Math.max(0, Math.min(w, rules.consumptionOfIncome() * benefit
                            + rules.consumptionOfWealth() * before[k]));
                    assertEquals(w - consumed, e.wealth(i), 1e-9 * Math.max(1, Math.abs(w)),
                            "month " + m + ": " + i + " is paid the benefit and consumes by the rule");
                    checked++;
                }
            }
            assertTrue(checked > 20, "enough dismissed persons stayed unemployed to check: " + checked);
            assertTrue(rehiredAndLetGo * 10 < checked, "few are hired and let go again within a month: "
                    + rehiredAndLetGo + " of " + checked);
        }
    }

    /**
     * Separations end a share {@code separation_rate} of employees' jobs each month,
     * keep every invariant and the money identity, and run identically on any thread count.
     */
    @Test
    void separationsEndTheStatedShareOfJobsAndKeepEveryInvariant() {
        double rate = 0.02;
        LabourParameters rules = LabourKeys.with(market(), Map.of("separation_rate", rate));
        assertEquals(0.007, market().separationRate(),
                "the market preset adds to its own dismissals the rest of the JOLTS layoff rate");
        assertEquals(0, LabourParameters.AXTELL.separationRate(), "Axtell's rules have none");
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(5_000), rules, 7, ex);
            long separations = 0;
            long exposed = 0;
            for (int m = 1; m <= 60; m++) {
                double before = Worlds.totalWealth(e);
                e.step();
                check(e, "month " + m);
                ReviewTally t = e.lastReview();
                double flows = t.memberPay() + t.benefits() - t.consumption() - t.capitalInvested();
                double after = Worlds.totalWealth(e);
                assertEquals(flows, after - before, 1e-9 * (Math.abs(before) + Math.abs(after) + 1), "month " + m);
                separations += t.separations();
                // Employees when the draw was made: those left plus those who went.
                exposed += t.employees() + t.separations() + t.dismissals();
            }
            double share = (double) separations / exposed;
            // About 5,000 draws' worth of exposure a month: the share is within a few percent of rate
            // (owner-left firms are not exposed, and exposure counts the managers' stand-downs loosely).
            assertEquals(rate, share, 0.15 * rate, "separations per employee-month");
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> LabourKeys.with(market(), Map.of("separation_rate", 0.5)).validated());
        assertTrue(bad.getMessage().contains("separation_rate = 0.5: allowed 0.0 to 0.2"), bad.getMessage());
        String reference = Worlds.threadIndependentHash(3_000, rules, 5, 36);
        assertNotEquals(reference, Worlds.threadIndependentHash(3_000, market(), 5, 36),
                "separations change the world");
    }

    private static LabourParameters with(LabourParameters p, double firingCost) {
        return LabourKeys.with(p, Map.of("firing_cost", firingCost));
    }

    @Test
    void skillsAreLogNormalWithMeanOneAndDegreesCorrelate() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            int n = 200_000;
            Economy e = new Economy(ModelParameters.defaults(n), market(), 1, ex);
            double sum = 0;
            double sumLog = 0;
            double sumLog2 = 0;
            long degrees = 0;
            double skillWithDegree = 0;
            for (int i = 0; i < n; i++) {
                double s = e.skill(i);
                sum += s;
                sumLog += Math.log(s);
                sumLog2 += Math.log(s) * Math.log(s);
                if (e.hasDegree(i)) {
                    degrees++;
                    skillWithDegree += s;
                }
            }
            double sigma = market().skillSigma();
            double sd = Math.sqrt(sumLog2 / n - (sumLog / n) * (sumLog / n));
            // standard errors: mean skill ~ 0.001, sd of log ~ 0.0007, degree share ~ 0.0008
            assertEquals(1.0, sum / n, 0.005, "mean skill");
            assertEquals(sigma, sd, 0.004, "sd of log skill");
            assertEquals(market().degreeShare(), (double) degrees / n, 0.004, "degree share");
            assertTrue(skillWithDegree / degrees > 1.1, "degree holders are more skilled on average");
        }
    }

    @Test
    void axtellPresetHasNoManagersNoUnemploymentAndEqualSkills() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(3_000), LabourParameters.AXTELL, 2, ex);
            for (int m = 1; m <= 60; m++) {
                e.step();
                assertEquals(0, check(e, "month " + m));
                assertEquals(0, e.lastReview().managers());
                assertEquals(0, e.lastReview().dismissals());
            }
            for (int i = 0; i < e.persons(); i++) {
                assertEquals(1.0, e.skill(i));
                assertFalse(e.hasDegree(i));
            }
        }
    }

    @Test
    void precarityCountsChangesAndUnemployedMonthsInTheWindow() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = new Economy(ModelParameters.defaults(100), market(), 2, ex);
            Classification r = new MonthlyReview(e.world(), null).classification();
            assertFalse(r.precarious(0));
            assertFalse(r.precarious(0b11L), "two changes");
            assertTrue(r.precarious(0b111L), "three changes");
            assertTrue(r.precarious(0b1000_0000_0000_0000_0001_0001L), "three changes within 24 months");
            assertFalse(r.precarious(0b11111L << 32), "five months unemployed");
            assertTrue(r.precarious(0b111111L << 32), "six months unemployed");
        }
    }

    /** The owner appoints enough managers to supervise everyone, and no more; returns how many. */
    private static int assertTheOwnersRuleIsTheFewestThatCoverEveryone(Hierarchy h, int members) {
        int m = h.managersNeeded(members);
        assertTrue(h.managersFor(members - 1 - m) <= m, "enough at " + members);
        assertTrue(m == 0 || h.managersFor(members - m) > m - 1, "fewest at " + members);
        assertEquals(1.0, h.coverage(members, m), 1e-12, "full coverage at " + members);
        return m;
    }

    /** Span 5, the owner directing the top layer only (the rule without an owner span). */
    private static final Hierarchy FIVE = new Hierarchy(5, 0);

    @Test
    void hierarchyMatchesTheSpanAndTheLayersOfCmrh() {
        // Span 5: firms up to 6 members need nobody; layers at the CMRH typical sizes 5, 10, 54, 142.
        assertEquals(0, FIVE.layersFor(5));
        assertEquals(1, FIVE.layersFor(10));
        assertEquals(2, FIVE.layersFor(54));
        assertEquals(3, FIVE.layersFor(142));
        assertEquals(0, FIVE.managersNeeded(6));
        for (int members = 7; members < 5_000; members += 7) {
            assertTheOwnersRuleIsTheFewestThatCoverEveryone(FIVE, members);
        }
        assertEquals(5.0 / 100, FIVE.coverage(101, 0), 1e-12, "the owner alone covers a span");
        assertEquals(1.44, Hierarchy.premium(1), 1e-12);
        assertEquals(1.44 * 1.67, Hierarchy.premium(2), 1e-12);
        assertEquals(1.44 * 1.67 * 1.86, Hierarchy.premium(3), 1e-12);
        // 30 producing employees need 6 first-line managers and 2 above them.
        assertEquals(6 * 1.44 + 2 * 1.44 * 1.67, FIVE.premiumSum(39, 8), 1e-9);
        assertEquals(2, FIVE.layerOfRank(0, 39, 8));
        assertEquals(2, FIVE.layerOfRank(1, 39, 8));
        assertEquals(1, FIVE.layerOfRank(2, 39, 8));
    }

    /** Span 5 under an owner who directs ten people, employees and managers alike. */
    private static final Hierarchy OWNER_TEN = new Hierarchy(5, 10);

    @Test
    void anOwnerSpanAddsSupervisionManagerByManager() {
        // Up to 10 producing employees the owner directs them all.
        assertEquals(0, OWNER_TEN.managersFor(10));
        assertEquals(0, OWNER_TEN.layersFor(10));
        // One layer: each manager directs 5 and takes one of the owner's 10 places,
        // so k managers supervise 10 + 4k producing employees.
        assertEquals(1, OWNER_TEN.managersFor(11));
        assertEquals(1, OWNER_TEN.managersFor(14));
        assertEquals(2, OWNER_TEN.managersFor(15));
        assertEquals(10, OWNER_TEN.managersFor(50));
        assertEquals(1, OWNER_TEN.layersFor(50));
        // Beyond 10 x 5: 11 first-line managers, who need one more above them.
        assertEquals(11 + 1, OWNER_TEN.managersFor(51));
        assertEquals(2, OWNER_TEN.layersFor(51));
        assertEquals(2, OWNER_TEN.layersFor(250));
        assertEquals(3, OWNER_TEN.layersFor(251));
        // The owner's rule: a firm of 12 members appoints one manager, who leaves 10 on the floor.
        assertEquals(0, OWNER_TEN.managersNeeded(11));
        assertEquals(1, OWNER_TEN.managersNeeded(12));
        for (int members = 2; members < 20_000; members += 3) {
            int m = assertTheOwnersRuleIsTheFewestThatCoverEveryone(OWNER_TEN, members);
            assertTrue(m <= FIVE.managersNeeded(members), "never more managers than without the owner span at "
                    + members);
        }
        // Under-managed: the owner's 10 places, and 4 more for each manager.
        assertEquals(10.0 / 30, OWNER_TEN.coverage(31, 0), 1e-12);
        assertEquals(14.0 / 29, OWNER_TEN.coverage(31, 1), 1e-12);
        // Premiums by layer: 30 producing employees under one layer of 5 managers.
        assertEquals(5 * 1.44, OWNER_TEN.premiumSum(36, 5), 1e-9);
        assertEquals(5, OWNER_TEN.managersFor(30));
        // 60 producing employees: 12 first-line managers and 1 above them.
        assertEquals(13, OWNER_TEN.managersFor(60));
        assertEquals(12 * 1.44 + 1.44 * 1.67, OWNER_TEN.premiumSum(74, 13), 1e-9);
        assertEquals(2, OWNER_TEN.layerOfRank(0, 74, 13));
        assertEquals(1, OWNER_TEN.layerOfRank(1, 74, 13));
    }

    @Test
    void hiringIsNotEasedByTheFiringCost() {
        for (double firingCost : new double[] {0, 1, 12, 120}) {
            LabourParameters r = LabourKeys.with(market(), Map.of("firing_cost", firingCost));
            assertTrue(r.hires(1.0, 1.0), "a joiner who adds their pay is taken");
            assertFalse(r.hires(1.0, 0.999), "one who adds less is refused, whatever the firing cost: " + firingCost);
        }
        LabourParameters r = LabourKeys.with(market(), Map.of("firing_cost", 1.0, "dismissal_horizon", 12));
        // H (pay - product) > F pay: 12 x 0.1 > 1 x 1 dismisses, 12 x 0.08 does not.
        assertTrue(r.dismisses(1.0, 0.9));
        assertFalse(r.dismisses(1.0, 0.92));
    }

    @Test
    void badRulesAreNamed() {
        LabourParameters p = market();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                LabourKeys.with(p, Map.of("owner_share", 2.0, "span_of_control", 1)).validated());
        assertTrue(e.getMessage().contains("owner_share = 2.0"), e.getMessage());
        assertTrue(e.getMessage().contains("span_of_control = 1"), e.getMessage());
    }

    @Test
    void giniAndLorenzOfKnownDistributions() {
        assertEquals(0, Inequality.gini(new double[] {2, 2, 2, 2}), 1e-15);
        assertEquals(0.75, Inequality.gini(new double[] {0, 0, 0, 4}), 1e-15);
        double[] l = Inequality.lorenz(new double[] {0, 0, 0, 4}, 4);
        assertEquals(0, l[3], 1e-15);
        assertEquals(1, l[4], 1e-15);
    }

    @Test
    void autonomyComponentsOfHandWorkedCases() {
        assertEquals(0, Autonomy.exit(0));
        assertEquals(2.0 / 3, Autonomy.exit(2), 1e-15);
        assertEquals(1, Autonomy.exit(7), "three or more alternatives count in full");
        assertEquals(0.8, Autonomy.bargaining(0.8, 1.0, false), 1e-15, "a markdown of 20%");
        assertEquals(1, Autonomy.bargaining(1.3, 1.0, false), "paid above the product: capped at 1");
        assertEquals(1, Autonomy.bargaining(0.1, 1.0, true), "an owner keeps the residual");
        assertEquals(1.0 / 13, Autonomy.protection(market()), 1e-15, "F = 1 month against H = 12");
        assertEquals(1, Autonomy.protection(LabourParameters.AXTELL), "nobody is dismissed");
        assertEquals((1 + 0.8 + 0.25 + 0) / 4, Autonomy.index(1, 0.8, 0.25, 0), 1e-15);
    }

    @Test
    void autonomyIsMeasuredOnASampleAndOwnersHaveMore() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(20_000), market(), 4, ex);
            double[] sum = new double[PersonClass.count()];
            long[] count = new long[PersonClass.count()];
            long sampled = 0;
            for (int m = 1; m <= 60; m++) {
                e.step();
                ReviewTally t = e.lastReview();
                sampled += t.autonomySampled();
                double index = t.autonomyIndex();
                assertTrue(index >= 0 && index <= 1, "month " + m + ": index " + index);
                double[] byClass = t.autonomyByClass();
                long[] n = t.autonomyCounts();
                for (int c = 0; c < sum.length; c++) {
                    if (n[c] > 0) {
                        sum[c] += byClass[c] * n[c];
                        count[c] += n[c];
                    }
                }
                assertEquals(0, n[PersonClass.UNEMPLOYED.ordinal()], "only the employed are sampled");
            }
            // 1% of about 20,000 employed persons for 60 months: about 12,000, sd about 110.
            assertEquals(12_000, sampled, 1_000);
            for (int i = 0; i < e.persons(); i++) {
                assertTrue(e.exitOptions(i) >= 0 && e.exitOptions(i) <= 15);
            }
            double owners = sum[PersonClass.SELF_EMPLOYED.ordinal()] / count[PersonClass.SELF_EMPLOYED.ordinal()];
            double workers = sum[PersonClass.WORKER.ordinal()] / count[PersonClass.WORKER.ordinal()];
            // An owner scores 1 on ownership and bargaining; a worker 0 on ownership.
            assertTrue(owners >= 0.5 + 1.0 / 52, "self-employed " + owners);
            assertTrue(workers < owners, "workers " + workers + " against self-employed " + owners);
        }
    }
}
