package io.ownerscape.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelExecutorTest {
    /** Generous bound for any single test: a lost wake-up or deadlock shows as a timeout, not a hang. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    static Stream<Arguments> threadsAndChunks() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int threads : new int[] {1, 2, 4}) {
            for (int chunks : new int[] {0, 1, 7, 1000}) {
                b.add(Arguments.of(threads, chunks));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "threads={0} chunks={1}")
    @MethodSource("threadsAndChunks")
    void everyChunkRunsExactlyOnce(int threads, int chunks) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (ParallelExecutor ex = new ParallelExecutor(threads)) {
                assertEquals(threads, ex.threads());
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(chunks, 1));
                AtomicInteger calls = new AtomicInteger();
                ex.forEachChunk(chunks, c -> {
                    calls.incrementAndGet();
                    runs.incrementAndGet(c);
                });
                assertEquals(chunks, calls.get());
                for (int c = 0; c < chunks; c++) {
                    assertEquals(1, runs.get(c), "chunk " + c);
                }
            }
        });
    }

    @Test
    void forEachRangeCoversEveryItemOnceInItsChunk() {
        for (int threads : new int[] {1, 2, 4}) {
            try (ParallelExecutor ex = new ParallelExecutor(threads)) {
                int n = 1000;
                int[] seen = new int[n];
                ex.forEachRange(n, 64, (from, to) -> {
                    assertEquals(0, from % 64, "a chunk starts at a multiple of the chunk size");
                    assertEquals(Math.min(n, from + 64), to);
                    for (int i = from; i < to; i++) {
                        seen[i]++;
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertEquals(1, seen[i], "item " + i + " on " + threads + " threads");
                }
                AtomicInteger calls = new AtomicInteger();
                ex.forEachRange(0, 64, (from, to) -> calls.incrementAndGet());
                assertEquals(0, calls.get(), "no items, no chunk");
            }
        }
    }

    @Test
    void negativeChunkCountRunsNothing() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            AtomicInteger calls = new AtomicInteger();
            ex.forEachChunk(-3, c -> calls.incrementAndGet());
            assertEquals(0, calls.get());
        }
    }

    @Test
    void forEachChunkReturnsOnlyAfterAllChunksFinished() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (ParallelExecutor ex = new ParallelExecutor(4)) {
                AtomicInteger done = new AtomicInteger();
                ex.forEachChunk(64, c -> {
                    // uneven, slow-ish chunks
                    long spin = 0;
                    for (int i = 0; i < 20_000 * (c % 5); i++) {
                        spin += i;
                    }
                    if (spin == 42) {
                        throw new AssertionError();
                    }
                    done.incrementAndGet();
                });
                assertEquals(64, done.get());
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void exceptionInAChunkIsRethrown(int threads) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (ParallelExecutor ex = new ParallelExecutor(threads)) {
                IllegalStateException boom = new IllegalStateException("boom");
                RuntimeException thrown = assertThrows(RuntimeException.class, () -> ex.forEachChunk(1000, c -> {
                    if (c == 500) {
                        throw boom;
                    }
                }));
                assertSame(boom, thrown);

                // a single chunk takes the caller-only path
                IllegalArgumentException single = new IllegalArgumentException("single");
                assertSame(single, assertThrows(IllegalArgumentException.class,
                        () -> ex.forEachChunk(1, c -> {
                            throw single;
                        })));

                AssertionError error = new AssertionError("error");
                assertSame(error, assertThrows(AssertionError.class, () -> ex.forEachChunk(100, c -> {
                    if (c == 99) {
                        throw error;
                    }
                })));

                // the executor still works after a failed phase
                AtomicIntegerArray runs = new AtomicIntegerArray(300);
                ex.forEachChunk(300, runs::incrementAndGet);
                for (int c = 0; c < 300; c++) {
                    assertEquals(1, runs.get(c), "chunk " + c + " after a failure");
                }
            }
        });
    }

    @Test
    void checkedExceptionIsWrapped() {
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Exception checked = new Exception("checked");
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> ex.forEachChunk(50, c -> {
                        if (c == 10) {
                            sneakyThrow(checked);
                        }
                    }));
            assertSame(checked, thrown.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsFewerThanOneThread(int threads) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ParallelExecutor(threads));
        assertTrue(e.getMessage().contains(String.valueOf(threads)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void reusableAcrossManyPhases(int threads) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (ParallelExecutor ex = new ParallelExecutor(threads)) {
                AtomicLong sum = new AtomicLong();
                long expected = 0;
                for (int phase = 0; phase < 20_000; phase++) {
                    int chunks = 1 + phase % 9; // mixes the single-chunk and the parallel path
                    int p = phase;
                    ex.forEachChunk(chunks, c -> sum.addAndGet(1_000_000L * p + c));
                    for (int c = 0; c < chunks; c++) {
                        expected += 1_000_000L * p + c;
                    }
                    assertEquals(expected, sum.get(), "after phase " + phase);
                }
            }
        });
    }

    @Test
    void workersActuallyShareTheWork() {
        // With 2 threads and a chunk that waits for a second thread to arrive, the phase can
        // only finish if a worker (not only the caller) runs chunks.
        assertTimeoutPreemptively(LIMIT, () -> {
            try (ParallelExecutor ex = new ParallelExecutor(2)) {
                Set<Thread> seen = ConcurrentHashMap.newKeySet();
                java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
                ex.forEachChunk(2, c -> {
                    seen.add(Thread.currentThread());
                    both.countDown();
                    try {
                        assertTrue(both.await(20, java.util.concurrent.TimeUnit.SECONDS), "second thread never came");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertEquals(2, seen.size());
                assertTrue(seen.contains(Thread.currentThread()), "the caller works too");
            }
        });
    }

    @Test
    void closeStopsWorkersAndRejectsFurtherPhases() throws InterruptedException {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        ParallelExecutor ex = new ParallelExecutor(4);
        ex.forEachChunk(100, c -> { });
        Set<Thread> workers = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.getName().startsWith("ownerscape-worker-")) {
                workers.add(t);
            }
        }
        assertEquals(3, workers.size(), "threads - 1 workers");
        for (Thread t : workers) {
            assertTrue(t.isDaemon());
        }
        ex.close();
        for (Thread t : workers) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " still alive after close");
        }
        assertThrows(IllegalStateException.class, () -> ex.forEachChunk(10, c -> { }));
        assertThrows(IllegalStateException.class, () -> ex.forEachChunk(0, c -> { }));
        ex.close(); // idempotent
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void cancelStopsThePhaseInProgressAndEveryLaterOne(int threads) {
        try (ParallelExecutor ex = new ParallelExecutor(threads)) {
            java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
            assertThrows(java.util.concurrent.CancellationException.class, () -> ex.forEachChunk(1000, c -> {
                if (ran.incrementAndGet() == 10) {
                    ex.cancel();
                }
            }));
            assertTrue(ran.get() < 1000, "chunks after the cancel did not run: " + ran.get());
            assertTrue(ex.cancelled());
            int before = ran.get();
            assertThrows(java.util.concurrent.CancellationException.class, () -> ex.forEachChunk(5, c -> ran.incrementAndGet()));
            assertEquals(before, ran.get(), "a phase after the cancel runs nothing");
        }
    }

    @Test
    void chunkCount() {
        assertEquals(0, ParallelExecutor.chunkCount(0, 16));
        assertEquals(1, ParallelExecutor.chunkCount(1, 16));
        assertEquals(1, ParallelExecutor.chunkCount(16, 16));
        assertEquals(2, ParallelExecutor.chunkCount(17, 16));
        assertEquals(7, ParallelExecutor.chunkCount(7, 1));
        // beyond int range of items
        assertEquals(45_777, ParallelExecutor.chunkCount(3_000_000_000L, 1 << 16));
    }
}
