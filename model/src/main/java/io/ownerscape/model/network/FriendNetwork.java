package io.ownerscape.model.network;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.world.Regions;

import java.util.Arrays;

/**
 * The friendship network: a simple undirected graph in which every person has exactly the number
 * of friends they drew, uniform on {@code [friendsMin, friendsMax]} (a configuration model).
 *
 * <p>Construction: each person gets as many stubs as friends; the stub list is shuffled
 * (Fisher-Yates, keyed draws) and consecutive stubs are paired. Self-links and repeated links,
 * a handful at any scale, are then removed by degree-preserving double-edge swaps with random
 * partner edges, so every degree stays exactly as drawn and every link is symmetric. If the total
 * of the draws is odd, the last person redraws until it is even.
 *
 * <p>Returned as compressed rows: {@code offsets} (one int per person) and {@code neighbours}
 * (one int per half-edge). The economy copies the friends into its person records and drops
 * this structure after construction.
 */
public final class FriendNetwork {
    private final int[] offsets;
    private final int[] neighbours;

    private FriendNetwork(int[] offsets, int[] neighbours) {
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    /** Builds the network for the given parameters and streams, with no regions. */
    public static FriendNetwork build(ModelParameters params, RandomStreams streams) {
        return build(params, streams, null, 0);
    }

    /**
     * Builds the network; with more than one region, each stub is local with probability
     * {@code local} (a keyed draw) and local stubs are paired within their region, the others
     * across the whole population. Degrees are as without regions.
     */
    public static FriendNetwork build(ModelParameters params, RandomStreams streams, Regions regions,
                                      double local) {
        return build(params, streams, regions, local, null);
    }

    /**
     * As {@link #build(ModelParameters, RandomStreams, Regions, double)}, with the read-only
     * parts of the construction (finding the links to repair, turning rows of links into rows of
     * friends) spread over {@code executor}'s threads when it is not null. The network is the
     * same for any thread count.
     */
    public static FriendNetwork build(ModelParameters params, RandomStreams streams, Regions regions,
                                      double local, ParallelExecutor executor) {
        params.validated();
        int n = params.persons();
        int span = params.friendsMax() - params.friendsMin() + 1;
        long degreeBase = streams.base(Purpose.FRIEND_COUNT);
        int[] offsets = new int[n + 1];
        long total = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = (int) total;
            total += params.friendsMin() + RandomStreams.toBelow(RandomStreams.at(degreeBase, i), span);
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("persons = " + n
                        + ": the friendship network would exceed 2^31 half-edges");
            }
        }
        if ((total & 1) == 1) {
            int last = n - 1;
            int old = (int) (total - offsets[last]);
            for (long redraw = 1; ; redraw++) {
                int d = params.friendsMin() + RandomStreams.toBelow(
                        RandomStreams.at(RandomStreams.at(degreeBase, last), redraw), span);
                if (((total - old + d) & 1) == 0) {
                    total = total - old + d;
                    break;
                }
            }
        }
        offsets[n] = (int) total;
        int halfEdges = (int) total;

        // ends[2k], ends[2k + 1] are the endpoints of edge k once the stubs are shuffled.
        int[] ends = new int[halfEdges];
        for (int i = 0; i < n; i++) {
            for (int s = offsets[i]; s < offsets[i + 1]; s++) {
                ends[s] = i;
            }
        }
        long shuffleBase = streams.base(Purpose.NETWORK_SHUFFLE);
        if (regions != null && regions.count() > 1) {
            ends = pairRegionally(ends, offsets, regions, local, streams);
        } else {
            shuffle(ends, 0, halfEdges, shuffleBase);
        }

        // Rows of edge ids, so that a swap can find and update the rows it touches.
        int[] rows = new int[halfEdges];
        int[] fill = new int[n];
        for (int k = 0; k < halfEdges / 2; k++) {
            int u = ends[2 * k];
            int v = ends[2 * k + 1];
            rows[offsets[u] + fill[u]++] = k;
            rows[offsets[v] + fill[v]++] = k;
        }
        fill = null;
        new Repair(offsets, ends, rows, streams.base(Purpose.NETWORK_REPAIR)).run(executor);

