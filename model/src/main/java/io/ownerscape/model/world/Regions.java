package io.ownerscape.model.world;

import java.util.Arrays;

/**
 * Local labour markets: persons are divided into {@code count} regions of Zipf-distributed sizes
 * (region r, from 0, holds a share proportional to {@code 1 / (r + 1)}, as city sizes do), by
 * contiguous ranges of ids. A person's region is a pure function of their id; a firm is located in
 * its founder's region.
 */
public final class Regions {
    private final int[] starts;

    /** Regions for {@code persons} persons; every region gets at least one person. */
    public Regions(int persons, int count) {
        if (count < 1 || count > persons) {
            throw new IllegalArgumentException("regions = " + count + ": allowed 1 to persons (" + persons + ")");
        }
        double total = 0;
        for (int r = 0; r < count; r++) {
            total += 1.0 / (r + 1);
        }
        starts = new int[count + 1];
        double cumulative = 0;
        for (int r = 0; r < count; r++) {
            starts[r] = (int) Math.round(persons * cumulative / total);
            cumulative += 1.0 / (r + 1);
        }
        starts[count] = persons;
        // Rounding may leave a tiny region empty: give each at least one person.
        for (int r = 1; r <= count; r++) {
            starts[r] = Math.max(starts[r], starts[r - 1] + 1);
        }
        for (int r = count - 1; r >= 0 && starts[r + 1] > persons - (count - 1 - r); r--) {
            starts[r + 1] = Math.min(starts[r + 1], persons - (count - 1 - r));
        }
        starts[count] = persons;
    }

    public int count() {
        return starts.length - 1;
    }

    /** The first person of region r. */
    public int start(int region) {
        return starts[region];
    }

    /** One past the last person of region r. */
    public int end(int region) {
        return starts[region + 1];
    }

    /** The region of a person. */
    public int of(int person) {
        if (starts.length == 2) {
            return 0;
        }
        int at = Arrays.binarySearch(starts, 0, starts.length - 1, person);
        return at >= 0 ? at : -at - 2;
    }
}
