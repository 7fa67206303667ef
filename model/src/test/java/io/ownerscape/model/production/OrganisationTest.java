package io.ownerscape.model.production;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.world.Firms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits to organisation size (MODEL.md §7.16) against hand-worked cases, and the effort
 * solver with bounded returns against a brute-force maximiser.
 */
class OrganisationTest {

    /** Members of a firm with {@code managers} managers and {@code producers} producing employees. */
    private static int members(int managers, int producers) {
        return 1 + managers + producers;
    }

    @ParameterizedTest(name = "{0} producers under a span of 5: {1} layers")
    @CsvSource({"1, 0", "5, 0", "25, 1", "125, 2", "625, 3", "3125, 4"})
    void layersCountPowersOfTheSpan(int producers, double layers) {
        Organisation o = new Organisation(0, 0, 0.1, 0.02, new Hierarchy(5, 0), 0, 0);
        assertEquals(layers, o.layers(members(7, producers), 7), 1e-12);
    }

    @Test
    void layersAreContinuousBetweenFullLayers() {
        Organisation o = new Organisation(0, 0, 0.1, 0.02, new Hierarchy(5, 0), 0, 0);
        // 50 producers: log_5(50 / 5) = ln 10 / ln 5
        assertEquals(Math.log(10) / Math.log(5), o.layers(members(3, 50), 3), 1e-12);
        double previous = -1;
        for (int w = 1; w <= 10_000; w++) {
            double l = o.layers(members(0, w), 0);
            assertTrue(l >= previous, "layers never fall as producers are added: " + w);
            assertTrue(l - Math.max(0, previous) < 0.5, "no jump at " + w);
            previous = l;
        }
        assertEquals(0, new Organisation(0, 0, 0.1, 0.02, new Hierarchy(0, 0), 0, 0).layers(1_000_000, 0), "no span, no hierarchy");
    }

    /** Williamson's control loss: each of k full layers passes on (1 - loss) of the one below. */
    @ParameterizedTest(name = "{0} layers keep (1 - 0.1)^{0}")
    @CsvSource({"0, 1", "1, 0.9", "2, 0.81", "3, 0.729"})
    void controlLossCompoundsOverLayers(int k, double kept) {
        Organisation o = new Organisation(0, 0, 0.1, 0, new Hierarchy(5, 0), 0, 0);
        int producers = (int) Math.pow(5, k + 1);
        assertEquals(kept, o.outputFactor(members(10, producers), 10), 1e-12);
        assertEquals(1, o.effortFactor(members(10, producers), 10), "no coordination cost");
    }

    @Test
    void coordinationCostTakesAShareOfEffortPerLayerAndStopsAtZero() {
        Organisation o = new Organisation(0, 0, 0, 0.05, new Hierarchy(5, 0), 0, 0);
        assertEquals(0.9, o.effortFactor(members(6, 125), 6), 1e-12);
        assertEquals(1, o.outputFactor(members(6, 125), 6), "no control loss");
        // 20 layers at 5% would be all of a producer's time: the factor stops at 0
        Organisation heavy = new Organisation(0, 0, 0, 0.2, new Hierarchy(2, 0), 0, 0);
        assertEquals(0, heavy.effortFactor(members(0, 1 << 20), 0));
        assertEquals(0, heavy.output(0.5, 1, 1.5, 0, 100, members(0, 1 << 20), 0));
    }

