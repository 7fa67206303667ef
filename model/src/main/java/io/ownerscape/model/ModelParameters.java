package io.ownerscape.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Every parameter of the endogenous-firms model, with the defaults of Axtell's full-scale version
 * (Axtell 2013/2016; see {@code docs/MODEL.md}).
 *
 * @param persons          number of persons, at least {@link #MIN_PERSONS}
 * @param activationRate   probability that a person reconsiders in a month, in (0, 1]; 0.04
 * @param substeps         decide/apply rounds a month is cut into, 1 to 1,000; 4. Persons active
 *                         in the same round decide against the same snapshot
 * @param sequential       if true, active persons act one at a time in random order (Axtell's
 *                         schedule); {@code substeps} is then ignored
 * @param aMin             lower bound of a firm's constant-returns coefficient a; 0
 * @param aMax             upper bound of a; 0.5
 * @param bMin             lower bound of a firm's increasing-returns coefficient b; 0.75
 * @param bMax             upper bound of b; 1.25
 * @param betaMin          lower bound of a firm's returns exponent beta; 1.5
 * @param betaMax          upper bound of beta; 2
 * @param friendsMin       fewest friends a person draws; 2
 * @param friendsMax       most friends a person draws; 6
 */
public record ModelParameters(
        int persons,
        double activationRate,
        int substeps,
        boolean sequential,
        double aMin,
        double aMax,
        double bMin,
        double bMax,
        double betaMin,
        double betaMax,
        int friendsMin,
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
        return new ModelParameters(persons, 0.04, 4, false, 0.0, 0.5, 0.75, 1.25, 1.5, 2.0, 2, 6);
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
        List<String> out = new ArrayList<>();
        if (persons < MIN_PERSONS || persons > MAX_PERSONS) {
            out.add("persons = " + persons + ": allowed " + MIN_PERSONS + " to " + MAX_PERSONS);
        }
        if (!(activationRate > 0 && activationRate <= 1)) {
            out.add("activation_rate = " + activationRate + ": allowed (0, 1]");
        }
        if (substeps < 1 || substeps > 1000) {
            out.add("substeps = " + substeps + ": allowed 1 to 1000");
        }
        range(out, "a_min", aMin, "a_max", aMax, 0, 10);
        range(out, "b_min", bMin, "b_max", bMax, 0, 10);
        range(out, "beta_min", betaMin, "beta_max", betaMax, 1, 4);
        if (bMin <= 0 && aMin <= 0) {
            out.add("a_min = " + aMin + " and b_min = " + bMin + ": at least one must be positive");
        }
        if (friendsMin < 1 || friendsMax > 30 || friendsMin > friendsMax) {
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

    private static void range(List<String> out, String loName, double lo, String hiName, double hi,
                              double min, double max) {
        if (!(lo >= min && lo <= max)) {
            out.add(loName + " = " + lo + ": allowed " + min + " to " + max);
        }
        if (!(hi >= min && hi <= max)) {
            out.add(hiName + " = " + hi + ": allowed " + min + " to " + max);
        }
        if (lo > hi) {
            out.add(loName + " = " + lo + " is above " + hiName + " = " + hi + ": allowed "
                    + loName + " <= " + hiName);
        }
    }
}
