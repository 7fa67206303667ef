package io.ownerscape.model.production;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.world.Firms;

/**
 * The month's technology shocks (MODEL.md §7.16): each live firm's technology is replaced by a
 * fresh draw with probability {@code technology_renewal} (stream {@code TECHNOLOGY_RENEWAL}, keyed
 * by month and firm), before anyone decides, so that the month's choices see it. Each chunk of
 * firm ids writes only its own firms: the same renewals for any thread count. Reads and writes
 * the firm table's technology seeds only.
 */
public final class TechnologyRenewal {
    /** Firms handled together. */
    private static final int CHUNK = 1 << 14;

    private TechnologyRenewal() {
    }

    /** Renews the technologies of month {@code m}; nothing when {@code hazard} is 0. */
    public static void run(Firms firms, double hazard, RandomStreams streams, ParallelExecutor executor, int m) {
        if (hazard == 0) {
            return;
        }
        long base = streams.base(Purpose.TECHNOLOGY_RENEWAL, m);
        int capacity = firms.capacity();
        executor.forEachChunk(ParallelExecutor.chunkCount(capacity, CHUNK), c -> {
            for (int f = c * CHUNK, end = Math.min(capacity, f + CHUNK); f < end; f++) {
                if (firms.size(f) == 0) {
                    continue;
                }
                long draw = RandomStreams.at(base, f);
                if (RandomStreams.toUnit(draw) < hazard) {
                    firms.renewTechnology(f, (int) RandomStreams.mix(draw));
                }
            }
        });
    }
}
