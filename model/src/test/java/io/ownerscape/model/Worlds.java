package io.ownerscape.model;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.politics.Election;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helpers the model's tests share. */
public final class Worlds {
    private Worlds() {
    }

    /** The state hash of a world of {@code persons} under {@code rules} after {@code months}. */
    public static String hashAfter(int persons, LabourParameters rules, long seed, int threads, int months) {
        try (ParallelExecutor ex = new ParallelExecutor(threads)) {
            Economy e = new Economy(ModelParameters.defaults(persons), rules, seed, ex);
            for (int m = 0; m < months; m++) {
                e.step();
            }
            return e.stateHash();
        }
    }

    /**
     * A hash of every election of a world of {@code persons} under {@code rules} over
     * {@code months}: month, whether held, winner and the votes of each class for each platform.
     * The state hash sees only who won; this sees every vote.
     */
    public static String electionsHashAfter(int persons, LabourParameters rules, long seed, int threads, int months) {
        try (ParallelExecutor ex = new ParallelExecutor(threads)) {
            Economy e = new Economy(ModelParameters.defaults(persons), rules, seed, ex);
            for (int m = 0; m < months; m++) {
                e.step();
            }
            io.ownerscape.engine.ColumnHasher h = new io.ownerscape.engine.ColumnHasher();
            for (Election x : e.state().elections()) {
                h.add(x.month()).add(x.held() ? 1 : 0).add(x.platforms().indexOf(x.winner()));
                for (long[] row : x.votesByClass()) {
                    h.add(row, 0, row.length);
                }
            }
            return h.hex();
        }
    }

    /** Asserts the same state on 1, 2 and 4 threads; returns it. */
    public static String threadIndependentHash(int persons, LabourParameters rules, long seed, int months) {
        String reference = hashAfter(persons, rules, seed, 1, months);
        for (int threads : new int[] {2, 4}) {
            assertEquals(reference, hashAfter(persons, rules, seed, threads, months), "threads = " + threads);
        }
        return reference;
    }

    /** Total wealth of all persons. */
    public static double totalWealth(Economy e) {
        double s = 0;
        for (int i = 0; i < e.persons(); i++) {
            s += e.wealth(i);
        }
        return s;
    }
}
