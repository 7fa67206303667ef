package io.ownerscape.model;

import java.util.Arrays;

/**
 * The management hierarchy a firm needs, and what it costs, as pure functions of the firm's head
 * count (Lucas 1978; Garicano 2000; Caliendo, Monte and Rossi-Hansberg 2015).
 *
 * <p>A firm's producers are its owner and its {@code W} producing employees. Each supervisor
 * oversees at most {@code span} people: first-line managers oversee producing employees, the
 * next layer oversees first-line managers, and so on until a layer is small enough for the owner
 * to oversee directly. A firm with {@code W <= span} needs no hired manager. With {@code m}
 * managers hired, layers are filled from the bottom; supervision coverage is the share of
 * producing employees with a supervisor, {@code min(1, max(1, m1) span / W)} (the owner alone
 * covers {@code span} of them). Manager pay is a premium over the mean pay of producers, by layer:
 * {@code x1.44}, then {@code x1.67} and {@code x1.86} between adjacent layers (CMRH 2015), {@code x1.86}
 * for any layer above the third.
 */
final class Hierarchy {
    /** Most layers tracked; deeper hierarchies pay every further layer at the last ratio. */
    static final int MAX_LAYERS = 7;
    private static final double[] PREMIUM = premiums();

    private Hierarchy() {
    }

    private static double[] premiums() {
        double[] p = new double[MAX_LAYERS + 1];
        p[0] = 1;
        double[] ratio = {1.44, 1.67, 1.86};
        for (int l = 1; l <= MAX_LAYERS; l++) {
            p[l] = p[l - 1] * ratio[Math.min(l - 1, ratio.length - 1)];
        }
        return p;
    }

    /** Pay of a manager of layer {@code l} (1 = first line) relative to producers' mean pay. */
    static double premium(int layer) {
        return PREMIUM[Math.min(layer, MAX_LAYERS)];
    }

    /** Managers needed to supervise {@code w} producing employees: the sum of the layer sizes. */
    static long managersFor(long w, int span) {
        if (w <= span) {
            return 0;
        }
        long total = 0;
        long layer = w;
        while (layer > span) {
            layer = (layer + span - 1) / span;
            total += layer;
        }
        return total;
    }

    /** Layers of hired managers needed for {@code w} producing employees. */
    static int layersFor(long w, int span) {
        int layers = 0;
        long layer = w;
        while (layer > span) {
            layer = (layer + span - 1) / span;
            layers++;
        }
        return layers;
    }

    /**
     * The owner's rule: the fewest managers {@code m} that fully supervise the rest of a firm of
     * {@code members}, i.e. the smallest {@code m} with {@code managersFor(members - 1 - m) <= m}
     * (appointing a manager takes a producer off the floor).
     */
    static int managersNeeded(int members, int span) {
        if (span <= 0 || members - 1 <= span) {
            return 0;
        }
        int lo = 0;
        int hi = members - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (managersFor(members - 1 - mid, span) <= mid) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Supervision coverage of a firm of {@code members} with {@code managers} hired: the share of
     * producing employees who have a supervisor.
     */
    static double coverage(int members, int managers, int span) {
        long w = (long) members - 1 - managers;
        if (w <= span) {
            return 1;
        }
        long firstLine = Math.min(managers, (w + span - 1) / span);
        return Math.min(1.0, (double) Math.max(1, firstLine) * span / w);
    }

    /**
     * The sum of premiums of {@code managers} managers in a firm of {@code members}, layers filled
     * from the bottom by the structure its producing employees need; managers beyond that
     * structure sit in its top layer.
     */
    static double premiumSum(int members, int managers, int span) {
        if (managers <= 0) {
            return 0;
        }
        long w = (long) members - 1 - managers;
        double sum = 0;
        long left = managers;
        long layer = w;
        int l = 0;
        while (left > 0 && layer > span) {
            layer = (layer + span - 1) / span;
            l++;
            long here = Math.min(left, layer);
            sum += here * premium(l);
            left -= here;
        }
        if (left > 0) {
            sum += left * premium(Math.max(1, l));
        }
        return sum;
    }

    /**
     * The layer sizes of {@code managers} managers in a firm of {@code members}, filled as in
     * {@link #premiumSum}: {@code sizes[l]} for layers 1 to the returned top layer.
     */
    static int layerSizes(int members, int managers, int span, long[] sizes) {
        Arrays.fill(sizes, 0);
        long w = (long) members - 1 - managers;
        long left = managers;
        long layer = w;
        int top = 0;
        while (left > 0 && layer > span) {
            layer = (layer + span - 1) / span;
            top++;
            long here = Math.min(left, layer);
            sizes[Math.min(top, MAX_LAYERS)] += here;
            left -= here;
        }
        top = Math.max(1, Math.min(top, MAX_LAYERS));
        sizes[top] += left;
        return top;
    }

    /**
     * Layer of the manager of skill rank {@code rank} (0 = most skilled), given the layer sizes
     * from {@link #layerSizes}: the most skilled fill the top layer.
     */
    static int layerOfRank(int rank, long[] sizes, int top) {
        long seen = 0;
        for (int l = top; l >= 1; l--) {
            seen += sizes[l];
            if (rank < seen) {
                return l;
            }
        }
        return 1;
    }

    /** {@link #layerOfRank(int, long[], int)} for a firm of {@code members} with {@code managers}. */
    static int layerOfRank(int rank, int members, int managers, int span) {
        long[] sizes = new long[MAX_LAYERS + 1];
        int top = layerSizes(members, managers, span, sizes);
        return layerOfRank(rank, sizes, top);
    }
}
