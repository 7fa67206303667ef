package io.ownerscape.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden vectors, purity and statistical checks of the counter-based streams.
 *
 * <p>Statistical tolerances are 5 standard errors (a false alarm about once in 1.7 million runs)
 * unless stated otherwise; all draws are keyed, so each test is deterministic anyway.
 */
class RandomStreamsTest {
    private static final int N = 1_000_000;

    /**
     * Reference SplitMix64 (Steele, Lea and Flood 2014): state += gamma; return mix(state).
     * Its published first outputs for seed 0 are an independent check of {@link RandomStreams#mix}.
     */
    @Test
    void mixMatchesPublishedSplitMix64SequenceForSeedZero() {
        long[] published = {0xE220A8397B1DCDAFL, 0x6E789E6AA1B965F4L, 0x06C45D188009454FL, 0xF88BB8A8724C81ECL};
        long state = 0;
        for (long expected : published) {
            state += RandomStreams.GOLDEN_GAMMA;
            assertEquals(expected, RandomStreams.mix(state));
        }
        assertEquals(0xE220A8397B1DCDAFL, RandomStreams.mix(0x9E3779B97F4A7C15L));
        // at(base, part) = mix(base + gamma * (part + 1)), so at(0, 0) is SplitMix64's first output.
        assertEquals(0xE220A8397B1DCDAFL, RandomStreams.at(0, 0));
    }

    /** Values computed once with the implementation under test, then pinned. */
    @Test
    void mixGoldenVectors() {
        assertEquals(0L, RandomStreams.mix(0L)); // 0 is a fixed point of the finaliser
        assertEquals(0x5692161D100B05E5L, RandomStreams.mix(1L));
        assertEquals(0xB4D055FCF2CBBD7BL, RandomStreams.mix(-1L));
        assertEquals(0xA759EA27D4727622L, RandomStreams.mix(42L));
        assertEquals(0xB2C058E4EBB5112CL, RandomStreams.mix(0x0123456789ABCDEFL));
        assertEquals(0x25C26EA579CEA98AL, RandomStreams.mix(Long.MIN_VALUE));
    }

    /** Pins the keyed construction (purpose, step, id, index), so a refactor cannot silently reseed runs. */
    @Test
    void keyedGoldenVectors() {
        RandomStreams rs = new RandomStreams(12345);
        assertEquals(12345, rs.seed());
        assertEquals(0xDF1960C776E3A040L, rs.base(1));
        assertEquals(0xAFDF4F46C526621EL, rs.base(1, 7));
        assertEquals(0xAB7FDEED750FACDAL, rs.bits(1, 7, 3, 0));
        assertEquals(0x20B1B4687F8D2F6AL, rs.bits(1, 7, 3, 1));
        assertEquals(0xFFF79AD5DE7024FCL, rs.bits(1, 7, 4, 0));
        assertEquals(0xFA060375FA902A1BL, rs.bits(1, 8, 3, 0));
        assertEquals(0x385645F772826205L, rs.bits(1, 0, 0, 0));
        assertEquals(0x394153BDFB8416AFL, rs.bits(2, 0, 0, 0));
        assertEquals(0x3C88DBA91268762BL, new RandomStreams(0).base(0));
        assertEquals(0.6699199037294067, rs.uniform(1, 7, 3, 0));
        // bits is exactly the documented chain of at()
        assertEquals(RandomStreams.at(RandomStreams.at(rs.base(1, 7), 3), 0), rs.bits(1, 7, 3, 0));
    }

    @Test
    void mixIsInjectiveOnASample() {
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        for (long z = -50_000; z < 50_000; z++) {
            assertTrue(seen.add(RandomStreams.mix(z)), "collision at " + z);
        }
    }

    @Test
    void bitsIsPureAndDependsOnEveryKeyPart() {
        RandomStreams a = new RandomStreams(7);
        RandomStreams same = new RandomStreams(7);
        long ref = a.bits(3, 11, 1000, 5);
        assertEquals(ref, a.bits(3, 11, 1000, 5));
        assertEquals(ref, same.bits(3, 11, 1000, 5));
        // interleaving other draws must not change a draw
        a.bits(4, 1, 2, 3);
        a.uniform(3, 11, 1000, 6);
        assertEquals(ref, a.bits(3, 11, 1000, 5));

        assertNotEquals(ref, new RandomStreams(8).bits(3, 11, 1000, 5), "seed");
        assertNotEquals(ref, a.bits(4, 11, 1000, 5), "purpose");
        assertNotEquals(ref, a.bits(3, 12, 1000, 5), "step");
        assertNotEquals(ref, a.bits(3, 11, 1001, 5), "id");
        assertNotEquals(ref, a.bits(3, 11, 1000, 6), "index");
        // swapping key parts must not give the same draw
        assertNotEquals(a.bits(1, 2, 3, 4), a.bits(1, 2, 4, 3));
        assertNotEquals(a.bits(1, 2, 3, 4), a.bits(1, 3, 2, 4));
    }

    @Test
    void bitsOverManyKeysHasNoCollisions() {
        RandomStreams rs = new RandomStreams(99);
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        for (int purpose = 0; purpose < 4; purpose++) {
            for (long step = 0; step < 5; step++) {
                for (long id = 0; id < 100; id++) {
                    for (long index = 0; index < 20; index++) {
                        assertTrue(seen.add(rs.bits(purpose, step, id, index)),
                                "collision at " + purpose + "," + step + "," + id + "," + index);
                    }
                }
            }
        }
    }

    @Test
    void toUnitBounds() {
        assertEquals(0.0, RandomStreams.toUnit(0L));
        assertEquals(1.0 - 0x1.0p-53, RandomStreams.toUnit(-1L));
        assertTrue(RandomStreams.toUnit(-1L) < 1.0);
        assertEquals(0.5, RandomStreams.toUnit(Long.MIN_VALUE));
        // only the top 53 bits count
        assertEquals(0.0, RandomStreams.toUnit(0x7FFL));
    }

