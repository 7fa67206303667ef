package io.ownerscape.experiment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Confidence intervals, designs and sensitivity measures against cases with known answers. */
class StatsAndSensitivityTest {

    @Test
    void meanIntervalIsStudentT() {
        // 1..5: mean 3, s = sqrt(2.5), t(0.975, 4) = 2.7764451
        Stats.Interval i = Stats.mean(List.of(1.0, 2.0, 3.0, 4.0, 5.0, Double.NaN));
        double half = 2.7764451052 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3.0, i.estimate(), 1e-12);
        assertEquals(3.0 - half, i.low(), 1e-8);
        assertEquals(3.0 + half, i.high(), 1e-8);
        assertEquals(5, i.n());
        assertFalse(Stats.mean(List.of(7.0)).known());
    }

    @Test
    void welchIntervalMatchesHandComputation() {
        List<Double> a = List.of(10.0, 12.0, 14.0);
        List<Double> b = List.of(1.0, 2.0, 3.0, 4.0);
        // va = 4/3, vb = (5/3)/4; df = (va+vb)^2 / (va^2/2 + vb^2/3)
        double va = 4.0 / 3;
        double vb = (5.0 / 3) / 4;
        double df = (va + vb) * (va + vb) / (va * va / 2 + vb * vb / 3);
        double t = new org.hipparchus.distribution.continuous.TDistribution(df).inverseCumulativeProbability(0.975);
        Stats.Interval d = Stats.difference(a, b);
        assertEquals(12 - 2.5, d.estimate(), 1e-12);
        assertEquals(t * Math.sqrt(va + vb), d.high() - d.estimate(), 1e-9);
    }

    @Test
    void pooledIntervalWeighsRunsByInverseVariance() {
        // Estimates 1 and 3 with standard errors 1 and 2: weights 1 and 1/4, estimate 1.75 / 1.25 = 1.4,
        // standard error 1 / sqrt(1.25); the NaN and the zero standard error are dropped.
        Stats.Interval p = Stats.pooled(List.of(1.0, 3.0, Double.NaN, 5.0), List.of(1.0, 2.0, 1.0, 0.0));
        assertEquals(1.4, p.estimate(), 1e-12);
        assertEquals(1.959963984540054 / Math.sqrt(1.25), p.high() - 1.4, 1e-9);
        assertEquals(p.high() - 1.4, 1.4 - p.low(), 1e-12);
        assertEquals(2, p.n());
        assertTrue(Double.isNaN(Stats.pooled(List.of(Double.NaN), List.of(1.0)).estimate()));
    }

    @Test
    void correlationHasTheFisherInterval() {
        List<Double> x = List.of(0.0, 1.0, 2.0, 3.0, 4.0);
        assertFalse(Stats.correlation(x, List.of(1.0, 1.0, 1.0, 1.0, 1.0)).known(), "no variation, no interval");
        assertFalse(Stats.correlation(x.subList(0, 3), List.of(1.0, 2.0, 4.0)).known(), "three pairs are too few");
        Stats.Interval r = Stats.correlation(x, List.of(1.0, 2.9, 5.2, 6.8, 9.1));
        assertTrue(r.estimate() > 0.99 && r.low() > 0.8 && r.high() <= 1.0, r.toString());
        // Fisher z: with n = 5 the half-width in z is 1.96 / sqrt(2).
        double z = 0.5 * Math.log((1 + r.estimate()) / (1 - r.estimate()));
        assertEquals(Math.tanh(z - 1.959963985 / Math.sqrt(2)), r.low(), 1e-8);
    }

    @Test
    void verdictRules() {
        assertEquals(Hypotheses.Verdict.SUPPORTED, Hypotheses.verdict(new Stats.Interval(0.1, 0.05, 0.15, 5), 0.02));
        assertEquals(Hypotheses.Verdict.NOT_SUPPORTED, Hypotheses.verdict(new Stats.Interval(-0.1, -0.15, -0.05, 5), 0.02));
        assertEquals(Hypotheses.Verdict.NOT_SUPPORTED, Hypotheses.verdict(new Stats.Interval(0.005, 0.001, 0.01, 5), 0.02),
                "an interval inside the negligible band refutes an effect of the claimed size");
        assertEquals(Hypotheses.Verdict.INCONCLUSIVE, Hypotheses.verdict(new Stats.Interval(0.05, -0.01, 0.11, 5), 0.02));
        assertEquals(Hypotheses.Verdict.INCONCLUSIVE, Hypotheses.verdict(new Stats.Interval(0.05, Double.NaN, Double.NaN, 1), 0.02));
    }

    private static List<Factor> unitFactors(int k) {
        List<Factor> out = new ArrayList<>();
        String[] keys = {"firing_cost", "demand_growth", "owner_share", "startup_capital"};
        for (int j = 0; j < k; j++) {
            out.add(Factor.range(keys[j], 0, 1));
        }
        return out;
    }

    @Test
    void latinHypercubeHasOnePointPerStratum() {
        List<Factor> f = unitFactors(3);
        List<Design.Point> points = Design.latinHypercube(f, 20, 7);
        for (int j = 0; j < 3; j++) {
            Set<Integer> strata = new HashSet<>();
            for (Design.Point p : points) {
                strata.add((int) Math.floor(p.unit()[j] * 20));
            }
            assertEquals(20, strata.size(), "factor " + j);
        }
        assertEquals(points.get(5).values(), Design.latinHypercube(f, 20, 7).get(5).values(), "same seed, same design");
    }

    @Test
    void gridAndSobolDesigns() {
        List<Factor> f = List.of(Factor.range("firing_cost", 0, 6), Factor.levels("lock_in", List.of(false, true)));
        List<Design.Point> grid = Design.grid(f, 3);
        assertEquals(6, grid.size());
        assertEquals(0.0, grid.get(0).values().get("firing_cost"));
        assertEquals(6.0, grid.get(5).values().get("firing_cost"));
        assertEquals(true, grid.get(5).values().get("lock_in"));
        List<Design.Point> sobol = Design.sobol(unitFactors(2), 16);
        Set<String> distinct = new HashSet<>();
        sobol.forEach(p -> distinct.add(java.util.Arrays.toString(p.unit())));
        assertEquals(16, distinct.size());
        assertEquals(0.5, sobol.get(0).unit()[0], 1e-12, "the first point after the origin is the centre");
    }

    @Test
    void morrisOnALinearFunctionRecoversItsCoefficients() {
        List<Factor> f = unitFactors(3);
        List<Design.Point> points = Design.morris(f, 12, 4, 3);
        assertEquals(12 * 4, points.size());
        for (Design.Point p : points) {
            for (double u : p.unit()) {
                assertEquals(Math.rint(u * 3) / 3, u, 0.0, "every coordinate exactly on the 4-level grid");
            }
        }
        double[] y = new double[points.size()];
        for (int i = 0; i < y.length; i++) {
            double[] u = points.get(i).unit();
            y[i] = 3 * u[0] - 2 * u[1];
        }
        List<Sensitivity.Morris> m = Sensitivity.morris(f, points, y);
        assertEquals(3.0, m.get(0).muStar(), 1e-9);
        assertEquals(3.0, m.get(0).mu(), 1e-9);
        assertEquals(2.0, m.get(1).muStar(), 1e-9);
        assertEquals(-2.0, m.get(1).mu(), 1e-9);
        assertEquals(0.0, m.get(2).muStar(), 1e-12);
        assertEquals(0.0, m.get(0).sigma(), 1e-9);
        assertEquals(12, m.get(0).effects());
    }

    @Test
    void morrisSeesAnInteractionAsSpread() {
        List<Factor> f = unitFactors(2);
        List<Design.Point> points = Design.morris(f, 20, 4, 5);
        double[] y = new double[points.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = points.get(i).unit()[0] * points.get(i).unit()[1];
        }
        List<Sensitivity.Morris> m = Sensitivity.morris(f, points, y);
        assertTrue(m.get(0).sigma() > 0.1, "x1 x2: the effect of x1 depends on x2");
    }

    @Test
    void sobolIndicesOfTheIshigamiFunction() {
        // Ishigami (a = 7, b = 0.1) on [-pi, pi]^3: S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
        List<Factor> f = List.of(Factor.range("firing_cost", -Math.PI, Math.PI),
                Factor.range("demand_growth", -Math.PI, Math.PI), Factor.range("owner_share", -Math.PI, Math.PI));
        List<Design.Point> points = Design.saltelli(f, 8192);
        double[] y = new double[points.size()];
        for (int i = 0; i < y.length; i++) {
            double[] u = points.get(i).unit();
            double x1 = -Math.PI + 2 * Math.PI * u[0];
            double x2 = -Math.PI + 2 * Math.PI * u[1];
            double x3 = -Math.PI + 2 * Math.PI * u[2];
            y[i] = Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
        }
        List<Sensitivity.Sobol> s = Sensitivity.sobol(f, points, y);
        assertEquals(0.3139, s.get(0).first(), 0.03);
        assertEquals(0.4424, s.get(1).first(), 0.03);
        assertEquals(0.0, s.get(2).first(), 0.03);
        assertEquals(0.5576, s.get(0).total(), 0.03);
        assertEquals(0.4424, s.get(1).total(), 0.03);
        assertEquals(0.2437, s.get(2).total(), 0.03);
        assertTrue(s.get(0).firstLow() < 0.3139 && 0.3139 < s.get(0).firstHigh(), s.get(0).toString());
    }
}
