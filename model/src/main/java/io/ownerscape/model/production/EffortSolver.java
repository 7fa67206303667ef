package io.ownerscape.model.production;

import io.ownerscape.model.ModelParameters;

/**
 * A person's best-response effort in a team, and the utility it brings (Axtell 2001, 2013).
 *
 * <p>A firm with technology {@code (a, b, beta)} turns total member effort {@code x} into output
 * {@code g(x) = a x + b x^beta}. A person with preference {@code theta} and skill {@code s > 0}
 * who puts in effort {@code e} while the others put in {@code E} adds {@code s e} to the total,
 * {@code x = E + s e}, and gets the income
 * {@code y(e) = g(x) w(e)}, {@code w(e) = share / n + gamma s e / x}: an equal part, scaled by
 * {@code share}, of the output of the {@code n} members (this person included), plus a part
 * {@code gamma >= 0} of the output in proportion to the person's own contribution (pay for
 * supervised effort). When {@code E = 0} the contribution is the whole, {@code s e / x = 1}, and
 * {@code w = share / n + gamma} is a constant. Utility is
 * {@code U(e) = y(e)^theta (1 - e)^(1 - theta)}. The original model is {@code s = 1},
 * {@code share = 1}, {@code gamma = 0}: {@code U(e) = (g(E + e) / n)^theta (1 - e)^(1 - theta)};
 * the methods without skill, share and gamma are that case, with unchanged arithmetic.
 *
 * <p>{@code ln g} is concave when {@code g g'' - g'^2 <= 0}; with {@code y = x^(beta - 1)} that is
 * {@code -a^2 + a b beta (beta - 3) y - b^2 beta y^2}, whose maximum over {@code y} is
 * {@code a^2 (beta (beta - 3)^2 / 4 - 1)}: not positive for {@code 1 <= beta <= 4}, the range
 * {@link ModelParameters} allows; {@code ln g(E + s e)} is concave in {@code e} too, a concave
 * function of an affine one. For {@code E > 0} the fraction {@code s e / (E + s e)} is concave in
 * {@code e}, so {@code w}, a positive affine function of it, is concave and {@code ln w} is
 * concave (the logarithm is concave and increasing). {@code ln(1 - e)} is strictly concave, so
 * {@code ln U = theta (ln g + ln w) + (1 - theta) ln(1 - e)} is strictly concave in {@code e} for
 * {@code theta < 1} and its maximiser is unique.
 *
 * <p>When {@code w} is constant ({@code gamma = 0} or {@code E = 0}) the solver finds the root of
 * {@code F(e) = theta s g'(x) (1 - e) - (1 - theta) g(x)}, {@code d ln U / de} times the positive
 * {@code g (1 - e)}, with {@code F'(e) = theta s^2 g''(x) (1 - e) - s g'(x)}. Otherwise it finds
 * the root of {@code D(e) = d ln U / de = theta (s g'/g + w'/w) - (1 - theta) / (1 - e)}, with
 * {@code w' = gamma s E / x^2}, {@code w'' = -2 gamma s^2 E / x^3} and
 * {@code D'(e) = theta (s^2 (g''/g - (g'/g)^2) + w''/w - (w'/w)^2) - (1 - theta) / (1 - e)^2}.
 * Both use Newton's method safeguarded by bisection on a bracket that always holds the root,
 * starting from the guess given, typically the exact answer for {@code a = 0, gamma = 0}
 * ({@link #guess}). It stops when a Newton step is below {@link #TOLERANCE} (1e-6): the effort is
 * then the refined point, accurate to about the square of the step. With {@code F} the utility is
 * taken at the point stepped from, whose output is already known; there {@code ln U} is flat, so
 * the utility is short of the optimum by about the square of the step times the curvature
 * (measured below 1e-11). With {@code D} it is evaluated at the refined point. The team size
 * {@code n} and {@code share} scale utility but do not move the maximiser when {@code gamma = 0}.
 * When the others' effort is positive the corner {@code e = 0} can be optimal (free-riding): it is
 * tested, with one evaluation, first when the guess is not positive and otherwise the first time
 * the iteration heads below the bracket; it is never optimal when {@code E = 0}, or when
 * {@code share = 0} with {@code gamma > 0}, where {@code d ln U / de} is {@code +infinity} at 0.
 */
public final class EffortSolver {
    /** A Newton step smaller than this ends the search; the effort is then this close to the root. */
    static final double TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 200;

    /** Problem kinds: constant {@code w} (gamma = 0, or others = 0), any skill and share: Newton on F. */
    private static final byte SKILLED = 1;
    /** gamma > 0 and others > 0: Newton on D = d ln U / de. */
    private static final byte SUPERVISED = 2;
    /** Non-labour income m > 0: ln U may not be concave, so a scan and a bracketed root search. */
    private static final byte WITH_INCOME = 3;
    /**
     * Points of the scan of d ln U / de on [0, 1) for problems with non-labour income, at
     * {@code (j / SCAN)^2}: dense near 0, where a small income makes the utility bend sharply.
     */
    private static final int SCAN = 16;