    @Test
    void uniformInUnitIntervalWithRightMeanAndVariance() {
        RandomStreams rs = new RandomStreams(2024);
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < N; k++) {
            double u = rs.uniform(1, 0, k, 0);
            assertTrue(u >= 0 && u < 1, "out of [0,1): " + u);
            sum += u;
            sumSq += (u - 0.5) * (u - 0.5);
        }
        double mean = sum / N;
        double variance = sumSq / N;
        System.out.printf("RandomStreams: mean %.6f (want 0.5 +- %.2g), variance %.6f (want %.6f +- %.2g)%n",
                mean, 5 * Math.sqrt(1.0 / 12 / N), variance, 1.0 / 12, 5 * Math.sqrt((1.0 / 80 - 1.0 / 144) / N));
        // SE(mean) = sqrt(1/12 / N) = 2.89e-4; SE of the variance estimate = sqrt((1/80 - 1/144) / N) = 7.45e-5
        assertEquals(0.5, mean, 5 * Math.sqrt(1.0 / 12 / N), "mean");
        assertEquals(1.0 / 12, variance, 5 * Math.sqrt((1.0 / 80 - 1.0 / 144) / N), "variance");
    }

    @Test
    void toBelowIsUniformOverTenBins() {
        RandomStreams rs = new RandomStreams(5);
        long base = rs.base(2, 3);
        long[] counts = new long[10];
        for (int k = 0; k < N; k++) {
            int v = RandomStreams.toBelow(RandomStreams.at(base, k), 10);
            assertTrue(v >= 0 && v < 10);
            counts[v]++;
        }
        double expected = N / 10.0;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        System.out.printf("RandomStreams: toBelow(10) chi-square %.2f (critical 33.72)%n", chi2);
        // 9 degrees of freedom: P(chi2 > 33.72) = 1e-4.
        assertTrue(chi2 < 33.72, "chi-square " + chi2 + " for counts " + java.util.Arrays.toString(counts));
    }

    @Test
    void toBelowEdges() {
        assertEquals(0, RandomStreams.toBelow(0L, 7));
        assertEquals(6, RandomStreams.toBelow(-1L, 7));
        assertEquals(Integer.MAX_VALUE - 1, RandomStreams.toBelow(-1L, Integer.MAX_VALUE));
        for (long bits : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x123456789ABCDEFL}) {
            assertEquals(0, RandomStreams.toBelow(bits, 1));
        }
        // the top 32 bits decide: 0x8000_0000 << 32 is one half of the range
        assertEquals(5, RandomStreams.toBelow(0x8000_0000_0000_0000L, 10));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void toBelowRejectsNonPositiveBound(int bound) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomStreams.toBelow(12345L, bound));
        assertTrue(e.getMessage().contains(String.valueOf(bound)), e.getMessage());
    }

    /** Pearson correlation of two sequences. */
    private static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int k = 0; k < x.length; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    // For independent streams the correlation has SE 1/sqrt(N) = 0.001; the bound 0.005 is 5 SE.

    @Test
    void streamsOfAdjacentIdsAreUncorrelated() {
        RandomStreams rs = new RandomStreams(31);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int k = 0; k < N; k++) {
            x[k] = rs.uniform(1, 4, 500, k);
            y[k] = rs.uniform(1, 4, 501, k);
        }
        double r = correlation(x, y);
        System.out.printf("RandomStreams: correlation %.5f (bound 0.005)%n", r);
        assertTrue(Math.abs(r) < 0.005, "correlation " + r);
    }

    @Test
    void adjacentIdsAtTheSameIndexAreUncorrelated() {
        // lag-1 correlation along the id axis, the way the model reads one draw per person
        RandomStreams rs = new RandomStreams(32);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int k = 0; k < N; k++) {
            x[k] = rs.uniform(5, 9, k, 0);
            y[k] = rs.uniform(5, 9, k + 1, 0);
        }
        double r = correlation(x, y);
        System.out.printf("RandomStreams: correlation %.5f (bound 0.005)%n", r);
        assertTrue(Math.abs(r) < 0.005, "correlation " + r);
    }

    @Test
    void streamsOfAdjacentPurposesAreUncorrelated() {
        RandomStreams rs = new RandomStreams(33);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int k = 0; k < N; k++) {
            x[k] = rs.uniform(1, 0, k, 0);
            y[k] = rs.uniform(2, 0, k, 0);
        }
        double r = correlation(x, y);
        System.out.printf("RandomStreams: correlation %.5f (bound 0.005)%n", r);
        assertTrue(Math.abs(r) < 0.005, "correlation " + r);
    }

    @Test
    void streamsOfAdjacentStepsAndSeedsAreUncorrelated() {
        RandomStreams rs = new RandomStreams(34);
        RandomStreams next = new RandomStreams(35);
        double[] x = new double[N];
        double[] y = new double[N];
        double[] z = new double[N];
        for (int k = 0; k < N; k++) {
            x[k] = rs.uniform(1, 10, k, 0);
            y[k] = rs.uniform(1, 11, k, 0);
            z[k] = next.uniform(1, 10, k, 0);
        }
        double rStep = correlation(x, y);
        double rSeed = correlation(x, z);
        System.out.printf("RandomStreams: step correlation %.5f, seed correlation %.5f (bound 0.005)%n", rStep, rSeed);
        assertTrue(Math.abs(rStep) < 0.005, "step correlation " + rStep);
        assertTrue(Math.abs(rSeed) < 0.005, "seed correlation " + rSeed);
    }
}
