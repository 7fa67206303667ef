package io.ownerscape.model.politics;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Worlds;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.state.StateTest;
import io.ownerscape.model.world.Firms;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a voter counts: income, wealth, the firm held and the programme's hazard on it. */
class VoterValuationTest {

    private static double[] one(double v) {
        return new double[] {v};
    }

    /** One owner's outcomes: received 3, last two months' income 2.4 of which residual 0.4, W_0 = 5. */
    private static VoterValuation.Outcomes owner(double value, double hazard, double compensation) {
        return new VoterValuation.Outcomes(one(3), one(2.4), one(0.4), one(value), one(0.2), one(hazard),
                one(hazard * compensation), one(5));
    }

    /** The resources PV of the formula in MODEL.md §7.15, written out term by term. */
    private static double resources(double d, int months, int plan, double value, double hazard,
                                    double compensation, boolean wealth) {
        double base = (2.4 - 0.4) / 2;
        double pv = 3;
        for (int k = 0; k < plan - months; k++) {
            double held = Math.pow(1 - hazard, k);
            pv += Math.pow(d, months + k) * (base + held * 0.2 + held * hazard * compensation * value);
        }
        if (wealth) {
            pv += 5 + Math.pow(d, plan) * Math.pow(1 - hazard, plan - months) * value;
        }
        return pv;
    }

    private static double annuity(double d, int plan) {
        double s = 0;
        for (int t = 0; t < plan; t++) {
            s += Math.pow(d, t);
        }
        return s;
    }

    @Test
    void handWorkedOwnerValueFollowsTheFormula() {
        for (boolean wealth : new boolean[] {true, false}) {
            VoterValuation v = new VoterValuation(2, 6, 0.1, wealth, 1);
            double got = v.values(owner(10, 0.1, 0.25))[0];
            double expected = Math.log(resources(0.9, 2, 6, 10, 0.1, 0.25, wealth) / annuity(0.9, 6));
            assertEquals(expected, got, 1e-12, "wealth counted: " + wealth);
        }
    }

    @Test
    void compensationBeyondTheForecastIsTheExpectedShareOfTheValue() {
        // Without discounting the programme pays c V for each firm it takes, and takes it with
        // probability h = 1 - (1 - lambda)^(T - H) over the months after the forecast.
        int months = 2;
        int plan = 62;
        double value = 10;
        double lambda = 0.02;
        VoterValuation v = new VoterValuation(months, plan, 0, true, 1);
        double paid = Math.exp(v.values(owner(value, lambda, 1))[0]) * plan;
        double unpaid = Math.exp(v.values(owner(value, lambda, 0))[0]) * plan;
        double h = 1 - Math.pow(1 - lambda, plan - months);
        assertEquals(h * value, paid - unpaid, 1e-9, "c = 1 against c = 0: the expected compensation h V");
        double safe = Math.exp(v.values(owner(value, 0, 1))[0]) * plan;
        double noProgramme = Math.exp(v.values(owner(value, 0, 0))[0]) * plan;
        assertEquals(safe, noProgramme, 0, "no programme: compensation cannot matter");
        // The firm's expected value at the horizon under the programme: (1 - h) V + h c V, and the
        // residual stops once taken.
        assertTrue(safe > paid, "even paid in full, a firm taken stops paying its residual");
    }

    @Test
    void incomeOnlyVoteOverTheForecastIsTheVoteBeforeIssue17() {
        VoterValuation v = new VoterValuation(3, 3, 0.02, false, 2);
        double[] received = {3.0, 0, -1};
        double[] got = v.values(new VoterValuation.Outcomes(received, null, null, null, null, null, null, null));
        double total = 1 + 0.98 + 0.98 * 0.98;
        assertEquals(Math.log(3.0 / total), got[0], 1e-15);
        assertEquals(Math.log(2e-6), got[1], 0, "nothing received: the floor of a millionth of mean pay");
        assertEquals(Math.log(2e-6), got[2], 0);
    }

