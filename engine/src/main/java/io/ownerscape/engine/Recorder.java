package io.ownerscape.engine;

/**
 * Reads a model's state at the end of a step. The model never knows which recorders watch it.
 *
 * @param <M> the model type, read-only from the recorder's point of view
 */
@FunctionalInterface
public interface Recorder<M> {
    /** Called once after every completed step with the step number (0 for the first). */
    void record(int step, M model);
}
