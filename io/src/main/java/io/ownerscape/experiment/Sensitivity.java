package io.ownerscape.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sensitivity measures of one output to each factor, computed from a design's points and the
 * output at each (the mean over seeds, so every point sees the same seeds).
 *
 * <p><b>Morris elementary effects.</b> Along a trajectory, the step that moves factor {@code i} by
 * {@code ±Δ} gives {@code EE_i = (y_after - y_before) / (±Δ)} in unit-cube coordinates, so effects
 * of different factors are comparable. Over the {@code r} trajectories: {@code μ} (mean), {@code μ*}
 * (mean of {@code |EE|}, Campolongo et al. 2007: the overall influence) and {@code σ} (standard
 * deviation: interactions or non-linearity).
 *
 * <p><b>Sobol indices.</b> From Saltelli's matrices: first order
 * {@code S_i = mean(f(B) (f(AB_i) - f(A))) / V} (Saltelli et al. 2010) and total
 * {@code ST_i = mean((f(A) - f(AB_i))^2) / (2V)} (Jansen 1999), {@code V} the variance of
 * {@code f(A)} and {@code f(B)} together; 95% intervals by a percentile bootstrap over rows
 * (1,000 resamples, fixed seed).
 */
public final class Sensitivity {

    /** Morris measures of one factor. */
    public record Morris(String factor, double mu, double muStar, double sigma, int effects) {
    }

    /** Sobol indices of one factor with their 95% bootstrap intervals. */
    public record Sobol(String factor, double first, double firstLow, double firstHigh,
                        double total, double totalLow, double totalHigh) {
    }

    private Sensitivity() {
    }

    /**
     * Morris measures from {@link Design#morris} points and the output at each; points whose
     * output is NaN drop the effects they take part in.
     */
    public static List<Morris> morris(List<Factor> factors, List<Design.Point> points, double[] y) {
        int k = factors.size();
        List<List<Double>> effects = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            effects.add(new ArrayList<>());
        }
        for (int i = 1; i < points.size(); i++) {
            Design.Point before = points.get(i - 1);
            Design.Point after = points.get(i);
            if (after.role() == 0 || after.group() != before.group()) {
                continue;
            }
            int moved = -1;
            for (int j = 0; j < k; j++) {
                if (after.unit()[j] != before.unit()[j]) {
                    moved = j;
                }
            }
            if (moved < 0 || Double.isNaN(y[i]) || Double.isNaN(y[i - 1])) {
                continue;
            }
            double step = after.unit()[moved] - before.unit()[moved];
            effects.get(moved).add((y[i] - y[i - 1]) / step);
        }
        List<Morris> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            List<Double> e = effects.get(j);
            double mu = 0;
            double muStar = 0;
            for (double v : e) {
                mu += v;
                muStar += Math.abs(v);
            }
            int n = e.size();
            mu = n == 0 ? Double.NaN : mu / n;
            muStar = n == 0 ? Double.NaN : muStar / n;
            double ss = 0;
            for (double v : e) {
                ss += (v - mu) * (v - mu);
            }
            double sigma = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
            out.add(new Morris(factors.get(j).key(), mu, muStar, sigma, n));
        }
        return out;
    }

    /**
     * Sobol indices from {@link Design#saltelli} points and the output at each; rows with a NaN
     * output anywhere are left out.
     */
    public static List<Sobol> sobol(List<Factor> factors, List<Design.Point> points, double[] y) {
        int k = factors.size();
        int width = k + 2;
        List<double[]> rows = new ArrayList<>();
        for (int start = 0; start + width <= points.size(); start += width) {
            double[] row = Arrays.copyOfRange(y, start, start + width);
            if (Arrays.stream(row).noneMatch(Double::isNaN)) {
                rows.add(row);
            }
        }
        double[][] base = rows.toArray(new double[0][]);
        double[][] point = indices(base, k);
        SplittableRandom random = new SplittableRandom(20_100_101L);
        int resamples = 1000;
        double[][][] boot = new double[resamples][][];
        for (int b = 0; b < resamples; b++) {
            double[][] sample = new double[base.length][];
            for (int i = 0; i < base.length; i++) {
                sample[i] = base[random.nextInt(base.length)];
            }
            boot[b] = indices(sample, k);
        }
        List<Sobol> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double[] first = new double[resamples];
            double[] total = new double[resamples];
            for (int b = 0; b < resamples; b++) {
                first[b] = boot[b][0][j];
                total[b] = boot[b][1][j];
            }
            out.add(new Sobol(factors.get(j).key(), point[0][j], quantile(first, 0.025), quantile(first, 0.975),
                    point[1][j], quantile(total, 0.025), quantile(total, 0.975)));
        }
        return out;
    }

    /** {first[k], total[k]} from rows {f(A), f(B), f(AB_1), ..., f(AB_k)}; NaN without variance. */
    private static double[][] indices(double[][] rows, int k) {
        int n = rows.length;
        double[][] out = new double[2][k];
        if (n < 2) {
            Arrays.fill(out[0], Double.NaN);
            Arrays.fill(out[1], Double.NaN);
            return out;
        }
        double mean = 0;
        for (double[] r : rows) {
            mean += r[0] + r[1];
        }
        mean /= 2.0 * n;
        double variance = 0;
        for (double[] r : rows) {
            variance += (r[0] - mean) * (r[0] - mean) + (r[1] - mean) * (r[1] - mean);
        }
        variance /= 2.0 * n - 1;
        for (int j = 0; j < k; j++) {
            double s = 0;
            double t = 0;
            for (double[] r : rows) {
                s += r[1] * (r[2 + j] - r[0]);
                t += (r[0] - r[2 + j]) * (r[0] - r[2 + j]);
            }
            out[0][j] = variance > 0 ? s / n / variance : Double.NaN;
            out[1][j] = variance > 0 ? t / (2.0 * n) / variance : Double.NaN;
        }
        return out;
    }

    private static double quantile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