        // Turn rows of edge ids into rows of neighbours, in place: each person writes only their
        // own row.
        int[] ids = rows;
        int[] pairs = ends;
        forEachChunk(executor, n, u0 -> {
            for (int u = u0; u < Math.min(n, u0 + CHUNK); u++) {
                for (int p = offsets[u]; p < offsets[u + 1]; p++) {
                    int k = ids[p];
                    ids[p] = pairs[2 * k] == u ? pairs[2 * k + 1] : pairs[2 * k];
                }
            }
        });
        return new FriendNetwork(offsets, rows);
    }

    /** Items per chunk of the parallel parts. */
    private static final int CHUNK = 1 << 16;

    /** Runs {@code task} for the first index of every chunk of {@code n} items, in parallel if it can. */
    private static void forEachChunk(ParallelExecutor executor, int n, java.util.function.IntConsumer task) {
        int chunks = ParallelExecutor.chunkCount(n, CHUNK);
        if (executor == null) {
            for (int c = 0; c < chunks; c++) {
                task.accept(c * CHUNK);
            }
        } else {
            executor.forEachChunk(chunks, c -> task.accept(c * CHUNK));
        }
    }

    private static void shuffle(int[] a, int from, int to, long base) {
        for (int k = to - 1; k > from; k--) {
            int j = from + RandomStreams.toBelow(RandomStreams.at(base, k), k - from + 1);
            int t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
    }

    /**
     * Lays the stubs out so that consecutive pairs are the edges: each region's local stubs
     * (an even number; an odd one out joins the global pool), shuffled within the region, then
     * every global stub, shuffled together.
     */
    private static int[] pairRegionally(int[] ends, int[] offsets, Regions regions, double local,
                                        RandomStreams streams) {
        long localBase = streams.base(Purpose.NETWORK_REGION);
        long shuffleBase = streams.base(Purpose.NETWORK_SHUFFLE);
        int[] out = new int[ends.length];
        int[] pool = new int[ends.length];
        int at = 0;
        int pooled = 0;
        for (int r = 0; r < regions.count(); r++) {
            int first = at;
            for (int s = offsets[regions.start(r)]; s < offsets[regions.end(r)]; s++) {
                if (RandomStreams.toUnit(RandomStreams.at(localBase, s)) < local) {
                    out[at++] = ends[s];
                } else {
                    pool[pooled++] = ends[s];
                }
            }
            if (((at - first) & 1) == 1) {
                pool[pooled++] = out[--at];
            }
            shuffle(out, first, at, RandomStreams.at(shuffleBase, r));
        }
        shuffle(pool, 0, pooled, RandomStreams.at(shuffleBase, regions.count()));
        System.arraycopy(pool, 0, out, at, pooled);
        return out;
    }

    /** Double-edge swaps that remove self-links and repeated links while keeping every degree. */
    private static final class Repair {
        private final int[] offsets;
        private final int[] ends;
        private final int[] rows;
        private final long base;

        Repair(int[] offsets, int[] ends, int[] rows, long base) {
            this.offsets = offsets;
            this.ends = ends;
            this.rows = rows;
            this.base = base;
        }

        /**
         * Repairs every bad link in increasing id order. A swap never makes a good link bad (it is
         * refused if it would make a self-link or repeat a link), so the links to visit are those
         * bad at the start, found first in parallel (read-only); the sequential repair then visits
         * them alone, which is exactly what visiting every link in order would do.
         */
        void run(ParallelExecutor executor) {
            int edges = ends.length / 2;
            int chunks = ParallelExecutor.chunkCount(edges, CHUNK);
            int[][] found = new int[chunks][];
            forEachChunk(executor, edges, k0 -> {
                int[] bad = new int[16];
                int count = 0;
                for (int k = k0; k < Math.min(edges, k0 + CHUNK); k++) {
                    if (isBad(k)) {
                        if (count == bad.length) {
                            bad = Arrays.copyOf(bad, 2 * count);
                        }
                        bad[count++] = k;
                    }
                }
                found[k0 / CHUNK] = Arrays.copyOf(bad, count);
            });
            for (int[] chunk : found) {
                for (int k : chunk) {
                    repair(k, edges);
                }
            }
        }

        private void repair(int k, int edges) {
            long attempt = 0;
            while (isBad(k)) {
                if (attempt > 100_000) {
                    throw new IllegalStateException("could not make the friendship network simple;"
                            + " raise persons or lower friends_max");
                }
                long bits = RandomStreams.at(RandomStreams.at(base, k), attempt++);
                int r = RandomStreams.toBelow(bits, edges);
                trySwap(k, r, (bits & 1) == 0);
            }
        }

        private int other(int edge, int u) {
            return ends[2 * edge] == u ? ends[2 * edge + 1] : ends[2 * edge];
        }

        /** Edge k is bad if it is a self-link or repeats an edge with a smaller id. */
        private boolean isBad(int k) {
            int u = ends[2 * k];
            int v = ends[2 * k + 1];
            if (u == v) {
                return true;
            }
            for (int p = offsets[u]; p < offsets[u + 1]; p++) {
                int e = rows[p];
                if (e < k && other(e, u) == v) {
                    return true;
                }
            }
            return false;
        }

        private boolean adjacent(int u, int w) {
            for (int p = offsets[u]; p < offsets[u + 1]; p++) {
                if (other(rows[p], u) == w) {
                    return true;
                }
            }
            return false;
        }

        /** (u,v), (x,y) become (u,x), (v,y) if that leaves no self-link and no repeated link. */
        private void trySwap(int k, int r, boolean flip) {
            if (r == k) {
                return;
            }
            int u = ends[2 * k];
            int v = ends[2 * k + 1];
            int xSlot = flip ? 2 * r + 1 : 2 * r;
            int x = ends[xSlot];
            int y = ends[flip ? 2 * r : 2 * r + 1];
            if (u == x || v == y || x == y) {
                return;
            }
            if ((u == y && v == x) || adjacent(u, x) || adjacent(v, y)) {
                return;
            }
            // Edge k keeps u and takes x; edge r keeps y and takes v.
            ends[2 * k + 1] = x;
            ends[xSlot] = v;
            replaceInRow(v, k, r);
            replaceInRow(x, r, k);
        }

        private void replaceInRow(int person, int from, int to) {
            for (int p = offsets[person]; p < offsets[person + 1]; p++) {
                if (rows[p] == from) {
                    rows[p] = to;
                    return;
                }
            }
            throw new IllegalStateException("edge " + from + " missing from row " + person);
        }
    }

    /** @return the number of persons */
    public int persons() {
        return offsets.length - 1;
    }

    /** @return the index of person i's first friend in {@link #neighbour(int)} */
    public int start(int person) {
        return offsets[person];
    }

    /** @return one past the index of person i's last friend */
    public int end(int person) {
        return offsets[person + 1];
    }

    /** @return the friend stored at index p */
    public int neighbour(int p) {
        return neighbours[p];
    }

    /** @return the number of friends of a person */
    public int degree(int person) {
        return offsets[person + 1] - offsets[person];
    }

    /** @return bytes held by the network's columns */
    public long bytes() {
        return 4L * offsets.length + 4L * neighbours.length;
    }
}
