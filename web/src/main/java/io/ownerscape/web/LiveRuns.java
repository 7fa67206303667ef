package io.ownerscape.web;

import io.ownerscape.io.RunSettings;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live runs of one server, with room for as many as memory and {@link #maxRuns} allow: a run
 * of {@code n} persons is counted as {@code n × BYTES_PER_PERSON} bytes of heap.
 */
final class LiveRuns implements AutoCloseable {
    /** Heap a live run takes per person: its columns, the forecasts' forks and the recorder. */
    static final long BYTES_PER_PERSON = 400;

    private final Map<String, LiveRun> runs = new LinkedHashMap<>();
    /** Closed runs whose thread has not ended yet: they still hold their memory. */
    private final List<LiveRun> closing = new ArrayList<>();
    private final SecureRandom ids = new SecureRandom();
    private final int threadsPerRun;
    private final int maxRuns;
    private final long memoryBudget;

    LiveRuns(int threadsPerRun, int maxRuns, long memoryBudget) {
        this.threadsPerRun = threadsPerRun;
        this.maxRuns = maxRuns;
        this.memoryBudget = memoryBudget;
    }

    /** Builds and starts a run for the request; refused when it would not fit. */
    LiveRun create(RunRequest request) {
        RunSettings settings = request.settings(threadsPerRun);
        long need = settings.model().persons() * BYTES_PER_PERSON;
        synchronized (this) {
            if (runs.size() >= maxRuns) {
                throw ApiException.conflict(runs.size() + " runs are open; allowed at most " + maxRuns
                        + "; close one first");
            }
            closing.removeIf(r -> !r.alive());
            long held = 0;
            for (LiveRun r : runs.values()) {
                held += r.settings.model().persons() * BYTES_PER_PERSON;
            }
            long stopping = 0;
            for (LiveRun r : closing) {
                stopping += r.settings.model().persons() * BYTES_PER_PERSON;
            }
            if (held + stopping + need > memoryBudget) {
                throw ApiException.conflict(String.format("persons = %,d: the open runs hold %,d persons%s and this"
                                + " server has room for %,d in all; close a run, wait for closed ones to stop,"
                                + " use fewer persons, or start the dashboard on a machine with more memory",
                        settings.model().persons(), held / BYTES_PER_PERSON,
                        stopping == 0 ? "" : String.format(", runs still stopping %,d more", stopping / BYTES_PER_PERSON),
                        memoryBudget / BYTES_PER_PERSON));
            }
            String id;
            do {
                id = HexFormat.of().formatHex(bytes());
            } while (runs.containsKey(id));
            String source = request.scenario() != null ? "scenario " + request.fileName()
                    : "preset " + settings.preset().key();
            LiveRun run = new LiveRun(id, request.name(), source, settings);
            runs.put(id, run);
            return run;
        }
    }

    private byte[] bytes() {
        byte[] b = new byte[4];
        ids.nextBytes(b);
        return b;
    }

    /** The run of an id; 404 with the id named otherwise. */
    synchronized LiveRun get(String id) {
        LiveRun r = runs.get(id);
        if (r == null) {
            throw ApiException.notFound("no live run '" + RunRequest.shorten(id) + "'; GET /api/runs lists them");
        }
        return r;
    }

    synchronized List<LiveRun> list() {
        return new ArrayList<>(runs.values());
    }

    /**
     * Closes a run: it is gone from the list at once, and its build or month in progress is
     * cancelled at its next phase, without holding up the request. Its memory counts against the
     * budget until its thread has ended.
     */
    void remove(String id) {
        LiveRun r;
        synchronized (this) {
            r = get(id);
            runs.remove(id);
            closing.add(r);
        }
        r.requestClose();
        Thread.ofPlatform().daemon().name("ownerscape-close-" + id).start(r::awaitEnd);
    }

    @Override
    public void close() {
        List<LiveRun> all;
        synchronized (this) {
            all = new ArrayList<>(runs.values());
            runs.clear();
        }
        all.forEach(LiveRun::close);
    }
}
