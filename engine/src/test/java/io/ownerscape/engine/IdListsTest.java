package io.ownerscape.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Id lists: the union of two increasing lists against a sorted set; concatenation in chunk order. */
class IdListsTest {

    @Test
    void unionIsTheSortedSetOfBoth() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int[] x = increasing(random, random.nextInt(0, 40));
            int[] y = increasing(random, random.nextInt(0, 40));
            TreeSet<Integer> both = new TreeSet<>();
            for (int v : x) {
                both.add(v);
            }
            for (int v : y) {
                both.add(v);
            }
            assertArrayEquals(both.stream().mapToInt(Integer::intValue).toArray(), IdLists.union(x, y));
        }
    }

    @Test
    void concatKeepsChunkOrder() {
        assertArrayEquals(new int[] {5, 1, 9, 2}, IdLists.concat(new int[][] {{5, 1}, {}, {9}, {2}}));
        assertArrayEquals(new long[] {7L, 3L, 8L}, IdLists.concat(new long[][] {{}, {7L, 3L}, {8L}}));
        assertArrayEquals(new int[0], IdLists.concat(new int[0][]));
    }

    private static int[] increasing(SplittableRandom random, int n) {
        int[] out = new int[n];
        int v = -1;
        for (int k = 0; k < n; k++) {
            v += random.nextInt(1, 4);
            out[k] = v;
        }
        return out;
    }
}
