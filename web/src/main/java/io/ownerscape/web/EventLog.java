package io.ownerscape.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a live run has told its watchers: every month's frame (JSON) since the last reset, the
 * latest size distribution and the latest status. The simulation only appends and never waits
 * for a reader; each browser tab reads from its own cursor, at its own pace.
 *
 * <p>Guarded by a {@link ReentrantLock}, not a monitor, so that readers can wait on virtual
 * threads without pinning their carrier (JDK 21).
 */
final class EventLog {
    /** A consistent view of the log at one version. */
    record View(long version, int generation, int frames, String status, String ccdf) {
    }

    private final List<String> frames = new ArrayList<>();
    private int generation;
    private long version;
    private String status = "{}";
    private long statusSequence = Long.MIN_VALUE;
    private String ccdf = "[]";
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changes = lock.newCondition();

    void append(String frame, String sizeDistribution) {
        lock.lock();
        try {
            frames.add(frame);
            ccdf = sizeDistribution;
            changed();
        } finally {
            lock.unlock();
        }
    }

    /** A new status; one older than the last published ({@code sequence}) is dropped. */
    void status(String json, long sequence) {
        lock.lock();
        try {
            if (sequence <= statusSequence) {
                return;
            }
            statusSequence = sequence;
            status = json;
            changed();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every frame: the run went back to month 0. */
    void reset() {
        lock.lock();
        try {
            frames.clear();
            ccdf = "[]";
            generation++;
            changed();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting reader without a change, so that one whose tab went away can end. */
    void wakeReaders() {
        lock.lock();
        try {
            changes.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void changed() {
        version++;
        changes.signalAll();
    }

    View view() {
        lock.lock();
        try {
            return new View(version, generation, frames.size(), status, ccdf);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code millis} for a version after {@code seen}, or until woken by
     * {@link #wakeReaders}, then returns the view.
     */
    View await(long seen, long millis) throws InterruptedException {
        lock.lock();
        try {
            if (version == seen) {
                changes.await(millis, TimeUnit.MILLISECONDS);
            }
            return view();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Frames {@code from} (inclusive) to {@code to} (exclusive) of generation {@code generation};
     * empty if the run was reset since.
     */
    List<String> frames(int generation, int from, int to) {
        lock.lock();
        try {
            if (generation != this.generation) {
                return List.of();
            }
            int end = Math.min(to, frames.size());
            return from >= end ? List.of() : List.copyOf(frames.subList(from, end));
        } finally {
            lock.unlock();
        }
    }
}
