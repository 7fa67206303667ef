package io.ownerscape.web;

import java.util.ArrayList;
import java.util.List;

/**
 * What a live run has told its watchers: every month's frame (JSON) since the last reset, the
 * latest size distribution and the latest status. The simulation only appends and never waits
 * for a reader; each browser tab reads from its own cursor, at its own pace.
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

    synchronized void append(String frame, String sizeDistribution) {
        frames.add(frame);
        ccdf = sizeDistribution;
        changed();
    }

    /** A new status; one older than the last published ({@code sequence}) is dropped. */
    synchronized void status(String json, long sequence) {
        if (sequence <= statusSequence) {
            return;
        }
        statusSequence = sequence;
        status = json;
        changed();
    }

    /** Forgets every frame: the run went back to month 0. */
    synchronized void reset() {
        frames.clear();
        ccdf = "[]";
        generation++;
        changed();
    }

    private void changed() {
        version++;
        notifyAll();
    }

    synchronized View view() {
        return new View(version, generation, frames.size(), status, ccdf);
    }

    /** Waits up to {@code millis} for a version after {@code seen}, then returns the view. */
    synchronized View await(long seen, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        long left = millis;
        while (version == seen && left > 0) {
            wait(left);
            left = end - System.currentTimeMillis();
        }
        return view();
    }

    /**
     * Frames {@code from} (inclusive) to {@code to} (exclusive) of generation {@code generation};
     * empty if the run was reset since.
     */
    synchronized List<String> frames(int generation, int from, int to) {
        if (generation != this.generation) {
            return List.of();
        }
        int end = Math.min(to, frames.size());
        return from >= end ? List.of() : List.copyOf(frames.subList(from, end));
    }
}
