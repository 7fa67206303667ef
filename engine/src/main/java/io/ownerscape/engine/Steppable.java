package io.ownerscape.engine;

/**
 * One phase of a step. As in MASON, the whole scheduling contract is one method; unlike MASON,
 * a phase gets no shared random generator: it draws from {@link RandomStreams} by key.
 */
@FunctionalInterface
public interface Steppable {
    /** Advances this phase for step {@code step}. */
    void step(int step);
}
