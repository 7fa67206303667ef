package io.ownerscape.model.labour;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Preset;
import io.ownerscape.model.Worlds;
import io.ownerscape.model.world.Firms;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pass 3b's chunks: they cover the sorted list, in order, and never split a firm's entries; a world
 * large enough to list several chunks of persons is the same on 1, 2 and 4 threads.
 */
class StaffingTest {

    /**
     * 60,000 persons under the market preset list far more than one chunk each month (the members
     * of every firm with managers or needing some), so the chunks run on several threads.
     */
    @Test
    void severalChunksOfFirmsGiveTheSameWorldOnAnyThreadCount() {
        LabourParameters market = Preset.of("market").labour();
        int persons = 60_000;
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = new Economy(ModelParameters.defaults(persons), market, 5, ex);
            for (int m = 0; m < 48; m++) {
                e.step();
            }
            Firms firms = e.firms();
            long staffed = 0;
            for (int f = 0; f < firms.capacity(); f++) {
                staffed += firms.managers(f) > 0 ? firms.size(f) : 0;
            }
            assertTrue(staffed > 3 * Staffing.FIRM_PASS_CHUNK, "members of firms with managers: " + staffed);
        }
        Worlds.threadIndependentHash(persons, market, 5, 48);
    }

    @Test
    void chunksCoverTheListAndNeverSplitAFirm() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = random.nextInt(0, 5 * Staffing.FIRM_PASS_CHUNK);
            long[] listed = new long[n];
            for (int k = 0; k < n; k++) {
                // A few huge firms among many small ones, as in the market preset.
                int firm = random.nextInt(10) == 0 ? random.nextInt(3) : random.nextInt(1_000_000);
                listed[k] = ((long) firm << 32) | k;
            }
            Arrays.sort(listed);
            int[] bounds = Staffing.firmBounds(listed);
            assertEquals(0, bounds[0]);
            assertEquals(n, bounds[bounds.length - 1]);
            for (int c = 1; c < bounds.length; c++) {
                assertTrue(bounds[c] > bounds[c - 1], "chunks are non-empty and increasing");
                if (bounds[c] < n) {
                    assertNotEquals(listed[bounds[c]] >>> 32, listed[bounds[c] - 1] >>> 32, "a firm split at " + bounds[c]);
                    assertTrue(bounds[c] - bounds[c - 1] >= Staffing.FIRM_PASS_CHUNK, "a chunk ends early");
                }
            }
        }
        assertArrayEquals(new int[] {0}, Staffing.firmBounds(new long[0]));
    }

    @Test
    void oneFirmLargerThanAChunkIsOneChunk() {
        long[] listed = new long[3 * Staffing.FIRM_PASS_CHUNK];
        for (int k = 0; k < listed.length; k++) {
            listed[k] = (5L << 32) | k;
        }
        assertArrayEquals(new int[] {0, listed.length}, Staffing.firmBounds(listed));
    }
}