    // One slot per problem: inputs, iteration state and results, as parallel columns.
    private double[] a;
    private double[] b;
    private double[] beta;
    private double[] theta;
    private double[] others;
    private int[] n;
    private double[] skill;
    private double[] share;
    private double[] gamma;
    /** Non-labour income added to the person's income, in the income's units; 0 for none. */
    private double[] extra;
    /** Per problem: the saturation {@code c} of its firm's technology (the solver's unless set). */
    private double[] sat;
    private byte[] kind;
    private double[] e;
    private double[] lo;
    private double[] hi;
    private boolean[] cornerTested;
    private int[] iterations;
    private double[] effort;
    private double[] logUtility;
    private int[] pending;
    private int size;
    /**
     * {@code 1 / returns_cap}: the increasing-returns term is {@code b x^beta / (1 + c x^(beta - 1))},
     * whose part per unit of effort saturates at {@code b / c}; 0 for Axtell's unbounded term.
     */
    private final double saturation;

    /** A solver with room for a few problems; it grows as needed. One per thread, never shared. */
    public EffortSolver() {
        this(8);
    }

    /** A solver with room for {@code capacity} problems before it grows. */
    public EffortSolver(int capacity) {
        this(capacity, 0);
    }

    /**
     * A solver for the technology with bounded returns {@code g(x) = a x + b x^beta / (1 + c x^(beta - 1))}
     * ({@link #output(double, double, double, double, double)}); {@code saturation = 0} is Axtell's
     * {@code a x + b x^beta}, with bit-identical results.
     */
    public EffortSolver(int capacity, double saturation) {
        if (!(saturation >= 0) || saturation == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("saturation " + saturation);
        }
        this.saturation = saturation;
        allocate(Math.max(1, capacity));
    }

    private void allocate(int capacity) {
        a = grow(a, capacity);
        b = grow(b, capacity);
        beta = grow(beta, capacity);
        theta = grow(theta, capacity);
        others = grow(others, capacity);
        skill = grow(skill, capacity);
        share = grow(share, capacity);
        gamma = grow(gamma, capacity);
        extra = grow(extra, capacity);
        sat = grow(sat, capacity);
        kind = kind == null ? new byte[capacity] : java.util.Arrays.copyOf(kind, capacity);
        e = grow(e, capacity);
        lo = grow(lo, capacity);
        hi = grow(hi, capacity);
        effort = grow(effort, capacity);
        logUtility = grow(logUtility, capacity);
        n = n == null ? new int[capacity] : java.util.Arrays.copyOf(n, capacity);
        iterations = iterations == null ? new int[capacity] : java.util.Arrays.copyOf(iterations, capacity);
        pending = pending == null ? new int[capacity] : java.util.Arrays.copyOf(pending, capacity);
        cornerTested = cornerTested == null ? new boolean[capacity] : java.util.Arrays.copyOf(cornerTested, capacity);
    }

    private static double[] grow(double[] old, int capacity) {
        return old == null ? new double[capacity] : java.util.Arrays.copyOf(old, capacity);
    }

    /** Forgets every problem added since the last clear. */
    public void clear() {
        size = 0;
    }

    /**
     * Adds a problem: the best-response effort of a person with preference {@code theta} in a team
     * of {@code n} (this person included) whose other members put in {@code others}, with
     * technology {@code (a, b, beta)}.
     *
     * @param guess a starting point; any value works, one near the answer saves iterations
     * @return the problem's index for {@link #effort(int)} and {@link #logUtility(int)}
     */
    public int add(double a, double b, double beta, double theta, double others, int n, double guess) {
        if (size == this.a.length) {
            allocate(size * 2);
        }
        int k = size++;
        this.a[k] = a;
        this.b[k] = b;
        this.beta[k] = beta;
        this.theta[k] = theta;
        this.others[k] = others;
        this.n[k] = n;
        this.skill[k] = 1;
        this.share[k] = 1;
        this.gamma[k] = 0;
        this.extra[k] = 0;
        this.sat[k] = saturation;
        this.kind[k] = SKILLED;
        this.e[k] = guess;
        return k;
    }

