package io.ownerscape.model.parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a parameter may take, parsed from {@link Parameter#range()}. Alternatives are joined by
 * {@code " or "}; each is one of
 * <ul>
 *   <li>{@code LO to HI}: a closed range;</li>
 *   <li>{@code [LO, HI]}, {@code (LO, HI]}, {@code [LO, HI)}, {@code (LO, HI)}: an interval with
 *       its ends open or closed;</li>
 *   <li>{@code at least LO};</li>
 *   <li>{@code V} or {@code V (what it means)}: a single value, such as {@code 0 (no hierarchy)}.</li>
 * </ul>
 * A bound is a number or another parameter's key of the same record ({@code forecast_months to 600}),
 * so relations between two parameters are declared where the range is. The empty range allows
 * every value of the type.
 */
public final class AllowedRange {
    private static final String BOUND = "(-?[0-9.]+(?:[eE]-?[0-9]+)?|[a-z][a-z0-9_]*)";
    private static final Pattern CLOSED = Pattern.compile(BOUND + " to " + BOUND);
    private static final Pattern INTERVAL = Pattern.compile("([\\[(])" + BOUND + ", " + BOUND + "([\\])])");
    private static final Pattern AT_LEAST = Pattern.compile("at least " + BOUND);
    private static final Pattern SINGLE = Pattern.compile("(-?[0-9.]+)(?: \\(([^)]+)\\))?");

    private enum Kind { CLOSED, INTERVAL, AT_LEAST, SINGLE }

    private record Alternative(Kind kind, String lo, String hi, boolean loOpen, boolean hiOpen, String note) {
    }

    private final String spec;
    private final List<Alternative> alternatives;

    private AllowedRange(String spec, List<Alternative> alternatives) {
        this.spec = spec;
        this.alternatives = alternatives;
    }

    /**
     * @throws IllegalArgumentException naming the spec and the part it cannot read
     */
    public static AllowedRange parse(String spec) {
        List<Alternative> out = new ArrayList<>();
        if (spec.isEmpty()) {
            return new AllowedRange(spec, out);
        }
        for (String part : spec.split(" or ")) {
            Matcher m;
            if ((m = CLOSED.matcher(part)).matches()) {
                out.add(new Alternative(Kind.CLOSED, m.group(1), m.group(2), false, false, null));
            } else if ((m = INTERVAL.matcher(part)).matches()) {
                out.add(new Alternative(Kind.INTERVAL, m.group(2), m.group(3), m.group(1).equals("("),
                        m.group(4).equals(")"), null));
            } else if ((m = AT_LEAST.matcher(part)).matches()) {
                out.add(new Alternative(Kind.AT_LEAST, m.group(1), null, false, false, null));
            } else if ((m = SINGLE.matcher(part)).matches()) {
                out.add(new Alternative(Kind.SINGLE, m.group(1), m.group(1), false, false, m.group(2)));
            } else {
                throw new IllegalArgumentException("range '" + spec + "': cannot read '" + part
                        + "'; allowed 'LO to HI', '[LO, HI)' and the like, 'at least LO', 'V (meaning)', joined by ' or '");
            }
        }
        return new AllowedRange(spec, List.copyOf(out));
    }

    /** Whether every value is allowed (a switch). */
    public boolean isAny() {
        return alternatives.isEmpty();
    }

    /** The keys of other parameters this range is bounded by. */
    public List<String> boundKeys() {
        List<String> keys = new ArrayList<>();
        for (Alternative a : alternatives) {
            for (String b : new String[] {a.lo, a.hi}) {
                if (b != null && isKey(b) && !keys.contains(b)) {
                    keys.add(b);
                }
            }
        }
        return keys;
    }

    /**
     * @param value  the value to check
     * @param lookup the value of another key of the same record (for bounds that name one)
     */
    public boolean allows(double value, Function<String, Number> lookup) {
        if (alternatives.isEmpty()) {
            return true;
        }
        for (Alternative a : alternatives) {
            double lo = bound(a.lo, lookup);
            switch (a.kind) {
                case SINGLE -> {
                    if (value == lo) {
                        return true;
                    }
                }
                case AT_LEAST -> {
                    if (value >= lo) {
                        return true;
                    }
                }
                case CLOSED, INTERVAL -> {
                    double hi = bound(a.hi, lookup);
                    boolean above = a.loOpen ? value > lo : value >= lo;
                    boolean below = a.hiOpen ? value < hi : value <= hi;
                    if (above && below) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The allowed values as an error message says them, with the current value of any key a bound
     * names: {@code 0.0 to 2.0}, {@code (0, 1]}, {@code 0 (no hierarchy) or 2 to 1000},
     * {@code forecast_months (24) to 600}.
     */
    public String describe(Class<?> type, Function<String, Number> lookup) {
        List<String> parts = new ArrayList<>();
        for (Alternative a : alternatives) {
            parts.add(switch (a.kind) {
                case SINGLE -> a.lo + (a.note == null ? "" : " (" + a.note + ")");
                case AT_LEAST -> "at least " + shown(a.lo, type, lookup, true);
                case CLOSED -> shown(a.lo, type, lookup, true) + " to " + shown(a.hi, type, lookup, true);
                case INTERVAL -> (a.loOpen ? "(" : "[") + shown(a.lo, type, lookup, false) + ", "
                        + shown(a.hi, type, lookup, false) + (a.hiOpen ? ")" : "]");
            });
        }
        return String.join(" or ", parts);
    }

    /** The range as declared. */
    @Override
    public String toString() {
        return spec;
    }

    private static boolean isKey(String bound) {
        return Character.isLetter(bound.charAt(0));
    }

    private static double bound(String bound, Function<String, Number> lookup) {
        return isKey(bound) ? lookup.apply(bound).doubleValue() : Double.parseDouble(bound);
    }

    private static String shown(String bound, Class<?> type, Function<String, Number> lookup, boolean typed) {
        if (isKey(bound)) {
            return bound + " (" + lookup.apply(bound) + ")";
        }
        if (!typed) {
            return bound;
        }
        double v = Double.parseDouble(bound);
        return type == double.class ? Double.toString(v) : Long.toString((long) v);
    }
}
