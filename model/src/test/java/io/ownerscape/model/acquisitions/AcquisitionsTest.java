package io.ownerscape.model.acquisitions;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Worlds;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.LabourRulesTest;
import io.ownerscape.model.labour.ReviewTally;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acquisitions: nobody lost or doubled, money and customers conserved, antitrust, determinism. */
class AcquisitionsTest {

    /** Frequent searches and a low premium, so that a small economy sees many deals. */
    static LabourParameters busy(Map<String, Object> more) {
        Map<String, Object> changes = new HashMap<>(Map.of("acquisitions", true, "acquisition_search", 0.2,
                "independence_premium", 0.5));
        changes.putAll(more);
        return LabourKeys.with(LabourParameters.market(), changes);
    }

    @ParameterizedTest(name = "goods market={0}")
    @ValueSource(booleans = {false, true})
    void dealsKeepEveryPersonInOneFirmAndConserveMoneyAndCustomers(boolean goodsMarket) {
        LabourParameters rules = busy(Map.of("goods_market", goodsMarket, "market_start", 6,
                "compliance_fixed", 0.5, "compliance_per_employee", 0.05));
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(3_000), rules, 4, ex);
            long deals = 0;
            long moved = 0;
            double inHouse = 0;
            for (int m = 1; m <= 60; m++) {
                double before = Worlds.totalWealth(e);
                e.step();
                String where = "month " + m;
                // Every person in exactly one live firm (or unemployed), sizes and efforts add up.
                LabourRulesTest.check(e, where);
                ReviewTally t = e.lastReview();
                AcquisitionTally a = e.lastAcquisitions();
                // The price moves between owners: total wealth changes only by the month's flows.
                double flows = t.memberPay() + t.benefits() - t.consumption() - t.capitalInvested();
                double after = Worlds.totalWealth(e);
                assertEquals(flows, after - before, 1e-9 * (Math.abs(before) + Math.abs(after) + 1), where);
                assertEquals(t.revenue(), t.memberPay(), 1e-6 * Math.max(1, t.revenue()),
                        where + ": revenue net of compliance = pay");
                assertTrue(m < 6 || t.compliance() > 0, where + ": employer firms pay compliance costs");
                assertTrue(t.complianceInHouse() <= t.compliance(), where);
                inHouse += t.complianceInHouse();
                if (t.market() != null) {
                    double customers = 0;
                    for (int f = 0; f < e.firms().capacity(); f++) {
                        customers += e.firms().customers(f);
                    }
                    assertEquals(t.market().demand(), customers, 1e-9 * t.market().demand(),
                            where + ": customers conserved through acquisitions");
                }
                long byClass = 0;
                for (long d : a.dealsByBuyerSize()) {
                    byClass += d;
                }
                assertEquals(a.deals(), byClass, where);
                assertTrue(a.moved() >= a.deals(), where + ": every deal moves at least the seller");
                deals += a.deals();
                moved += a.moved();
            }
            assertTrue(deals > 10, "deals " + deals);
            assertTrue(inHouse > 0, "firms with managers have administrators for their compliance work");
            assertTrue(moved >= deals);
        }
    }

    @Test
    void theSellerBecomesAnEmployeeOfTheBuyer() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = new Economy(ModelParameters.defaults(3_000), busy(Map.of()), 4, ex);
            int[] ownerBefore = new int[e.persons()];
            for (int m = 1; m <= 40; m++) {
                for (int i = 0; i < e.persons(); i++) {
                    ownerBefore[i] = e.isOwner(i) ? e.firmOf(i) : -1;
                }
                e.step();
                if (e.lastAcquisitions().deals() == 0) {
                    continue;
                }
                int sellers = 0;
                for (int i = 0; i < e.persons(); i++) {
                    int f = ownerBefore[i];
                    if (f >= 0 && !e.isOwner(i) && e.firmOf(i) >= 0 && e.firmOf(i) != f) {
                        sellers++;
                    }
                }
                assertTrue(sellers > 0, "month " + m + ": a former owner works for the buyer");
                return;
            }
            throw new AssertionError("no deal in 40 months");
        }
    }

    @Test
    void antitrustBlocksExactlyWhatItsCapSays() {
        Map<Double, long[]> outcome = new HashMap<>();
        for (double cap : new double[] {1, 1e-9}) {
            try (ParallelExecutor ex = new ParallelExecutor(2)) {
                Economy e = new Economy(ModelParameters.defaults(3_000), busy(Map.of("antitrust_cap", cap)), 8, ex);
                long deals = 0;
                long blocked = 0;
                for (int m = 0; m < 36; m++) {
                    e.step();
                    deals += e.lastAcquisitions().deals();
                    blocked += e.lastAcquisitions().blocked();
                }
                outcome.put(cap, new long[] {deals, blocked});
            }
        }
        // Without a cap nothing is blocked; with a cap below any one employee's share every deal is.
        assertEquals(0, outcome.get(1.0)[1]);
        assertTrue(outcome.get(1.0)[0] > 0);
        assertEquals(0, outcome.get(1e-9)[0]);
        assertTrue(outcome.get(1e-9)[1] > 0);
    }

    @ParameterizedTest(name = "goods market={0}")
    @ValueSource(booleans = {false, true})
    void everyDealRespectsTheCapAndEveryBlockedOneWouldHaveBrokenIt(boolean goodsMarket) {
        double cap = 0.1;
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(4_000), busy(Map.of("antitrust_cap", cap,
                    "goods_market", goodsMarket, "market_start", 6)), 8, ex);
            long deals = 0;
            long blocked = 0;
            for (int m = 1; m <= 48; m++) {
                e.step();
                AcquisitionTally a = e.lastAcquisitions();
                assertTrue(a.largestDealShare() <= cap, "month " + m + ": a deal left the buyer with "
                        + a.largestDealShare());
                assertTrue(a.smallestBlockedShare() > cap, "month " + m + ": a deal within the cap was blocked");
                deals += a.deals();
                blocked += a.blocked();
            }
            assertTrue(deals > 0 && blocked > 0, "deals " + deals + ", blocked " + blocked);
        }
    }

    @Test
    void runsIdenticallyOnAnyThreadCount() {
        String reference = Worlds.threadIndependentHash(4_000, busy(Map.of("goods_market", true, "market_start", 6)), 13, 36);
        assertNotEquals(reference, Worlds.hashAfter(4_000,
                busy(Map.of("goods_market", true, "market_start", 6, "acquisitions", false)), 13, 2, 36),
                "acquisitions change the world");
    }

    @Test
    void badAcquisitionRulesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> busy(Map.of("antitrust_cap", 0.0, "valuation_months", 0)).validated());
        assertTrue(e.getMessage().contains("antitrust_cap = 0.0: allowed (0, 1]")
                && e.getMessage().contains("valuation_months = 0"), e.getMessage());
    }
}
