package io.ownerscape.model;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.production.TechnologyRenewal;
import io.ownerscape.model.world.Firms;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The month's technology shocks (MODEL.md §7.16): which firms are renewed, and what stays. */
class TechnologyRenewalTest {

    private static LabourParameters renewal(double hazard) {
        return LabourKeys.with(LabourParameters.market(), Map.of("technology_renewal", hazard));
    }

    /**
     * A renewal replaces a live firm's technology seed and nothing else: members, effort, owner
     * and managers stay. About a share {@code h} of live firms is renewed each month: with
     * {@code h = 0.05} and some 20,000 firm-months, 5 binomial standard errors are 7% of the mean.
     */
    @Test
    void aShareOfLiveFirmsIsRenewedAndKeepsItsPeople() {
        double hazard = 0.05;
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(3_000), renewal(hazard), 11, ex);
            for (int m = 0; m < 24; m++) {
                e.step();
            }
            Firms firms = e.firms();
            long live = 0;
            long renewed = 0;
            for (int month = 1000; month < 1020; month++) {
                int capacity = firms.capacity();
                int[] seeds = new int[capacity];
                long[] words = new long[3 * capacity];
                for (int f = 0; f < capacity; f++) {
                    seeds[f] = firms.technologySeed(f);
                    words[3 * f] = firms.size(f);
                    words[3 * f + 1] = firms.effortFixed(f);
                    words[3 * f + 2] = ((long) firms.owner(f) << 32) | firms.managers(f);
                }
                TechnologyRenewal.run(e.firms(), e.labour().technologyRenewal(), e.streams(), e.executor(), month);
                for (int f = 0; f < capacity; f++) {
                    assertEquals(words[3 * f], firms.size(f), "size of firm " + f);
                    assertEquals(words[3 * f + 1], firms.effortFixed(f), "effort of firm " + f);
                    assertEquals(words[3 * f + 2], ((long) firms.owner(f) << 32) | firms.managers(f),
                            "owner and managers of firm " + f);
                    if (firms.size(f) > 0) {
                        live++;
                        renewed += seeds[f] != firms.technologySeed(f) ? 1 : 0;
                    } else {
                        assertEquals(seeds[f], firms.technologySeed(f), "a dead firm is never renewed");
                    }
                }
            }
            assertTrue(live > 15_000, "firm-months " + live);
            assertEquals(hazard, renewed / (double) live, 0.07 * hazard);
        }
    }

    /** Without renewal nothing is drawn; with it, the same world on any thread count. */
    @Test
    void renewalIsOffAtZeroAndThreadIndependent() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = new Economy(ModelParameters.defaults(2_000), renewal(0), 3, ex);
            for (int m = 0; m < 12; m++) {
                e.step();
            }
            int capacity = e.firms().capacity();
            int[] seeds = new int[capacity];
            for (int f = 0; f < capacity; f++) {
                seeds[f] = e.firms().technologySeed(f);
            }
            TechnologyRenewal.run(e.firms(), e.labour().technologyRenewal(), e.streams(), e.executor(), 13);
            for (int f = 0; f < capacity; f++) {
                assertEquals(seeds[f], e.firms().technologySeed(f));
            }
        }
        Worlds.threadIndependentHash(2_000, renewal(0.2), 4, 36);
    }
}
