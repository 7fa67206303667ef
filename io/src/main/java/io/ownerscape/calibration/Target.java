package io.ownerscape.calibration;

/**
 * One calibration target: what is measured, the band a run's value must lie in, the published
 * figure it comes from and how the value is read from a run.
 *
 * @param key       stable snake_case key in {@code calibration.json} and {@code summary.json}
 * @param label     what the value is, in words
 * @param unit      how the value is shown
 * @param low       lowest value that passes ({@link Double#NEGATIVE_INFINITY} when unbounded)
 * @param high      highest value that passes ({@link Double#POSITIVE_INFINITY} when unbounded)
 * @param reference the published figure the band is around, NaN where the source gives a range
 * @param source    the source of the figure and of the band, as cited in calibration.md
 * @param readFrom  which output of a run the value comes from, and over which months
 * @param reading   reads the value from a run; NaN when the run does not measure it
 */
public record Target(String key, String label, Unit unit, double low, double high, double reference,
                     String source, String readFrom, Reading reading) {

    /** How a value is shown. */
    public enum Unit {
        /** A share, shown in percent. */
        SHARE,
        /** A ratio, an elasticity or an exponent, shown as a plain number. */
        NUMBER,
        /** A relative change, shown as a signed percentage. */
        CHANGE
    }

    /** Reads a target's value from a run. */
    @FunctionalInterface
    public interface Reading {
        double read(Observation run);
    }

    public Target {
        if (!(low <= high)) {
            throw new IllegalArgumentException(key + ": band [" + low + ", " + high + "] is empty");
        }
    }

    /** Whether {@code value} is measured and inside the band, bounds included. */
    public boolean inBand(double value) {
        return !Double.isNaN(value) && value >= low && value <= high;
    }

    /** The band in words, bounds to three significant digits: "5% to 14%", "at most 3%", "1.2 to 1.8". */
    public String band() {
        boolean bottom = low != Double.NEGATIVE_INFINITY;
        boolean top = high != Double.POSITIVE_INFINITY;
        if (bottom && top) {
            return bound(low) + " to " + bound(high);
        }
        return bottom ? "at least " + bound(low) : "at most " + bound(high);
    }

    private String bound(double value) {
        double shown = unit == Unit.NUMBER ? value : 100 * value;
        String digits = new java.math.BigDecimal(shown).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
        return switch (unit) {
            case NUMBER -> digits;
            case SHARE -> digits + "%";
            case CHANGE -> (shown > 0 ? "+" : "") + digits + "%";
        };
    }

    /** A value in this target's unit; "—" when not measured. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return switch (unit) {
            case SHARE -> String.format(Math.abs(value) < 0.1 ? "%.2f%%" : "%.1f%%", 100 * value);
            case CHANGE -> String.format("%+.1f%%", 100 * value);
            case NUMBER -> String.format(Math.abs(value) < 10 ? "%.3f" : "%.1f", value);
        };
    }
}
