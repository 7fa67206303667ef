package io.ownerscape.engine;

import java.util.Arrays;

/**
 * Hands out integer ids, recycling released ones before minting new ones.
 *
 * <p>Released ids form a stack: the id released last is reused first. Callers that release many
 * ids in one phase sort them first, so the reuse order depends on the state, never on timing.
 * Not thread-safe: acquire and release happen in the sequential part of a phase.
 */
public final class IdPool {
    private int[] free;
    private int freeCount;
    private int highWater;

    /** An empty pool whose first minted id is {@code firstNewId}. */
    public IdPool(int firstNewId, int initialFreeCapacity) {
        if (firstNewId < 0) {
            throw new IllegalArgumentException("firstNewId must be >= 0, was " + firstNewId);
        }
        this.highWater = firstNewId;
        this.free = new int[Math.max(16, initialFreeCapacity)];
    }

    /** An independent copy: acquiring or releasing on one never changes the other. */
    public IdPool copy() {
        IdPool c = new IdPool(highWater, free.length);
        c.free = free.clone();
        c.freeCount = freeCount;
        return c;
    }

    /** @return a recycled id if there is one, else a newly minted one */
    public int acquire() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (highWater == Integer.MAX_VALUE) {
            throw new IllegalStateException("id space exhausted");
        }
        return highWater++;
    }

    /** Returns {@code id} to the pool; it must have been handed out and not yet released. */
    public void release(int id) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, Math.max(16, free.length + (free.length >> 1)));
        }
        free[freeCount++] = id;
    }

    /** @return one more than the largest id ever minted: the capacity columns must cover */
    public int highWater() {
        return highWater;
    }

    /** @return how many released ids wait to be reused */
    public int freeCount() {
        return freeCount;
    }

    /** @return the {@code k}-th released id waiting to be reused, {@code 0 <= k < freeCount()} */
    public int free(int k) {
        if (k < 0 || k >= freeCount) {
            throw new IndexOutOfBoundsException("free id " + k + " of " + freeCount);
        }
        return free[k];
    }

    /** @return bytes held by the pool's own array */
    public long bytes() {
        return 4L * free.length;
    }

    /** Feeds the pool's state (in order) to a hasher, for state hashes. */
    public void hashInto(ColumnHasher hasher) {
        hasher.add(highWater);
        hasher.add(freeCount);
        hasher.add(free, 0, freeCount);
    }
}