    /**
     * One firm worked by hand: a = 0.5, b = 1, beta = 2, K = 2, 6 managers over 125 producers
     * (2 layers), loss 0.1 and tau 0.05, so k = 0.9 and F = 0.81. At effort X = 2 / 0.9 the
     * effective effort is 2, g(2) = 2 (0.5 + 1 * 2 / (1 + 2 / 2)) = 3, and O = 0.81 * 3 = 2.43.
     */
    @Test
    void outputOfAHandWorkedFirm() {
        Organisation o = new Organisation(0.5, 0, 0.1, 0.05, new Hierarchy(5, 0), 0, 0);
        assertEquals(2.43, o.output(0.5, 1, 2, 0.5, 2 / 0.9, members(6, 125), 6), 1e-12);
        assertEquals(3, o.output(0.5, 1, 2, 0.5, 2, 1, 0), 1e-12, "a firm of one has no layers");
        assertEquals(3, EffortSolver.output(0.5, 1, 2, 0.5, 2), 1e-12);
    }

    @Test
    void withoutLimitsTheTechnologyIsAxtellsBitForBit() {
        SplittableRandom rnd = new SplittableRandom(17);
        Organisation none = Organisation.NONE;
        Organisation noSpan = new Organisation(0, 0, 0.1, 0.05, new Hierarchy(0, 0), 0, 0);
        for (int k = 0; k < 10_000; k++) {
            double a = rnd.nextDouble(0, 0.5);
            double b = rnd.nextDouble(0.75, 1.25);
            double beta = rnd.nextDouble(1.5, 2);
            double x = rnd.nextDouble(0, 1e4);
            int n = rnd.nextInt(1, 100_000);
            double axtell = a * x + b * Math.pow(x, beta);
            assertEquals(axtell, none.output(a, b, beta, 0, x, n, n / 6), 0.0);
            assertEquals(axtell, noSpan.output(a, b, beta, 0, x, n, 0), 0.0);
            assertEquals(axtell, EffortSolver.output(a, b, beta, 0, x), 0.0);
        }
    }

    /** Output per unit of effort rises with effort towards a + b K and never passes it. */
    @Test
    void boundedReturnsRiseTowardsTheirCap() {
        double a = 0.3;
        double b = 1;
        double beta = 1.6;
        double cap = 2;
        double previous = 0;
        for (double x = 1e-3; x < 1e12; x *= 1.5) {
            double perEffort = EffortSolver.output(a, b, beta, 1 / cap, x) / x;
            assertTrue(perEffort >= previous, "output per effort rises at " + x);
            assertTrue(perEffort < a + b * cap, "below the cap at " + x);
            previous = perEffort;
        }
        assertEquals(a + b * cap, previous, 1e-3);
    }

    /**
     * The solver with bounded returns (its own g, g' and g'') against a brute-force maximiser of
     * the utility written out independently here. Tolerances as the Axtell solver's tests: effort
     * within 1e-4 of the reference where the optimum is not flat, utility no more than 1e-9 below
     * the reference maximum.
     */
    @Test
    void solverWithBoundedReturnsMatchesBruteForce() {
        SplittableRandom rnd = new SplittableRandom(20261203);
        int cases = 1500;
        int bad = 0;
        int interior = 0;
        String firstBad = null;
        for (int t = 0; t < cases; t++) {
            double c = 1 / rnd.nextDouble(0.2, 20);
            EffortSolver solver = new EffortSolver(1, c);
            double a = rnd.nextDouble(0, 0.5);
            double b = rnd.nextDouble(0.75, 1.25);
            double beta = rnd.nextDouble(1.5, 2);
            double theta = rnd.nextDouble(0, 1);
            double others = rnd.nextDouble() < 0.2 ? 0 : rnd.nextDouble(0, 50);
            double skill = rnd.nextDouble(0.3, 4);
            int n = rnd.nextInt(1, 201);
            double share = rnd.nextDouble(0.05, 1);
            double gamma = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble(0, 1);
            double guess = rnd.nextDouble(0, 1);
            double[] p = {a, b, beta, c, theta, others, skill, n, share, gamma};
            double u = solver.solve(a, b, beta, theta, others, skill, n, share, gamma, guess);
            double e = solver.effort();
            double[] ref = reference(p);
            double left = ref[0] - 1e-4 >= 0 ? utility(p, ref[0] - 1e-4) : Double.NEGATIVE_INFINITY;
            double right = ref[0] + 1e-4 <= 1 ? utility(p, ref[0] + 1e-4) : Double.NEGATIVE_INFINITY;
            boolean flat = !(ref[1] - Math.max(left, right) > 1e-9);
            if (ref[0] > 1e-3 && ref[0] < 0.999) {
                interior++;
            }
            boolean ok = e >= 0 && e <= 1 && ref[1] - u <= 1e-9 && Math.abs(utility(p, e) - u) <= 1e-9
                    && (flat || Math.abs(e - ref[0]) <= 1e-4);
            if (!ok && bad++ == 0) {
                firstBad = String.format("case %d %s: effort %s (reference %s), U %s (reference %s)", t,
                        java.util.Arrays.toString(p), e, ref[0], u, ref[1]);
            }
        }
        assertEquals(0, bad, bad + " of " + cases + " failed; first: " + firstBad);
        assertTrue(interior > 300, "the sample should hold interior optima, had " + interior);
    }

