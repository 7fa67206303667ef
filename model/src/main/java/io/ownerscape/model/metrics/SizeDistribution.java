package io.ownerscape.model.metrics;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.world.Firms;

import java.util.Arrays;

/**
 * The firm-size distribution at one moment: distinct sizes (members, founder included) in
 * increasing order with the number of live firms of each size, plus the totals that need a pass
 * over every firm (output and effort).
 *
 * @param sizes        distinct firm sizes in members, increasing
 * @param counts       live firms of each size
 * @param totalOutput  sum of every firm's output
 * @param totalEffortFixed sum of every firm's effort, fixed point
 */
public record SizeDistribution(long[] sizes, long[] counts, double totalOutput, long totalEffortFixed) {
    /** Firms up to this size are counted in a dense per-chunk histogram; larger ones are listed. */
    private static final int DENSE = 1024;
    private static final int CHUNK = 1 << 16;

    /** Scans every firm of the economy in fixed chunks; deterministic for any thread count. */
    public static SizeDistribution of(Economy economy) {
        Firms firms = economy.firms();
        int capacity = firms.capacity();
        int chunks = ParallelExecutor.chunkCount(capacity, CHUNK);
        long[][] dense = new long[chunks][];
        int[][] large = new int[chunks][];
        double[] output = new double[chunks];
        long[] effort = new long[chunks];
        economy.executor().forEachChunk(chunks, c -> {
            long[] hist = new long[DENSE + 1];
            int[] big = new int[16];
            int bigCount = 0;
            double out = 0;
            long eff = 0;
            int end = Math.min(capacity, (c + 1) * CHUNK);
            for (int f = c * CHUNK; f < end; f++) {
                int size = firms.size(f);
                if (size == 0) {
                    continue;
                }
                if (size <= DENSE) {
                    hist[size]++;
                } else {
                    if (bigCount == big.length) {
                        big = Arrays.copyOf(big, big.length * 2);
                    }
                    big[bigCount++] = size;
                }
                out += firms.output(f);
                eff += firms.effortFixed(f);
            }
            dense[c] = hist;
            large[c] = Arrays.copyOf(big, bigCount);
            output[c] = out;
            effort[c] = eff;
        });
        long[] hist = new long[DENSE + 1];
        double totalOutput = 0;
        long totalEffort = 0;
        int bigTotal = 0;
        for (int c = 0; c < chunks; c++) {
            for (int s = 1; s <= DENSE; s++) {
                hist[s] += dense[c][s];
            }
            totalOutput += output[c];
            totalEffort += effort[c];
            bigTotal += large[c].length;
        }
        int[] big = new int[bigTotal];
        int at = 0;
        for (int c = 0; c < chunks; c++) {
            System.arraycopy(large[c], 0, big, at, large[c].length);
            at += large[c].length;
        }
        Arrays.sort(big);
        int distinct = 0;
        for (int s = 1; s <= DENSE; s++) {
            if (hist[s] > 0) {
                distinct++;
            }
        }
        for (int k = 0; k < big.length; k++) {
            if (k == 0 || big[k] != big[k - 1]) {
                distinct++;
            }
        }
        long[] sizes = new long[distinct];
        long[] counts = new long[distinct];
        int d = 0;
        for (int s = 1; s <= DENSE; s++) {
            if (hist[s] > 0) {
                sizes[d] = s;
                counts[d++] = hist[s];
            }
        }
        for (int k = 0; k < big.length; k++) {
            if (k == 0 || big[k] != big[k - 1]) {
                sizes[d] = big[k];
                counts[d++] = 1;
            } else {
                counts[d - 1]++;
            }
        }
        return new SizeDistribution(sizes, counts, totalOutput, totalEffort);
    }

    /** Live firms. */
    public long firms() {
        return Arrays.stream(counts).sum();
    }

    /** Persons in all firms (must equal the population). */
    public long members() {
        long m = 0;
        for (int j = 0; j < sizes.length; j++) {
            m += sizes[j] * counts[j];
        }
        return m;
    }

    /** The largest firm's size in members, 0 if there is none. */
    public long largest() {
        return sizes.length == 0 ? 0 : sizes[sizes.length - 1];
    }

    /** Distinct employee counts (members - 1) of employer firms with their counts. */
    public long[][] employerEmployees() {
        int from = 0;
        while (from < sizes.length && sizes[from] < 2) {
            from++;
        }
        long[] x = new long[sizes.length - from];
        long[] c = new long[sizes.length - from];
        for (int j = from; j < sizes.length; j++) {
            x[j - from] = sizes[j] - 1;
            c[j - from] = counts[j];
        }
        return new long[][] {x, c};
    }
}
