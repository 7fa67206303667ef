package io.ownerscape.engine;

/**
 * A 64-bit hash over a sequence of primitive values and columns, for state fingerprints.
 *
 * <p>Not cryptographic: it tells two runs apart, it does not defend against forgery. Each value
 * is folded in with {@link RandomStreams#mix}, so order matters and any single changed bit changes
 * the result with overwhelming probability.
 */
public final class ColumnHasher {
    private long h = 0x6A09E667F3BCC909L;
    private long count;

    public ColumnHasher add(long value) {
        h = RandomStreams.mix(h ^ RandomStreams.mix(value + RandomStreams.GOLDEN_GAMMA * ++count));
        return this;
    }

    public ColumnHasher add(double value) {
        return add(Double.doubleToLongBits(value));
    }

    public ColumnHasher add(int[] column, int from, int to) {
        for (int i = from; i < to; i++) {
            add(column[i]);
        }
        return this;
    }

    public ColumnHasher add(long[] column, int from, int to) {
        for (int i = from; i < to; i++) {
            add(column[i]);
        }
        return this;
    }

    /** @return the hash of everything added so far */
    public long value() {
        return h;
    }

    /** @return the hash as 16 lower-case hex digits */
    public String hex() {
        return String.format("%016x", h);
    }
}
