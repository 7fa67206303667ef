package io.ownerscape.model;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.metrics.SizeDistribution;
import io.ownerscape.model.production.EffortSolver;
import io.ownerscape.model.world.Firms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bookkeeping invariants that must hold exactly after every month, for every schedule variant. */
class EconomyInvariantsTest {
    private static final int MONTHS = 60;

    static Stream<Arguments> matrix() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int persons : new int[] {2_000, 20_000}) {
            for (int substeps : new int[] {1, 4}) {
                for (boolean sequential : new boolean[] {true, false}) {
                    for (int threads : new int[] {1, 2}) {
                        b.add(Arguments.of(persons, substeps, sequential, threads));
                    }
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "persons={0} substeps={1} sequential={2} threads={3}")
    @MethodSource("matrix")
    void invariantsHoldEveryMonth(int persons, int substeps, boolean sequential, int threads) {
        ModelParameters p = ModelParameters.defaults(persons).withSubsteps(substeps).withSequential(sequential);
        try (ParallelExecutor ex = new ParallelExecutor(threads)) {
            Economy economy = new Economy(p, 1000L + persons + substeps, ex);
            assertEquals(0, economy.month());
            int live = check(economy);
            assertEquals(persons, live, "everyone starts alone in a firm of their own");
            long totalMoves = 0;
            long totalBirths = 0;
            for (int m = 1; m <= MONTHS; m++) {
                economy.step();
                assertEquals(m, economy.month());
                int nowLive = check(economy);
                String where = "month " + m;
                assertEquals(economy.births() - economy.deaths(), nowLive - live, "births - deaths, " + where);
                assertTrue(economy.moves() <= economy.activations(), where);
                assertTrue(economy.births() <= economy.moves(), where);
                // activations ~ Binomial(persons, 0.04): sd <= 28 for 20,000; 6 sd + 1
                double sd = Math.sqrt(persons * 0.04 * 0.96);
                assertEquals(persons * 0.04, economy.activations(), 6 * sd + 1, where);
                totalMoves += economy.moves();
                totalBirths += economy.births();
                live = nowLive;
            }
            assertTrue(totalMoves > 0 && totalBirths > 0, "the economy must actually move");
            assertTrue(live < persons / 2, "teams must form: " + live + " firms left of " + persons);
        }
    }

    /** Checks every invariant of the current state; returns the number of live firms. */
    static int check(Economy economy) {
        int n = economy.persons();
        Firms firms = economy.firms();
        ModelParameters p = economy.parameters();
        int capacity = firms.capacity();
        long[] words = firms.words();
        assertTrue(words.length >= Firms.WORDS * capacity);
        int[] members = new int[capacity];
        long[] effortSum = new long[capacity];
        for (int i = 0; i < n; i++) {
            int f = economy.firmOf(i);
            assertTrue(f >= 0 && f < capacity, "person " + i + " in firm " + f + " beyond capacity " + capacity);
            assertTrue(firms.size(f) > 0, "person " + i + " is in dead firm " + f);
            double e = economy.effort(i);
            assertTrue(e >= 0 && e <= 1, "effort " + e + " of person " + i);
            members[f]++;
            effortSum[f] += Firms.toFixed(e);
        }
        long sizeTotal = 0;
        long effortTotal = 0;
        int live = 0;
        for (int f = 0; f < capacity; f++) {
            int size = firms.size(f);
            assertTrue(size >= 0, "negative size of firm " + f);
            sizeTotal += size;
            if (size == 0) {
                for (int w = 0; w < Firms.WORDS; w++) {
                    assertEquals(0L, words[Firms.WORDS * f + w], "dead firm " + f + " word " + w);
                }
                continue;
            }
            live++;
            assertEquals(size, members[f], "size of firm " + f + " vs persons in it");
            assertEquals(effortSum[f], firms.effortFixed(f), "effort of firm " + f + " vs its members'");
            effortTotal += firms.effortFixed(f);
            assertTrue(firms.foundedMonth(f) >= 0 && firms.foundedMonth(f) <= economy.month(), "founding month");
            int founder = firms.founder(f);
            assertTrue(founder >= 0 && founder < n, "founder " + founder);
            assertTrue(firms.a(f) >= p.aMin() && firms.a(f) <= p.aMax(), "a " + firms.a(f));
            assertTrue(firms.b(f) >= p.bMin() && firms.b(f) <= p.bMax(), "b " + firms.b(f));
            assertTrue(firms.beta(f) >= p.betaMin() && firms.beta(f) <= p.betaMax(), "beta " + firms.beta(f));
        }
        assertEquals(n, sizeTotal, "sum of firm sizes");

        SizeDistribution dist = SizeDistribution.of(economy);
        assertEquals(n, dist.members());
        assertEquals(live, dist.firms());
        assertEquals(effortTotal, dist.totalEffortFixed());
        return live;
    }

    @Test
    void initialStateIsEveryoneAloneAtTheirBestResponse() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy economy = new Economy(ModelParameters.defaults(500), 9, ex);
            Firms firms = economy.firms();
            for (int i = 0; i < 500; i++) {
                int f = economy.firmOf(i);
                assertEquals(1, firms.size(f));
                assertEquals(i, firms.founder(f));
                assertEquals(0, firms.foundedMonth(f));
                double expected = EffortSolver.bestEffort(firms.a(f), firms.b(f), firms.beta(f),
                        economy.preference(i), 0, 0.5);
                // same optimum from a different guess: within the solver tolerance (1e-6)
                assertEquals(expected, economy.effort(i), 1e-6, "person " + i);
                assertTrue(economy.preference(i) >= 0 && economy.preference(i) < 1);
            }
        }
    }

    @Test
    void rejectsInvalidParameters() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Economy(ModelParameters.defaults(10), 1, ex));
        }
    }

    @Test
    void fixedPointRoundTrip() {
        assertEquals(0, Firms.toFixed(0));
        assertEquals(1 << 30, Firms.toFixed(1));
        assertEquals(1 << 29, Firms.toFixed(0.5));
        for (int k = 0; k <= 1000; k++) {
            int fixed = Firms.toFixed(k / 1000.0);
            assertEquals(fixed, Firms.toFixed(Firms.fromFixed(fixed)));
            assertEquals(k / 1000.0, Firms.fromFixed(fixed), 0.5 / Firms.EFFORT_UNIT);
        }
    }
}
