package io.ownerscape.model;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.network.FriendNetwork;
import io.ownerscape.model.production.EffortSolver;
import io.ownerscape.model.world.Firms;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The economy's packed person records, the derived firm technology and the founding bound. */
class PersonRecordsAndTechnologyTest {

    @Test
    void personRecordsHoldExactlyTheNetworksFriends() {
        ModelParameters p = ModelParameters.defaults(5_000);
        FriendNetwork network = FriendNetwork.build(p, new RandomStreams(7));
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = new Economy(p, 7, ex);
            for (int i = 0; i < p.persons(); i++) {
                assertEquals(network.degree(i), e.friendCount(i), "friends of " + i);
                for (int j = 0; j < network.degree(i); j++) {
                    assertEquals(network.neighbour(network.start(i) + j), e.friend(i, j));
                }
            }
        }
    }

    @Test
    void technologyIsUniformOnItsRangesAtFineResolution() {
        ModelParameters p = ModelParameters.defaults(1_000);
        Firms firms = new Firms(16, p, false);
        int n = 200_000;
        double sa = 0;
        double sb = 0;
        double sbeta = 0;
        for (int s = 0; s < n; s++) {
            long t = Firms.expand(s * 0x9E3779B9);
            double a = firms.a(t);
            double b = firms.b(t);
            double beta = firms.beta(t);
            assertTrue(a > p.aMin() && a < p.aMax(), "a " + a);
            assertTrue(b > p.bMin() && b < p.bMax(), "b " + b);
            assertTrue(beta > p.betaMin() && beta < p.betaMax(), "beta " + beta);
            sa += a;
            sb += b;
            sbeta += beta;
        }
        // Means of U[0, .5], U[.75, 1.25], U[1.5, 2]: standard error 0.5 / sqrt(12 n) = 3.2e-4;
        // tolerance 5 standard errors.
        double tol = 5 * 0.5 / Math.sqrt(12.0 * n);
        assertEquals(0.25, sa / n, tol);
        assertEquals(1.0, sb / n, tol);
        assertEquals(1.75, sbeta / n, tol);
    }

    @Test
    void foundedFirmsKeepTheirSeedsTechnology() {
        ModelParameters p = ModelParameters.defaults(2_000);
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(p, 3, ex);
            for (int m = 0; m < 24; m++) {
                e.step();
            }
            Firms firms = e.firms();
            for (int f = 0; f < firms.capacity(); f++) {
                if (firms.size(f) > 0) {
                    long t = Firms.expand(firms.technologySeed(f));
                    assertEquals(firms.a(t), firms.a(f));
                    assertEquals(firms.beta(t), firms.beta(f));
                    assertTrue(firms.founder(f) >= 0 && firms.founder(f) < p.persons());
                    assertTrue(firms.foundedMonth(f) >= 0 && firms.foundedMonth(f) <= e.month());
                }
            }
        }
    }

    /**
     * The founding option is skipped when its bound is below the best other option; that is only
     * exact if the bound really is above every solved founding utility.
     */
    @Test
    void soloUpperBoundIsAboveEverySolvedFoundingUtility() {
        SplittableRandom r = new SplittableRandom(11);
        EffortSolver solver = new EffortSolver();
        double tightest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 100_000; k++) {
            double a = 0.5 * r.nextDouble();
            double b = 0.75 + 0.5 * r.nextDouble();
            double beta = 1.5 + 0.5 * r.nextDouble();
            double theta = r.nextDouble();
            double u = solver.solve(a, b, beta, theta, 0, 1, EffortSolver.guess(beta, theta, 0));
            double bound = EffortSolver.soloUpperBound(a, b, theta, EffortSolver.entropyTerm(theta));
            assertTrue(u <= bound + 1e-12, "bound " + bound + " below utility " + u);
            assertTrue(u <= EffortSolver.soloUpperBound(a, b, theta, 0) + 1e-12);
            tightest = Math.min(tightest, bound - u);
        }
        assertTrue(tightest < 0.05, "the bound should not be vacuous; tightest gap " + tightest);
    }
}
