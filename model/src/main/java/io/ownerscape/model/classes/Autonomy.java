package io.ownerscape.model.classes;

import io.ownerscape.model.labour.LabourParameters;

/**
 * A worker's autonomy (Hirschman 1970: exit and voice) as four components in [0, 1] and their
 * mean, the composite index:
 * <ul>
 *   <li><b>exit</b>: distinct alternatives (friends' firms that would take the person, and a firm
 *       of their own when its option was solved) that give at least 95% of the utility of the
 *       option the person chose at their last activation, as {@code min(1, count / 3)};</li>
 *   <li><b>bargaining</b>: pay over marginal revenue product, {@code min(1, pay / MRP)}: one minus
 *       the wage markdown (Manning 2003); 1 for an owner;</li>
 *   <li><b>protection</b>: {@code F / (F + H)} for a firing cost F and a dismissal horizon H, 1 when
 *       nobody is dismissed;</li>
 *   <li><b>ownership</b>: 1 for the owner of the firm, 0 otherwise.</li>
 * </ul>
 * The weights are equal; every component is reported too, so a user can weigh them otherwise.
 */
public final class Autonomy {
    /** Exits counted in full: three or more good alternatives give an exit score of 1. */
    static final int FULL_EXITS = 3;
    /** Share of the current utility an alternative must reach to count as an exit. */
    static final double GOOD_ENOUGH = 0.95;
    /** {@code ln(GOOD_ENOUGH)}: the comparison is made on log utilities. */
    public static final double LOG_GOOD_ENOUGH = Math.log(GOOD_ENOUGH);

    private Autonomy() {
    }

    public static double exit(int alternatives) {
        return Math.min(1.0, (double) alternatives / FULL_EXITS);
    }

    public static double bargaining(double pay, double marginalProduct, boolean owner) {
        if (owner) {
            return 1;
        }
        if (marginalProduct <= 0) {
            return 1;
        }
        return Math.min(1.0, Math.max(0.0, pay / marginalProduct));
    }

    public static double protection(LabourParameters rules) {
        if (!rules.dismissal()) {
            return 1;
        }
        return rules.firingCost() / (rules.firingCost() + rules.dismissalHorizon());
    }

    /** The composite: the mean of the four components. */
    public static double index(double exit, double bargaining, double protection, double ownership) {
        return (exit + bargaining + protection + ownership) / 4;
    }
}
