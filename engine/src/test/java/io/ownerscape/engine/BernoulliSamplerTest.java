package io.ownerscape.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
            System.out.printf("BernoulliSampler: count %d (want 40000 +- %.0f)%n", count, 5 * sd);
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
        System.out.printf("BernoulliSampler: adjacent pairs %d (want %.0f +- %.0f)%n", pairs, (n - 1) * p * p, 5 * sd);
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
        StringBuilder rates = new StringBuilder();
        for (int b = 0; b < blocks; b++) {
            rates.append(String.format(" %.5f", perBlock[b] / ((double) samples * Math.min(BLOCK, n - (long) b * BLOCK))));
        }
        System.out.println("BernoulliSampler: per-block rates (p = 0.04):" + rates);
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
        System.out.println("BernoulliSampler: boundary id counts " + java.util.Arrays.toString(counts)
                + " (want 600 +- " + Math.round(5 * sd) + ")");
        for (int w = 0; w < watched.length; w++) {
            assertEquals(samples * p, counts[w], 5 * sd, "id " + watched[w]);
        }
    }

    /**
     * Regression: with logQ = Math.log(1 - p), any p below 2^-54 made 1 - p round to 1, logQ 0 and
     * every skip -Infinity; past block 0 the id wrapped below the block and the loop appended the
     * same id until OutOfMemoryError (seen in the code as first read; the code now uses log1p).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-17, 1e-300, Double.MIN_VALUE, 1e-12})
    void tinyProbabilityOverSeveralBlocksGivesAlmostSurelyNothing(double p) {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            assertEquals(0, BernoulliSampler.sample(base(1), 2 * BLOCK, p, one).length);
            assertEquals(0, BernoulliSampler.sample(base(2), 5 * BLOCK + 3, p, two).length);
        });
    }

    @Test
    void smallProbabilityRateIsUnbiased() {
        // p = 1e-6 over 2e7 trials (20 samples of 1e6): mean 20 selections, sd 4.5; bound 5 sd.
        // log(1 - p) instead of log1p(-p) would bias p by ~1e-10 relative only, so this mainly
        // guards the geometric skip itself at small p.
        long total = 0;
        for (int s = 0; s < 20; s++) {
            total += BernoulliSampler.sample(base(9000 + s), 1_000_000, 1e-6, two).length;
        }
        System.out.println("BernoulliSampler: p = 1e-6 selections " + total + " (want 20 +- 22)");
        assertEquals(20, total, 5 * Math.sqrt(20));
    }

    /**
     * Any cut of [0, n) into ranges, aligned to blocks or not, gives back the whole sample, range
     * by range: a pass over a chunk of persons draws exactly its part of the month's sample.
     */
    @ParameterizedTest(name = "n={0} p={1}")
    @CsvSource({"1,0.5", "65536,0.04", "200003,0.04", "200003,1.0", "1000000,0.01", "300000,0.00001"})
    void rangesConcatenateToTheSample(int n, double p) {
        long b = base(41);
        int[] whole = BernoulliSampler.sample(b, n, p, two);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(n);
        for (int cut : new int[]{BLOCK, 1000, 0}) {
            java.util.List<int[]> parts = new java.util.ArrayList<>();
            int from = 0;
            while (from < n) {
                int to = cut == 0 ? Math.min(n, from + 1 + rnd.nextInt(3 * BLOCK)) : Math.min(n, from + cut);
                int[] part = BernoulliSampler.sampleRange(b, n, p, from, to);
                for (int id : part) {
                    assertTrue(id >= from && id < to, "id " + id + " outside [" + from + ", " + to + ")");
                }
                parts.add(part);
                from = to;
            }
            assertArrayEquals(whole, IdLists.concat(parts.toArray(new int[0][])), "cut " + cut);
        }
        assertEquals(0, BernoulliSampler.sampleRange(b, n, p, n, n).length);
    }

    @Test
    void rangeOutsideTheIdsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BernoulliSampler.sampleRange(base(1), 100, 0.5, 50, 101));
        assertTrue(e.getMessage().contains("[50, 101)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BernoulliSampler.sampleRange(base(1), 100, 1.5, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> BernoulliSampler.sampleRange(base(1), 100, 0.5, -1, 10));
    }
}
