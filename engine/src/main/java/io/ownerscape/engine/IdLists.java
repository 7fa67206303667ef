package io.ownerscape.engine;

import java.util.Arrays;

/**
 * Lists of ids gathered by the chunks of a parallel phase: joined in chunk order, or merged when
 * each is increasing. Joining in chunk order is what keeps such lists independent of the thread
 * count.
 */
public final class IdLists {
    private IdLists() {
    }

    /** The sorted union of two increasing id lists. */
    public static int[] union(int[] x, int[] y) {
        int[] out = new int[x.length + y.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < x.length && j < y.length) {
            int a = x[i];
            int b = y[j];
            if (a < b) {
                out[k++] = a;
                i++;
            } else if (b < a) {
                out[k++] = b;
                j++;
            } else {
                out[k++] = a;
                i++;
                j++;
            }
        }
        while (i < x.length) {
            out[k++] = x[i++];
        }
        while (j < y.length) {
            out[k++] = y[j++];
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** The chunks' lists one after the other, in chunk order. */
    public static int[] concat(int[][] parts) {
        int count = 0;
        for (int[] p : parts) {
            count += p.length;
        }
        int[] out = new int[count];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The chunks' lists one after the other, in chunk order. */
    public static long[] concat(long[][] parts) {
        int count = 0;
        for (long[] p : parts) {
            count += p.length;
        }
        long[] out = new long[count];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
