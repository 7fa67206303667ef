package io.ownerscape.model.metrics;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * Maximum-likelihood fit of a discrete power law {@code p(x) = x^-alpha / zeta(alpha, xmin)} for
 * {@code x >= xmin}, with {@code xmin} chosen to minimise the Kolmogorov-Smirnov distance between
 * the data and the fitted law (Clauset, Shalizi and Newman, SIAM Review 51, 2009).
 *
 * <p>The likelihood is maximised by Brent's method on {@code alpha in [1.01, 6]}. Candidate
 * thresholds are the distinct values with at least {@code minTail} observations at or above them;
 * to keep a monthly fit cheap at large scale, above 30 the candidates are thinned to about 30 per
 * decade (a threshold is kept when it is at least 10^(1/30) times the last kept one).
 *
 * <p>The Zipf exponent of the firm-size literature is the exponent of the complementary CDF,
 * {@code P(X >= x) ~ x^-(alpha - 1)}: {@link Result#ccdfExponent()}.
 */
public final class PowerLawFit {
    private static final double MIN_ALPHA = 1.01;
    private static final double MAX_ALPHA = 6.0;

    /**
     * @param alpha        exponent of the probability mass function
     * @param xmin         the threshold chosen
     * @param tailCount    observations at or above xmin
     * @param ksDistance   the Kolmogorov-Smirnov distance at the chosen threshold
     */
    public record Result(double alpha, long xmin, long tailCount, double ksDistance) {
        /** The Zipf exponent: of the complementary CDF, {@code alpha - 1}. */
        public double ccdfExponent() {
            return alpha - 1;
        }

        static final Result NONE = new Result(Double.NaN, 0, 0, Double.NaN);
    }

    private PowerLawFit() {
    }

    /**
     * @param values  distinct positive values in increasing order
     * @param counts  how often each value occurs
     * @param minTail fewest observations a candidate tail must hold
     * @return the fit, or a result of NaN if no candidate tail is large enough
     */
    public static Result fit(long[] values, long[] counts, int minTail) {
        int d = values.length;
        if (d < 2) {
            return Result.NONE;
        }
        long[] tailCount = new long[d + 1];
        double[] tailLogSum = new double[d + 1];
        for (int j = d - 1; j >= 0; j--) {
            if (values[j] <= 0 || (j > 0 && values[j] <= values[j - 1])) {
                throw new IllegalArgumentException("values must be positive and increasing");
            }
            tailCount[j] = tailCount[j + 1] + counts[j];
            tailLogSum[j] = tailLogSum[j + 1] + counts[j] * Math.log(values[j]);
        }
        Result best = Result.NONE;
        long lastKept = 0;
        for (int j = 0; j < d - 1; j++) {
            if (tailCount[j] < minTail) {
                break;
            }
            long x = values[j];
            if (x > 30 && lastKept > 0 && x < lastKept * Math.pow(10, 1.0 / 30)) {
                continue;
            }
            lastKept = x;
            double alpha = maximiseLikelihood(x, tailCount[j], tailLogSum[j]);
            double ks = ksDistance(values, counts, j, tailCount[j], alpha);
            if (Double.isNaN(best.ksDistance()) || ks < best.ksDistance()) {
                best = new Result(alpha, x, tailCount[j], ks);
            }
        }
        return best;
    }

    /** Log-likelihood per observation: {@code -alpha mean(ln x) - ln zeta(alpha, xmin)}. */
    static double logLikelihood(double alpha, long xmin, long n, double logSum) {
        return -alpha * logSum / n - Math.log(HurwitzZeta.zeta(alpha, xmin));
    }

    private static double maximiseLikelihood(long xmin, long n, double logSum) {
        BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-12);
        return brent.optimize(new MaxEval(500), GoalType.MAXIMIZE,
                new UnivariateObjectiveFunction(a -> logLikelihood(a, xmin, n, logSum)),
                new SearchInterval(MIN_ALPHA, MAX_ALPHA)).getPoint();
    }

    /**
     * Sup over integers {@code x >= xmin} of |empirical CDF - fitted CDF|. Both are step functions
     * and the empirical one is flat between data values, so the sup is reached at a data value or
     * just before the next one.
     */
    private static double ksDistance(long[] values, long[] counts, int from, long n, double alpha) {
        double norm = HurwitzZeta.zeta(alpha, values[from]);
        double worst = 0;
        long cumulative = 0;
        for (int j = from; j < values.length; j++) {
            cumulative += counts[j];
            double empirical = (double) cumulative / n;
            double modelAt = 1 - HurwitzZeta.zeta(alpha, values[j] + 1) / norm;
            worst = Math.max(worst, Math.abs(empirical - modelAt));
            if (j + 1 < values.length && values[j + 1] > values[j] + 1) {
                double modelBeforeNext = 1 - HurwitzZeta.zeta(alpha, values[j + 1]) / norm;
                worst = Math.max(worst, Math.abs(empirical - modelBeforeNext));
            }
        }
        return worst;
    }
}
