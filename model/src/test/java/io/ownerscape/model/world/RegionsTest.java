package io.ownerscape.model.world;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.LabourRulesTest;
import io.ownerscape.model.network.FriendNetwork;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Local labour markets: Zipf sizes, friendships mostly within a region, regional HHI. */
class RegionsTest {

    @Test
    void regionsPartitionPersonsWithZipfSizes() {
        Regions r = new Regions(1_000_000, 50);
        double harmonic = 0;
        for (int k = 1; k <= 50; k++) {
            harmonic += 1.0 / k;
        }
        int seen = 0;
        for (int k = 0; k < r.count(); k++) {
            assertEquals(seen, r.start(k));
            int size = r.end(k) - r.start(k);
            assertEquals(1_000_000 / harmonic / (k + 1), size, 1.0, "region " + k);
            assertEquals(k, r.of(r.start(k)));
            assertEquals(k, r.of(r.end(k) - 1));
            seen = r.end(k);
        }
        assertEquals(1_000_000, seen);
        assertThrows(IllegalArgumentException.class, () -> new Regions(10, 11));
        Regions tiny = new Regions(5, 5);
        for (int k = 0; k < 5; k++) {
            assertEquals(1, tiny.end(k) - tiny.start(k), "every region gets a person");
        }
    }

    @Test
    void friendshipsAreMostlyLocalAndDegreesAreKept() {
        int n = 200_000;
        ModelParameters p = ModelParameters.defaults(n);
        RandomStreams streams = new RandomStreams(9);
        Regions regions = new Regions(n, 40);
        FriendNetwork local = FriendNetwork.build(p, streams, regions, 0.8);
        FriendNetwork plain = FriendNetwork.build(p, streams);
        long within = 0;
        long links = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(plain.degree(i), local.degree(i), "degree of " + i);
            Set<Integer> friends = new HashSet<>();
            for (int q = local.start(i); q < local.end(i); q++) {
                int j = local.neighbour(q);
                assertTrue(j != i && friends.add(j), "simple graph at " + i);
                links++;
                if (regions.of(j) == regions.of(i)) {
                    within++;
                }
            }
        }
        double shareSquares = 0;
        for (int k = 0; k < regions.count(); k++) {
            double s = (double) (regions.end(k) - regions.start(k)) / n;
            shareSquares += s * s;
        }
        // 80% local stubs, plus global pairs that land in the same region by chance.
        double expected = 0.8 + 0.2 * shareSquares;
        double share = (double) within / links;
        assertTrue(share > 0.78 && share < 0.86, "within-region share " + share + ", about " + expected);
    }

    @Test
    void marketEconomyWithRegionsKeepsItsInvariantsAndMeasuresHhi() {
        LabourParameters rules = LabourKeys.with(LabourParameters.market(), java.util.Map.of("regions", 20));
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(10_000), rules, 3, ex);
            for (int month = 1; month <= 60; month++) {
                e.step();
                LabourRulesTest.check(e, "month " + month);
            }
            double[][] hhi = e.regionalHhi();
            double employees = 0;
            for (int r = 0; r < e.regions().count(); r++) {
                assertTrue(hhi[1][r] >= 0 && hhi[1][r] <= 10_000, "HHI of region " + r);
                employees += hhi[0][r];
            }
            assertEquals(e.lastReview().employees(), employees, 1e-9, "every employee counted in one region");
            double mean = e.labourHhiMean();
            assertTrue(mean > 0 && mean <= 10_000, "mean HHI " + mean);
            assertFalse(Double.isNaN(mean));
        }
    }

    @Test
    void noEmployeesMeansNoHhi() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = new Economy(ModelParameters.defaults(100), LabourParameters.AXTELL, 1, ex);
            // At the start every firm is one person: no employees anywhere.
            double[][] hhi = e.regionalHhi();
            assertEquals(0, hhi[0][0]);
            assertTrue(Double.isNaN(e.labourHhiMean()));
        }
    }
}