    @Test
    void debtsBelowTheFloorStillPreferMore() {
        VoterValuation v = new VoterValuation(1, 1, 0, true, 1);
        double[] w = {-10, -9, 0};
        double[] zero = {0, 0, 0};
        double[] values = v.values(new VoterValuation.Outcomes(new double[] {1, 1, 0}, zero, zero, zero, zero,
                zero, zero, w));
        assertTrue(values[1] > values[0], "less debt is better even when resources are negative");
        assertEquals(Math.log(0.01) - 1, values[2], 1e-12, "the tangent at a hundredth of mean pay");
    }

    @Test
    void badPlanningHorizonsAndSwitchesAreRefusedWithTheirKey() {
        List<String> short_ = LabourKeys.with(LabourParameters.market(), Map.of("planning_months", 12)).violations();
        assertTrue(short_.contains("planning_months = 12: allowed forecast_months (24) to 600"), short_.toString());
        List<String> long_ = LabourKeys.with(LabourParameters.market(), Map.of("planning_months", 601)).violations();
        assertTrue(long_.contains("planning_months = 601: allowed forecast_months (24) to 600"), long_.toString());
        IllegalArgumentException yes = assertThrows(IllegalArgumentException.class,
                () -> LabourKeys.parse("vote_counts_wealth", "yes"));
        assertEquals("vote_counts_wealth = 'yes': expected true or false", yes.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VoterValuation(24, 12, 0.02, true, 1));
    }

    /** A market world with a programme of nationalisation as platforms: none, paid in full, unpaid. */
    private static Economy worldWithProgrammes(ParallelExecutor ex, int months, int plan, double rate) {
        LabourParameters rules = StateTest.rules("regions", 4, "forecast_months", months, "planning_months", plan,
                "forecast_discount", 0.0);
        List<Platform> platforms = new ArrayList<>();
        platforms.add(new Platform("keep", "", Map.of()));
        platforms.add(new Platform("paid", "", Map.of("nationalisation_rate", rate,
                "nationalisation_min_employees", 1, "nationalisation_compensation", 1.0)));
        platforms.add(new Platform("unpaid", "", Map.of("nationalisation_rate", rate,
                "nationalisation_min_employees", 1, "nationalisation_compensation", 0.0)));
        Economy e = new Economy(ModelParameters.defaults(3_000), rules, platforms, null, 11, ex);
        for (int m = 0; m < 36; m++) {
            e.step();
        }
        return e;
    }

