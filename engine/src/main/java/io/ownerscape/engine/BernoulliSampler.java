package io.ownerscape.engine;

import java.util.Arrays;

/**
 * Selects each id in {@code [0, n)} independently with probability {@code p}, in parallel and
 * deterministically.
 *
 * <p>Ids are cut into fixed blocks; each block draws the gaps between selected ids from its own
 * stream (geometric skips, so the cost is proportional to the number selected, not to n). Blocks
 * are concatenated in block order, so the result is sorted and does not depend on the thread
 * count.
 */
public final class BernoulliSampler {
    /** Ids per block; fixed, so results never depend on how blocks are spread over threads. */
    static final int BLOCK = 1 << 16;

    private BernoulliSampler() {
    }

    /**
     * @param base    the stream base for this draw (purpose and step already folded in)
     * @param n       number of ids
     * @param p       selection probability in [0, 1]
     * @return the selected ids in increasing order
     */
    public static int[] sample(long base, int n, double p, ParallelExecutor executor) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        if (n == 0 || p == 0) {
            return new int[0];
        }
        int blocks = ParallelExecutor.chunkCount(n, BLOCK);
        int[][] perBlock = new int[blocks][];
        // log1p keeps tiny probabilities from rounding to log(1) = 0.
        double logQ = Math.log1p(-p);
        executor.forEachChunk(blocks, b -> perBlock[b] = sampleBlock(base, b, n, p, logQ));
        return IdLists.concat(perBlock);
    }

    /**
     * The ids of {@code [from, to)} that {@link #sample} with the same base, {@code n} and
     * {@code p} selects, in increasing order: a pass over a range of persons draws its own part
     * of the month's sample, at a cost proportional to the blocks it overlaps and the ids
     * selected, not to the ids in the range.
     *
     * @throws IllegalArgumentException if p is not in [0, 1] or the range is not within [0, n]
     */
    public static int[] sampleRange(long base, int n, double p, int from, int to) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") not within [0, " + n + ")");
        }
        if (from == to || p == 0) {
            return new int[0];
        }
        double logQ = Math.log1p(-p);
        int first = from / BLOCK;
        int last = (to - 1) / BLOCK;
        int[][] perBlock = new int[last - first + 1][];
        for (int b = first; b <= last; b++) {
            int[] ids = sampleBlock(base, b, n, p, logQ);
            int lo = b == first ? lowerBound(ids, from) : 0;
            int hi = b == last ? lowerBound(ids, to) : ids.length;
            perBlock[b - first] = lo == 0 && hi == ids.length ? ids : Arrays.copyOfRange(ids, lo, hi);
        }
        return perBlock.length == 1 ? perBlock[0] : IdLists.concat(perBlock);
    }

    /** The first index of sorted {@code ids} whose id is at least {@code id}. */
    private static int lowerBound(int[] ids, int id) {
        int k = Arrays.binarySearch(ids, id);
        return k >= 0 ? k : -k - 1;
    }

    private static int[] sampleBlock(long base, int block, int n, double p, double logQ) {
        int start = block * BLOCK;
        int end = (int) Math.min((long) start + BLOCK, n);
        if (p == 1) {
            int[] all = new int[end - start];
            Arrays.setAll(all, i -> start + i);
            return all;
        }
        long blockBase = RandomStreams.at(base, block);
        int expected = (int) Math.min(end - start, (end - start) * p + 8 * Math.sqrt((end - start) * p) + 16);
        int[] ids = new int[expected];
        int count = 0;
        long draw = 0;
        long id = start - 1L;
        while (true) {
            double u = RandomStreams.toUnit(RandomStreams.at(blockBase, draw++));
            // Gap to the next success of a Bernoulli(p) sequence: geometric on {1, 2, ...}.
            double skip = Math.floor(Math.log(1 - u) / logQ) + 1;
            if (!(skip <= end - id)) {
                break;
            }
            id += (long) skip;
            if (id >= end) {
                break;
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ids[count++] = (int) id;
        }
        return count == ids.length ? ids : Arrays.copyOf(ids, count);
    }
}
