package io.ownerscape.model;

/**
 * The limits to a firm's size in its technology, as pure functions of its head count: bounded
 * increasing returns, loss of control across management layers, and the time producers spend
 * communicating through them ({@code docs/MODEL.md} §7.16).
 *
 * <p>A firm of {@code n} members with {@code m} managers has {@code W = n - 1 - m} producing
 * employees and {@code l = log_s(W / s)} layers of management when {@code W > s} (0 otherwise),
 * counted as a continuous quantity so that output never jumps when a layer fills: 1 at
 * {@code W = s^2}, 2 at {@code s^3}. From total effective effort {@code X} it produces
 * <pre>
 *   O = (1 - loss)^l g(k X),   k = max(0, 1 - tau l),
 *   g(x) = a x + b x^beta / (1 + x^(beta - 1) / K)
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
 * @param saturation       {@code 1 / K}, 0 for unbounded returns
 * @param controlLoss      share of output lost per layer, [0, 0.5]
 * @param coordinationCost share of effort spent communicating per layer, [0, 0.2]
 * @param span             people one supervisor oversees; 0 for no hierarchy (no layers)
 */
record Organisation(double saturation, double controlLoss, double coordinationCost, int span) {
    /** Axtell's technology: unbounded returns, no hierarchy costs. */
    static final Organisation NONE = new Organisation(0, 0, 0, 0);

    static Organisation of(LabourParameters rules) {
        return new Organisation(rules.saturation(), rules.controlLoss(), rules.coordinationCost(),
                rules.spanOfControl());
    }

    /** Whether the hierarchy costs anything: otherwise every factor is exactly 1. */
    boolean layered() {
        return span > 0 && (controlLoss > 0 || coordinationCost > 0);
    }

    /** Layers of management of a firm of {@code members} with {@code managers}, continuous. */
    double layers(int members, int managers) {
        long w = (long) members - 1 - managers;
        if (span <= 0 || w <= span) {
            return 0;
        }
        return Math.log((double) w / span) / Math.log(span);
    }

    /** {@code (1 - loss)^l}: the share of output the hierarchy passes on. */
    double outputFactor(int members, int managers) {
        if (controlLoss == 0) {
            return 1;
        }
        double l = layers(members, managers);
        return l == 0 ? 1 : Math.pow(1 - controlLoss, l);
    }

    /** {@code max(0, 1 - tau l)}: the share of effort that goes into production. */
    double effortFactor(int members, int managers) {
        if (coordinationCost == 0) {
            return 1;
        }
        return Math.max(0, 1 - coordinationCost * layers(members, managers));
    }

    /** Output of technology {@code (a, b, beta)} at total effective effort {@code x} in such a firm. */
    double output(double a, double b, double beta, double x, int members, int managers) {
        if (!layered()) {
            return EffortSolver.output(a, b, beta, saturation, x);
        }
        return outputFactor(members, managers)
                * EffortSolver.output(a, b, beta, saturation, effortFactor(members, managers) * x);
    }

    /** Output of a firm of one: no hierarchy, so only the bound on returns applies. */
    double soloOutput(double a, double b, double beta, double x) {
        return EffortSolver.output(a, b, beta, saturation, x);
    }
}
