package io.ownerscape.experiment;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.regression.SimpleRegression;

import java.util.ArrayList;
import java.util.List;

/**
 * The interval estimates behind every verdict, each with a 95% confidence interval.
 *
 * <ul>
 *   <li>{@link #mean}: Student's t over independent replications (seeds);</li>
 *   <li>{@link #difference}: difference of two group means, Welch's t with Welch-Satterthwaite
 *       degrees of freedom;</li>
 *   <li>{@link #correlation}: Pearson's r (Hipparchus {@link SimpleRegression}) with the Fisher z interval
 *       {@code tanh(atanh r ± 1.96 / sqrt(n - 3))}.</li>
 * </ul>
 * NaN inputs are dropped; an estimate from too few values has NaN bounds.
 */
public final class Stats {

    /** An estimate with its 95% confidence interval and the number of values behind it. */
    public record Interval(double estimate, double low, double high, int n) {
        /** Whether the interval is known (enough values). */
        public boolean known() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    private Stats() {
    }

    /** Mean and {@code t_{0.975, n-1} s / sqrt(n)}; needs two values for bounds. */
    public static Interval mean(List<Double> values) {
        double[] v = clean(values);
        int n = v.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        if (n < 2) {
            return new Interval(mean, Double.NaN, Double.NaN, 1);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
        if (ss == 0) {
            half = 0;
        }
        return new Interval(mean, mean - half, mean + half, n);
    }

    /** Mean of {@code a} minus mean of {@code b}, Welch interval; needs two values in each. */
    public static Interval difference(List<Double> a, List<Double> b) {
        double[] x = clean(a);
        double[] y = clean(b);
        if (x.length == 0 || y.length == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, x.length + y.length);
        }
        double mx = average(x);
        double my = average(y);
        double d = mx - my;
        if (x.length < 2 || y.length < 2) {
            return new Interval(d, Double.NaN, Double.NaN, x.length + y.length);
        }
        double vx = variance(x, mx) / x.length;
        double vy = variance(y, my) / y.length;
        double se = Math.sqrt(vx + vy);
        if (se == 0) {
            return new Interval(d, d, d, x.length + y.length);
        }
        double df = (vx + vy) * (vx + vy)
                / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        double half = new TDistribution(df).inverseCumulativeProbability(0.975) * se;
        return new Interval(d, d - half, d + half, x.length + y.length);
    }

    /**
     * Estimates of one effect from independent runs, each with its standard error, pooled by
     * inverse-variance weights (a fixed-effect meta-analysis): {@code w_k = 1 / se_k^2},
     * estimate {@code sum w_k d_k / sum w_k}, standard error {@code 1 / sqrt(sum w_k)}, interval
     * ±1.96 of it. Pairs with a NaN or a non-positive standard error are dropped.
     */
    public static Interval pooled(List<Double> estimates, List<Double> standardErrors) {
        double weights = 0;
        double sum = 0;
        int n = 0;
        for (int k = 0; k < estimates.size(); k++) {
            Double d = estimates.get(k);
            Double se = standardErrors.get(k);
            if (d == null || se == null || Double.isNaN(d) || !(se > 0) || Double.isInfinite(se)) {
                continue;
            }
            double w = 1 / (se * se);
            weights += w;
            sum += w * d;
            n++;
        }
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double estimate = sum / weights;
        double half = new NormalDistribution().inverseCumulativeProbability(0.975) / Math.sqrt(weights);
        return new Interval(estimate, estimate - half, estimate + half, n);
    }

    /** Pearson's r with its Fisher z interval; needs four pairs and variation in both. */
    public static Interval correlation(List<Double> x, List<Double> y) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < x.size(); i++) {
            if (!Double.isNaN(x.get(i)) && !Double.isNaN(y.get(i))) {
                r.addData(x.get(i), y.get(i));
            }
        }
        int n = (int) r.getN();
        double rho = r.getR();
        if (n < 4 || Double.isNaN(rho)) {
            return new Interval(rho, Double.NaN, Double.NaN, n);
        }
        double clipped = Math.max(-0.999999, Math.min(0.999999, rho));
        double z = 0.5 * Math.log((1 + clipped) / (1 - clipped));
        double half = new NormalDistribution().inverseCumulativeProbability(0.975) / Math.sqrt(n - 3);
        return new Interval(rho, Math.tanh(z - half), Math.tanh(z + half), n);
    }

    private static double[] clean(List<Double> values) {
        List<Double> out = new ArrayList<>();
        for (Double v : values) {
            if (v != null && !Double.isNaN(v)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double average(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
