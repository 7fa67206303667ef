package io.ownerscape.model.world;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Worlds;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.LabourRulesTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The firms' renumbering ({@link Firms#compact}): live firms keep their data, number and order,
 * free ids are forgotten, and an economy that renumbers loses no person, no member and no
 * firm's identity, on any thread count.
 */
class FirmRenumberingTest {

    private static Firms firmsWith(int count) {
        Firms firms = new Firms(4, ModelParameters.defaults(100), false);
        for (int k = 0; k < count; k++) {
            int f = firms.reserve();
            assertEquals(k, f);
            firms.found(f, 1000 + k, 10 * k, k, 7 * (k + 1), true);
        }
        return firms;
    }

    private static void dissolve(Firms firms, int f) {
        assertEquals(0, firms.leave(f, firms.effortFixed(f)));
        firms.dissolve(f);
    }

    @Test
    void compactKeepsLiveFirmsInOrderWithTheirData() {
        Firms firms = firmsWith(10);
        for (int f : new int[] {7, 0, 3, 4}) {
            dissolve(firms, f);
        }
        int[] newId = firms.compact();
        assertArrayEquals(new int[] {-1, 0, 1, -1, -1, 2, 3, -1, 4, 5}, newId);
        assertEquals(6, firms.capacity());
        int[] old = {1, 2, 5, 6, 8, 9};
        for (int g = 0; g < old.length; g++) {
            int k = old[g];
            assertEquals(k, firms.serial(g), "number of firm " + g);
            assertEquals(1, firms.size(g));
            assertEquals(7L * (k + 1), firms.effortFixed(g));
            assertEquals(1000 + k, firms.technologySeed(g));
            assertEquals(10 * k, firms.founder(g));
            assertEquals(10 * k, firms.owner(g));
            assertEquals(k, firms.foundedMonth(g));
        }
        // New ids follow the live ones; numbers go on from the last one given, never reused.
        int next = firms.reserve();
        assertEquals(6, next);
        firms.found(next, 5, 3, 11, 1, false);
        assertEquals(10, firms.serial(next));
    }

    /**
     * The firms move down in their own columns: the ids freed at the top must read as dissolved
     * firms (every column, the market's and the state's too), so a firm founded there starts clean;
     * the columns shrink only when that saves more than an eighth.
     */
    @Test
    void compactInPlaceLeavesTheFreedTopClean() {
        Firms firms = new Firms(4, ModelParameters.defaults(100), true, true,
                io.ownerscape.model.production.Organisation.NONE);
        for (int k = 0; k < 40; k++) {
            int f = firms.reserve();
            firms.found(f, 1000 + k, 10 * k, k, 7 * (k + 1), true);
            firms.setManagers(f, 1 + k % 3, 0.5 * k);
            firms.customerColumn()[f] = 2.0 + k;
            firms.priceColumn()[f] = 0.5f;
        }
        firms.absorb(38, 39);
        firms.setOwnership(37, Firms.STATE);
        long before = firms.bytes();
        for (int f : new int[] {0, 1, 2}) {
            firms.setManagers(f, 0, 0);
            dissolve(firms, f);
        }
        // Three of 40 free: the columns keep their length.
        firms.compact();
        assertEquals(37, firms.capacity());
        assertEquals(before, firms.bytes(), "three free ids of 40 are not worth a copy");
        assertEquals(37, firms.serial(34));
        assertEquals(Firms.STATE, firms.ownership(34));
        assertEquals(2, firms.size(35));
        assertEquals(1, firms.acquiredMembers(35));
        assertEquals(0.5 * 38 + 0.5 * 39, firms.premiums(35), 1e-6);
        for (int k = 0; k < 3; k++) {
            int f = firms.reserve();
            assertEquals(37 + k, f, "the freed top is reused first");
            assertEquals(0, firms.size(f));
            assertEquals(0, firms.effortFixed(f));
            assertEquals(0, firms.managers(f));
            assertEquals(0, firms.premiums(f));
            assertEquals(0, firms.owner(f));
            assertEquals(0, firms.founder(f));
            assertEquals(0, firms.foundedMonth(f));
            assertEquals(Firms.PRIVATE, firms.ownership(f));
            assertEquals(0, firms.acquiredMembers(f));
            assertEquals(0, firms.customers(f));
            assertEquals(1f, firms.price(f));
        }
        // Most ids free: the columns shrink.
        for (int f = 0; f < 30; f++) {
            firms.setManagers(f, 0, 0);
            if (firms.size(f) > 0) {
                firms.setOwnership(f, Firms.PRIVATE);
                dissolve(firms, f);
            }
        }
        firms.compact();
        assertTrue(firms.bytes() < before, firms.bytes() + " bytes after shrinking, " + before + " before");
    }

    @Test
    void compactionIsDueOnlyWhenManyIdsAreFree() {
        int count = 8 * Firms.COMPACT_FREE;
        Firms firms = firmsWith(count);
        assertFalse(firms.compactionDue(), "no id free");
        // Half the ids free, but fewer than the minimum: small worlds keep theirs.
        Firms small = firmsWith(100);
        for (int f = 0; f < 50; f++) {
            dissolve(small, f);
        }
        assertFalse(small.compactionDue(), "50 free of 100");
        int free = 0;
        while (free < count / 5) {
            dissolve(firms, free++);
        }
        assertFalse(firms.compactionDue(), free + " free, a quarter as many as in use: not yet");
        dissolve(firms, free++);
        assertTrue(firms.compactionDue(), free + " free, more than a quarter as many as in use");
        firms.compact();
        assertFalse(firms.compactionDue());
        assertEquals(count - free, firms.capacity());
    }

    /**
     * A market world renumbers its firms in its first months (Axtell's start leaves one id per
     * person); every month every bookkeeping invariant holds, every person's firm is live, and a
     * firm's number keeps its founder and founding month, whatever its id.
     */
    @Test
    void anEconomyThatRenumbersLosesNothing() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(6_000), LabourParameters.market(), 3, ex);
            Map<Integer, Long> identity = new HashMap<>();
            int renumberings = 0;
            int before = e.firms().capacity();
            for (int m = 1; m <= 36; m++) {
                e.step();
                Firms firms = e.firms();
                if (firms.capacity() < before) {
                    renumberings++;
                }
                before = firms.capacity();
                LabourRulesTest.check(e, "month " + m);
                int live = 0;
                for (int f = 0; f < firms.capacity(); f++) {
                    if (firms.size(f) == 0) {
                        continue;
                    }
                    live++;
                    long who = ((long) firms.founder(f) << 32) | firms.foundedMonth(f);
                    Long seen = identity.putIfAbsent(firms.serial(f), who);
                    assertTrue(seen == null || seen == who, "month " + m + ": firm number " + firms.serial(f)
                            + " changed its founder or founding month");
                }
                assertTrue(firms.capacity() - live <= Math.max(Firms.COMPACT_FREE, live / 4),
                        "month " + m + ": " + firms.capacity() + " ids for " + live + " live firms");
            }
            assertTrue(renumberings > 0, "the world never renumbered its firms");
            assertTrue(e.firms().capacity() < e.persons() / 2, "capacity " + e.firms().capacity());
        }
    }

    @Test
    void renumberingIsThreadIndependent() {
        Worlds.threadIndependentHash(6_000, LabourParameters.market(), 5, 24);
        Worlds.threadIndependentHash(6_000, LabourParameters.AXTELL, 5, 24);
    }
}
