package io.ownerscape.model.world;

import io.ownerscape.engine.ColumnHasher;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.network.FriendNetwork;
import io.ownerscape.model.production.Organisation;
import org.junit.jupiter.api.Test;

import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The initial world is built in parallel chunks of persons: the records, the firms and the first
 * month's pay (a sum in person order) must be bit for bit those of one sequential pass, for any
 * chunk size, any number of chunks between two sums, and any thread count.
 */
class InitialisationTest {
    private static final int PERSONS = 5_000;

    private record World(int[] persons, long firms, double totalPay) {
    }

    private static World build(int threads, int chunk, int wave) {
        ModelParameters params = ModelParameters.defaults(PERSONS);
        LabourParameters labour = LabourParameters.market();
        RandomStreams streams = new RandomStreams(11);
        try (ParallelExecutor executor = new ParallelExecutor(threads)) {
            FriendNetwork network = FriendNetwork.build(params, streams, new Regions(PERSONS, 5), 0.8, executor);
            int[] persons = Initialisation.personRecords(params, labour, streams, network, executor);
            int stride = PersonRecord.PERSON_FRIENDS + params.friendsMax();
            Firms firms = new Firms(PERSONS + 64, params, false, true, Organisation.of(labour));
            long preferenceBase = streams.base(Purpose.PREFERENCE);
            IntToDoubleFunction preference = i -> RandomStreams.toUnit(RandomStreams.at(preferenceBase, i));
            double pay = Initialisation.foundSingletonFirms(firms, persons, stride, streams, labour, preference,
                    false, executor, chunk, wave);
            ColumnHasher hasher = new ColumnHasher();
            firms.hashInto(hasher);
            firms.hashLabourInto(hasher);
            return new World(persons, hasher.value(), pay);
        }
    }

    @Test
    void chunksWavesAndThreadsBuildTheSequentialWorld() {
        World sequential = build(1, PERSONS, 1);
        int[][] layouts = {{1, 700, 2}, {2, 700, 2}, {4, 333, 5}, {2, 64, 1000}, {2, 1 << 16, 64}};
        for (int[] l : layouts) {
            World w = build(l[0], l[1], l[2]);
            String what = l[0] + " threads, chunks of " + l[1] + ", " + l[2] + " chunks a wave";
            assertArrayEquals(sequential.persons(), w.persons(), what + ": person records");
            assertEquals(sequential.firms(), w.firms(), what + ": firm columns");
            assertEquals(Double.doubleToLongBits(sequential.totalPay()), Double.doubleToLongBits(w.totalPay()),
                    what + ": the first month's pay");
        }
    }

    @Test
    void theInitialFirmsNeedAFreshTable() {
        ModelParameters params = ModelParameters.defaults(10);
        Firms firms = new Firms(16, params, false);
        firms.reserve();
        int[] persons = new int[10 * (PersonRecord.PERSON_FRIENDS + params.friendsMax())];
        try (ParallelExecutor executor = new ParallelExecutor(1)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Initialisation.foundSingletonFirms(firms, persons,
                            PersonRecord.PERSON_FRIENDS + params.friendsMax(), new RandomStreams(1),
                            LabourParameters.market(), i -> 0.5, false, executor));
            assertEquals("the initial firms need a fresh firm table", e.getMessage());
        }
    }
}