    /**
     * Adds a problem with skill, share and supervision: the person's effort {@code e} counts as
     * {@code skill * e}, and the income is {@code g(x) (share / n + gamma skill e / x)} with
     * {@code x = others + skill * e} (see the class comment). With {@code skill = 1},
     * {@code share = 1} and {@code gamma = 0} this is {@link #add(double, double, double, double,
     * double, int, double)}, with bit-identical results.
     *
     * @param skill  the person's skill, positive
     * @param share  multiplier of the equal part {@code 1 / n} of output, not negative; 0 only
     *               with {@code gamma > 0}
     * @param gamma  the part of output paid for own effort, not negative
     * @param guess  a starting point; any value works, one near the answer saves iterations
     * @return the problem's index for {@link #effort(int)} and {@link #logUtility(int)}
     * @throws IllegalArgumentException if skill, share or gamma is out of range
     */
    public int add(double a, double b, double beta, double theta, double others, double skill, int n,
                   double share, double gamma, double guess) {
        if (!(skill > 0) || !(share >= 0) || !(gamma >= 0) || (share == 0 && gamma == 0)
                || skill == Double.POSITIVE_INFINITY || share == Double.POSITIVE_INFINITY
                || gamma == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("skill " + skill + ", share " + share + ", gamma " + gamma);
        }
        int k = add(a, b, beta, theta, others, n, guess);
        this.skill[k] = skill;
        this.share[k] = share;
        this.gamma[k] = gamma;
        if (gamma > 0 && others > 0) {
            this.kind[k] = SUPERVISED;
        }
        return k;
    }

    /**
     * Gives problem k a non-labour income {@code m > 0} (a basic income, in the units of the
     * problem's income {@code g(x) w(e)}): utility becomes
     * {@code (g w + m)^theta (1 - e)^(1 - theta)}. Its logarithm need not be concave then (with
     * increasing returns, {@code ln(g w + m)} is convex near {@code e = 0}), so such a problem is
     * solved by scanning {@code d ln U / de} at {@value #SCAN} points of [0, 1) (quadratically
     * spaced, dense near 0), searching each
     * bracket where it turns from positive to negative, and taking the best of those maxima and
     * the corner {@code e = 0}. A narrower peak between two scan points could be missed; the scan
     * is checked against a fine grid in the tests.
     *
     * @throws IllegalArgumentException if {@code m} is negative or not finite
     */
    public void setExtraIncome(int k, double m) {
        if (!(m >= 0) || m == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("non-labour income " + m);
        }
        extra[k] = m;
        if (m > 0) {
            kind[k] = WITH_INCOME;
        }
    }

