package io.ownerscape.model.metrics;

import java.util.Arrays;

/** Inequality of a distribution of wealth: the Gini coefficient and the Lorenz curve. */
public final class Inequality {
    private Inequality() {
    }

    /**
     * The Gini coefficient {@code sum_i (2 i - n - 1) x_(i) / (n sum x)} over the sorted values
     * ({@code i} from 1); 0 for equal values. Negative values (debts) are allowed and can push
     * it above 1; {@code NaN} if the total is not positive.
     */
    public static double gini(double[] values) {
        double[] x = sortedCopy(values);
        int n = x.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += x[i];
            weighted += (2.0 * (i + 1) - n - 1) * x[i];
        }
        return total > 0 ? weighted / (n * total) : Double.NaN;
    }

    /**
     * The Lorenz curve at {@code points + 1} evenly spaced population shares 0, 1/points, ..., 1:
     * element k is the share of total wealth held by the poorest k/points of persons.
     */
    public static double[] lorenz(double[] values, int points) {
        double[] x = sortedCopy(values);
        double total = 0;
        for (double v : x) {
            total += v;
        }
        double[] out = new double[points + 1];
        double running = 0;
        int i = 0;
        for (int k = 1; k <= points; k++) {
            int upTo = (int) Math.round((double) k * x.length / points);
            while (i < upTo) {
                running += x[i++];
            }
            out[k] = total == 0 ? 0 : running / total;
        }
        return out;
    }

    /**
     * A sorted copy, sorted in place: a parallel sort would need a second buffer as large, which a
     * world of a hundred million persons (1.3 GB of wealth) may not have at the end of its run.
     */
    private static double[] sortedCopy(double[] values) {
        double[] x = values.clone();
        Arrays.sort(x);
        return x;
    }
}
