package io.ownerscape.model;

import io.ownerscape.model.parameter.Parameter;
import io.ownerscape.model.parameter.ParameterSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of Axtell's endogenous-firms model (Axtell 2013/2016; {@code docs/MODEL.md} §2.5),
 * each declared once by its {@link Parameter} annotation with Axtell's full-scale default. Checks
 * that relate several of them (a bound below its partner, the network's parity) stay in
 * {@link #violations()}.
 */
public record ModelParameters(
        @Parameter(section = "2.5", symbol = "N", unit = "persons", range = "20 to 400000000", axtell = "1000000",
                meaning = "number of persons (run, experiments and the demo: 100,000 unless given; bench and calibrate: 1,000,000; the dashboard: 20,000)",
                source = "model's own (Axtell 2013/2016 full scale: 120 million, calibration.md §4)")
        int persons,
        @Parameter(section = "2.5", symbol = "p", unit = "probability per person and month", range = "(0, 1]",
                axtell = "0.04", meaning = "probability that a person reconsiders in a month",
                source = "Axtell 2013/2016, calibration.md §4 (4% of agents activated per period)")
        double activationRate,
        @Parameter(section = "2.5", symbol = "K", unit = "rounds per month", range = "1 to 1000", axtell = "4",
                meaning = "decide/apply rounds a month is cut into; persons active in the same round decide against the"
                        + " same snapshot",
                source = "model's own (§7.8)")
        int substeps,
        @Parameter(section = "2.5", axtell = "false",
                meaning = "active persons act one at a time in random order (Axtell's schedule); substeps is then ignored",
                source = "true is Axtell's schedule; false is the model's own (§7.8)")
        boolean sequential,
        @Parameter(section = "2.5", symbol = "a_min", unit = "output per unit of effort", range = "0 to 10",
                axtell = "0", meaning = "lower bound of a new firm's constant-returns coefficient a (uniform)",
                source = "Axtell 2013/2016: a ~ U[0, 1/2], calibration.md §4")
        double aMin,
        @Parameter(section = "2.5", symbol = "a_max", unit = "output per unit of effort", range = "0 to 10",
                axtell = "0.5", meaning = "upper bound of a", source = "as a_min")
        double aMax,
        @Parameter(section = "2.5", symbol = "b_min", unit = "output per unit of effort^beta", range = "0 to 10",
                axtell = "0.75", meaning = "lower bound of a new firm's increasing-returns coefficient b (uniform)",
                source = "Axtell 2013/2016: b ~ U[3/4, 5/4]")
        double bMin,
        @Parameter(section = "2.5", symbol = "b_max", unit = "output per unit of effort^beta", range = "0 to 10",
                axtell = "1.25", meaning = "upper bound of b", source = "as b_min")
        double bMax,
        @Parameter(section = "2.5", symbol = "β_min", range = "1 to 4", axtell = "1.5",
                meaning = "lower bound of a new firm's returns exponent beta (uniform)",
                source = "Axtell 2013/2016: beta ~ U[3/2, 2]")
        double betaMin,
        @Parameter(section = "2.5", symbol = "β_max", range = "1 to 4", axtell = "2",
                meaning = "upper bound of beta", source = "as beta_min")
        double betaMax,
        @Parameter(section = "2.5", symbol = "d_min", unit = "friends", range = "1 to 30", axtell = "2",
                meaning = "fewest friends a person draws", source = "Axtell 2013/2016: 2-6 friends, calibration.md §4")
        int friendsMin,
        @Parameter(section = "2.5", symbol = "d_max", unit = "friends", range = "1 to 30", axtell = "6",
                meaning = "most friends a person draws", source = "as friends_min")
        int friendsMax) implements java.io.Serializable {

    /** Smallest population the network construction supports. */
    public static final int MIN_PERSONS = 20;
    /**
     * Largest population in any case; the person records (2 + friends_max ints each) must also fit
     * one Java array, about 268 million persons with the default 6 friends at most.
     */
    public static final int MAX_PERSONS = 400_000_000;

    /** Axtell's full-scale defaults for {@code persons} persons. */
    public static ModelParameters defaults(int persons) {
        return ParameterSet.of(ModelParameters.class).preset(ParameterSet.Base.AXTELL).withPersons(persons);
    }

    public ModelParameters withPersons(int n) {
        return new ModelParameters(n, activationRate, substeps, sequential, aMin, aMax, bMin, bMax,
                betaMin, betaMax, friendsMin, friendsMax);
    }

    public ModelParameters withSubsteps(int k) {
        return new ModelParameters(persons, activationRate, k, sequential, aMin, aMax, bMin, bMax,
                betaMin, betaMax, friendsMin, friendsMax);
    }

    public ModelParameters withSequential(boolean s) {
        return new ModelParameters(persons, activationRate, substeps, s, aMin, aMax, bMin, bMax,
                betaMin, betaMax, friendsMin, friendsMax);
    }

    /**
     * @return every violated bound as a message naming the parameter, its value and what is
     *     allowed; empty if the parameters are valid
     */
    public List<String> violations() {
        List<String> out = new ArrayList<>(ParameterSet.of(ModelParameters.class).violations(this));
        ordered(out, "a_min", aMin, "a_max", aMax);
        ordered(out, "b_min", bMin, "b_max", bMax);
        ordered(out, "beta_min", betaMin, "beta_max", betaMax);
        if (bMin <= 0 && aMin <= 0) {
            out.add("a_min = " + aMin + " and b_min = " + bMin + ": at least one must be positive");
        }
        if (friendsMin > friendsMax) {
            out.add("friends_min = " + friendsMin + ", friends_max = " + friendsMax
                    + ": allowed 1 <= friends_min <= friends_max <= 30");
        }
        if (friendsMin == friendsMax && (friendsMin & 1) == 1 && (persons & 1) == 1) {
            out.add("friends_min = friends_max = " + friendsMin + " with persons = " + persons
                    + ": an odd number of persons cannot all have the same odd number of friends;"
                    + " allowed: an even number of persons, an even degree, or friends_min < friends_max");
        }
        if (persons >= MIN_PERSONS && persons <= MAX_PERSONS && friendsMax >= 1
                && (long) persons * (2 + friendsMax) > Integer.MAX_VALUE - 16) {
            out.add("persons = " + persons + " with friends_max = " + friendsMax
                    + ": person records of 2 + friends_max ints must fit one Java array; allowed"
                    + " persons <= " + (Integer.MAX_VALUE - 16) / (2 + friendsMax));
        }
        if (persons >= MIN_PERSONS && friendsMax >= persons / 2) {
            out.add("friends_max = " + friendsMax + " with persons = " + persons
                    + ": persons must be more than twice friends_max");
        }
        return out;
    }

    /** @throws IllegalArgumentException listing every violation, if there is any */
    public ModelParameters validated() {
        List<String> v = violations();
        if (!v.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", v));
        }
        return this;
    }

    private static void ordered(List<String> out, String loName, double lo, String hiName, double hi) {
        if (lo > hi) {
            out.add(loName + " = " + lo + " is above " + hiName + " = " + hi + ": allowed "
                    + loName + " <= " + hiName);
        }
    }
}
