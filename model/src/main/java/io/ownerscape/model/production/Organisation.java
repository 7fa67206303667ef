package io.ownerscape.model.production;

import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.labour.LabourParameters;

/**
 * The limits to a firm's size in its technology, as pure functions of its head count: bounded
 * increasing returns, loss of control across management layers, and the time producers spend
 * communicating through them ({@code docs/MODEL.md} §7.16).
 *
 * <p>A firm of {@code n} members with {@code m} managers has {@code W = n - 1 - m} producing
 * employees and {@code l = log_s(W / S0)} layers of management when {@code W > S0} (0 otherwise),
 * {@code S0} the people its owner directs ({@link Hierarchy#directSpan}), counted as a continuous
 * quantity so that output never jumps when a layer fills: 1 at {@code W = S0 s}, 2 at
 * {@code S0 s^2}. From total effective effort {@code X} a technology of productivity {@code z}
 * produces
 * <pre>
 *   O = (1 - loss)^l g(k X),   k = max(0, 1 - tau l),
 *   g(x) = z (a x + b x^beta / (1 + x^(beta - 1) / K))
 * </pre>
 * The first factor is Williamson's (1967) control loss: each layer passes on only a share of what
 * the layer below it did, so a hierarchy of {@code l} layers keeps {@code (1 - loss)^l} of it
 * (Calvo and Wellisz 1978 derive it from supervision that weakens with distance). The second is a
 * communication cost in the spirit of Garicano (2000): producers spend a share {@code tau} of their
 * time per layer passing problems up and answers down. {@code K} bounds the increasing returns:
 * output per unit of effort rises with team effort towards {@code a + b K} rather than without
 * limit (Basu and Fernald 1997 find returns to scale close to constant in US industries). With
 * {@code K = 0}, {@code loss = 0} and {@code tau = 0} this is Axtell's {@code a x + b x^beta}, bit
 * for bit.
 *
 * <p>Firms may differ in their bound: with a tail index {@code xi > 0} a firm's bound is
 * {@code K_f = K (1 - u)^(-1/xi)}, Pareto with scale {@code K}, at most {@value #MAX_CAP}, with
 * {@code u} drawn from the firm's technology seed; most firms' returns then saturate early and a
 * few can grow large, as in Lucas's (1978) span-of-control model, where the size distribution of
 * firms follows that of the talent to run them.
 *
 * <p>Technologies may differ in their productivity {@code z} (Melitz 2003; Luttmer 2007): with a
 * tail index {@code k > 0}, {@code z} is Pareto, {@code P(z > v) = v^-k}, drawn from the
 * technology seed; the firm keeps it until its technology is renewed ({@code technology_renewal}).
 */
public final class Organisation {
    /** Axtell's technology: unbounded returns, no hierarchy costs, every firm at productivity 1. */
    public static final Organisation NONE = new Organisation(0, 0, 0, 0, new Hierarchy(0, 0), 0, 0);
    /** The largest bound a firm's returns can have. */
    static final double MAX_CAP = 1000;
    /** Salt of the firm's draw of its bound, apart from the bits that give a, b and beta. */
    private static final long CAP_SALT = 0x5DEECE66DL * 0x2545F4914F6CDD1DL;
    /** Salt of the technology's draw of its productivity, apart from every other draw of its seed. */
    private static final long PRODUCTIVITY_SALT = 0x7A3C5E1F9B2D4C6BL;

    private final double saturation;
    private final double capTail;
    private final double coordinationCost;
    private final Hierarchy hierarchy;
    /** People the owner directs before the first layer: where the layers' count starts. */
    private final int directSpan;
    private final boolean layered;
    private final boolean lossy;
    /** {@code 1 / ln s}: layers are {@code ln(W / S0) / ln s}, one logarithm per firm. */
    private final double perLogSpan;
    /** {@code ln(1 - loss)}: the output factor is {@code exp(l ln(1 - loss))}, no power. */
    private final double logKept;
    /** {@code -1 / k} of the productivity's Pareto tail; 0 when every technology is at 1. */
    private final double productivityExponent;
    /** {@code 1 - z_max^-k}: the share of the Pareto below the highest productivity. */
    private final double productivityMass;

