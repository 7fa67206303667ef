package io.ownerscape.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs a phase as a fixed number of chunks over a fixed number of threads.
 *
 * <p>The chunking is the caller's and never depends on the thread count; threads take chunks in
 * whatever order they get to them. A phase is therefore deterministic when every output it writes
 * is owned by one chunk (indexed by the chunk number, or by items only that chunk handles), or is
 * updated atomically with commutative operations (integer additions).
 * The calling thread works too, so {@code threads = 1} runs everything on the caller with no
 * hand-off at all.
 *
 * <p>Workers are daemon threads started once and parked between phases; a phase costs one
 * hand-off and one latch wait, a few microseconds.
 */
public final class ParallelExecutor implements AutoCloseable {
    private final int threads;
    private final Thread[] workers;
    private final Object lock = new Object();
    private long generation;
    private volatile boolean closed;
    private volatile boolean cancelled;
    private Job job;

    private static final class Job {
        final int chunks;
        final IntConsumer task;
        final AtomicInteger next = new AtomicInteger();
        final CountDownLatch remaining;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int chunks, IntConsumer task) {
            this.chunks = chunks;
            this.task = task;
            this.remaining = new CountDownLatch(chunks);
        }

        /** Claims chunks until none is left; after a failure the rest are only counted off. */
        void work(ParallelExecutor owner) {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        owner.checkCancelled();
                        task.accept(c);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    remaining.countDown();
                }
            }
        }
    }

    /**
     * @param threads how many threads work on a phase, the caller included; at least 1
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public ParallelExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            Thread t = new Thread(this::workerLoop, "ownerscape-worker-" + (i + 1));
            t.setDaemon(true);
            workers[i] = t;
            t.start();
        }
    }

    /** @return the number of threads that work on each phase, the caller included */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} once for every chunk index in {@code [0, chunks)} and returns when all
     * have finished. An exception in any chunk stops the hand-out of further chunks and is
     * rethrown here.
     */
    public void forEachChunk(int chunks, IntConsumer task) {
        if (closed) {
            throw new IllegalStateException("executor is closed");
        }
        checkCancelled();
        if (chunks <= 0) {
            return;
        }
        if (threads == 1 || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                checkCancelled();
                task.accept(c);
            }
            return;
        }
        Job j = new Job(chunks, task);
        synchronized (lock) {
            job = j;
            generation++;
            lock.notifyAll();
        }
        j.work(this);
        try {
            j.remaining.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a phase", e);
        }
        synchronized (lock) {
            job = null;
        }
        Throwable failure = j.failure.get();
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** The items {@code [from, to)} of one chunk of a {@link #forEachRange} pass. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    /**
     * Runs {@code task} over items {@code 0..n-1} in consecutive chunks of {@code chunkSize}, as
     * {@link #forEachChunk} runs the chunks: a chunk's range depends on its index alone, never on
     * which thread takes it.
     */
    public void forEachRange(int n, int chunkSize, RangeTask task) {
        forEachChunk(chunkCount(n, chunkSize), c -> task.run(c * chunkSize, Math.min(n, (c + 1) * chunkSize)));
    }

    /** Splits {@code n} items into chunks of {@code chunkSize}: the number of chunks. */
    public static int chunkCount(long n, int chunkSize) {
        return (int) ((n + chunkSize - 1) / chunkSize);
    }

    private void workerLoop() {
        long seen = 0;
        while (true) {
            Job j;
            synchronized (lock) {
                while (!closed && (generation == seen || job == null)) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                seen = generation;
                j = job;
            }
            // The caller waits for chunks, not for workers: a worker that wakes late finds
            // nothing left to claim and goes back to waiting.
            j.work(this);
        }
    }

    /**
     * Stops the work in progress from outside: every later chunk, in this phase and in any phase
     * after it, throws {@link CancellationException} instead of running, so that the caller's
     * computation (a build of millions of persons, a month) ends at the next chunk boundary. The
     * executor stays cancelled; it is meant for work that is being thrown away.
     */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}