    /** ln U written out from MODEL.md §7.2 and §7.16, p = {a, b, beta, c, theta, others, skill, n, share, gamma}. */
    private static double utility(double[] p, double e) {
        double a = p[0], b = p[1], beta = p[2], c = p[3], theta = p[4], others = p[5], skill = p[6];
        double share = p[8], gamma = p[9];
        int n = (int) p[7];
        double x = others + skill * e;
        double g = x <= 0 ? 0 : a * x + b * Math.pow(x, beta) / (1 + c * Math.pow(x, beta - 1));
        double w = share / n + (gamma == 0 ? 0 : others <= 0 ? gamma : gamma * skill * e / x);
        double income = g * w;
        double u = 0;
        if (theta > 0) {
            if (!(income > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            u += theta * Math.log(income);
        }
        if (theta < 1) {
            if (e >= 1) {
                return Double.NEGATIVE_INFINITY;
            }
            u += (1 - theta) * Math.log(1 - e);
        }
        return u;
    }

    /** The Axtell solver tests' reference search, on a 20,001-point grid. */
    private static double[] reference(double[] p) {
        return EffortSolverTest.referenceMax(e -> utility(p, e), 20_000);
    }

    @Test
    void badValuesAreRefusedWithTheKeyAndTheRange() {
        LabourParameters market = LabourParameters.market();
        List<String> bad = LabourKeys.with(market, Map.of("control_loss", 0.7)).violations();
        assertTrue(bad.stream().anyMatch(s -> s.contains("control_loss") && s.contains("0.7")), bad.toString());
        bad = LabourKeys.with(market, Map.of("coordination_cost", -0.1)).violations();
        assertTrue(bad.stream().anyMatch(s -> s.contains("coordination_cost")), bad.toString());
        bad = LabourKeys.with(market, Map.of("returns_cap", 0.001)).violations();
        assertTrue(bad.stream().anyMatch(s -> s.contains("returns_cap") && s.contains("0.01 to 1000")), bad.toString());
        bad = LabourKeys.with(market, Map.of("theta_min", 0.6, "theta_max", 0.5)).violations();
        assertTrue(bad.stream().anyMatch(s -> s.contains("theta_max") && s.contains("0.6")), bad.toString());
        assertTrue(LabourKeys.with(market, Map.of("returns_cap", 0.0, "control_loss", 0.0)).violations().isEmpty());
        bad = LabourKeys.with(market, Map.of("returns_cap_tail", 0.2)).violations();
        assertTrue(bad.stream().anyMatch(s -> s.contains("returns_cap_tail") && s.contains("0.5 to 20")), bad.toString());
        bad = LabourKeys.with(market, Map.of("returns_cap_tail", 1.5, "returns_cap", 0.0)).violations();
        assertTrue(bad.stream().anyMatch(s -> s.contains("needs returns_cap")), bad.toString());
        ModelParameters d = ModelParameters.defaults(100);
        ModelParameters steep = new ModelParameters(100, d.activationRate(), d.substeps(), d.sequential(), d.aMin(),
                d.aMax(), d.bMin(), d.bMax(), d.betaMin(), 2.5, d.friendsMin(), d.friendsMax());
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            IllegalArgumentException convex = assertThrows(IllegalArgumentException.class,
                    () -> new Economy(steep, market, 1, ex));
            assertTrue(convex.getMessage().contains("beta_max = 2.5"), convex.getMessage());
        }
    }

    /** A narrower preference range moves every person's theta into it, the order kept. */
    @Test
    void thetaRangeRescalesEveryPreference() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy wide = new Economy(ModelParameters.defaults(2_000),
                    LabourKeys.with(LabourParameters.market(), Map.of("theta_min", 0.0, "theta_max", 1.0)), 3, ex);
            Economy narrow = new Economy(ModelParameters.defaults(2_000),
                    LabourKeys.with(LabourParameters.market(), Map.of("theta_min", 0.2, "theta_max", 0.6)), 3, ex);
            for (int i = 0; i < 2_000; i++) {
                double u = wide.preference(i);
                assertTrue(u >= 0 && u < 1);
                assertEquals(0.2 + 0.4 * u, narrow.preference(i), 1e-15);
            }
        }
    }

    /** With a tail index, firms' bounds are Pareto: P(K_f > x K) = x^-xi, none below K or above 1,000. */
    @Test
    void firmsBoundsArePareto() {
        double cap = 1.5;
        double xi = 1.2;
        Organisation common = new Organisation(1 / cap, 0, 0.05, 0.02, new Hierarchy(5, 0), 0, 0);
        Organisation pareto = new Organisation(1 / cap, xi, 0.05, 0.02, new Hierarchy(5, 0), 0, 0);
        int n = 400_000;
        int aboveTwice = 0;
        int aboveFour = 0;
        for (int seed = 0; seed < n; seed++) {
            long t = Firms.expand(seed);
            assertEquals(1 / cap, common.saturation(t), 0.0, "without a tail every firm has the common bound");
            double k = 1 / pareto.saturation(t);
            assertTrue(k >= cap * (1 - 1e-12) && k <= Organisation.MAX_CAP * (1 + 1e-12), "bound " + k);
            aboveTwice += k > 2 * cap ? 1 : 0;
            aboveFour += k > 4 * cap ? 1 : 0;
        }
        // binomial standard errors about 0.0008 and 0.0005: 5 of them
        assertEquals(Math.pow(2, -xi), aboveTwice / (double) n, 0.004);
        assertEquals(Math.pow(4, -xi), aboveFour / (double) n, 0.0025);
        assertEquals(0, new Organisation(0, xi, 0, 0, new Hierarchy(5, 0), 0, 0).saturation(Firms.expand(7)), "unbounded stays unbounded");
    }

    /**
     * With a tail index a technology's productivity is Pareto, {@code P(z > v) = v^-k}, at least 1
     * and independent of its a, b and beta; without one it is exactly 1.
     */
    @Test
    void productivityIsParetoAndIndependentOfTheTechnology() {
        double k = 4.5;
        Organisation flat = new Organisation(0.5, 0, 0.05, 0.02, new Hierarchy(5, 10), 0, 0);
        Organisation pareto = new Organisation(0.5, 0, 0.05, 0.02, new Hierarchy(5, 10), k, 0);
        int n = 400_000;
        int aboveOneAndAHalf = 0;
        int aboveTwo = 0;
        double productivityOfHighB = 0;
        int highB = 0;
        for (int seed = 0; seed < n; seed++) {
            long t = Firms.expand(seed);
            assertEquals(1.0, flat.productivity(t), 0.0);
            double z = pareto.productivity(t);
            assertTrue(z >= 1, "productivity " + z);
            aboveOneAndAHalf += z > 1.5 ? 1 : 0;
            aboveTwo += z > 2 ? 1 : 0;
            if (((t >>> 22) & 0x1FFFFF) >= (1 << 20)) {
                productivityOfHighB += z;
                highB++;
            }
        }
        // binomial standard errors about 0.0003 and 0.0002: 5 of them
        assertEquals(Math.pow(1.5, -k), aboveOneAndAHalf / (double) n, 0.0015);
        assertEquals(Math.pow(2, -k), aboveTwo / (double) n, 0.001);
        // the mean k / (k - 1) among technologies with b in the upper half of its range too
        assertEquals(k / (k - 1), productivityOfHighB / highB, 0.01);
        // Truncated at 2: P(z > v) = (v^-k - 2^-k) / (1 - 2^-k), none above 2.
        Organisation truncated = new Organisation(0.5, 0, 0.05, 0.02, new Hierarchy(5, 10), k, 2);
        int above = 0;
        for (int seed = 0; seed < n; seed++) {
            double z = truncated.productivity(Firms.expand(seed));
            assertTrue(z >= 1 && z <= 2, "productivity " + z);
            above += z > 1.5 ? 1 : 0;
        }
        double tail = Math.pow(2, -k);
        assertEquals((Math.pow(1.5, -k) - tail) / (1 - tail), above / (double) n, 0.0015);
    }

    /** With an owner span S0 the layers count from S0: 1 at S0 s producing employees, 2 at S0 s^2. */
    @ParameterizedTest(name = "{0} producing employees, owner span 10, span 5: {1} layers")
    @CsvSource({"10, 0", "50, 1", "250, 2", "1250, 3"})
    void layersCountFromTheOwnersSpan(int producers, double layers) {
        Organisation o = new Organisation(0, 0, 0.1, 0.02, new Hierarchy(5, 10), 0, 0);
        assertEquals(layers, o.layers(members(7, producers), 7), 1e-12);
    }

    /** A problem given its own saturation solves exactly as in a solver built with that saturation. */
    @Test
    void aProblemsOwnSaturationEqualsTheSolversBitForBit() {
        SplittableRandom rnd = new SplittableRandom(99);
        EffortSolver mixed = new EffortSolver(8, 0.5);
        for (int t = 0; t < 500; t++) {
            double c = 1 / rnd.nextDouble(0.5, 50);
            double a = rnd.nextDouble(0, 0.5);
            double b = rnd.nextDouble(0.75, 1.25);
            double beta = rnd.nextDouble(1.5, 2);
            double theta = rnd.nextDouble(0, 1);
            double others = rnd.nextDouble(0, 30);
            double skill = rnd.nextDouble(0.5, 2);
            int n = rnd.nextInt(1, 100);
            double gamma = rnd.nextInt(2) == 0 ? 0 : rnd.nextDouble(0, 1);
            double income = rnd.nextInt(3) == 0 ? rnd.nextDouble(0.01, 1) : 0;
            EffortSolver own = new EffortSolver(1, c);
            int k = own.add(a, b, beta, theta, others, skill, n, 0.8, gamma, 0.3);
            mixed.clear();
            mixed.add(0.1, 1, 1.7, 0.5, 3, 1, 4, 1, 0, 0.5);
            int j = mixed.add(a, b, beta, theta, others, skill, n, 0.8, gamma, 0.3);
            mixed.setSaturation(j, c);
            if (income > 0) {
                own.setExtraIncome(k, income);
                mixed.setExtraIncome(j, income);
            }
            own.solveAll();
            mixed.solveAll();
            assertEquals(own.effort(k), mixed.effort(j), 0.0, "case " + t);
            assertEquals(own.logUtility(k), mixed.logUtility(j), 0.0, "case " + t);
        }
        assertThrows(IllegalArgumentException.class, () -> mixed.setSaturation(0, -1));
    }
}
