package io.ownerscape.model;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.Schedule;
import io.ownerscape.model.choice.Decisions;
import io.ownerscape.model.metrics.MetricsRecorder;
import io.ownerscape.model.metrics.MonthlyMetrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's promise: same seed, same result, whatever the thread count. */
class DeterminismTest {
    private static final int PERSONS = 30_000;
    private static final int MONTHS = 50;

    /** What one run leaves behind: the final hash and a per-month digest of the metrics. */
    record Run(String initialHash, String finalHash, List<String> months) {
    }

    static Run run(ModelParameters p, long seed, int threads, int months) {
        try (ParallelExecutor ex = new ParallelExecutor(threads)) {
            Economy economy = new Economy(p, seed, ex);
            String initial = economy.stateHash();
            MetricsRecorder recorder = new MetricsRecorder();
            Schedule<Economy> schedule = economy.schedule().watch(recorder);
            for (int m = 0; m < months; m++) {
                schedule.step();
            }
            List<String> digest = new ArrayList<>();
            for (MonthlyMetrics mm : recorder.history()) {
                digest.add(mm.month() + " firms=" + mm.firms() + " largest=" + mm.largestFirm()
                        + " moves=" + mm.moves() + " births=" + mm.births() + " deaths=" + mm.deaths()
                        + " activations=" + mm.activations() + " employees=" + mm.employees()
                        + " zipf=" + Double.doubleToLongBits(mm.zipfAlpha())
                        + " meanEffort=" + Double.doubleToLongBits(mm.meanEffort())
                        + " output=" + Double.doubleToLongBits(mm.outputPerPerson()));
            }
            assertEquals(months, economy.month());
            return new Run(initial, economy.stateHash(), digest);
        }
    }

    /**
     * Large enough that every parallel phase really is split: a round of the single-round schedule
     * has about 6,000 active persons (6 decide chunks of Decisions.CHUNK = 1,024), activation draws
     * span 3 blocks of 65,536 ids, and the size distribution 3 chunks of firms.
     */
    @Test
    void parallelPhasesSplitIntoManyChunksAreThreadIndependent() {
        ModelParameters p = ModelParameters.defaults(150_000).withSubsteps(1);
        assertTrue(0.04 * p.persons() > 4 * Decisions.CHUNK, "rounds must span several decide chunks");
        Run one = run(p, 21, 1, 6);
        Run two = run(p, 21, 2, 6);
        Run three = run(p, 21, 3, 6);
        assertEquals(one.finalHash(), two.finalHash());
        assertEquals(one.finalHash(), three.finalHash());
        assertEquals(one.months(), two.months());
        assertEquals(one.months(), three.months());
    }

    @Test
    void sameSeedSameStateForOneTwoAndFourThreads() {
        ModelParameters p = ModelParameters.defaults(PERSONS);
        Run one = run(p, 7, 1, MONTHS);
        Run two = run(p, 7, 2, MONTHS);
        Run four = run(p, 7, 4, MONTHS);
        Run twoAgain = run(p, 7, 2, MONTHS);
        Run otherSeed = run(p, 8, 2, MONTHS);

        assertEquals(one.initialHash(), two.initialHash());
        assertNotEquals(one.initialHash(), one.finalHash(), "the state must change");
        assertEquals(one.finalHash(), two.finalHash(), "1 vs 2 threads");
        assertEquals(one.finalHash(), four.finalHash(), "1 vs 4 threads");
        assertEquals(two.finalHash(), twoAgain.finalHash(), "repeated run");
        assertEquals(one.months(), two.months());
        assertEquals(one.months(), four.months());
        assertEquals(one.months(), twoAgain.months());
        assertNotEquals(one.initialHash(), otherSeed.initialHash());
        assertNotEquals(one.finalHash(), otherSeed.finalHash(), "another seed");
        assertNotEquals(one.months(), otherSeed.months());
        System.out.println("Determinism: final hash (seed 7, " + PERSONS + " persons, " + MONTHS + " months) = "
                + one.finalHash() + "; " + one.months().get(MONTHS - 1));
    }

    @Test
    void sequentialAndSingleRoundSchedulesAreThreadIndependentToo() {
        ModelParameters sequential = ModelParameters.defaults(8_000).withSequential(true);
        assertEquals(run(sequential, 3, 1, 30), run(sequential, 3, 4, 30));
        ModelParameters oneRound = ModelParameters.defaults(8_000).withSubsteps(1);
        assertEquals(run(oneRound, 3, 1, 30), run(oneRound, 3, 2, 30));
        ModelParameters manyRounds = ModelParameters.defaults(8_000).withSubsteps(200);
        assertEquals(run(manyRounds, 3, 1, 30), run(manyRounds, 3, 2, 30));
        // the schedule variants are genuinely different runs
        assertNotEquals(run(sequential, 3, 1, 30).finalHash(), run(oneRound, 3, 1, 30).finalHash());
    }
}
