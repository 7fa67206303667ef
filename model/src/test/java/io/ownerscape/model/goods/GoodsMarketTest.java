package io.ownerscape.model.goods;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Worlds;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.LabourRulesTest;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.world.Regions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The goods market: demand, customers, the price rule, demand-driven layoffs and vacancies. */
class GoodsMarketTest {

    static LabourParameters goods(int start, Map<String, Object> more) {
        Map<String, Object> changes = new HashMap<>(more);
        changes.put("goods_market", true);
        changes.put("market_start", start);
        return LabourKeys.with(LabourParameters.market(), changes);
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void customersAndMoneyAreConservedEveryMonth(int threads) {
        try (ParallelExecutor ex = new ParallelExecutor(threads)) {
            Economy e = new Economy(ModelParameters.defaults(3_000), goods(12, Map.of()), 5, ex);
            long cappedMonths = 0;
            for (int m = 1; m <= 60; m++) {
                double before = Worlds.totalWealth(e);
                e.step();
                String where = "month " + m;
                LabourRulesTest.check(e, where);
                ReviewTally t = e.lastReview();
                double flows = t.memberPay() + t.benefits() - t.consumption() - t.capitalInvested();
                double after = Worlds.totalWealth(e);
                assertEquals(flows, after - before, 1e-9 * (Math.abs(before) + Math.abs(after) + 1),
                        where + ": wealth change = income - consumption - capital invested");
                assertEquals(t.revenue(), t.memberPay(), 1e-6 * Math.max(1, t.revenue()),
                        where + ": revenue = pay + managers' pay + owners' residuals");
                MarketTally g = t.market();
                if (m < 12) {
                    assertNull(g, where + ": no market before it starts");
                    continue;
                }
                assertNotNull(g, where);
                Firms firms = e.firms();
                GoodsMarket market = e.goodsMarket();
                double customers = 0;
                double revenue = 0;
                for (int f = 0; f < firms.capacity(); f++) {
                    if (firms.size(f) == 0) {
                        assertEquals(0, firms.customers(f), where + ": customers of closed firm " + f);
                        continue;
                    }
                    double c = firms.customers(f);
                    double out = market.output(f);
                    assertTrue(c >= 0, where + ": customers of firm " + f);
                    customers += c;
                    revenue += Math.min(out, c);
                    double price = out > c ? c / out : 1;
                    assertEquals(price, firms.price(f), 1e-6, where + ": price of firm " + f);
                }
                assertEquals(g.demand(), customers, 1e-9 * g.demand(), where + ": customers add up to demand");
                assertEquals(g.demand(), g.customers(), 1e-9 * g.demand(), where);
                assertEquals(revenue, t.revenue(), 1e-9 * revenue, where + ": revenue = sum min(O, C)");
                assertEquals(g.output() - g.revenue(), g.unsoldOutput(), 1e-9 * g.output(), where);
                cappedMonths += g.cappedFirms() > 0 ? 1 : 0;
            }
            assertTrue(cappedMonths > 40, "demand shocks leave some firms selling less than they make");
        }
    }

    @Test
    void aFirmBeyondItsCustomersEarnsNothingFromExtraCapacity() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(3_000), goods(6, Map.of("firing_cost", 120.0)), 7, ex);
            for (int m = 0; m < 24; m++) {
                e.step();
            }
            Firms firms = e.firms();
            int capped = 0;
            int open = 0;
            for (int f = 0; f < firms.capacity(); f++) {
                if (firms.size(f) == 0) {
                    continue;
                }
                long t = Firms.expand(firms.technologySeed(f));
                double effort = firms.effort(f);
                double c = firms.customers(f);
                // The firm's own technology: bounded returns and the costs of its layers (MODEL.md §7.16).
                double output = firms.output(t, effort, firms.size(f), firms.managers(f));
                if (output > c) {
                    capped++;
                    assertEquals(0, firms.revenueGain(f, t, effort, effort + 1), "firm " + f);
                    assertEquals(c, firms.revenue(f, t, effort), 0, "firm " + f + " sells all its customers buy");
                } else {
                    open++;
                    double more = firms.output(t, effort * 1.0001, firms.size(f), firms.managers(f));
                    if (more <= c) {
                        assertEquals(more - output, firms.revenueGain(f, t, effort, effort * 1.0001), 1e-12,
                                "firm " + f + " below its customers sells every extra unit");
                    }
                }
            }
            assertTrue(capped > 0 && open > 0, "capped " + capped + ", open " + open);
        }
    }

    @Test
    void demandStartsFromOutputTimesTheSlackAndGrowsAtItsRate() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(2_000),
                    goods(6, Map.of("demand_slack", 1.5, "demand_growth", 0.12)), 3, ex);
            double start = 0;
            for (int m = 1; m <= 30; m++) {
                e.step();
                MarketTally g = e.lastReview().market();
                if (m == 6) {
                    start = g.demand();
                    assertEquals(1.5 * g.output(), start, 1e-12 * start, "demand at the start");
                } else if (m > 6) {
                    assertEquals(start * Math.pow(1.12, (m - 6) / 12.0), g.demand(), 1e-12 * start, "month " + m);
                }
            }
        }
    }

    @Test
    void runsIdenticallyOnAnyThreadCount() {
        String reference = Worlds.threadIndependentHash(4_000, goods(6, Map.of()), 11, 36);
        assertNotEquals(reference, Worlds.hashAfter(4_000, LabourParameters.market(), 11, 2, 36),
                "the market changes the world");
    }

    @Test
    void workerProtectionDecidesWhetherLostCustomersCostJobs() {
        Map<Double, Long> dismissed = new HashMap<>();
        for (double cost : new double[] {0.5, 120}) {
            try (ParallelExecutor ex = new ParallelExecutor(2)) {
                Economy e = new Economy(ModelParameters.defaults(3_000),
                        goods(6, Map.of("firing_cost", cost, "customer_shock", 0.2)), 9, ex);
                long total = 0;
                for (int m = 0; m < 48; m++) {
                    e.step();
                    total += e.lastReview().dismissals();
                }
                dismissed.put(cost, total);
            }
        }
        assertEquals(0L, dismissed.get(120.0), dismissed.toString());
        assertTrue(dismissed.get(0.5) > 20, "lost customers cost jobs when firing is cheap: " + dismissed);
    }

    @Test
    void ownersTurnAwayJoinersOnceTheirCustomersAreServed() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(4_000), goods(6, Map.of()), 5, ex);
            for (int m = 0; m < 36; m++) {
                e.step();
            }
            assertTrue(e.rejectedJoiners() > 0, "simultaneous joiners of a small vacancy are turned away");
        }
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(4_000), LabourParameters.market(), 5, ex);
            for (int m = 0; m < 36; m++) {
                e.step();
            }
            assertEquals(0, e.rejectedJoiners(), "without a market nobody is screened twice");
        }
    }

    @Test
    void everyUnemployedPersonGetsAtLeastTheAssistance() {
        double share = 0.3;
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(3_000),
                    goods(6, Map.of("assistance_replacement", share)), 5, ex);
            long counted = 0;
            for (int m = 1; m <= 36; m++) {
                double policyPay = e.policyPay();
                e.step();
                ReviewTally t = e.lastReview();
                // Those dismissed, separated or newly unemployed this month are paid from next month.
                long paid = t.unemployed() - t.newlyUnemployed() - t.dismissals() - t.separations();
                // Each pays at least the assistance; those still on the benefit get the larger benefit.
                assertTrue(t.benefits() >= share * policyPay * paid * (1 - 1e-12), "month " + m);
                assertTrue(t.benefits() <= Math.max(share, 0.4) * policyPay * paid * (1 + 1e-12), "month " + m);
                counted += paid;
            }
            assertTrue(counted > 0, "some persons were unemployed");
        }
    }

    @Test
    void vacanciesAreDrawnInProportionToRoomWithinTheRegion() {
        Regions regions = new Regions(1_000, 2);
        Vacancies v = new Vacancies(regions);
        v.build(new int[][] {{4, 9}, {17}}, new int[][] {{0, 1}, {0}}, new double[][] {{1, 2}, {3}},
                new int[] {2, 1});
        assertEquals(2, v.count(0));
        assertEquals(1, v.count(1));
        int n = 100_000;
        int fours = 0;
        for (int k = 0; k < n; k++) {
            int f = v.sample(0, (k + 0.5) / n);
            assertTrue(f == 4 || f == 17, "firm " + f + " is not a vacancy of region 0");
            fours += f == 4 ? 1 : 0;
        }
        assertEquals(0.25, (double) fours / n, 1e-4, "firm 4 holds a quarter of region 0's room");
        assertEquals(9, v.sample(1, 0.999));
        v.build(new int[][] {{}}, new int[][] {{}}, new double[][] {{}}, new int[] {0});
        assertEquals(-1, v.sample(0, 0.5), "no vacancy, no contact");
    }

    @Test
    void badMarketRulesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> goods(0, Map.of("customer_churn", 0.0)).validated());
        assertTrue(e.getMessage().contains("customer_churn = 0.0: allowed (0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> goods(0, Map.of("demand_slack", 0.0, "customer_shock", 0.6)).validated());
        assertTrue(e.getMessage().contains("demand_slack = 0.0") && e.getMessage().contains("customer_shock = 0.6"),
                e.getMessage());
    }

    @Test
    void withoutAMarketFirmsSellAllTheyMake() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = new Economy(ModelParameters.defaults(1_000), LabourParameters.AXTELL, 1, ex);
            e.step();
            assertFalse(e.firms().market());
            assertNull(e.lastReview().market());
            assertEquals(1, e.firms().price(e.firmOf(0)));
        }
    }
}
