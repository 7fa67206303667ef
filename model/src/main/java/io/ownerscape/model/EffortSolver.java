package io.ownerscape.model;

/**
 * A person's best-response effort in a team, and the utility it brings (Axtell 2001, 2013).
 *
 * <p>A firm with technology {@code (a, b, beta)} turns total member effort {@code x} into output
 * {@code g(x) = a x + b x^beta}, shared equally among its {@code n} members. A person with
 * preference {@code theta} who puts in effort {@code e} while the others put in {@code E} gets
 * utility {@code U(e) = (g(E + e) / n)^theta (1 - e)^(1 - theta)}.
 *
 * <p>{@code ln g} is concave for {@code a, b >= 0, beta >= 1} (its second derivative has the sign of
 * {@code -a^2 - a b beta (beta + 1) x^(beta - 1) - b^2 beta x^(2 beta - 2)}), and so is
 * {@code ln(1 - e)}; {@code ln U} is therefore strictly concave in {@code e} and its maximiser
 * is unique. The solver finds the root of
 * {@code F(e) = theta g'(x) (1 - e) - (1 - theta) g(x)}, which has the sign of {@code d ln U / de}
 * on {@code (0, 1)}, by Newton's method safeguarded by bisection on a bracket that always holds
 * the root. It stops when a Newton step is below {@link #TOLERANCE} (1e-8) and returns the point
 * it stepped from, whose output it has already computed; that point is within about one step of
 * the root. The team size {@code n} scales utility but not the maximiser. When the others' effort
 * is positive the corner {@code e = 0} can be optimal (free-riding): it is tested, with one
 * evaluation, the first time the iteration heads below the bracket.
 */
public final class EffortSolver {
    /** A Newton step smaller than this ends the search; the effort is then this close to the root. */
    static final double TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 200;

    private double effort;
    private double logUtility;

    /** A solver with its own result slots; one per thread, never shared. */
    public EffortSolver() {
    }

    /** @return the effort found by the last {@link #solve} */
    public double effort() {
        return effort;
    }

    /** @return {@code ln U} at the effort found by the last {@link #solve} */
    public double logUtility() {
        return logUtility;
    }

    /**
     * Finds the best-response effort and its utility in one pass: the utility is evaluated at the
     * last iterate, whose output the iteration has already computed, so no extra power is taken.
     *
     * @param a      constant-returns coefficient, at least 0
     * @param b      increasing-returns coefficient, at least 0
     * @param beta   returns exponent, at least 1
     * @param theta  preference for income over leisure, in [0, 1]
     * @param others total effort of the other members, at least 0
     * @param n      team size including this person, at least 1
     * @param guess  a starting point; any value works, one near the answer saves iterations
     * @return {@code ln U} at the best effort ({@link #effort()})
     */
    public double solve(double a, double b, double beta, double theta, double others, int n,
                        double guess) {
        if (theta <= 0) {
            effort = 0;
            logUtility = 0;
            return logUtility;
        }
        if (theta >= 1) {
            effort = 1;
            logUtility = logUtility(a, b, beta, 1, others, n, 1);
            return logUtility;
        }
        double lo = 0;
        double hi = 1;
        // With others > 0 the corner e = 0 may be the answer; it is tested when the guess or the
        // iteration points at it. With others = 0, d ln U / de is +infinity at 0 and the root is
        // interior.
        boolean cornerTested = others <= 0;
        double e;
        if (guess > 1e-9 && guess < 1 - 1e-9) {
            e = guess;
        } else if (!cornerTested) {
            e = 0;
        } else {
            e = 0.5;
        }
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double x = others + e;
            double q = Math.pow(x, beta - 2);
            double p = q * x;
            double g = a * x + b * p * x;
            double g1 = a + b * beta * p;
            double f = theta * g1 * (1 - e) - (1 - theta) * g;
            if (e == 0) {
                cornerTested = true;
                if (f <= 0) {
                    effort = 0;
                    logUtility = theta * Math.log(g / n);
                    return logUtility;
                }
            }
            if (f > 0) {
                lo = e;
            } else if (f < 0) {
                hi = e;
            }
            double df = theta * b * beta * (beta - 1) * q * (1 - e) - g1;
            double next = e - f / df;
            boolean newton = next > lo && next < hi;
            if (!newton) {
                next = lo == 0 && !cornerTested ? 0 : 0.5 * (lo + hi);
            }
            if (f == 0 || (newton && Math.abs(next - e) < TOLERANCE) || hi - lo < TOLERANCE) {
                // The refined point is the effort; the utility is taken at e, whose output is
                // already known. e is within one small step of the optimum, where ln U is flat,
                // so the utility error is of the order of the step squared.
                effort = newton ? next : e;
                logUtility = theta * Math.log(g / n) + (1 - theta) * Math.log(1 - e);
                return logUtility;
            }
            e = next;
        }
        effort = e;
        logUtility = logUtility(a, b, beta, theta, others, n, e);
        return logUtility;
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
     * The best-response effort alone, for callers that do not need the utility.
     *
     * @see #solve
     */
    public static double bestEffort(double a, double b, double beta, double theta, double others,
                                    double guess) {
        EffortSolver s = new EffortSolver();
        s.solve(a, b, beta, theta, others, 1, guess);
        return s.effort;
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

    /** Output {@code a x + b x^beta} of total effort {@code x}. */
    public static double output(double a, double b, double beta, double x) {
        return x <= 0 ? 0 : a * x + b * Math.pow(x, beta);
    }
}
