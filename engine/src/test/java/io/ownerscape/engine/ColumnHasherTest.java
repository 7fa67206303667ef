package io.ownerscape.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ColumnHasherTest {
    @Test
    void emptyHashIsTheInitialState() {
        assertEquals(0x6A09E667F3BCC909L, new ColumnHasher().value());
        assertEquals("6a09e667f3bcc909", new ColumnHasher().hex());
    }

    @Test
    void deterministicAndOrderSensitive() {
        long ab = new ColumnHasher().add(1L).add(2L).value();
        assertEquals(ab, new ColumnHasher().add(1L).add(2L).value());
        assertNotEquals(ab, new ColumnHasher().add(2L).add(1L).value());
        // a value equal to the position-dependent term must not cancel: 0 then 0 differs from 0
        assertNotEquals(new ColumnHasher().add(0L).value(), new ColumnHasher().add(0L).add(0L).value());
        assertNotEquals(new ColumnHasher().value(), new ColumnHasher().add(0L).value());
    }

    @Test
    void columnsEqualElementwiseAdds() {
        int[] ints = {3, -1, 7, 9};
        long[] longs = {Long.MIN_VALUE, 0, 5};
        ColumnHasher a = new ColumnHasher().add(ints, 1, 3).add(longs, 0, 3);
        ColumnHasher b = new ColumnHasher().add(-1).add(7).add(Long.MIN_VALUE).add(0L).add(5L);
        assertEquals(a.value(), b.value());
        assertEquals(new ColumnHasher().add(Double.doubleToLongBits(0.25)).value(), new ColumnHasher().add(0.25).value());
        assertNotEquals(new ColumnHasher().add(0.0).value(), new ColumnHasher().add(-0.0).value());
    }

    @Test
    void everySingleBitFlipChangesTheHash() {
        long[] column = new long[8];
        for (int k = 0; k < column.length; k++) {
            column[k] = k * 0x0101010101010101L;
        }
        long ref = new ColumnHasher().add(column, 0, column.length).value();
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        seen.add(ref);
        for (int k = 0; k < column.length; k++) {
            for (int bit = 0; bit < 64; bit++) {
                column[k] ^= 1L << bit;
                long h = new ColumnHasher().add(column, 0, column.length).value();
                column[k] ^= 1L << bit;
                assertEquals(true, seen.add(h), "collision flipping bit " + bit + " of element " + k);
            }
        }
    }

    @Test
    void hexIsSixteenLowerCaseDigits() {
        ColumnHasher h = new ColumnHasher().add(12345L);
        assertEquals(String.format("%016x", h.value()), h.hex());
        assertEquals(16, h.hex().length());
    }
}
