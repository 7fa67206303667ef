package io.ownerscape.model.state;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Preset;
import io.ownerscape.model.Worlds;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.LabourRulesTest;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.politics.Election;
import io.ownerscape.model.politics.ForecastIncome;
import io.ownerscape.model.politics.Platform;
import io.ownerscape.model.world.Firms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state: budget, ownership programmes, forks, elections, promises and lock-in. */
public class StateTest {

    public static LabourParameters rules(Object... keyValues) {
        Map<String, Object> changes = new HashMap<>();
        for (int k = 0; k < keyValues.length; k += 2) {
            changes.put((String) keyValues[k], keyValues[k + 1]);
        }
        return LabourKeys.with(LabourParameters.market(), changes);
    }

    /** Every instrument on at once, from the first month, and a transfer trial from month 20. */
    static LabourParameters busyState() {
        return rules("ubi", 0.1, "income_tax", 0.2, "profit_tax", 0.3, "wealth_tax", 0.02,
                "startup_grant", 0.5, "nationalisation_rate", 0.01, "nationalisation_min_employees", 2,
                "nationalisation_compensation", 0.5, "coop_conversion", 0.01, "state_trusts", true,
                "regions", 5, "firing_cost", 2.0, "privatisation_rate", 0.02, "privatisation_price", 0.5,
                "transfer_share", 0.05, "transfer_start", 20, "transfer_months", 36);
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void budgetAndMoneyBalanceEveryMonth(int threads) {
        try (ParallelExecutor ex = new ParallelExecutor(threads)) {
            Economy e = new Economy(ModelParameters.defaults(3_000), busyState(), 5, ex);
            double debt = 0;
            long nationalised = 0;
            long converted = 0;
            long merged = 0;
            long privatised = 0;
            for (int m = 1; m <= 100; m++) {
                double before = Worlds.totalWealth(e);
                double policyPay = e.policyPay();
                e.step();
                String where = "month " + m;
                LabourRulesTest.check(e, where);
                ReviewTally t = e.lastReview();
                StateTally s = e.state().last();
                double after = Worlds.totalWealth(e);
                double flows = t.memberPay() + t.benefits() + t.ubi() + t.transfers() - t.taxes() - t.consumption()
                        - t.capitalInvested() + t.grants() + s.compensation() + t.stateSeverance() - s.sales();
                assertEquals(flows, after - before, 1e-9 * (Math.abs(before) + Math.abs(after) + 1),
                        where + ": wealth change = net income - consumption - capital + transfers");
                assertEquals(t.revenue(), t.memberPay() + t.stateFirmProfit(), 1e-6 * Math.max(1, t.revenue()),
                        where + ": revenue = pay + residuals of owners, members and the state");
                assertEquals(debt + s.spending() - s.revenue(), s.debt(), 1e-9 * (Math.abs(debt) + 1),
                        where + ": debt change = spending - revenue");
                assertEquals(0.1 * 3_000 * policyPay, t.ubi(), 1e-9 * t.ubi(),
                        where + ": everybody gets the basic income the scenario's law sets");
                assertEquals(m >= 20 && m <= 55, t.transfers() > 0, where + ": the transfer trial pays in its window");
                assertEquals(t.transfers(), s.transfers(), 0, where + ": the state pays the trial");
                debt = s.debt();
                nationalised += s.nationalised();
                converted += s.converted();
                merged += s.mergedIntoTrusts();
                privatised += s.privatised();
            }
            assertTrue(nationalised > 0, "the programme must take firms over");
            assertTrue(converted > 0, "buy-outs must happen");
            assertTrue(merged > 0, "trusts must absorb state firms");
            assertTrue(privatised > 0, "state firms must be sold");
            assertTrue(e.state().last().stateEmploymentShare() > 0);
        }
    }

    @Test
    void balancedBudgetKeepsDebtBounded() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy borrowing = new Economy(ModelParameters.defaults(2_000), rules("ubi", 0.3), 3, ex);
            Economy balanced = new Economy(ModelParameters.defaults(2_000),
                    rules("ubi", 0.3, "balanced_budget", true), 3, ex);
            double revenue = 0;
            for (int m = 0; m < 60; m++) {
                borrowing.step();
                balanced.step();
                revenue += balanced.state().last().revenue();
            }
            assertTrue(borrowing.state().debt() > 0, "a basic income without taxes is borrowed");
            assertTrue(balanced.state().last().surcharge() > 0, "the surcharge pays for it");
            assertTrue(balanced.state().debt() < 0.1 * borrowing.state().debt(),
                    "balanced " + balanced.state().debt() + " against borrowing " + borrowing.state().debt());
            assertTrue(revenue > 0);
        }
    }

    @Test
    void forkReproducesItsParentAndIsIndependent() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            LabourParameters r = busyState();
            Economy parent = new Economy(ModelParameters.defaults(2_000), r, 9, ex);
            for (int m = 0; m < 30; m++) {
                parent.step();
            }
            Economy fork = parent.fork();
            assertEquals(parent.stateHash(), fork.stateHash(), "a fork starts as its parent");
            for (int m = 0; m < 12; m++) {
                parent.step();
                fork.step();
            }
            assertEquals(parent.stateHash(), fork.stateHash(), "same rules, same world");
            String parentNow = parent.stateHash();
            Economy changed = parent.fork();
            changed.world().applyRules(rules("ubi", 0.5, "income_tax", 0.5, "nationalisation_rate", 0.2,
                    "state_trusts", true, "regions", 5, "firing_cost", 2.0, "startup_grant", 0.5,
                    "coop_conversion", 0.01, "profit_tax", 0.3, "wealth_tax", 0.02,
                    "nationalisation_min_employees", 2, "nationalisation_compensation", 0.5,
                    "transfer_share", 0.05, "transfer_start", 20, "transfer_months", 36));
            for (int m = 0; m < 6; m++) {
                changed.step();
            }
            assertEquals(parentNow, parent.stateHash(), "stepping a fork leaves its parent alone");
            assertNotEquals(parentNow, changed.stateHash());
            parent.step();
            Economy twin = new Economy(ModelParameters.defaults(2_000), r, 9, ex);
            for (int m = 0; m < 43; m++) {
                twin.step();
            }
            assertEquals(twin.stateHash(), parent.stateHash(), "the parent goes on as if never forked");
        }
    }

    @Test
    void expropriationMovesEveryMemberAndCustomer() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            LabourParameters r = rules("goods_market", true, "market_start", 10, "regions", 4,
                    "nationalisation_rate", 1.0, "nationalisation_min_employees", 0,
                    "nationalisation_compensation", 0.0, "state_trusts", true, "private_founding", false);
            Economy e = new Economy(ModelParameters.defaults(2_000), r, 4, ex);
            for (int m = 1; m <= 24; m++) {
                double before = Worlds.totalWealth(e);
                e.step();
                LabourRulesTest.check(e, "month " + m);
                assertEquals(0, e.state().last().compensation(), "expropriation pays nothing");
                ReviewTally t = e.lastReview();
                double after = Worlds.totalWealth(e);
                double flows = t.memberPay() + t.benefits() - t.consumption() - t.capitalInvested()
                        + t.stateSeverance();
                assertEquals(flows, after - before, 1e-9 * (Math.abs(before) + 1), "month " + m);
            }
            Firms firms = e.firms();
            int live = 0;
            double customers = 0;
            for (int f = 0; f < firms.capacity(); f++) {
                if (firms.size(f) > 0) {
                    live++;
                    assertEquals(Firms.STATE, firms.ownership(f), "firm " + f + " left private");
                    customers += firms.customers(f);
                }
            }
            assertTrue(live <= 4, "one trust per region, found " + live);
            assertEquals(e.goodsMarket().demand(), customers, 1e-9 * customers,
                    "the customers moved with the members");
            assertEquals(1.0, e.state().last().stateEmploymentShare(), 1e-12);
            for (int i = 0; i < e.persons(); i++) {
                assertFalse(e.isOwner(i), "nobody owns a firm");
            }
        }
    }

    public static LabourParameters politics(boolean lockIn, double threshold) {
        return rules("elections", true, "politics_start", 6, "election_interval", 6, "forecast_months", 3,
                "lock_in", lockIn, "lock_in_threshold", threshold, "regions", 4);
    }

    @Test
    void electionsTallyEveryVoteAndFollowTheWinner() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(2_000), politics(false, 0.5), Platform.builtIns(),
                    null, 7, ex);
            for (int m = 0; m < 30; m++) {
                e.step();
            }
            List<Election> elections = e.state().elections();
            assertEquals(5, elections.size(), "months 5, 11, 17, 23, 29");
            for (Election x : elections) {
                assertTrue(x.held(), "lock-in off: never suspended");
                long byClass = 0;
                for (long[] row : x.votesByClass()) {
                    for (long v : row) {
                        byClass += v;
                    }
                }
                assertEquals(x.cast(), byClass, "the class x vote table sums to the votes cast");
                assertEquals(2_000, x.cast() + x.abstained());
                assertTrue(x.abstained() > 0.3 * 2_000 && x.abstained() < 0.5 * 2_000, "turnout 0.6");
            }
            assertEquals(elections.get(elections.size() - 1).winner(), e.state().ruling().name(),
                    "the last winner rules");
        }
    }

    @Test
    void lockInSuspendsElectionsOnlyWhenSwitchedOn() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy locked = new Economy(ModelParameters.defaults(2_000), politics(true, 1.0),
                    Platform.builtIns(), "centralise", 7, ex);
            for (int m = 0; m < 20; m++) {
                locked.step();
            }
            assertFalse(locked.state().elections().isEmpty());
            for (Election x : locked.state().elections()) {
                assertFalse(x.held(), "power below the threshold of 1: every election suspended");
            }
            assertEquals("centralise", locked.state().ruling().name());
            assertEquals(0, locked.state().last().ubiPaid(), "no election to lose: the promise is cut");
            assertTrue(locked.state().last().ubiPromised() > 0);
        }
    }

    @Test
    void bindingPromisesArePaidAndUnboundOnesCutWithoutElections() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            LabourParameters free = rules("politics_start", 3, "regions", 4);
            LabourParameters bound = rules("politics_start", 3, "regions", 4, "promises_binding", true);
            Economy cut = new Economy(ModelParameters.defaults(2_000), free, Platform.builtIns(), "centralise", 2, ex);
            Economy kept = new Economy(ModelParameters.defaults(2_000), bound, Platform.builtIns(), "centralise", 2, ex);
            for (int m = 0; m < 8; m++) {
                cut.step();
                kept.step();
            }
            assertEquals(0.25, kept.state().last().ubiPaid(), 0);
            assertEquals(0.25, cut.state().last().ubiPromised(), 0);
            assertEquals(0, cut.state().last().ubiPaid(), 0);
            assertTrue(cut.state().last().nationalised() + kept.state().last().nationalised() >= 0);
            assertEquals("centralise", cut.state().last().platform());
        }
    }

    @Test
    void politicsRunIdenticallyOnAnyThreadCount() {
        String reference = Worlds.threadIndependentHash(2_000, politics(false, 0.5), 3, 20);
        assertNotEquals(reference, Worlds.hashAfter(2_000, politics(false, 0.5), 4, 2, 20));
    }

    @Test
    void badPoliciesAreRefusedWithTheirKey() {
        IllegalArgumentException notPolicy = assertThrows(IllegalArgumentException.class,
                () -> new Platform("mine", "", Map.of("span_of_control", 3)));
        assertTrue(notPolicy.getMessage().contains("span_of_control"), notPolicy.getMessage());
        IllegalArgumentException badName = assertThrows(IllegalArgumentException.class,
                () -> new Platform("Bad Name", "", Map.of()));
        assertTrue(badName.getMessage().contains("Bad Name"), badName.getMessage());
        IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
                () -> new Economy(ModelParameters.defaults(1_000), LabourParameters.market(),
                        List.of(new Platform("mine", "", Map.of("ubi", 5.0))), null, 1, new ParallelExecutor(1)));
        assertTrue(outOfRange.getMessage().contains("ubi = 5.0"), outOfRange.getMessage());
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> new Economy(ModelParameters.defaults(1_000), LabourParameters.market(),
                            Platform.builtIns(), "nobody", 1, ex));
            assertTrue(unknown.getMessage().contains("'nobody'") && unknown.getMessage().contains("centralise"),
                    unknown.getMessage());
            Economy e = new Economy(ModelParameters.defaults(1_000), LabourParameters.market(), 1, ex);
            IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class,
                    () -> e.world().applyRules(rules("span_of_control", 3)));
            assertTrue(fixed.getMessage().startsWith("span_of_control = 3"), fixed.getMessage());
        }
    }

    @Test
    void forecastBookkeepingLeavesTheWorldAsItIs() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy parent = new Economy(ModelParameters.defaults(2_000), busyState(), 6, ex);
            for (int m = 0; m < 20; m++) {
                parent.step();
            }
            Economy fork = parent.fork();
            ForecastIncome income = new ForecastIncome(fork.persons(), false);
            income.month(0.9, 0);
            fork.world().addUpForecast(income);
            for (int m = 0; m < 10; m++) {
                parent.step();
                fork.step();
            }
            assertEquals(parent.stateHash(), fork.stateHash(), "adding up a forecast changes nothing in the world");
            double sum = 0;
            for (double v : income.total) {
                sum += v;
            }
            assertTrue(sum > 0, "the forecast adds up net incomes");
        }
    }

    @Test
    void countingTheBasicIncomeLowersEffort() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy counted = new Economy(ModelParameters.defaults(3_000), rules("ubi", 1.0), 8, ex);
            Economy ignored = new Economy(ModelParameters.defaults(3_000), rules("ubi", 1.0, "ubi_in_choices", false), 8, ex);
            for (int m = 0; m < 36; m++) {
                counted.step();
                ignored.step();
            }
            double withIncome = 0;
            double without = 0;
            for (int i = 0; i < 3_000; i++) {
                withIncome += counted.effort(i);
                without += ignored.effort(i);
            }
            assertTrue(withIncome < 0.9 * without, "income effect: mean effort " + withIncome / 3_000
                    + " with the basic income counted, " + without / 3_000 + " without");
        }
    }

    @Test
    void scheduledPoliciesTakeEffectFromTheirMonth() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(2_000), LabourParameters.market(), 2, ex);
            e.state().schedule(Map.of(12, Map.of("firing_cost", 6.0, "ubi", 0.2), 20, Map.of("ubi", 0.0)));
            for (int m = 1; m <= 24; m++) {
                double policyPay = e.policyPay();
                e.step();
                double expected = m >= 12 && m < 20 ? 0.2 : 0.0;
                assertEquals(expected * 2_000 * policyPay, e.lastReview().ubi(), 1e-9 * Math.max(1, e.lastReview().ubi()),
                        "month " + m + ": the scheduled basic income is paid from its month to the next change");
                assertEquals(m >= 11 ? 6.0 : 1.0, e.labour().firingCost(), 0, "after month " + m);
            }
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> new Economy(ModelParameters.defaults(1_000), LabourParameters.market(), 1, ex)
                            .state().schedule(Map.of(5, Map.of("regions", 3))));
            assertTrue(bad.getMessage().startsWith("schedule.5.regions: not a policy key"), bad.getMessage());
            IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                    () -> new Economy(ModelParameters.defaults(1_000), LabourParameters.market(), 1, ex)
                            .state().schedule(Map.of(5, Map.of("ubi", 3.0))));
            assertTrue(range.getMessage().startsWith("schedule.5: ubi = 3.0"), range.getMessage());
        }
    }

    /** A world with elections and a ruling platform early, so changes meet politics. */
    private static Economy politicalWorld(ParallelExecutor ex) {
        LabourParameters labour = LabourKeys.with(Preset.CENTRALISATION.labour(),
                Map.of("politics_start", 12, "election_interval", 12));
        return new Economy(ModelParameters.defaults(2_000), labour, Platform.builtIns(), "centralise", 9, ex);
    }

    @Test
    void changesDuringARunReplayExactlyFromTheSchedule() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy live = politicalWorld(ex);
            assertEquals(1, live.state().nextChangeMonth());
            assertEquals(1, live.state().scheduleChange(Map.of("firing_cost", 2.0)));
            assertEquals(2.0, live.labour().firingCost(), 0, "before the first month a change applies at once");
            for (int m = 1; m <= 60; m++) {
                live.step();
                if (m == 12) {
                    // The month of the first election and of the platform taking power.
                    assertEquals(14, live.state().scheduleChange(Map.of("ubi", 0.1, "lock_in", false)));
                    assertEquals(true, live.labour().lockIn(), "not before its month");
                }
                if (m == 13) {
                    assertEquals(false, live.labour().lockIn(), "in force from month 14");
                }
                if (m == 30) {
                    assertEquals(32, live.state().scheduleChange(Map.of("firing_cost", 8.0)));
                    assertEquals(32, live.state().scheduleChange(Map.of("antitrust_cap", 0.5)),
                            "a second change in the same month merges with the first");
                }
            }
            Map<Integer, Map<String, Object>> history = live.state().policySchedule();
            assertEquals(Map.of(1, Map.of("firing_cost", 2.0), 14, Map.of("ubi", 0.1, "lock_in", false, "announced", 12),
                    32, Map.of("firing_cost", 8.0, "antitrust_cap", 0.5, "announced", 30)), history);

            Economy replay = politicalWorld(ex);
            replay.state().schedule(history);
            for (int m = 1; m <= 60; m++) {
                replay.step();
            }
            assertEquals(live.stateHash(), replay.stateHash(), "the recorded changes replay the run exactly");

            Economy untouched = politicalWorld(ex);
            for (int m = 1; m <= 60; m++) {
                untouched.step();
            }
            assertNotEquals(live.stateHash(), untouched.stateHash(), "the changes changed the run");

            Map<Integer, Map<String, Object>> before = live.state().policySchedule();
            IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                    () -> live.state().scheduleChange(Map.of("firing_cost", 500.0)));
            assertTrue(range.getMessage().contains("firing_cost = 500.0"), range.getMessage());
            IllegalArgumentException world = assertThrows(IllegalArgumentException.class,
                    () -> live.state().scheduleChange(Map.of("regions", 3)));
            assertTrue(world.getMessage().contains("regions: not a policy key"), world.getMessage());
            assertEquals(before, live.state().policySchedule(), "a refused change leaves the schedule alone");
        }
    }

    @Test
    void forecastsBeforeAChangeWasAnnouncedDoNotSeeIt() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            LabourParameters labour = LabourKeys.with(Preset.OPEN_POLITICS.labour(),
                    Map.of("politics_start", 12, "election_interval", 12, "forecast_months", 24));
            java.util.function.Supplier<Economy> world = () ->
                    new Economy(ModelParameters.defaults(2_000), labour, Platform.builtIns(), null, 4, ex);
            Economy live = world.get();
            for (int m = 1; m <= 40; m++) {
                live.step();
                if (m == 30) {
                    // Within the forecast window of the election at the end of month 23, announced after
                    // it: expropriation as law, which only the centralise platform overrides.
                    live.state().scheduleChange(Map.of("nationalisation_rate", 0.5, "nationalisation_compensation", 0.0));
                }
            }
            Map<Integer, Map<String, Object>> history = live.state().policySchedule();
            assertEquals(30, history.get(32).get(State.ANNOUNCED));

            Economy replay = world.get();
            replay.state().schedule(history);
            for (int m = 1; m <= 40; m++) {
                replay.step();
            }
            assertEquals(live.stateHash(), replay.stateHash(), "the announcement keeps the election at 24 blind to it");
            assertArrayEquals(live.state().elections().get(1).votes(), replay.state().elections().get(1).votes());

            Map<Integer, Map<String, Object>> unannounced = new java.util.TreeMap<>(history);
            unannounced.put(32, State.policyOf(history.get(32)));
            Economy foreseen = world.get();
            foreseen.state().schedule(unannounced);
            for (int m = 1; m <= 40; m++) {
                foreseen.step();
            }
            assertFalse(java.util.Arrays.equals(live.state().elections().get(1).votes(),
                    foreseen.state().elections().get(1).votes()),
                    "known from the start, the change moves the votes of the election at the end of month 23");

            IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                    () -> world.get().state().schedule(Map.of(10, Map.of("ubi", 0.1, "announced", 9))));
            assertTrue(early.getMessage().startsWith("schedule.10.announced = 9: allowed a whole number from 0 to 8"),
                    early.getMessage());
        }
    }

    @Test
    void employersByClassAddUpAndOwnersWorkForThemselves() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(5_000), busyState(), 3, ex);
            java.util.List<ReviewTally> months = new java.util.ArrayList<>();
            for (int m = 0; m < 60; m++) {
                e.step();
                months.add(e.lastReview());
            }
            double[][] shares = ReviewTally.pooledAutonomy(months).employerSharesByClass();
            for (PersonClass c : PersonClass.values()) {
                double[] row = shares[c.ordinal()];
                if (Double.isNaN(row[0])) {
                    continue;
                }
                double sum = 0;
                for (double v : row) {
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-12, c + ": employers' shares add up");
                boolean owns = c == PersonClass.SMALL_OWNER || c == PersonClass.LARGE_OWNER
                        || c == PersonClass.SELF_EMPLOYED;
                assertEquals(owns ? 1.0 : 0.0, row[0], 0.0, c + ": only owners work for their own firm");
            }
            assertTrue(shares[PersonClass.WORKER.ordinal()][3] > 0, "some workers are in state firms");
        }
    }

    /**
     * A basic income of 0.1 is a tenth of last month's median pay of employees, of the money unit
     * or of the mean pay of firm members, as the rules say.
     */
    @Test
    void policyAmountsFollowTheirUnit() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy median = new Economy(ModelParameters.defaults(2_000),
                    rules("ubi", 0.1, "policy_in_median_pay", true), 3, ex);
            Economy money = new Economy(ModelParameters.defaults(2_000),
                    rules("ubi", 0.1, "policy_in_median_pay", false, "policy_in_money", true), 3, ex);
            Economy mean = new Economy(ModelParameters.defaults(2_000),
                    rules("ubi", 0.1, "policy_in_median_pay", false), 3, ex);
            for (int m = 1; m <= 30; m++) {
                // The median of employees' pay last month, or the mean pay of members while no
                // employee was paid.
                double lastMedian = m == 1 ? Double.NaN : median.lastReview().employeePayMedian();
                double medianBefore = lastMedian > 0 ? lastMedian : median.meanPay();
                double meanBefore = mean.meanPay();
                median.step();
                money.step();
                mean.step();
                assertEquals(0.1 * 2_000 * medianBefore, median.lastReview().ubi(), 1e-9 * medianBefore * 200,
                        "month " + m + ": a tenth of last month's median pay each");
                assertEquals(0.1 * 2_000, money.lastReview().ubi(), 1e-9, "month " + m + ": 0.1 of money each");
                assertEquals(0.1 * 2_000 * meanBefore, mean.lastReview().ubi(), 1e-9 * meanBefore * 200,
                        "month " + m + ": a tenth of last month's mean pay each");
            }
            assertNotEquals(median.policyPay(), mean.policyPay(), "median and mean pay differ");
        }
        List<String> bad = rules("policy_in_median_pay", true, "policy_in_money", true).violations();
        assertTrue(bad.stream().anyMatch(v -> v.contains("policy_in_money") && v.contains("at most one")),
                bad.toString());
    }

    /**
     * A soft budget (Kornai 1986): the state tops up the pay of its firms' producers to last
     * month's mean pay, so their members earn at least that on average, and its firms dismiss
     * nobody; with a hard budget they dismiss and are paid what they make. Money stays accounted.
     */
    @Test
    void aSoftBudgetCoversStateFirmsLossesAndKeepsTheirWorkers() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy soft = new Economy(ModelParameters.defaults(3_000), rules("nationalisation_rate", 0.05,
                    "nationalisation_min_employees", 0, "soft_budget", true), 7, ex);
            Economy hard = new Economy(ModelParameters.defaults(3_000), rules("nationalisation_rate", 0.05,
                    "nationalisation_min_employees", 0, "soft_budget", false), 7, ex);
            double hardSeverance = 0;
            double subsidies = 0;
            long paid = 0;
            for (int m = 1; m <= 60; m++) {
                double meanBefore = soft.meanPay();
                soft.step();
                hard.step();
                LabourRulesTest.check(soft, "soft budget, month " + m);
                ReviewTally t = soft.lastReview();
                assertEquals(t.revenue(), t.memberPay() + t.stateFirmProfit(), 1e-6 * Math.max(1, t.revenue()),
                        "month " + m + ": revenue = pay + residuals, the state's below zero when it subsidises");
                assertEquals(0, t.stateSeverance(), 0.0, "month " + m + ": a soft budget dismisses nobody");
                if (t.stateFirmMembers() > 0) {
                    paid++;
                    assertTrue(t.stateFirmPay() / t.stateFirmMembers() >= meanBefore * (1 - 1e-6),
                            "month " + m + ": state firms pay at least last month's mean pay on average");
                }
                subsidies += Math.max(0, -t.stateFirmProfit());
                hardSeverance += hard.lastReview().stateSeverance();
            }
            assertTrue(paid > 30, "state firms must exist");
            assertTrue(subsidies > 0, "the state must cover some losses");
            assertTrue(hardSeverance > 0, "with a hard budget state firms dismiss");
        }
    }
}
