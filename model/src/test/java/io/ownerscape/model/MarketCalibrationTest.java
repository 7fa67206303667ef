package io.ownerscape.model;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.Schedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The market preset's calibration figures at test scale: 100,000 persons, 300 months, 2 threads.
 * The full-scale figures (1,000,000 persons, 600 months) are in docs/VALIDATION.md §5.
 * Tolerances are those of the issue where it states one (managerial share 7-14%, no hired manager
 * within the span of control, the share rising with firm size); the tail band is the Axtell
 * replication test's, since at this scale and horizon the tail is still forming. Printed figures
 * let a failure be compared with the measured ones. Measured when the tolerances were set:
 * <pre>
 *   seed  zipfAlpha  managerial share (12 months)  by size 5-9 / 10-19 / 20-99   unemployment
 *   1     0.924      0.1148                        0.055 / 0.160 / 0.178          0.0079
 *   2     1.013      0.1154                        0.052 / 0.165 / 0.182          0.0079
 * </pre>
 * About 8 s per seed on this machine.
 */
class MarketCalibrationTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void managersAndTailAtTestScale(long seed) {
        MetricsRecorder recorder = new MetricsRecorder();
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy economy = new Economy(ModelParameters.defaults(100_000), LabourParameters.market(), seed, ex);
            Schedule<Economy> schedule = economy.schedule().watch(recorder);
            for (int m = 0; m < 300; m++) {
                schedule.step();
            }
        }
        MonthlyMetrics last = recorder.last();
        ReviewTally review = last.review();
        double managerial = recorder.meanOverLast(12, m -> m.review().managerialShare());
        double[] bySize = review.managerialShareBySizeClass();
        System.out.printf("Market seed %d: zipfAlpha %.3f, managerial share %.4f, by size %s,"
                        + " unemployment %.4f, autonomy %.3f%n", seed, last.zipfAlpha(), managerial,
                java.util.Arrays.toString(bySize), review.unemploymentRate(), review.autonomyIndex());

        assertTrue(managerial >= 0.07 && managerial <= 0.14, "managerial share " + managerial + " outside [7%, 14%]");
        assertEquals(0.0, bySize[0], "firms of 1-4 employees are within the span of 5: no hired manager");
        assertTrue(bySize[1] < bySize[2] && bySize[2] < bySize[3],
                "the managerial share rises with firm size up to 20-99 employees: " + java.util.Arrays.toString(bySize));
        assertTrue(last.zipfAlpha() >= 0.85 && last.zipfAlpha() <= 1.35, "tail exponent " + last.zipfAlpha());
        double[] layers = review.meanLayersBySizeClass();
        assertTrue(layers[1] < layers[2] && layers[2] < layers[3], "layers rise with size: "
                + java.util.Arrays.toString(layers));
    }
}
