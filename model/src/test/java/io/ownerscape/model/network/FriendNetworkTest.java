package io.ownerscape.model.network;

import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.world.Regions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FriendNetworkTest {
    /** The degree person i drew, recomputed from the documented key (FRIEND_COUNT, i). */
    private static int drawnDegree(ModelParameters p, RandomStreams streams, int i) {
        int span = p.friendsMax() - p.friendsMin() + 1;
        return p.friendsMin() + RandomStreams.toBelow(RandomStreams.at(streams.base(Purpose.FRIEND_COUNT), i), span);
    }

    /** Checks degrees, simplicity and symmetry; returns the degree histogram. */
    static long[] checkStructure(ModelParameters p, FriendNetwork net, RandomStreams streams) {
        int n = p.persons();
        assertEquals(n, net.persons());
        assertEquals(0, net.start(0));
        long drawnTotal = 0;
        long[] histogram = new long[p.friendsMax() + 1];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int i = 0; i < n; i++) {
            int d = net.degree(i);
            assertEquals(net.end(i) - net.start(i), d);
            if (i > 0) {
                assertEquals(net.end(i - 1), net.start(i), "rows are contiguous");
            }
            assertTrue(d >= p.friendsMin() && d <= p.friendsMax(), "degree " + d + " of person " + i);
            int drawn = drawnDegree(p, streams, i);
            drawnTotal += drawn;
            if (i < n - 1) {
                assertEquals(drawn, d, "person " + i + " does not have the degree drawn");
            }
            histogram[d]++;
            for (int q = net.start(i); q < net.end(i); q++) {
                int j = net.neighbour(q);
                assertTrue(j >= 0 && j < n, "neighbour out of range: " + j);
                assertTrue(j != i, "self-link at person " + i);
                assertTrue(mark[j] != i, "duplicate link " + i + "-" + j);
                mark[j] = i;
            }
        }
        // the last person keeps its draw when the total is already even
        if ((drawnTotal & 1) == 0) {
            assertEquals(drawnDegree(p, streams, n - 1), net.degree(n - 1), "last person redrew needlessly");
        } else {
            assertTrue((drawnTotal - drawnDegree(p, streams, n - 1) + net.degree(n - 1)) % 2 == 0);
        }
        // symmetry: j in row i iff i in row j. Rows are duplicate-free, so counting i -> j with
        // j -> i found is enough (together with the equal numbers of half-edges on both sides).
        for (int i = 0; i < n; i++) {
            for (int q = net.start(i); q < net.end(i); q++) {
                int j = net.neighbour(q);
                boolean back = false;
                for (int r = net.start(j); r < net.end(j); r++) {
                    if (net.neighbour(r) == i) {
                        back = true;
                        break;
                    }
                }
                assertTrue(back, "link " + i + "->" + j + " has no way back");
            }
        }
        assertEquals(0, net.end(n - 1) % 2, "half-edges pair up");
        return histogram;
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 1000, 200_000})
    void degreesAsDrawnSimpleAndSymmetric(int n) {
        ModelParameters p = ModelParameters.defaults(n);
        for (long seed : new long[] {1, 2, 3}) {
            RandomStreams streams = new RandomStreams(seed);
            checkStructure(p, FriendNetwork.build(p, streams), streams);
            if (n == 200_000) {
                break; // one large network is enough
            }
        }
    }

    @Test
    void smallestPopulationsAndOddTotals() {
        // MIN_PERSONS = 20 is the tightest case for the repair swaps; many seeds to meet odd totals
        int odd = 0;
        for (int n : new int[] {20, 21, 33}) {
            ModelParameters p = ModelParameters.defaults(n);
            for (long seed = 0; seed < 200; seed++) {
                RandomStreams streams = new RandomStreams(seed);
                long drawn = 0;
                for (int i = 0; i < n; i++) {
                    drawn += drawnDegree(p, streams, i);
                }
                if ((drawn & 1) == 1) {
                    odd++;
                }
                checkStructure(p, FriendNetwork.build(p, streams), streams);
            }
        }
        assertTrue(odd > 100, "the sample should exercise the redraw, had " + odd + " odd totals");
    }

    @Test
    void degreeHistogramIsUniformAndNeighboursAreSizeBiased() {
        int n = 200_000;
        ModelParameters p = ModelParameters.defaults(n);
        RandomStreams streams = new RandomStreams(11);
        FriendNetwork net = FriendNetwork.build(p, streams);
        long[] h = new long[p.friendsMax() + 1];
        double neighbourDegreeSum = 0;
        long halfEdges = 0;
        for (int i = 0; i < n; i++) {
            h[net.degree(i)]++;
            for (int q = net.start(i); q < net.end(i); q++) {
                neighbourDegreeSum += net.degree(net.neighbour(q));
                halfEdges++;
            }
        }
        // each share has sd sqrt(0.2 * 0.8 / 2e5) = 8.9e-4; 2% of 0.2 (0.004) is 4.5 sd
        StringBuilder shares = new StringBuilder();
        for (int d = 2; d <= 6; d++) {
            double share = (double) h[d] / n;
            shares.append(String.format(" %d:%.4f", d, share));
            assertEquals(0.2, share, 0.02 * 0.2, "share of degree " + d);
        }
        // A configuration model's friend of a random person has the size-biased degree
        // E[d^2] / E[d] = 18 / 4 = 4.5. With 800k half-edges the mean has sd ~0.0016; allow 0.02.
        double meanNeighbourDegree = neighbourDegreeSum / halfEdges;
        System.out.printf("FriendNetwork n=200000: degree shares%s, mean friend degree %.4f (theory 4.5)%n",
                shares, meanNeighbourDegree);
        assertEquals(4.5, meanNeighbourDegree, 0.02);
    }

    @Test
    void deterministicForASeedAndDifferentForAnother() {
        ModelParameters p = ModelParameters.defaults(5000);
        FriendNetwork a = FriendNetwork.build(p, new RandomStreams(42));
        FriendNetwork b = FriendNetwork.build(p, new RandomStreams(42));
        FriendNetwork c = FriendNetwork.build(p, new RandomStreams(43));
        assertArrayEquals(rows(a), rows(b));
        assertFalse(Arrays.equals(rows(a), rows(c)));
        assertEquals(a.bytes(), b.bytes());
        assertEquals(4L * (5000 + 1) + 4L * a.end(4999), a.bytes());
    }

    /** The parallel parts of the construction (finding links to repair, filling rows) change nothing. */
    @Test
    void sameNetworkOnAnyThreadCount() {
        ModelParameters p = ModelParameters.defaults(200_000);
        Regions regions = new Regions(200_000, 40);
        int[] reference = rows(FriendNetwork.build(p, new RandomStreams(7), regions, 0.9, null));
        for (int threads : new int[] {1, 3}) {
            try (io.ownerscape.engine.ParallelExecutor ex = new io.ownerscape.engine.ParallelExecutor(threads)) {
                assertArrayEquals(reference, rows(FriendNetwork.build(p, new RandomStreams(7), regions, 0.9, ex)),
                        threads + " threads");
            }
        }
    }

    private static int[] rows(FriendNetwork net) {
        int n = net.persons();
        int[] out = new int[n + 1 + net.end(n - 1)];
        for (int i = 0; i < n; i++) {
            out[i] = net.start(i);
        }
        out[n] = net.end(n - 1);
        for (int q = 0; q < net.end(n - 1); q++) {
            out[n + 1 + q] = net.neighbour(q);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"22, 3", "21, 4", "101, 2", "60, 1"})
    void regularNetworksWhenTheTotalIsEven(int n, int k) {
        ModelParameters p = new ModelParameters(n, 0.04, 4, false, 0, 0.5, 0.75, 1.25, 1.5, 2, k, k);
        RandomStreams streams = new RandomStreams(3);
        FriendNetwork net = FriendNetwork.build(p, streams);
        for (int i = 0; i < n; i++) {
            assertEquals(k, net.degree(i));
        }
        checkStructure(p, net, streams);
    }

    /**
     * friends_min == friends_max == k with k odd and persons odd cannot be built (the degree total
     * is odd and the last person's redraw can only draw k again). As first read, validation accepted
     * it and FriendNetwork.build looped forever; validation now rejects it, so Economy refuses it.
     */
    @Test
    void oddRegularDegreeWithOddPopulationIsRejected() {
        ModelParameters p = new ModelParameters(21, 0.04, 4, false, 0, 0.5, 0.75, 1.25, 1.5, 2, 3, 3);
        assertFalse(p.violations().isEmpty(), "validation must reject persons = 21 with 3 friends each");
        try (io.ownerscape.engine.ParallelExecutor ex = new io.ownerscape.engine.ParallelExecutor(1)) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                            () -> new Economy(p, 1, ex)));
        }
    }

    /**
     * Regression: FriendNetwork.build is public; called directly with the parameters above it used
     * to loop for ever in the parity redraw. It now validates its parameters first.
     */
    @Test
    void buildItselfRefusesAnOddRegularNetwork() {
        ModelParameters p = new ModelParameters(21, 0.04, 4, false, 0, 0.5, 0.75, 1.25, 1.5, 2, 3, 3);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> FriendNetwork.build(p, new RandomStreams(1))));
    }
}
