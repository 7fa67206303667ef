package io.ownerscape.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EffortSolverTest {
    /** Fine grid: 200,001 points on [0, 1], spacing 5e-6. */
    private static final int FINE = 200_000;
    /** Coarse grid: every 100th fine point. */
    private static final int COARSE_STEP = 100;

    /**
     * Argmax of logUtility over the 200,001-point grid. ln U is strictly concave, so the maximiser
     * lies within one coarse step of the coarse argmax; the fine grid is scanned only there.
     * Returns {argmax, max}.
     */
    static double[] gridMax(double a, double b, double beta, double theta, double others, int n) {
        int bestCoarse = 0;
        double bestCoarseU = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= FINE; k += COARSE_STEP) {
            double u = EffortSolver.logUtility(a, b, beta, theta, others, n, k / (double) FINE);
            if (u > bestCoarseU) {
                bestCoarseU = u;
                bestCoarse = k;
            }
        }
        int best = bestCoarse;
        double bestU = bestCoarseU;
        for (int k = Math.max(0, bestCoarse - COARSE_STEP); k <= Math.min(FINE, bestCoarse + COARSE_STEP); k++) {
            double u = EffortSolver.logUtility(a, b, beta, theta, others, n, k / (double) FINE);
            if (u > bestU) {
                bestU = u;
                best = k;
            }
        }
        return new double[] {best / (double) FINE, bestU};
    }

    /**
     * 2,000 random problems against the grid. Tolerances: effort within 1e-4 of the grid argmax
     * (the grid itself is within 2.5e-6 of the true maximiser); the solver's utility at least the
     * grid maximum minus 1e-9; the returned utility equal to logUtility at the returned effort
     * within 1e-9. Every case is checked and the worst values are reported together.
     * Measured with TOLERANCE = 1e-6 (the code as first read): worst |effort - argmax| 2.5e-6,
     * worst shortfall 6.6e-12, worst self-consistency 8.9e-12, 946 corner optima.
     */
    @Test
    void matchesBruteForceGridOnRandomInputs() {
        SplittableRandom rnd = new SplittableRandom(20260101);
        EffortSolver solver = new EffortSolver();
        double worstEffort = 0;
        double worstUtilityShortfall = 0;
        double worstSelfConsistency = 0;
        int corners = 0;
        int badEffort = 0;
        int badShortfall = 0;
        int badSelf = 0;
        String firstBad = null;
        for (int t = 0; t < 2000; t++) {
            double a = rnd.nextDouble(0, 0.5);
            double b = rnd.nextDouble(0.75, 1.25);
            double beta = rnd.nextDouble(1.5, 2);
            double theta = rnd.nextDouble(0.01, 0.99);
            double others = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble(0, 10);
            int n = rnd.nextInt(1, 51);
            // guesses inside and outside (0, 1): the solver must cope with any starting point
            double guess = rnd.nextDouble(-0.2, 1.2);
            String where = String.format("case %d: a=%s b=%s beta=%s theta=%s others=%s n=%d guess=%s",
                    t, a, b, beta, theta, others, n, guess);

            double u = solver.solve(a, b, beta, theta, others, n, guess);
            double e = solver.effort();
            assertEquals(u, solver.logUtility(), 0.0, where);
            assertTrue(e >= 0 && e <= 1, "effort out of [0,1]: " + e + " " + where);

            double[] grid = gridMax(a, b, beta, theta, others, n);
            if (grid[0] == 0) {
                corners++;
            }
            double direct = EffortSolver.logUtility(a, b, beta, theta, others, n, e);
            double effortError = Math.abs(grid[0] - e);
            double shortfall = grid[1] - u;
            double self = Math.abs(direct - u);
            boolean bad = false;
            if (!(effortError <= 1e-4)) {
                badEffort++;
                bad = true;
            }
            if (!(shortfall <= 1e-9)) {
                badShortfall++;
                bad = true;
            }
            if (!(self <= 1e-9)) {
                badSelf++;
                bad = true;
            }
            if (bad && firstBad == null) {
                firstBad = where + String.format(" -> effort %s (grid %s), U %s (grid max %s, at effort %s)",
                        e, grid[0], u, grid[1], direct);
            }
            worstEffort = Math.max(worstEffort, effortError);
            worstUtilityShortfall = Math.max(worstUtilityShortfall, shortfall);
            worstSelfConsistency = Math.max(worstSelfConsistency, self);
        }
        String summary = String.format("EffortSolver vs grid: max |effort - grid argmax| = %.3g (%d > 1e-4),"
                + " max (grid max - solver U) = %.3g (%d > 1e-9), max |U - logUtility(effort)| = %.3g (%d > 1e-9),"
                + " corner optima = %d of 2000; first failure: %s",
                worstEffort, badEffort, worstUtilityShortfall, badShortfall, worstSelfConsistency, badSelf,
                corners, firstBad);
        System.out.println(summary);
        assertEquals(0, badEffort + badShortfall + badSelf, summary);
        assertTrue(corners > 10, "the sample should contain free-riding corners, had " + corners);
    }

    /**
     * The batched API promises that each problem goes through exactly the arithmetic it would alone:
     * results must be bit-identical to one-at-a-time solves, whatever else is in the batch and
     * however often the solver grows.
     */
    @Test
    void batchResultsAreBitIdenticalToSingleSolves() {
        SplittableRandom rnd = new SplittableRandom(99);
        EffortSolver batch = new EffortSolver(3); // small, so that add() must grow it
        EffortSolver single = new EffortSolver();
        for (int round = 0; round < 20; round++) {
            batch.clear();
            int count = 1 + rnd.nextInt(300);
            double[][] in = new double[count][];
            for (int k = 0; k < count; k++) {
                double theta = rnd.nextInt(10) == 0 ? (rnd.nextBoolean() ? 0 : 1) : rnd.nextDouble();
                double others = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble(0, 10);
                in[k] = new double[] {rnd.nextDouble(0, 0.5), rnd.nextDouble(0.75, 1.25), rnd.nextDouble(1.5, 2),
                    theta, others, 1 + rnd.nextInt(50), rnd.nextDouble(-0.2, 1.2)};
                assertEquals(k, batch.add(in[k][0], in[k][1], in[k][2], in[k][3], in[k][4], (int) in[k][5], in[k][6]));
            }
            batch.solveAll();
            for (int k = 0; k < count; k++) {
                double u = single.solve(in[k][0], in[k][1], in[k][2], in[k][3], in[k][4], (int) in[k][5], in[k][6]);
                assertEquals(Double.doubleToLongBits(single.effort()), Double.doubleToLongBits(batch.effort(k)),
                        "effort of problem " + k + " in round " + round);
                assertEquals(Double.doubleToLongBits(u), Double.doubleToLongBits(batch.logUtility(k)),
                        "utility of problem " + k + " in round " + round);
            }
        }
    }

    @Test
    void bestEffortAgreesWithSolve() {
        SplittableRandom rnd = new SplittableRandom(7);
        EffortSolver solver = new EffortSolver();
        for (int t = 0; t < 500; t++) {
            double a = rnd.nextDouble(0, 0.5);
            double b = rnd.nextDouble(0.75, 1.25);
            double beta = rnd.nextDouble(1.5, 2);
            double theta = rnd.nextDouble();
            double others = rnd.nextBoolean() ? 0 : rnd.nextDouble(0, 5);
            double guess = EffortSolver.guess(beta, theta, others);
            solver.solve(a, b, beta, theta, others, 1 + rnd.nextInt(30), guess);
            // team size scales utility but does not move the maximiser
            assertEquals(solver.effort(), EffortSolver.bestEffort(a, b, beta, theta, others, guess), 1e-7);
        }
    }

    @ParameterizedTest
    @CsvSource({"0,0", "0,3.5", "0.4,0", "0.2,100"})
    void thetaZeroGivesZeroEffort(double a, double others) {
        EffortSolver solver = new EffortSolver();
        for (double guess : new double[] {0, 0.3, 1}) {
            double u = solver.solve(a, 1, 1.7, 0, others, 4, guess);
            assertEquals(0, solver.effort());
            assertEquals(EffortSolver.logUtility(a, 1, 1.7, 0, others, 4, 0), u, 1e-15);
        }
    }

    @ParameterizedTest
    @CsvSource({"0,0", "0,3.5", "0.4,0", "0.2,100"})
    void thetaOneGivesFullEffort(double a, double others) {
        EffortSolver solver = new EffortSolver();
        for (double guess : new double[] {0, 0.3, 1}) {
            double u = solver.solve(a, 1, 1.7, 1, others, 4, guess);
            assertEquals(1, solver.effort());
            assertEquals(EffortSolver.logUtility(a, 1, 1.7, 1, others, 4, 1), u, 1e-15);
        }
    }

    @Test
    void largeOthersGiveTheFreeRidingCorner() {
        EffortSolver solver = new EffortSolver();
        for (double others : new double[] {50, 1000, 1e6}) {
            for (double theta : new double[] {0.1, 0.5, 0.9}) {
                for (double guess : new double[] {-1, 0, 1e-12, 0.25, 0.5, 0.999, 1, 2}) {
                    double u = solver.solve(0.3, 1, 1.8, theta, others, 100, guess);
                    String where = "others=" + others + " theta=" + theta + " guess=" + guess;
                    assertEquals(0, solver.effort(), 1e-9, where);
                    assertEquals(EffortSolver.logUtility(0.3, 1, 1.8, theta, others, 100, 0), u, 1e-9, where);
                }
            }
        }
    }

    /**
     * a = 0, others = 0: g = b e^beta, so ln U = theta beta ln e + (1 - theta) ln(1 - e) + const,
     * maximised at e* = theta beta / (theta beta + 1 - theta). Checked over theta in {0.01..0.99}
     * and beta in [1, 4] (the range ModelParameters allows) from starting points that do not land
     * on the root itself: there the error must be below 1e-7 (measured: about 6e-11).
     */
    @Test
    void closedFormWithoutConstantReturnsAndAlone() {
        EffortSolver solver = new EffortSolver();
        double worst = 0;
        int bad = 0;
        int cases = 0;
        String worstCase = null;
        for (int ti = 1; ti < 100; ti++) {
            double theta = ti / 100.0;
            for (double beta = 1.0; beta <= 4.0; beta += 0.125) {
                for (double b : new double[] {0.75, 1, 1.25}) {
                    double exact = theta * beta / (theta * beta + 1 - theta);
                    for (double guess : new double[] {0.01, 0.25, 0.99}) {
                        solver.solve(0, b, beta, theta, 0, 3, guess);
                        double err = Math.abs(solver.effort() - exact);
                        cases++;
                        if (!(err <= 1e-7)) {
                            bad++;
                        }
                        if (err > worst) {
                            worst = err;
                            worstCase = "theta=" + theta + " beta=" + beta + " b=" + b + " guess=" + guess
                                    + ": effort " + solver.effort() + ", exact " + exact;
                        }
                    }
                    assertEquals(exact, EffortSolver.guess(beta, theta, 0), 1e-15, "guess is the closed form");
                }
            }
        }
        String summary = String.format("EffortSolver closed form (a = 0, others = 0): max |effort - exact| = %.3g,"
                + " %d of %d cases above 1e-7; worst: %s", worst, bad, cases, worstCase);
        System.out.println(summary);
        assertEquals(0, bad, summary);
    }

    /**
     * From any starting point, including the exact answer and points outside (0, 1), the error is
     * below the solver's own TOLERANCE ("the effort is then this close to the root"): the bracket
     * it stops on is narrower than that. Measured worst: 1.0e-6 with TOLERANCE = 1e-6 and 8.1e-6
     * with TOLERANCE = 1e-5, both with the exact answer as the guess (see the disabled test below).
     */
    @Test
    void closedFormWithinToleranceFromAnyGuess() {
        EffortSolver solver = new EffortSolver();
        for (int ti = 1; ti < 100; ti++) {
            double theta = ti / 100.0;
            for (double beta = 1.0; beta <= 4.0; beta += 0.125) {
                double exact = theta * beta / (theta * beta + 1 - theta);
                for (double guess : new double[] {-1, 0, 0.5, 0.75, 1, 2, exact, EffortSolver.guess(beta, theta, 0)}) {
                    solver.solve(0, 1, beta, theta, 0, 3, guess);
                    assertEquals(exact, solver.effort(), EffortSolver.TOLERANCE,
                            "theta=" + theta + " beta=" + beta + " guess=" + guess);
                }
            }
        }
    }

    /**
     * Regression: when an iterate is the root to within rounding (the guess is the
     * exact answer, as EffortSolver.guess is whenever a = 0, or a bisection midpoint such as 0.75
     * happens to be the root), F(e) is a rounding residue, the Newton step e - F/F' equals e, and
     * "newton = next > lo && next < hi" is false because lo or hi was just set to e. The solver then
     * bisects away from the root and stops only when the bracket is below TOLERANCE, returning an
     * effort up to TOLERANCE off instead of ~1e-11. With TOLERANCE = 1e-6 (as first read), 1,123 of
     * 7,425 (theta, beta, b) cases missed 1e-7 with guess = exact; errors below are for 1e-6.
     * Fixed by accepting the step when |F / F'| < TOLERANCE, before the bracket test.
     */
    @ParameterizedTest
    @CsvSource({
        "0.09, 3.625, 1.0, -1",     // guess = exact answer: error 5.0e-7
        "0.10, 3.0,   1.0, -1",     // guess = exact answer: error 9.5e-7
        "0.60, 2.0,   1.0, 0.5",    // root 0.75 is the first bisection midpoint: error 9.5e-7
        "0.60, 2.0,   1.0, 0.75",   // guess 0.75 is the root: error 7.2e-7
        "0.48, 3.25,  1.0, 0.0",    // root 0.75 again: error 9.5e-7
    })
    void closedFormFromAGuessOnTheRoot(double theta, double beta, double b, double guessOrMinusOneForExact) {
        double exact = theta * beta / (theta * beta + 1 - theta);
        double guess = guessOrMinusOneForExact == -1 ? EffortSolver.guess(beta, theta, 0) : guessOrMinusOneForExact;
        EffortSolver solver = new EffortSolver();
        solver.solve(0, b, beta, theta, 0, 3, guess);
        assertEquals(exact, solver.effort(), 1e-7);
    }

    @Test
    void guessIsClampedAtZero() {
        // (theta beta - (1 - theta) others) / (theta beta + 1 - theta), or 0 when that is negative
        assertEquals((0.5 * 2 - 0.5 * 1) / (0.5 * 2 + 0.5), EffortSolver.guess(2, 0.5, 1), 1e-15);
        assertEquals(0, EffortSolver.guess(2, 0.5, 10));
        assertEquals(0, EffortSolver.guess(1.5, 0, 0));
    }

    @Test
    void logUtilityAndOutput() {
        double a = 0.2;
        double b = 1.1;
        double beta = 1.6;
        double x = 0.7 + 2.0;
        double g = a * x + b * Math.pow(x, beta);
        assertEquals(g, EffortSolver.output(a, b, beta, x), 1e-15);
        assertEquals(0, EffortSolver.output(a, b, beta, 0));
        assertEquals(0.3 * Math.log(g / 5) + 0.7 * Math.log(1 - 0.7),
                EffortSolver.logUtility(a, b, beta, 0.3, 2.0, 5, 0.7), 1e-14);
        assertEquals(Double.NEGATIVE_INFINITY, EffortSolver.logUtility(a, b, beta, 0.3, 0, 5, 0));
        assertEquals(Double.NEGATIVE_INFINITY, EffortSolver.logUtility(a, b, beta, 0.3, 1, 5, 1));
    }
}
