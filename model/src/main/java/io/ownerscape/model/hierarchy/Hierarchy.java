package io.ownerscape.model.hierarchy;

import io.ownerscape.model.labour.LabourParameters;

import java.util.Arrays;

/**
 * The management hierarchy a firm needs, and what it costs, as pure functions of the firm's head
 * count (Lucas 1978; Garicano 2000; Caliendo, Monte and Rossi-Hansberg 2015).
 *
 * <p>A firm's producers are its owner and its {@code W} producing employees. Each hired manager
 * directs at most {@code span} people: first-line managers direct producing employees, the next
 * layer directs first-line managers, and so on. The owner directs the rest, in one of two ways:
 * <ul>
 *   <li>with an owner span {@code S0 > 0}, the owner directs up to {@code S0} people, producing
 *       employees and managers alike. A firm with {@code W <= S0} needs no hired manager; up to
 *       {@code W = S0 span} one layer of {@code ceil((W - S0) / (span - 1))} first-line managers
 *       suffices, the owner directing them and the producing employees they leave over; beyond,
 *       every producing employee has a first-line manager ({@code ceil(W / span)} of them) and
 *       the first-line managers are directed by the same rule. Each manager hired then adds
 *       {@code span - 1} places under supervision, so the cost of supervision grows with the head
 *       count without the jump of a whole layer at {@code W = span + 1};</li>
 *   <li>with {@code S0 = 0}, the owner directs only the top layer once there is one: a firm with
 *       {@code W <= span} needs no hired manager, and beyond, layers of {@code ceil(W / span)},
 *       {@code ceil(L1 / span)}, ... are filled until one is small enough for the owner.</li>
 * </ul>
 * With {@code m} managers hired, layers are filled from the bottom. Supervision coverage is the
 * share of producing employees with a supervisor: 1 when the structure is complete, else
 * {@code min(1, max(1, m1) span / W)} with {@code m1} the first-line managers and, with an owner
 * span, at least {@code (S0 + min(m, S0) (span - 1)) / W}. Manager pay is a premium over the mean
 * pay of producers, by layer: {@code x1.44}, then {@code x1.67} and {@code x1.86} between adjacent
 * layers (CMRH 2015), {@code x1.86} for any layer above the third.
 */
public final class Hierarchy {
    /**
     * Head counts below this have {@link #managersFor} and {@link #managersNeeded} looked up in
     * tables made at first use: the supervision rules ask for them for every firm an active person
     * considers, and the search behind {@code managersNeeded} costs about seventy divisions.
     */
    static final int TABLE_SIZE = 1 << 16;

    /**
     * The two tables, made together at first use when there is a hierarchy ({@code span >= 2});
     * two threads may both make them, and they are equal.
     */
    private record Tables(int[] managersFor, int[] managersNeeded) {
    }

    private volatile Tables tables;

    private Tables tables() {
        Tables t = tables;
        if (t == null) {
            t = makeTables();
            tables = t;
        }
        return t;
    }

    /**
     * {@code managersFor(w)} is the first layer plus what that layer needs, {@code firstLayer(w) +
     * managersFor(firstLayer(w))}, with {@code firstLayer(w) < w}; and the fewest managers needed
     * never falls as the head count grows (more producing employees never need fewer managers), so
     * one pass fills each table.
     */
    private Tables makeTables() {
        int[] byWorkers = new int[TABLE_SIZE];
        for (int w = 0; w < TABLE_SIZE; w++) {
            int layer = (int) firstLayer(w);
            byWorkers[w] = layer == 0 ? 0 : layer + byWorkers[layer];
        }
        // Firms of at most directSpan() + 1 members need nobody: their entries stay 0.
        int[] needed = new int[TABLE_SIZE];
        int m = 0;
        for (int members = directSpan() + 2; members < TABLE_SIZE; members++) {
            while (byWorkers[members - 1 - m] > m) {
                m++;
            }
            needed[members] = m;
        }
        return new Tables(byWorkers, needed);
    }

    /** Most layers tracked; deeper hierarchies pay every further layer at the last ratio. */
    public static final int MAX_LAYERS = 7;
    private static final double[] PREMIUM = premiums();

    /** People one hired manager directs. */
    private final int span;
    /** People the owner directs, employees and managers alike; 0 for the top layer only. */
    private final int ownerSpan;

