package io.ownerscape.model.goods;

import io.ownerscape.model.world.Regions;

import java.util.Arrays;

/**
 * Firms with room to hire, by region, as the goods market's last review left them: a firm whose
 * customers would buy more than it makes, {@code C_f > O_f}, has a vacancy of weight
 * {@code C_f - O_f}. A job seeker's search contact is a vacancy of their region drawn with
 * probability proportional to that weight ({@link #sample}). Built once a month, read by the
 * deciders of the next month; never written while they run.
 */
public final class Vacancies {
    private final Regions regions;
    /** Firms with a vacancy, grouped by region, in firm order within a region. */
    private int[] firms = new int[0];
    /** Running sums of the vacancies' weights within each region's group. */
    private double[] cumulative = new double[0];
    /** Region r's vacancies are {@code [start[r], start[r + 1])}. */
    private final int[] start;

    public Vacancies(Regions regions) {
        this.regions = regions;
        this.start = new int[regions.count() + 1];
    }

    /** An independent copy, for a fork of the economy. */
    public Vacancies copy() {
        Vacancies c = new Vacancies(regions);
        c.firms = firms.clone();
        c.cumulative = cumulative.clone();
        System.arraycopy(start, 0, c.start, 0, start.length);
        return c;
    }

    /**
     * Rebuilds the table from per-chunk lists of (firm, region, weight) in firm order; chunks are
     * taken in order, so the table is the same for any thread count.
     */
    public void build(int[][] chunkFirms, int[][] chunkRegions, double[][] chunkWeights, int[] chunkCounts) {
        int total = 0;
        Arrays.fill(start, 0);
        for (int c = 0; c < chunkFirms.length; c++) {
            total += chunkCounts[c];
            for (int k = 0; k < chunkCounts[c]; k++) {
                start[chunkRegions[c][k] + 1]++;
            }
        }
        for (int r = 0; r < regions.count(); r++) {
            start[r + 1] += start[r];
        }
        if (firms.length < total) {
            firms = new int[total + total / 8];
            cumulative = new double[firms.length];
        }
        int[] next = Arrays.copyOf(start, start.length - 1);
        for (int c = 0; c < chunkFirms.length; c++) {
            for (int k = 0; k < chunkCounts[c]; k++) {
                int f = chunkFirms[c][k];
                int at = next[chunkRegions[c][k]]++;
                firms[at] = f;
                cumulative[at] = chunkWeights[c][k];
            }
        }
        for (int r = 0; r < regions.count(); r++) {
            for (int k = start[r] + 1; k < start[r + 1]; k++) {
                cumulative[k] += cumulative[k - 1];
            }
        }
    }

    /** Vacancies in region r. */
    int count(int region) {
        return start[region + 1] - start[region];
    }

    /**
     * A firm with a vacancy in the region, drawn with probability proportional to its weight
     * from the uniform {@code u} in [0, 1); -1 if the region has none.
     */
    public int sample(int region, double u) {
        int from = start[region];
        int to = start[region + 1];
        if (from == to) {
            return -1;
        }
        double target = u * cumulative[to - 1];
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return firms[lo];
    }

    /**
     * Renumbers the listed firms after {@code Firms.compact} (ids keep their order, so each
     * region's list stays in firm order); a firm dissolved since the review becomes -1, which
     * {@link #sample} returns as it returns an empty region's.
     */
    public void renumber(int[] newId) {
        int total = start[regions.count()];
        for (int k = 0; k < total; k++) {
            int f = firms[k];
            firms[k] = f < 0 ? -1 : newId[f];
        }
    }

    public long bytes() {
        return 12L * firms.length + 4L * start.length;
    }
}