    @Test
    void forecastOfANationalisedOwnerIncludesTheAnnouncedCompensation() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            // Every firm in scope is taken at the end of the forecast's one month.
            Economy e = worldWithProgrammes(ex, 1, 1, 1.0);
            ElectionRunner runner = new ElectionRunner(e.world(), e.state().platforms(), e.state().ruling(), e.state().countervailingPower());
            VoterValuation.Outcomes paid = runner.outcomes(1, 0);
            VoterValuation.Outcomes unpaid = runner.outcomes(2, 0);
            double[] valuePaid = runner.valuation().values(paid);
            double[] valueUnpaid = runner.valuation().values(unpaid);
            Economy fork = e.fork();
            fork.world().forecastUnder(1, 0);
            fork.step();
            double compensation = fork.state().last().compensation();
            assertTrue(compensation > 0, "firms were taken and paid for");
            double received = 0;
            int owners = 0;
            int exact = 0;
            for (int i = 0; i < e.persons(); i++) {
                double extra = paid.received()[i] - unpaid.received()[i];
                received += extra;
                if (extra > 0) {
                    owners++;
                    int f = fork.firmOf(i);
                    assertTrue(f >= 0 && fork.firms().ownership(f) == Firms.STATE,
                            "only owners taken over are paid, and they now work for the state: person " + i);
                    assertTrue(valuePaid[i] > valueUnpaid[i], "the compensation counts for owner " + i);
                    if (valueUnpaid[i] >= Math.log(VoterValuation.TANGENT_BELOW * e.meanPay())) {
                        // Above the tangent that continues the log for voters in debt, the value is
                        // the log of the annuitised resources.
                        assertEquals(extra, (Math.exp(valuePaid[i]) - Math.exp(valueUnpaid[i])) * 1,
                                1e-9 * (1 + extra),
                                "one month planned: the value's consumption differs by exactly the compensation");
                        exact++;
                    }
                } else {
                    assertEquals(valueUnpaid[i], valuePaid[i], 0,
                            "person " + i + " owned nothing taken: compensation cannot matter to them");
                }
            }
            assertTrue(owners > 10, "owners taken over: " + owners);
            assertTrue(exact > owners / 2, "owners above the tangent: " + exact + " of " + owners);
            assertEquals(compensation, received, 1e-9 * compensation,
                    "the forecasts count every unit of compensation the state pays");
        }
    }

    @Test
    void programmeBeyondTheForecastCountsItsExpectedCompensation() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            int plan = 61;
            double rate = 0.01;
            Economy e = worldWithProgrammes(ex, 1, plan, rate);
            ElectionRunner runner = new ElectionRunner(e.world(), e.state().platforms(), e.state().ruling(), e.state().countervailingPower());
            VoterValuation.Outcomes paid = runner.outcomes(1, 0);
            VoterValuation.Outcomes unpaid = runner.outcomes(2, 0);
            VoterValuation.Outcomes none = runner.outcomes(0, 0);
            double[] valuePaid = runner.valuation().values(paid);
            double[] valueUnpaid = runner.valuation().values(unpaid);
            double[] valueNone = runner.valuation().values(none);
            double h = 1 - Math.pow(1 - rate, plan - 1);
            int atRisk = 0;
            for (int i = 0; i < e.persons(); i++) {
                boolean takenNow = paid.received()[i] != unpaid.received()[i];
                if (paid.hazard()[i] > 0 && !takenNow) {
                    atRisk++;
                    assertEquals(rate, paid.hazard()[i], 0);
                    assertEquals(paid.value()[i], unpaid.value()[i], 0, "same firm, same value in both forks");
                    double gap = (Math.exp(valuePaid[i]) - Math.exp(valueUnpaid[i])) * plan;
                    assertEquals(h * paid.value()[i], gap, 1e-9 * (1 + paid.value()[i]),
                            "owner " + i + ": paid against unpaid differ by h V");
                    assertTrue(valueNone[i] > valuePaid[i], "owner " + i + " loses the residual under either");
                } else if (!e.isOwner(i)) {
                    assertEquals(valueUnpaid[i], valuePaid[i], 0, "person " + i + " holds no firm");
                }
            }
            assertTrue(atRisk > 10, "owners still holding a firm in scope: " + atRisk);
        }
    }

    @Test
    void withoutAProgrammeCompensationChangesNoValue() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = worldWithProgrammes(ex, 2, 60, 0.0);
            ElectionRunner runner = new ElectionRunner(e.world(), e.state().platforms(), e.state().ruling(), e.state().countervailingPower());
            assertArrayEquals(runner.forecast(1, 0), runner.forecast(2, 0), "rate 0: compensation is moot");
        }
    }

    @Test
    void valuesNeverSeeAPersonsClass() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = worldWithProgrammes(ex, 2, 60, 0.02);
            ElectionRunner runner = new ElectionRunner(e.world(), e.state().platforms(), e.state().ruling(), e.state().countervailingPower());
            double[] before = runner.forecast(1, 0);
            byte[] classes = e.world().classColumn();
            for (int i = 0; i < classes.length; i++) {
                classes[i] = (byte) ((classes[i] + 3 + i % 5) % PersonClass.count());
            }
            assertArrayEquals(before, runner.forecast(1, 0), "relabelling every class changes no value");
        }
    }

    @Test
    void electionsAreTheSameOnOneAndTwoThreads() {
        LabourParameters rules = StateTest.politics(false, 0.5);
        assertTrue(rules.voteCountsWealth() && rules.planningMonths() > rules.forecastMonths(),
                "the default vote, with wealth and a horizon beyond the forecast");
        assertEquals(Worlds.electionsHashAfter(2_000, rules, 3, 1, 20),
                Worlds.electionsHashAfter(2_000, rules, 3, 2, 20), "every vote of every class");
    }
}