    /**
     * @param span      people one hired manager directs, at least 2 (0 or 1: no hierarchy)
     * @param ownerSpan people the owner directs, employees and managers alike; 0 for the top
     *                  layer of managers only, once there is one
     */
    public Hierarchy(int span, int ownerSpan) {
        this.span = span;
        this.ownerSpan = ownerSpan;
    }

    public static Hierarchy of(LabourParameters rules) {
        return new Hierarchy(rules.spanOfControl(), rules.ownerSpan());
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
    public static double premium(int layer) {
        return PREMIUM[Math.min(layer, MAX_LAYERS)];
    }

    /** People one hired manager directs (0 or 1: no hierarchy). */
    public int span() {
        return span;
    }

    /** People the owner directs before a manager is needed: the owner span, or the span. */
    public int directSpan() {
        return ownerSpan > 0 ? ownerSpan : span;
    }

    /**
     * The size of the first layer of the structure for {@code w} subordinates, and with it
     * whether the owner directs that layer (0 when none is needed).
     */
    private long firstLayer(long w) {
        if (w <= directSpan()) {
            return 0;
        }
        if (ownerSpan > 0) {
            long mixed = (w - ownerSpan + span - 2) / (span - 1);
            if (mixed <= ownerSpan) {
                return mixed;
            }
        }
        return (w + span - 1) / span;
    }

    /** Managers needed to supervise {@code w} producing employees: the sum of the layer sizes. */
    public long managersFor(long w) {
        if (w < TABLE_SIZE && w >= 0 && span >= 2) {
            return tables().managersFor[(int) w];
        }
        return sumOfLayers(w);
    }

    /** {@link #managersFor} by its definition, a loop over the layers. */
    long sumOfLayers(long w) {
        long total = 0;
        for (long layer = firstLayer(w); layer > 0; layer = firstLayer(layer)) {
            total += layer;
        }
        return total;
    }

    /** Layers of hired managers needed for {@code w} producing employees. */
    public int layersFor(long w) {
        int layers = 0;
        for (long layer = firstLayer(w); layer > 0; layer = firstLayer(layer)) {
            layers++;
        }
        return layers;
    }

    /**
     * The owner's rule: the fewest managers {@code m} that fully supervise the rest of a firm of
     * {@code members}, i.e. the smallest {@code m} with {@code managersFor(members - 1 - m) <= m}
     * (appointing a manager takes a producer off the floor).
     */
    public int managersNeeded(int members) {
        if (span >= 2 && members >= 0 && members < TABLE_SIZE) {
            return tables().managersNeeded[members];
        }
        return searchManagersNeeded(members);
    }

    /** {@link #managersNeeded} by its definition, a binary search over {@code m}. */
    int searchManagersNeeded(int members) {
        if (span <= 0 || members - 1 <= directSpan()) {
            return 0;
        }
        int lo = 0;
        int hi = members - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (managersFor(members - 1 - mid) <= mid) {
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
    public double coverage(int members, int managers) {
        long w = (long) members - 1 - managers;
        if (w <= directSpan()) {
            return 1;
        }
        long firstLine = Math.min(managers, (w + span - 1) / span);
        double covered = (double) Math.max(1, firstLine) * span;
        if (ownerSpan > 0) {
            if (managers >= managersFor(w)) {
                return 1;
            }
            covered = Math.max(covered, ownerSpan + (double) Math.min(managers, ownerSpan) * (span - 1));
        }
        return Math.min(1.0, covered / w);
    }

    /**
     * The sum of premiums of {@code managers} managers in a firm of {@code members}, layers filled
     * from the bottom by the structure its producing employees need; managers beyond that
     * structure sit in its top layer.
     */
    public double premiumSum(int members, int managers) {
        if (managers <= 0) {
            return 0;
        }
        long left = managers;
        double sum = 0;
        int l = 0;
        for (long layer = firstLayer((long) members - 1 - managers); left > 0 && layer > 0; layer = firstLayer(layer)) {
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
    public int layerSizes(int members, int managers, long[] sizes) {
        Arrays.fill(sizes, 0);
        long left = managers;
        int top = 0;
        for (long layer = firstLayer((long) members - 1 - managers); left > 0 && layer > 0; layer = firstLayer(layer)) {
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
    public static int layerOfRank(int rank, long[] sizes, int top) {
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
    public int layerOfRank(int rank, int members, int managers) {
        long[] sizes = new long[MAX_LAYERS + 1];
        int top = layerSizes(members, managers, sizes);
        return layerOfRank(rank, sizes, top);
    }
}
