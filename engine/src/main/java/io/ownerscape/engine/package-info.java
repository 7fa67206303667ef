/**
 * The simulation engine: counter-based random streams, deterministic parallel phases over fixed
 * chunks, id pools, column hashing and the recorder contract.
 *
 * <p>The engine knows nothing of any model. Its one promise is that a model built on it gives the
 * same result for the same seed whatever the thread count: every random draw is a pure function of
 * its key, and every output of a parallel phase is owned by one chunk or updated atomically by
 * commutative integer additions.
 */
package io.ownerscape.engine;
