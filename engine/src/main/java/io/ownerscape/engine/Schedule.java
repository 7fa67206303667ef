package io.ownerscape.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a fixed, ordered list of phases once per step and then tells the recorders.
 *
 * @param <M> the model the recorders read
 */
public final class Schedule<M> {
    private final M model;
    private final List<Steppable> phases = new ArrayList<>();
    private final List<Recorder<? super M>> recorders = new ArrayList<>();
    private int step;

    public Schedule(M model) {
        this.model = model;
    }

    /** Appends a phase; phases run in the order they were added. */
    public Schedule<M> add(Steppable phase) {
        phases.add(phase);
        return this;
    }

    /** Adds a recorder, told after every step in the order recorders were added. */
    public Schedule<M> watch(Recorder<? super M> recorder) {
        recorders.add(recorder);
        return this;
    }

    /** Runs one step: all phases, then all recorders. */
    public void step() {
        for (Steppable phase : phases) {
            phase.step(step);
        }
        for (Recorder<? super M> recorder : recorders) {
            recorder.record(step, model);
        }
        step++;
    }

    /** @return the number of completed steps */
    public int steps() {
        return step;
    }
}
