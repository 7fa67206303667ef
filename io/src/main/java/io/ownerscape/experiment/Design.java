package io.ownerscape.experiment;

import org.hipparchus.random.SobolSequenceGenerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Points in the space of an experiment's factors. Every design works in the unit cube and maps
 * each coordinate through {@link Factor#valueAt}; random designs take an explicit seed, so the same
 * experiment file always gives the same points.
 *
 * <ul>
 *   <li><b>grid</b>: every combination of the factors' levels ({@code grid_levels} evenly spaced
 *       values, ends included, for a range);</li>
 *   <li><b>lhs</b>: a Latin hypercube of {@code n} points: each factor's range cut into {@code n}
 *       strata, one point at a uniform position in each, strata matched by random permutation
 *       (McKay, Beckman &amp; Conover 1979);</li>
 *   <li><b>sobol</b>: the first {@code n} points of the Sobol low-discrepancy sequence (Joe-Kuo
 *       direction numbers, Hipparchus' {@link SobolSequenceGenerator}), the origin skipped;</li>
 *   <li><b>morris</b>: {@code r} one-at-a-time trajectories of {@code k + 1} points on a
 *       {@code p}-level grid with step {@code Δ = p / (2 (p - 1))} (Morris 1991; Campolongo et al.
 *       2007);</li>
 *   <li><b>saltelli</b>: the matrices A, B and {@code AB_i} (A with column i from B) of Saltelli
 *       et al. (2010), from a {@code 2k}-dimensional Sobol sequence: {@code n (k + 2)} points.</li>
 * </ul>
 */
public final class Design {

    /**
     * One point of a design.
     *
     * @param index  position in the design, from 0
     * @param unit   coordinates in the unit cube, one per factor
     * @param values the factors' values there, by key
     * @param group  the trajectory (Morris) or row of A (Saltelli) it belongs to; its index otherwise
     * @param role   Morris: the step in the trajectory (0 is the base); Saltelli: 0 for A, 1 for
     *               B, {@code 2 + i} for {@code AB_i}; 0 otherwise
     */
    public record Point(int index, double[] unit, Map<String, Object> values, int group, int role) {
    }

    private Design() {
    }

    /** Every combination of levels, the first factor varying slowest. */
    public static List<Point> grid(List<Factor> factors, int gridLevels) {
        int total = 1;
        for (Factor f : factors) {
            total = Math.multiplyExact(total, f.gridSize(gridLevels));
        }
        List<Point> out = new ArrayList<>(total);
        for (int index = 0; index < total; index++) {
            double[] u = new double[factors.size()];
            int rest = index;
            for (int j = factors.size() - 1; j >= 0; j--) {
                int n = factors.get(j).gridSize(gridLevels);
                u[j] = factors.get(j).gridCoordinate(rest % n, n);
                rest /= n;
            }
            out.add(point(factors, index, u, index, 0));
        }
        return out;
    }

    /** A Latin hypercube of {@code n} points. */
    public static List<Point> latinHypercube(List<Factor> factors, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = factors.size();
        double[][] u = new double[n][k];
        for (int j = 0; j < k; j++) {
            int[] perm = permutation(n, random);
            for (int i = 0; i < n; i++) {
                u[i][j] = (perm[i] + random.nextDouble()) / n;
            }
        }
        List<Point> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(point(factors, i, u[i], i, 0));
        }
        return out;
    }

    /** The first {@code n} points of the Sobol sequence after the origin. */
    public static List<Point> sobol(List<Factor> factors, int n) {
        SobolSequenceGenerator generator = new SobolSequenceGenerator(factors.size());
        generator.nextVector(); // the origin
        List<Point> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(point(factors, i, generator.nextVector(), i, 0));
        }
        return out;
    }

    /** The Morris step on a {@code p}-level grid. */
    public static double morrisDelta(int p) {
        return p / (2.0 * (p - 1));
    }

    /**
     * {@code r} Morris trajectories: from a random base on the grid, each factor in random order
     * moves by {@code ±Δ} once. Point {@code role s} of trajectory {@code t} differs from point
     * {@code s - 1} in exactly one factor.
     */
    public static List<Point> morris(List<Factor> factors, int r, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = factors.size();
        double delta = morrisDelta(p);
        int baseLevels = p / 2; // levels 0 .. 1 - delta on the p-level grid
        List<Point> out = new ArrayList<>(r * (k + 1));
        for (int t = 0; t < r; t++) {
            double[] x = new double[k];
            boolean[] up = new boolean[k];
            for (int j = 0; j < k; j++) {
                double low = (double) random.nextInt(baseLevels) / (p - 1);
                up[j] = random.nextBoolean();
                x[j] = up[j] ? low : low + delta;
            }
            int[] order = permutation(k, random);
            out.add(point(factors, out.size(), x.clone(), t, 0));
            for (int s = 0; s < k; s++) {
                int j = order[s];
                x[j] += up[j] ? delta : -delta;
                // Back onto the grid exactly (1 - 2/3 is not 1/3 in floating point), so that equal
                // levels are equal values in the store and in the robustness map.
                x[j] = Math.min(1, Math.max(0, Math.round(x[j] * (p - 1)) / (double) (p - 1)));
                out.add(point(factors, out.size(), x.clone(), t, s + 1));
            }
        }
        return out;
    }

    /**
     * Saltelli's design for Sobol indices: for each of {@code n} rows, A, B, then {@code AB_1 ..
     * AB_k}.
     */
    public static List<Point> saltelli(List<Factor> factors, int n) {
        int k = factors.size();
        SobolSequenceGenerator generator = new SobolSequenceGenerator(2 * k);
        generator.nextVector(); // the origin
        List<Point> out = new ArrayList<>(n * (k + 2));
        for (int i = 0; i < n; i++) {
            double[] v = generator.nextVector();
            double[] a = new double[k];
            double[] b = new double[k];
            System.arraycopy(v, 0, a, 0, k);
            System.arraycopy(v, k, b, 0, k);
            out.add(point(factors, out.size(), a, i, 0));
            out.add(point(factors, out.size(), b, i, 1));
            for (int j = 0; j < k; j++) {
                double[] ab = a.clone();
                ab[j] = b[j];
                out.add(point(factors, out.size(), ab, i, 2 + j));
            }
        }
        return out;
    }

    private static Point point(List<Factor> factors, int index, double[] u, int group, int role) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int j = 0; j < factors.size(); j++) {
            values.put(factors.get(j).key(), factors.get(j).valueAt(u[j]));
        }
        return new Point(index, u, values, group, role);
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        return perm;
    }
}
