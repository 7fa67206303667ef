package io.ownerscape.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistical bounds are 5 standard deviations unless stated otherwise. */
class BernoulliSamplerTest {
    private static final int BLOCK = BernoulliSampler.BLOCK;
    private static ParallelExecutor one;
    private static ParallelExecutor two;
    private static ParallelExecutor four;

    @BeforeAll
    static void start() {
        one = new ParallelExecutor(1);
        two = new ParallelExecutor(2);
        four = new ParallelExecutor(4);
    }

    @AfterAll
    static void stop() {
        one.close();
        two.close();
        four.close();
    }

    private static long base(long k) {
        return new RandomStreams(17).base(5, k);
    }

    @ParameterizedTest(name = "n={0} p={1}")
    @CsvSource({"1,0.5", "20,0.3", "65536,0.04", "65537,0.04", "200003,0.04", "200003,0.5", "1000000,0.04",
        "1000000,0.999", "300000,0.00001"})
    void sortedInRangeWithoutDuplicates(int n, double p) {
        int[] ids = BernoulliSampler.sample(base(n), n, p, two);
        for (int k = 0; k < ids.length; k++) {
            assertTrue(ids[k] >= 0 && ids[k] < n, "out of range: " + ids[k]);
            if (k > 0) {
                assertTrue(ids[k] > ids[k - 1], "not strictly increasing at " + k + ": " + ids[k - 1] + ", " + ids[k]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.04, 0.5, 0.00003, 1.0})
    void independentOfThreadCount(double p) {
        int n = 1_000_003;
        long b = base(3);
        int[] a1 = BernoulliSampler.sample(b, n, p, one);
        int[] a2 = BernoulliSampler.sample(b, n, p, two);
        int[] a4 = BernoulliSampler.sample(b, n, p, four);
        assertArrayEquals(a1, a2);
        assertArrayEquals(a1, a4);
        // and a pure function of the base
        assertArrayEquals(a1, BernoulliSampler.sample(b, n, p, four));
    }

    @Test
    void differentBasesGiveDifferentSamples() {
        int[] a = BernoulliSampler.sample(base(1), 100_000, 0.04, one);
        int[] b = BernoulliSampler.sample(base(2), 100_000, 0.04, one);
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    @Test
    void countNearExpectation() {
        int n = 1_000_000;
        double p = 0.04;
        double sd = Math.sqrt(n * p * (1 - p)); // 196
        for (long k = 0; k < 5; k++) {
            int count = BernoulliSampler.sample(base(100 + k), n, p, two).length;
            assertEquals(n * p, count, 5 * sd, "sample " + k);
        }
    }

    @Test
    void adjacentSelectionsAreIndependent() {
        // P(i and i+1 both selected) = p^2. The pair indicators are 1-dependent:
        // Var(count) = n [p^2 (1 - p^2) + 2 (p^3 - p^4)] = 0.3125 n for p = 1/2; sd = 559 for n = 1e6.
        int n = 1_000_000;
        double p = 0.5;
        int[] ids = BernoulliSampler.sample(base(7), n, p, two);
        long pairs = 0;
        for (int k = 1; k < ids.length; k++) {
            if (ids[k] == ids[k - 1] + 1) {
                pairs++;
            }
        }
        double sd = Math.sqrt(n * (p * p * (1 - p * p) + 2 * (p * p * p - p * p * p * p)));
        assertEquals((n - 1) * p * p, pairs, 5 * sd);
    }

    @Test
    void zeroAndOneAndEmpty() {
        assertEquals(0, BernoulliSampler.sample(base(1), 1_000_000, 0, two).length);
        assertEquals(0, BernoulliSampler.sample(base(1), 0, 0.5, two).length);
        assertEquals(0, BernoulliSampler.sample(base(1), 0, 1, two).length);
        for (int n : new int[] {1, 5, BLOCK, BLOCK + 1, 3 * BLOCK + 17}) {
            int[] all = BernoulliSampler.sample(base(n), n, 1, two);
            assertEquals(n, all.length);
            for (int k = 0; k < n; k++) {
                assertEquals(k, all[k]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsBadProbability(double p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BernoulliSampler.sample(base(1), 100, p, one));
        assertTrue(e.getMessage().contains(String.valueOf(p)), e.getMessage());
    }

    @Test
    void selectionRateIsTheSameInEveryBlock() {
        // n = 1e6: 15 full blocks and a partial one of 16,960 ids. Over 40 samples with p = 0.04,
        // each block's rate has sd sqrt(p (1 - p) / (40 * size)); the bound is 5 sd.
        int n = 1_000_000;
        double p = 0.04;
        int blocks = ParallelExecutor.chunkCount(n, BLOCK);
        long[] perBlock = new long[blocks];
        int samples = 40;
        for (int s = 0; s < samples; s++) {
            for (int id : BernoulliSampler.sample(base(1000 + s), n, p, two)) {
                perBlock[id / BLOCK]++;
            }
        }
        for (int b = 0; b < blocks; b++) {
            long size = Math.min(BLOCK, n - (long) b * BLOCK);
            double trials = (double) samples * size;
            double rate = perBlock[b] / trials;
            assertEquals(p, rate, 5 * Math.sqrt(p * (1 - p) / trials), "block " + b + " of " + blocks);
        }
        // first versus last full block directly: the difference has sd sqrt(2) times one block's
        double trials = (double) samples * BLOCK;
        double diffSd = Math.sqrt(2 * p * (1 - p) / trials);
        assertEquals(0, perBlock[0] / trials - perBlock[blocks - 2] / trials, 5 * diffSd);
    }

    @Test
    void idsAtBlockBoundariesAreSelectedWithProbabilityP() {
        // The gaps restart in every block; an off-by-one there would over- or under-select the first
        // or last id of a block. 2,000 samples with p = 0.3: each id's count has mean 600 and
        // sd sqrt(2000 * 0.3 * 0.7) = 20.5; the bound is 5 sd.
        int n = 2 * BLOCK + 100;
        double p = 0.3;
        int samples = 2000;
        int[] watched = {0, 1, BLOCK - 2, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK - 1, 2 * BLOCK, n - 2, n - 1};
        long[] counts = new long[watched.length];
        for (int s = 0; s < samples; s++) {
            int[] ids = BernoulliSampler.sample(base(5000 + s), n, p, two);
            for (int w = 0; w < watched.length; w++) {
                if (java.util.Arrays.binarySearch(ids, watched[w]) >= 0) {
                    counts[w]++;
                }
            }
        }
        double sd = Math.sqrt(samples * p * (1 - p));
        for (int w = 0; w < watched.length; w++) {
            assertEquals(samples * p, counts[w], 5 * sd, "id " + watched[w]);
        }
    }

    /**
     * BUG (reported, not fixed): for 0 < p < 2^-54 (about 5.6e-17), {@code 1 - p} rounds to 1, so
     * {@code logQ = Math.log(1 - p)} is 0 and every skip is -Infinity. In block 0 the id then wraps to
     * Long.MAX_VALUE and the block ends empty, but in any later block the id wraps to a value below the
     * block and the loop never ends: it keeps appending the same id until the heap is exhausted
     * (OutOfMemoryError). ModelParameters accepts such an activation rate. Math.log1p(-p) would avoid it.
     */
    @Disabled("BernoulliSampler loops until OutOfMemoryError for p < 2^-54 and n > BLOCK; see the report")
    @Test
    void tinyProbabilityOverSeveralBlocksGivesAlmostSurelyNothing() {
        int[] ids = BernoulliSampler.sample(base(1), 2 * BLOCK, 1e-17, one);
        assertEquals(0, ids.length);
    }

    @Test
    void tinyProbabilityWithinOneBlock() {
        // Works in block 0 only because the wrapped id lands on Long.MAX_VALUE (see the test above).
        assertEquals(0, BernoulliSampler.sample(base(1), BLOCK, 1e-17, one).length);
        assertEquals(0, BernoulliSampler.sample(base(1), 2 * BLOCK, 1e-12, one).length);
    }
}
