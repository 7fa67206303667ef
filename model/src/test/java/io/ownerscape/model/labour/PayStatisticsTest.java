package io.ownerscape.model.labour;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.metrics.MetricsRecorder;
import io.ownerscape.model.metrics.MonthlyMetrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The employees' pay statistics and the JOLTS flows of the monthly metrics (OUTPUTS.md). */
class PayStatisticsTest {

    @Test
    void payBinsAreOrderedAndTheirEdgesContainThePay() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int k = 0; k < 100_000; k++) {
            double pay = Math.exp(rnd.nextDouble(-20, 20));
            int bin = ReviewTally.payBin(pay);
            assertTrue(ReviewTally.payBinLow(bin) <= pay && pay < ReviewTally.payBinLow(bin + 1),
                    pay + " in bin " + bin);
        }
        assertEquals(0, ReviewTally.payBin(0));
        assertEquals(0, ReviewTally.payBin(-3));
        assertEquals(ReviewTally.PAY_BINS - 1, ReviewTally.payBin(1e300));
    }

    /** Log-normal pay with sigma 0.6 has mean/median exp(0.18) = 1.197: read within 1%. */
    @Test
    void medianAndMeanOfALogNormalPay() {
        ReviewTally tally = new ReviewTally();
        tally.preparePay();
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 400_000;
        double[] pays = new double[n];
        for (int k = 0; k < n; k++) {
            pays[k] = Math.exp(0.6 * rnd.nextGaussian());
            tally.countPay(pays[k], 3);
        }
        Arrays.sort(pays);
        double mean = Arrays.stream(pays).sum() / n;
        assertEquals(n, tally.paidEmployees());
        assertEquals(mean, tally.employeePayMean(), 1e-9 * mean);
        assertEquals(pays[n / 2], tally.employeePayMedian(), 0.01 * pays[n / 2]);
        assertEquals(pays[9 * n / 10], tally.employeePayQuantile(0.9), 0.01 * pays[9 * n / 10]);
        assertEquals(Math.exp(0.18), tally.employeePayMean() / tally.employeePayMedian(), 0.015);
    }

    /**
     * Pay proportional to size^0.1 in every size bin gives an elasticity of 0.1 exactly; the
     * premium of firms of 512+ over 2-31 is then the ratio of their mean sizes to the 0.1.
     */
    @Test
    void elasticityAndPremiumOfAKnownPayLaw() {
        ReviewTally tally = new ReviewTally();
        tally.preparePay();
        tally.memberWeightBySizeBin = new double[ReviewTally.SIZE_BINS];
        int[] sizes = {3, 12, 40, 200, 1000, 5000};
        for (int size : sizes) {
            int bin = MonthlyReview.sizeBin(size);
            for (int k = 0; k < 100; k++) {
                tally.countPay(Math.pow(size, 0.1), bin);
            }
            tally.memberWeightBySizeBin[bin] += 100.0 * size;
        }
        assertEquals(0.1, tally.paySizeElasticity(), 1e-12);
        double small = (Math.pow(3, 0.1) + Math.pow(12, 0.1)) / 2;
        double large = (Math.pow(1000, 0.1) + Math.pow(5000, 0.1)) / 2;
        assertEquals(large / small, tally.largeFirmPayPremium(), 1e-12);

        ReviewTally twoBins = new ReviewTally();
        twoBins.preparePay();
        twoBins.memberWeightBySizeBin = new double[ReviewTally.SIZE_BINS];
        for (int size : new int[] {3, 40}) {
            for (int k = 0; k < 100; k++) {
                twoBins.countPay(1, MonthlyReview.sizeBin(size));
            }
            twoBins.memberWeightBySizeBin[MonthlyReview.sizeBin(size)] += 100.0 * size;
        }
        assertTrue(Double.isNaN(twoBins.paySizeElasticity()), "fewer than three bins: no elasticity");
        assertTrue(Double.isNaN(twoBins.largeFirmPayPremium()), "no large firm: no premium");
    }

    @Test
    void mergedTalliesGiveThePooledStatistics() {
        ReviewTally a = new ReviewTally();
        ReviewTally b = new ReviewTally();
        ReviewTally all = new ReviewTally();
        a.preparePay();
        b.preparePay();
        all.preparePay();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k = 0; k < 10_000; k++) {
            double pay = rnd.nextDouble(0.1, 5);
            int bin = rnd.nextInt(0, 12);
            (k % 3 == 0 ? a : b).countPay(pay, bin);
            all.countPay(pay, bin);
        }
        a.add(b);
        assertEquals(all.paidEmployees(), a.paidEmployees());
        assertEquals(all.employeePayMedian(), a.employeePayMedian(), 0.0);
        assertEquals(all.employeePayMean(), a.employeePayMean(), 1e-12);
    }

    /**
     * In a market world the flows are shares of employees, consistent with what they count:
     * hires and quits never exceed the persons who moved, layoffs are dismissals plus separations,
     * and the series is the same on 1 and 2 threads.
     */
    @Test
    void flowsCountWhatTheySayAndDoNotDependOnThreads() {
        long[][] flows = new long[2][];
        for (int threads = 1; threads <= 2; threads++) {
            try (ParallelExecutor ex = new ParallelExecutor(threads)) {
                Economy e = new Economy(ModelParameters.defaults(5_000), LabourParameters.market(), 9, ex);
                MetricsRecorder recorder = new MetricsRecorder();
                io.ownerscape.engine.Schedule<Economy> schedule = e.schedule().watch(recorder);
                long[] series = new long[3 * 36];
                long hires = 0;
                for (int m = 0; m < 36; m++) {
                    schedule.step();
                    MonthlyMetrics metrics = recorder.last();
                    assertTrue(metrics.hires() >= 0 && metrics.employeeQuits() >= 0);
                    assertTrue(metrics.employeeQuits() <= e.moves() + e.quits(),
                            "quits are moves or quits to unemployment");
                    long employees = metrics.review().employees();
                    assertEquals((double) metrics.hires() / employees, metrics.hiresRate(), 1e-15);
                    assertEquals((double) (metrics.review().dismissals() + metrics.review().separations()) / employees,
                            metrics.layoffsRate(), 1e-15);
                    series[3 * m] = metrics.hires();
                    series[3 * m + 1] = metrics.employeeQuits();
                    series[3 * m + 2] = Double.doubleToLongBits(metrics.review().employeePayMedian());
                    hires += metrics.hires();
                }
                assertTrue(hires > 0, "a market world hires");
                flows[threads - 1] = series;
            }
        }
        assertTrue(Arrays.equals(flows[0], flows[1]), "flows and pay the same on 1 and 2 threads");
    }
}
