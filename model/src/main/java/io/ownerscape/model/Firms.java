package io.ownerscape.model;

import io.ownerscape.engine.ColumnHasher;
import io.ownerscape.engine.IdPool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The firms' columns, packed four longs to a firm so that one evaluation of a firm touches one or
 * two cache lines instead of five.
 *
 * <pre>
 * word 0  total member effort, fixed point (units of 2^-30)
 * word 1  size (high 32 bits) | founding month (low 32 bits)
 * word 2  a (float bits, high) | b (float bits, low)
 * word 3  beta (float bits, high) | founder's person id (low)
 * </pre>
 *
 * <p>Effort totals and sizes change only by atomic integer additions, which commute: a phase that
 * applies many moves in parallel ends in the same state whatever order the threads ran in. Ids of
 * dead firms are recycled through an {@link IdPool}; a dead firm's words are all zero.
 */
public final class Firms {
    /** One unit of effort is 2^30 fixed-point units. */
    public static final double EFFORT_UNIT = 1 << 30;
    static final int WORDS = 4;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private long[] words;
    private final IdPool ids;

    Firms(int initialCapacity) {
        words = new long[WORDS * initialCapacity];
        ids = new IdPool(0, 1024);
    }

    /** Converts an effort in [0, 1] to fixed point. */
    public static int toFixed(double effort) {
        return (int) Math.round(effort * EFFORT_UNIT);
    }

    /** Converts fixed point back to an effort. */
    public static double fromFixed(long fixed) {
        return fixed / EFFORT_UNIT;
    }

    /** @return one more than the largest firm id ever used */
    public int capacity() {
        return ids.highWater();
    }

    public int size(int firm) {
        return (int) (words[WORDS * firm + 1] >> 32);
    }

    public int foundedMonth(int firm) {
        return (int) words[WORDS * firm + 1];
    }

    public long effortFixed(int firm) {
        return words[WORDS * firm];
    }

    public double effort(int firm) {
        return fromFixed(words[WORDS * firm]);
    }

    public double a(int firm) {
        return Float.intBitsToFloat((int) (words[WORDS * firm + 2] >>> 32));
    }

    public double b(int firm) {
        return Float.intBitsToFloat((int) words[WORDS * firm + 2]);
    }

    public double beta(int firm) {
        return Float.intBitsToFloat((int) (words[WORDS * firm + 3] >>> 32));
    }

    public int founder(int firm) {
        return (int) words[WORDS * firm + 3];
    }

    /** @return the firm's output {@code a E + b E^beta} */
    public double output(int firm) {
        return EffortSolver.output(a(firm), b(firm), beta(firm), effort(firm));
    }

    /** Direct access for hot loops: the packed words (read-only outside apply phases). */
    long[] words() {
        return words;
    }

    /** Reserves an id for a firm about to be founded; grows the columns if needed. */
    int reserve() {
        int id = ids.acquire();
        if (WORDS * (long) ids.highWater() > words.length) {
            long grown = Math.max(WORDS * (long) ids.highWater(), words.length + (words.length >> 2));
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("firm table exceeds one Java array");
            }
            words = Arrays.copyOf(words, (int) grown);
        }
        return id;
    }

    /** Writes a founded firm. Only the founder's thread touches a reserved id. */
    void found(int firm, float a, float b, float beta, int founder, int month, int effortFixed) {
        int w = WORDS * firm;
        words[w] = effortFixed;
        words[w + 1] = (1L << 32) | (month & 0xFFFFFFFFL);
        words[w + 2] = ((long) Float.floatToRawIntBits(a) << 32) | (Float.floatToRawIntBits(b) & 0xFFFFFFFFL);
        words[w + 3] = ((long) Float.floatToRawIntBits(beta) << 32) | (founder & 0xFFFFFFFFL);
    }

    /** Atomically adds a member with the given effort. */
    void join(int firm, int effortFixed) {
        LONGS.getAndAdd(words, WORDS * firm + 1, 1L << 32);
        LONGS.getAndAdd(words, WORDS * firm, (long) effortFixed);
    }

    /** Atomically removes a member with the given effort; returns the size left. */
    int leave(int firm, int effortFixed) {
        LONGS.getAndAdd(words, WORDS * firm, -(long) effortFixed);
        long before = (long) LONGS.getAndAdd(words, WORDS * firm + 1, -(1L << 32));
        return (int) (before >> 32) - 1;
    }

    /** Atomically changes a member's effort. */
    void changeEffort(int firm, int deltaFixed) {
        if (deltaFixed != 0) {
            LONGS.getAndAdd(words, WORDS * firm, (long) deltaFixed);
        }
    }

    /** Frees a firm whose last member has left; the caller releases ids in a fixed order. */
    void dissolve(int firm) {
        int w = WORDS * firm;
        if ((words[w + 1] >> 32) != 0 || words[w] != 0) {
            throw new IllegalStateException("firm " + firm + " dissolved with members or effort left");
        }
        Arrays.fill(words, w, w + WORDS, 0L);
        ids.release(firm);
    }

    /** @return bytes held by the firm columns and the id pool */
    public long bytes() {
        return 8L * words.length + ids.bytes();
    }

    void hashInto(ColumnHasher hasher) {
        hasher.add(words, 0, WORDS * capacity());
        ids.hashInto(hasher);
    }
}
