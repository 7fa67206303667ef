package io.ownerscape.experiment;

import io.ownerscape.model.labour.LabourKeys;

import java.io.Serializable;
import java.util.List;

/**
 * A labour rule an experiment varies: over a range ({@code min} to {@code max}, for numbers) or
 * over listed levels (any type, booleans included). Designs draw points in the unit cube; a factor
 * maps its coordinate {@code u} in [0, 1] to a value of its key's type.
 *
 * @param key    the labour rule's scenario key
 * @param min    lower end of the range (NaN when levels are listed)
 * @param max    upper end of the range (NaN when levels are listed)
 * @param levels the listed levels, or empty for a range
 */
public record Factor(String key, double min, double max, List<Object> levels) implements Serializable {

    public Factor {
        levels = List.copyOf(levels);
    }

    /** A factor over a range. */
    public static Factor range(String key, double min, double max) {
        return new Factor(key, min, max, List.of());
    }

    /** A factor over listed levels. */
    public static Factor levels(String key, List<Object> levels) {
        return new Factor(key, Double.NaN, Double.NaN, levels);
    }

    public boolean isRange() {
        return levels.isEmpty();
    }

    /**
     * The value at coordinate {@code u}: on a range {@code min + u (max - min)}, rounded for
     * whole-number keys; on levels the level {@code floor(u L)} (the last one at {@code u = 1}).
     */
    public Object valueAt(double u) {
        if (!isRange()) {
            int k = Math.min(levels.size() - 1, (int) Math.floor(u * levels.size()));
            return levels.get(Math.max(0, k));
        }
        double v = min + u * (max - min);
        Class<?> type = LabourKeys.type(key);
        if (type == int.class) {
            return (int) Math.round(v);
        }
        if (type == boolean.class) {
            return u >= 0.5;
        }
        return v;
    }

    /** The value as a number for statistics: booleans 0/1, other non-numbers their level index. */
    public double numeric(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return levels.indexOf(value);
    }

    /** Number of distinct values a grid takes: the levels, or {@code gridLevels} points on a range. */
    int gridSize(int gridLevels) {
        return isRange() ? gridLevels : levels.size();
    }

    /** The grid coordinate of level {@code k} of {@code n}: level midpoints, range ends included. */
    double gridCoordinate(int k, int n) {
        if (isRange()) {
            return n == 1 ? 0.5 : (double) k / (n - 1);
        }
        return (k + 0.5) / n;
    }
}
