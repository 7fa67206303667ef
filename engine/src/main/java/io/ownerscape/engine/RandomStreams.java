package io.ownerscape.engine;

/**
 * Counter-based random numbers: every draw is a pure function of
 * {@code (seed, purpose, step, id, index)}.
 *
 * <p>No generator object holds state, so the order in which threads ask for numbers cannot change
 * them, and any draw of any agent in any month can be replayed on its own. The construction is
 * SplitMix64's: a key is turned into a 64-bit state by chaining the {@link #mix} finaliser
 * (Stafford's variant 13 of MurmurHash3's {@code fmix64}) over the key's parts, each part added
 * with a multiple of the golden-ratio increment. SplitMix64 passes BigCrush (Steele, Lea and
 * Flood, OOPSLA 2014); the independence tests in this module check the keyed use.
 *
 * <p>Purposes are small integers chosen by the model so that, for example, a person's preference
 * and the same person's activation never share a stream.
 */
public final class RandomStreams {
    /** The odd golden-ratio increment of SplitMix64. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private final long seed;

    /** @param seed the run's seed; any value is allowed */
    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** @return the seed these streams were built from */
    public long seed() {
        return seed;
    }

    /**
     * Stafford's variant 13 of the 64-bit MurmurHash3 finaliser: a bijection on {@code long} whose
     * output bits each depend on all input bits.
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The base state of a purpose: combine it with {@link #at(long, long)} for per-id draws. Hot
     * loops compute a base once per phase and then pay one {@link #mix} per draw.
     */
    public long base(int purpose) {
        return mix(seed + GOLDEN_GAMMA * (0x5851F42D4C957F2DL ^ purpose));
    }

    /** The base state of a purpose in one step (a month or sub-step). */
    public long base(int purpose, long step) {
        return mix(base(purpose) + GOLDEN_GAMMA * (step + 1));
    }

    /** Extends a base state by one more key part (an id, an index). */
    public static long at(long base, long part) {
        return mix(base + GOLDEN_GAMMA * (part + 1));
    }

    /** 64 random bits for {@code (purpose, step, id, index)}. */
    public long bits(int purpose, long step, long id, long index) {
        return at(at(base(purpose, step), id), index);
    }

    /** A double uniform on [0, 1) made of the top 53 bits of {@code bits}. */
    public static double toUnit(long bits) {
        return (bits >>> 11) * DOUBLE_UNIT;
    }

    /**
     * An int uniform on [0, bound) from {@code bits}, by Lemire's multiply-shift (the bias is at
     * most bound / 2^32, far below anything the model can detect for the bounds it uses).
     */
    public static int toBelow(long bits, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        return (int) (((bits >>> 32) * bound) >>> 32);
    }

    /** A double uniform on [0, 1) for {@code (purpose, step, id, index)}. */
    public double uniform(int purpose, long step, long id, long index) {
        return toUnit(bits(purpose, step, id, index));
    }

    /** A standard normal draw by Box-Muller from the two uniforms of element {@code i} of a stream. */
    public static double normal(long base, long i) {
        long bits = at(base, i);
        double u1 = toUnit(bits);
        double u2 = toUnit(mix(bits));
        return StrictMath.sqrt(-2 * StrictMath.log1p(-u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