    /**
     * @param saturation       {@code 1 / K}, 0 for unbounded returns
     * @param capTail          tail index {@code xi} of firms' bounds, 0 for one bound {@code K} for all
     * @param controlLoss      share of output lost per layer, [0, 0.5]
     * @param coordinationCost share of effort spent communicating per layer, [0, 0.2]
     * @param hierarchy        the management a firm needs by head count (span 0 or 1: no layers)
     * @param productivityTail Pareto tail index {@code k} of a technology's productivity, 0 for all at 1
     * @param productivityMax  the highest productivity, at least 1; 0 for no bound
     */
    Organisation(double saturation, double capTail, double controlLoss, double coordinationCost,
                 Hierarchy hierarchy, double productivityTail, double productivityMax) {
        this.saturation = saturation;
        this.capTail = capTail;
        this.coordinationCost = coordinationCost;
        this.hierarchy = hierarchy;
        int span = hierarchy.span();
        this.directSpan = hierarchy.directSpan();
        this.layered = span > 1 && (controlLoss > 0 || coordinationCost > 0);
        this.lossy = controlLoss > 0;
        this.perLogSpan = span > 1 ? 1 / Math.log(span) : 0;
        this.logKept = Math.log1p(-controlLoss);
        this.productivityExponent = productivityTail > 0 ? -1 / productivityTail : 0;
        this.productivityMass = productivityTail > 0 && productivityMax > 0
                ? -Math.expm1(-productivityTail * Math.log(productivityMax)) : 1;
    }

    public static Organisation of(LabourParameters rules) {
        return new Organisation(rules.saturation(), rules.returnsCapTail(), rules.controlLoss(),
                rules.coordinationCost(), Hierarchy.of(rules), rules.productivityTail(), rules.productivityMax());
    }

    /** The management structure a firm needs by its head count. */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /**
     * The productivity {@code z} of the technology with expanded seed {@code t}: 1, or with a
     * tail index {@code k} the Pareto draw truncated at {@code z_max},
     * {@code z = (1 - u (1 - z_max^-k))^(-1/k)} in {@code [1, z_max]}, {@code u} uniform from a
     * hash of the seed apart from the bits that give {@code a}, {@code b} and {@code beta}, so it is
     * fixed for the technology's life like they are.
     */
    public double productivity(long t) {
        if (productivityExponent == 0) {
            return 1;
        }
        double u = RandomStreams.toUnit(RandomStreams.mix(t ^ PRODUCTIVITY_SALT));
        // One power, not exp(log1p): StrictMath's log1p has no intrinsic and took a sixth of a
        // market month (PERFORMANCE.md); 1 - u m is exact to an ulp of 1, so z is as accurate.
        return Math.pow(1 - u * productivityMass, productivityExponent);
    }

    /**
     * The saturation {@code 1 / K_f} of the firm with expanded technology seed {@code t}: the
     * common {@code 1 / K}, or with a tail index the firm's own Pareto draw.
     */
    public double saturation(long t) {
        if (capTail == 0 || saturation == 0) {
            return saturation;
        }
        double u = RandomStreams.toUnit(RandomStreams.mix(t ^ CAP_SALT));
        return Math.max(1 / MAX_CAP, saturation * Math.pow(1 - u, 1 / capTail));
    }

    /** Whether the hierarchy costs anything: otherwise every factor is exactly 1. */
    public boolean layered() {
        return layered;
    }

    /**
     * Layers of management of a firm of {@code members} with {@code managers}, continuous:
     * {@code ln(W / S0) / ln s} above the owner's direct span {@code S0}, 0 below it.
     */
    public double layers(int members, int managers) {
        long w = (long) members - 1 - managers;
        if (perLogSpan == 0 || w <= directSpan) {
            return 0;
        }
        return Math.log((double) w / directSpan) * perLogSpan;
    }

    /** {@code (1 - loss)^l}: the share of output a hierarchy of {@code l} layers passes on. */
    public double outputFactorAt(double l) {
        return lossy && l > 0 ? Math.exp(l * logKept) : 1;
    }

    /** {@code max(0, 1 - tau l)}: the share of effort that goes into production. */
    public double effortFactorAt(double l) {
        return Math.max(0, 1 - coordinationCost * l);
    }

    /** {@code (1 - loss)^l} of a firm of {@code members} with {@code managers}. */
    double outputFactor(int members, int managers) {
        return outputFactorAt(layers(members, managers));
    }

    /** {@code max(0, 1 - tau l)} of a firm of {@code members} with {@code managers}. */
    double effortFactor(int members, int managers) {
        return effortFactorAt(layers(members, managers));
    }

    /**
     * Output of technology {@code (a, b, beta)} with saturation {@code c} ({@link #saturation(long)})
     * at total effective effort {@code x} in such a firm.
     */
    public double output(double a, double b, double beta, double c, double x, int members, int managers) {
        if (!layered) {
            return EffortSolver.output(a, b, beta, c, x);
        }
        double l = layers(members, managers);
        return outputFactorAt(l) * EffortSolver.output(a, b, beta, c, effortFactorAt(l) * x);
    }
}
