package io.ownerscape.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdPoolTest {
    @Test
    void mintsConsecutiveIdsFromTheFirstNewId() {
        IdPool pool = new IdPool(5, 0);
        assertEquals(5, pool.highWater());
        assertEquals(0, pool.freeCount());
        assertEquals(5, pool.acquire());
        assertEquals(6, pool.acquire());
        assertEquals(7, pool.acquire());
        assertEquals(8, pool.highWater());
    }

    @Test
    void recyclesLastReleasedFirstThenMints() {
        IdPool pool = new IdPool(0, 4);
        for (int k = 0; k < 10; k++) {
            assertEquals(k, pool.acquire());
        }
        pool.release(3);
        pool.release(7);
        pool.release(1);
        assertEquals(3, pool.freeCount());
        assertEquals(10, pool.highWater());
        assertEquals(1, pool.acquire());
        assertEquals(7, pool.acquire());
        pool.release(9);
        assertEquals(9, pool.acquire());
        assertEquals(3, pool.acquire());
        assertEquals(0, pool.freeCount());
        assertEquals(10, pool.highWater(), "recycling does not move the high-water mark");
        assertEquals(10, pool.acquire());
        assertEquals(11, pool.highWater());
    }

    @Test
    void freeStackGrowsBeyondItsInitialCapacity() {
        IdPool pool = new IdPool(0, 1);
        int n = 10_000;
        for (int k = 0; k < n; k++) {
            pool.acquire();
        }
        long bytesBefore = pool.bytes();
        assertEquals(64, bytesBefore, "at least 16 slots of 4 bytes");
        for (int k = 0; k < n; k++) {
            pool.release(k);
        }
        assertEquals(n, pool.freeCount());
        assertEquals(true, pool.bytes() >= 4L * n);
        for (int k = n - 1; k >= 0; k--) {
            assertEquals(k, pool.acquire());
        }
        assertEquals(n, pool.acquire());
    }

    @Test
    void rejectsNegativeFirstId() {
        assertThrows(IllegalArgumentException.class, () -> new IdPool(-1, 16));
    }

    @Test
    void exhaustion() {
        IdPool pool = new IdPool(Integer.MAX_VALUE - 1, 0);
        assertEquals(Integer.MAX_VALUE - 1, pool.acquire());
        assertEquals(Integer.MAX_VALUE, pool.highWater());
        assertThrows(IllegalStateException.class, pool::acquire);
        pool.release(Integer.MAX_VALUE - 1);
        assertEquals(Integer.MAX_VALUE - 1, pool.acquire(), "a released id is still handed out");
    }

    @Test
    void hashReflectsHighWaterAndFreeOrder() {
        IdPool a = new IdPool(0, 0);
        IdPool b = new IdPool(0, 0);
        for (int k = 0; k < 5; k++) {
            a.acquire();
            b.acquire();
        }
        a.release(1);
        a.release(2);
        b.release(1);
        b.release(2);
        assertEquals(hash(a), hash(b));
        IdPool c = new IdPool(0, 0);
        for (int k = 0; k < 5; k++) {
            c.acquire();
        }
        c.release(2);
        c.release(1);
        assertNotEquals(hash(a), hash(c), "free order matters for reuse, so it is part of the state");
        b.acquire();
        assertNotEquals(hash(a), hash(b));
    }

    private static long hash(IdPool pool) {
        ColumnHasher h = new ColumnHasher();
        pool.hashInto(h);
        return h.value();
    }
}