    /**
     * Gives problem k the technology's saturation {@code c} of its own firm (bounded returns
     * {@code a x + b x^beta / (1 + c x^(beta - 1))}), in place of the solver's; for economies
     * whose firms differ in their bound on returns ({@code returns_cap_tail}).
     *
     * @throws IllegalArgumentException if {@code c} is negative or not finite
     */
    public void setSaturation(int k, double c) {
        if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("saturation " + c);
        }
        sat[k] = c;
    }

    /**
     * Solves every problem added since the last {@link #clear()}. The problems advance in lockstep,
     * one Newton iteration each per sweep, so that the processor overlaps their independent
     * powers and logarithms instead of waiting on one chain at a time. Each problem goes through
     * exactly the arithmetic it would alone: the results do not depend on what else is in the batch.
     */
    public void solveAll() {
        solveFrom(0);
    }

    /** Solves the problems added from index {@code first} on; earlier results are kept. */
    public void solveFrom(int first) {
        int count = 0;
        for (int k = first; k < size; k++) {
            if (kind[k] == WITH_INCOME) {
                solveWithIncome(k);
            } else if (!start(k)) {
                pending[count++] = k;
            }
        }
        while (count > 0) {
            int left = 0;
            for (int j = 0; j < count; j++) {
                int k = pending[j];
                if (!(kind[k] == SKILLED ? iterateSkilled(k) : iterateSupervised(k))) {
                    pending[left++] = k;
                }
            }
            count = left;
        }
    }

    /** @return the number of problems added since the last clear */
    public int size() {
        return size;
    }

    /** @return the best effort of problem k, in [0, 1] */
    public double effort(int k) {
        return effort[k];
    }

    /** @return {@code ln U} at the best effort of problem k */
    public double logUtility(int k) {
        return logUtility[k];
    }

    /**
     * Solves one problem alone and returns {@code ln U} at its best effort; the effort is then
     * {@link #effort()}. Clears the solver.
     */
    public double solve(double a, double b, double beta, double theta, double others, int n,
                        double guess) {
        clear();
        add(a, b, beta, theta, others, n, guess);
        solveAll();
        return logUtility[0];
    }

    /**
     * Solves one problem with skill, share and supervision alone (see
     * {@link #add(double, double, double, double, double, double, int, double, double, double)})
     * and returns {@code ln U} at its best effort; the effort is then {@link #effort()}. Clears
     * the solver.
     */
    public double solve(double a, double b, double beta, double theta, double others, double skill, int n,
                        double share, double gamma, double guess) {
        clear();
        add(a, b, beta, theta, others, skill, n, share, gamma, guess);
        solveAll();
        return logUtility[0];
    }

    /** @return the effort found by the last {@link #solve} */
    public double effort() {
        return effort[0];
    }

    /** @return {@code ln U} found by the last {@link #solve} */
    public double logUtility() {
        return logUtility[0];
    }

    /** Sets up problem k; returns true if it is already solved (theta at a bound). */
    private boolean start(int k) {
        double t = theta[k];
        if (t <= 0) {
            effort[k] = 0;
            logUtility[k] = 0;
            return true;
        }
        if (t >= 1) {
            effort[k] = 1;
            logUtility[k] = at(k, 1, 1, 0);
            return true;
        }
        lo[k] = 0;
        hi[k] = 1;
        iterations[k] = 0;
        // With others > 0 the corner e = 0 may be the answer; it is tested when the guess or the
        // iteration points at it. With others = 0, d ln U / de is +infinity at 0 and the root is
        // interior; so it is when share = 0 with gamma > 0, where w(0) = 0.
        boolean tested = others[k] <= 0 || (kind[k] == SUPERVISED && share[k] <= 0);
        cornerTested[k] = tested;
        double guess = e[k];
        if (guess > 1e-9 && guess < 1 - 1e-9) {
            e[k] = guess;
        } else if (!tested) {
            e[k] = 0;
        } else {
            e[k] = 0.5;
        }
        return false;
    }

    /**
     * One safeguarded Newton iteration on {@code F} of problem k, for a constant {@code w}
     * (gamma = 0, or others = 0) and any skill and share; returns true when it is solved. With
     * {@code s = 1}, {@code share = 1} and {@code gamma = 0} (the original objective) every
     * multiplication by s or share is by exactly 1, so the arithmetic is the original's bit for bit.
     */
    private boolean iterateSkilled(int k) {
        double ek = e[k];
        double t = theta[k];
        double ak = a[k];
        double bk = b[k];
        double betak = beta[k];
        double s = skill[k];
        double x = others[k] + s * ek;
        double q = Math.pow(x, betak - 2);
        double p = q * x;
        double g;
        double g1;
        double g2;
        double c = sat[k];
        if (c == 0) {
            g = ak * x + bk * p * x;
            g1 = ak + bk * betak * p;
            g2 = 0;
        } else {
            double d = 1 + c * p;
            g = ak * x + bk * p * x / d;
            g1 = ak + bk * p * (betak + c * p) / (d * d);
            g2 = bk * (betak - 1) * q * (betak + c * p * (2 - betak)) / (d * d * d);
        }
        double f = t * s * g1 * (1 - ek) - (1 - t) * g;
        if (ek == 0) {
            cornerTested[k] = true;
            if (f <= 0) {
                effort[k] = 0;
                logUtility[k] = t * Math.log(constantIncome(g, n[k], share[k], gamma[k]));
                return true;
            }
        }
        double l = lo[k];
        double h = hi[k];
        if (f > 0) {
            l = ek;
        } else if (f < 0) {
            h = ek;
        }
        lo[k] = l;
        hi[k] = h;
        // Axtell's case keeps its own order of operations, so its results stay bit for bit.
        double df = c == 0 ? t * s * s * bk * betak * (betak - 1) * q * (1 - ek) - s * g1
                : t * s * s * g2 * (1 - ek) - s * g1;
        double step = f / df;
        double next = ek - step;
        if (f == 0 || Math.abs(step) < TOLERANCE) {
            effort[k] = Math.min(1, Math.max(0, next));
            logUtility[k] = t * Math.log(constantIncome(g, n[k], share[k], gamma[k])) + (1 - t) * Math.log(1 - ek);
            return true;
        }
        if (!(next > l && next < h)) {
            next = l == 0 && !cornerTested[k] ? 0 : 0.5 * (l + h);
            if (h - l < TOLERANCE) {
                effort[k] = ek;
                logUtility[k] = t * Math.log(constantIncome(g, n[k], share[k], gamma[k])) + (1 - t) * Math.log(1 - ek);
                return true;
            }
        }
        e[k] = next;
        if (++iterations[k] >= MAX_ITERATIONS) {
            effort[k] = next;
            logUtility[k] = at(k, t, next, 0);
            return true;
        }
        return false;
    }

    /**
     * One safeguarded Newton iteration on {@code D = d ln U / de} for a supervised problem
     * (gamma > 0, others > 0); the same bracket, corner test and stopping rule as {@link #iterateSkilled},
     * with the utility evaluated at the effort returned.
     */
    private boolean iterateSupervised(int k) {
        double ek = e[k];
        double t = theta[k];
        double ak = a[k];
        double bk = b[k];
        double betak = beta[k];
        double s = skill[k];
        double ok = others[k];
        double gk = gamma[k];
        double x = ok + s * ek;
        double q = Math.pow(x, betak - 2);
        double p = q * x;
        double g;
        double g1;
        double g2;
        double c = sat[k];
        if (c == 0) {
            g = ak * x + bk * p * x;
            g1 = ak + bk * betak * p;
            g2 = bk * betak * (betak - 1) * q;
        } else {
            double dn = 1 + c * p;
            g = ak * x + bk * p * x / dn;
            g1 = ak + bk * p * (betak + c * p) / (dn * dn);
            g2 = bk * (betak - 1) * q * (betak + c * p * (2 - betak)) / (dn * dn * dn);
        }
        double base = share[k] / n[k];
        double w = base + gk * s * ek / x;
        double w1 = gk * s * ok / (x * x);
        double w2 = -2 * s * w1 / x;
        double rg = g1 / g;
        double rw = w1 / w;
        double d = t * (s * rg + rw) - (1 - t) / (1 - ek);
        if (ek == 0) {
            cornerTested[k] = true;
            if (d <= 0) {
                effort[k] = 0;
                logUtility[k] = t * Math.log(g * base);
                return true;
            }
        }
        double l = lo[k];
        double h = hi[k];
        if (d > 0) {
            l = ek;
        } else if (d < 0) {
            h = ek;
        }
        lo[k] = l;
        hi[k] = h;
        double dd = t * (s * s * (g2 / g - rg * rg) + w2 / w - rw * rw) - (1 - t) / ((1 - ek) * (1 - ek));
        double step = d / dd;
        double next = ek - step;
        if (d == 0 || Math.abs(step) < TOLERANCE) {
            double done = Math.min(1, Math.max(0, next));
            effort[k] = done;
            logUtility[k] = at(k, t, done, 0);
            return true;
        }
        if (!(next > l && next < h)) {
            next = l == 0 && !cornerTested[k] ? 0 : 0.5 * (l + h);
            if (h - l < TOLERANCE) {
                effort[k] = ek;
                logUtility[k] = t * Math.log(g * w) + (1 - t) * Math.log(1 - ek);
                return true;
            }
        }
        e[k] = next;
        if (++iterations[k] >= MAX_ITERATIONS) {
            effort[k] = next;
            logUtility[k] = at(k, t, next, 0);
            return true;
        }
        return false;
    }

    /** Scratch of {@link #solveWithIncome}: the scan's efforts and slopes. */
    private final double[] scanEffort = new double[SCAN + 1];
    private final double[] scanSlope = new double[SCAN + 1];

    /** Solves problem k, which has non-labour income, by scan and bracketed search. */
    private void solveWithIncome(int k) {
        double t = theta[k];
        double m = extra[k];
        if (t <= 0) {
            effort[k] = 0;
            logUtility[k] = 0;
            return;
        }
        if (t >= 1) {
            effort[k] = 1;
            logUtility[k] = at(k, 1, 1, m);
            return;
        }
        double bestEffort = 0;
        double best = at(k, t, 0, m);
        for (int j = 0; j < SCAN; j++) {
            scanEffort[j] = (double) j * j / (SCAN * SCAN);
            scanSlope[j] = slope(k, scanEffort[j]);
        }
        scanEffort[SCAN] = 1 - 1e-12;
        scanSlope[SCAN] = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < SCAN; j++) {
            if (scanSlope[j] > 0 && scanSlope[j + 1] <= 0) {
                double root = root(k, scanEffort[j], scanEffort[j + 1], scanSlope[j], scanSlope[j + 1]);
                double u = at(k, t, root, m);
                if (u > best) {
                    best = u;
                    bestEffort = root;
                }
            }
        }
        effort[k] = bestEffort;
        logUtility[k] = best;
    }

    /** {@code d ln U / de} of problem k at effort e, with its non-labour income. */
    private double slope(int k, double e) {
        double s = skill[k];
        double ok = others[k];
        double gk = gamma[k];
        double x = ok + s * e;
        double p = x > 0 ? Math.pow(x, beta[k] - 1) : 0;
        double g;
        double g1;
        double c = sat[k];
        if (c == 0) {
            g = x * (a[k] + b[k] * p);
            g1 = a[k] + b[k] * beta[k] * p;
        } else {
            double d = 1 + c * p;
            g = x * (a[k] + b[k] * p / d);
            g1 = a[k] + b[k] * p * (beta[k] + c * p) / (d * d);
        }
        double base = share[k] / n[k];
        double w;
        double w1;
        if (gk == 0) {
            w = base;
            w1 = 0;
        } else if (ok <= 0) {
            w = base + gk;
            w1 = 0;
        } else {
            w = base + gk * s * e / x;
            w1 = gk * s * ok / (x * x);
        }
        double y = g * w + extra[k];
        double y1 = s * g1 * w + g * w1;
        return theta[k] * y1 / y - (1 - theta[k]) / (1 - e);
    }

    /**
     * The root of the slope in [l, h], where it is positive at l and not positive at h, by the
     * Illinois variant of regula falsi (bisection when the slope at h is infinite), to 1e-10.
     */
    private double root(int k, double l, double h, double dl, double dh) {
        int side = 0;
        for (int i = 0; i < MAX_ITERATIONS && h - l > 1e-10; i++) {
            double mid = Double.isInfinite(dh) ? 0.5 * (l + h) : (l * dh - h * dl) / (dh - dl);
            if (!(mid > l && mid < h)) {
                mid = 0.5 * (l + h);
            }
            double dm = slope(k, mid);
            if (dm > 0) {
                l = mid;
                dl = dm;
                if (side == -1) {
                    dh *= 0.5;
                }
                side = -1;
            } else {
                h = mid;
                dh = dm;
                if (side == 1) {
                    dl *= 0.5;
                }
                side = 1;
            }
        }
        return 0.5 * (l + h);
    }

    /**
     * {@code ln U} of effort e with non-labour income m: as
     * {@link #logUtility(double, double, double, double, double, double, int, double, double, double)}
     * with income {@code g(x) w(e) + m}.
     */
    public static double logUtility(double a, double b, double beta, double theta, double others,
                                    double skill, int n, double share, double gamma, double e, double m) {
        if (m == 0) {
            return logUtility(a, b, beta, theta, others, skill, n, share, gamma, e);
        }
        return logUtilityAt(a, b, beta, 0, theta, others, skill, n, share, gamma, e, m);
    }

    /** {@code ln U} of problem k at effort e with non-labour income m, this solver's technology. */
    private double at(int k, double t, double effortAt, double m) {
        return logUtilityAt(a[k], b[k], beta[k], sat[k], t, others[k], skill[k], n[k], share[k], gamma[k],
                effortAt, m);
    }

    private static double logUtilityAt(double a, double b, double beta, double c, double theta, double others,
                                       double skill, int n, double share, double gamma, double e, double m) {
        if (m == 0) {
            return labourLogUtility(a, b, beta, c, theta, others, skill, n, share, gamma, e);
        }
        double u = theta * Math.log(labourIncome(a, b, beta, c, others, skill, n, share, gamma, e) + m);
        if (theta < 1) {
            if (e >= 1) {
                return Double.NEGATIVE_INFINITY;
            }
            u += (1 - theta) * Math.log(1 - e);
        }
        return u;
    }

    /** The income {@code g(x) w(e)} of effort e (the pay rule of the class comment). */
    private static double labourIncome(double a, double b, double beta, double c, double others, double skill,
                                       int n, double share, double gamma, double e) {
        double x = others + skill * e;
        double g = c == 0 ? a * x + b * Math.pow(x, beta) : output(a, b, beta, c, x);
        if (gamma == 0) {
            return g / n * share;
        } else if (others <= 0) {
            return g * (share / n + gamma);
        }
        return g * (share / n + gamma * skill * e / x);
    }

    /**
     * An upper bound of {@code ln U} for a person of skill s alone in a new firm with non-labour
     * income {@code m}: with {@code y(e) <= c e}, {@code c = (a + b max(1, s)^(beta - 1)) s
     * incomeFactor}, the bound is the maximum of {@code theta ln(c e + m) + (1 - theta) ln(1 - e)},
     * reached at {@code e = theta - (1 - theta) m / c} (or at 0).
     */
    public static double soloUpperBound(double a, double b, double beta, double skill, double incomeFactor,
                                        double theta, double entropyTerm, double m) {
        if (m == 0) {
            return soloUpperBound(a, b, beta, skill, incomeFactor, theta, entropyTerm);
        }
        double c = (a + b * Math.pow(Math.max(1, skill), beta - 1)) * skill * incomeFactor;
        double e = theta - (1 - theta) * m / c;
        if (!(e > 0)) {
            return theta * Math.log(m);
        }
        return theta * Math.log(c * e + m) + (1 - theta) * Math.log(1 - e);
    }

    /**
     * An upper bound of the {@code ln U} that {@link #add(double, double, double, double, double,
     * double, int, double, double, double)} with these inputs (saturation {@code c}, non-labour
     * income {@code m}) would find, at the cost of one power and two logarithms instead of a solve.
     * Output per unit of effort {@code h(x) = g(x) / x} does not fall as {@code x} grows
     * ({@code beta >= 1}, see {@link #output(double, double, double, double, double)}), and
     * {@code x = others + skill e <= X = others + skill} on [0, 1], so {@code g(x) <= h(X) x}
     * and the income is at most {@code C + B e} with
     * {@code C = h(X) share others / n + m} and {@code B = h(X) skill (share / n + gamma)}.
     * The bound is the maximum of {@code theta ln(C + B e) + (1 - theta) ln(1 - e)}, reached at
     * {@code e = theta - (1 - theta) C / B}, or at 0 when that is not positive. It is tight for a
     * person whose effort is a small part of a large team, the case of most candidate firms.
     * Positive infinity (no bound) for {@code theta} at 0 or 1 or inputs that give no finite one.
     */
    public static double upperBound(double a, double b, double beta, double c, double theta, double others,
                                    double skill, int n, double share, double gamma, double m) {
        if (!(theta > 0 && theta < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        double top = Math.max(0, others) + skill;
        double p = Math.pow(top, beta - 1);
        double perUnit = c == 0 ? a + b * p : a + b * p / (1 + c * p);
        double equal = share / n;
        double constant = perUnit * equal * Math.max(0, others) + m;
        double slope = perUnit * skill * (equal + gamma);
        if (!(slope > 0) || slope == Double.POSITIVE_INFINITY || !(constant >= 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double e = theta - (1 - theta) * constant / slope;
        double bound = e > 0
                ? theta * Math.log(theta * (slope + constant)) + (1 - theta) * Math.log((1 - theta) * (slope + constant) / slope)
                : theta * Math.log(constant);
        return Double.isNaN(bound) ? Double.POSITIVE_INFINITY : bound;
    }

    /**
     * Income {@code g w} when {@code w} is constant: {@code g / n * share} with {@code gamma = 0}
     * (exactly {@code g / n} when share is 1), else {@code g (share / n + gamma)} (others = 0).
     */
    private static double constantIncome(double g, int n, double share, double gamma) {
        return gamma == 0 ? g / n * share : g * (share / n + gamma);
    }

    /**
     * An upper bound of {@code ln U} for a person alone in a new firm: {@code g(e) <= (a + b) e}
     * on [0, 1], and {@code e^theta (1 - e)^(1 - theta)} peaks at {@code e = theta}, so
     * {@code ln U <= theta ln(a + b) + theta ln theta + (1 - theta) ln(1 - theta)}. A founding
     * option whose bound is below the best other option cannot win and need not be solved.
     *
     * @param entropyTerm {@code theta ln theta + (1 - theta) ln(1 - theta)}, see {@link #entropyTerm}
     */
    public static double soloUpperBound(double a, double b, double theta, double entropyTerm) {
        return theta * Math.log(a + b) + entropyTerm;
    }

    /**
     * An upper bound of {@code ln U} for a person of skill {@code s} alone in a new firm (others
     * 0, team of one) whose income is {@code incomeFactor g(s e)}: on [0, 1],
     * {@code g(s e) = s e (a + b (s e)^(beta - 1)) <= (a + b max(1, s)^(beta - 1)) s e} for
     * {@code beta >= 1}, and {@code e^theta (1 - e)^(1 - theta)} peaks at {@code e = theta}, so
     * {@code ln U <= theta ln((a + b max(1, s)^(beta - 1)) s incomeFactor) + entropyTerm}.
     *
     * @param entropyTerm {@code theta ln theta + (1 - theta) ln(1 - theta)}, see {@link #entropyTerm}
     */
    public static double soloUpperBound(double a, double b, double beta, double skill, double incomeFactor,
                                        double theta, double entropyTerm) {
        double slope = a + b * Math.pow(Math.max(1, skill), beta - 1);
        return theta * Math.log(slope * skill * incomeFactor) + entropyTerm;
    }

    /** {@code theta ln theta + (1 - theta) ln(1 - theta)}, 0 at the bounds. */
    public static double entropyTerm(double theta) {
        if (theta <= 0 || theta >= 1) {
            return 0;
        }
        return theta * Math.log(theta) + (1 - theta) * Math.log(1 - theta);
    }

    /**
     * A starting point for {@link #solve}: the exact best response when {@code a = 0}, where
     * {@code g'/g = beta / x}; 0 (a corner, tested first) when that is not positive.
     */
    public static double guess(double beta, double theta, double others) {
        double tb = theta * beta;
        double e = (tb - (1 - theta) * others) / (tb + 1 - theta);
        return e > 0 ? e : 0;
    }

    /**
     * A starting point for a person of skill {@code s}: the exact best response when {@code a = 0}
     * and {@code gamma = 0}, where {@code g'/g = beta / x}:
     * {@code e = (theta s beta - (1 - theta) others) / (s (theta beta + 1 - theta))}, or 0 when
     * that is not positive. For {@code s = 1} it is {@link #guess(double, double, double)}, bit
     * for bit.
     */
    public static double guess(double beta, double theta, double others, double skill) {
        if (skill == 1) {
            return guess(beta, theta, others);
        }
        double tb = theta * beta;
        double e = (tb * skill - (1 - theta) * others) / (skill * (tb + 1 - theta));
        return e > 0 ? e : 0;
    }

    /**
     * A starting point for a supervised problem ({@code gamma > 0}, {@code others > 0}) of a person
     * whose effort is a small part of the team's: with {@code x} taken as {@code others} in
     * {@code g'/g} and in {@code w'/w}, the condition {@code d ln U / de = 0} reads
     * {@code theta (A + 1 / (B + e)) = (1 - theta) / (1 - e)} with {@code A = s eta / E},
     * {@code eta = E g'(E) / g(E)} the elasticity of output at the others' effort, and
     * {@code B = E share / (n gamma s)}; that is the quadratic
     * {@code theta A e^2 + (1 - theta A (1 - B)) e - (theta A B + theta - (1 - theta) B) = 0},
     * whose root in [0, 1) is returned (0 when it is not positive: the solver then tests the corner
     * first). For a joiner of a large firm it is within a few thousandths of the answer, where the
     * members' mean effort, which ignores the person's own preference, is often tenths away.
     */
    public static double supervisedGuess(double a, double b, double beta, double c, double theta, double others,
                                         double skill, int n, double share, double gamma) {
        double p = Math.pow(others, beta - 1);
        double elasticity;
        if (c == 0) {
            elasticity = (a + beta * b * p) / (a + b * p);
        } else {
            double dn = 1 + c * p;
            elasticity = (a + b * p * (beta + c * p) / (dn * dn)) / (a + b * p / dn);
        }
        double slope = theta * skill * elasticity / others;
        double offset = others * share / (n * gamma * skill);
        double linear = 1 - slope * (1 - offset);
        double constant = slope * offset + theta - (1 - theta) * offset;
        if (!(constant > 0)) {
            return 0;
        }
        // The positive root, written so that it stays accurate as the quadratic term vanishes.
        double e = 2 * constant / (linear + Math.sqrt(linear * linear + 4 * slope * constant));
        return e > 0 && e < 1 ? e : 0.5;
    }

    /**
     * The best-response effort alone, for callers that do not need the utility.
     *
     * @see #solve
     */
    public static double bestEffort(double a, double b, double beta, double theta, double others,
                                    double guess) {
        EffortSolver s = new EffortSolver();
        s.solve(a, b, beta, theta, others, 1, guess);
        return s.effort();
    }

    /**
     * {@code ln U} of effort {@code e} in a team of {@code n} whose other members put in
     * {@code others}; {@code -Infinity} when utility is zero.
     */
    public static double logUtility(double a, double b, double beta, double theta, double others,
                                    int n, double e) {
        double x = others + e;
        double g = a * x + b * Math.pow(x, beta);
        double u = 0;
        if (theta > 0) {
            if (g <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            u += theta * Math.log(g / n);
        }
        if (theta < 1) {
            if (e >= 1) {
                return Double.NEGATIVE_INFINITY;
            }
            u += (1 - theta) * Math.log(1 - e);
        }
        return u;
    }

    /**
     * {@code ln U} of effort {@code e} for a person of skill {@code skill} in a team of {@code n}
     * whose other members put in {@code others}, with income
     * {@code g(x) (share / n + gamma skill e / x)}, {@code x = others + skill e} (the fraction is
     * 1 when others is 0); {@code -Infinity} when utility is zero. With {@code skill = 1},
     * {@code share = 1} and {@code gamma = 0} it equals
     * {@link #logUtility(double, double, double, double, double, int, double)} bit for bit.
     */
    public static double logUtility(double a, double b, double beta, double theta, double others,
                                    double skill, int n, double share, double gamma, double e) {
        return labourLogUtility(a, b, beta, 0, theta, others, skill, n, share, gamma, e);
    }

    /** {@code ln U} without non-labour income, with saturation {@code c} (0: Axtell's technology). */
    private static double labourLogUtility(double a, double b, double beta, double c, double theta, double others,
                                           double skill, int n, double share, double gamma, double e) {
        double u = 0;
        if (theta > 0) {
            double income = labourIncome(a, b, beta, c, others, skill, n, share, gamma, e);
            if (!(income > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            u += theta * Math.log(income);
        }
        if (theta < 1) {
            if (e >= 1) {
                return Double.NEGATIVE_INFINITY;
            }
            u += (1 - theta) * Math.log(1 - e);
        }
        return u;
    }

    /** Output {@code a x + b x^beta} of total effort {@code x}. */
    public static double output(double a, double b, double beta, double x) {
        return x <= 0 ? 0 : a * x + b * Math.pow(x, beta);
    }

    /**
     * Output with bounded returns, {@code a x + b x^beta / (1 + c x^(beta - 1))}: per unit of effort
     * {@code a + b x^(beta - 1) / (1 + c x^(beta - 1))}, rising with {@code x} towards
     * {@code a + b / c}; {@code c = 0} is {@link #output(double, double, double, double)}, bit for
     * bit. Convex for {@code beta <= 2}.
     */
    public static double output(double a, double b, double beta, double c, double x) {
        if (c == 0) {
            return output(a, b, beta, x);
        }
        if (x <= 0) {
            return 0;
        }
        double p = Math.pow(x, beta - 1);
        return x * (a + b * p / (1 + c * p));
    }
}
