package io.ownerscape.model;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.measure.Measure;
import io.ownerscape.model.measure.MeasureTable;
import io.ownerscape.model.measure.MonthlyMeasures;
import io.ownerscape.model.metrics.MetricsRecorder;
import io.ownerscape.model.metrics.MonthlyMetrics;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declared monthly measures: well-formed tables, values of their declared kind, read from the right tally. */
class MonthlyMeasuresTest {
    private static List<MeasureTable> allTables() {
        List<MeasureTable> out = new java.util.ArrayList<>(MonthlyMeasures.RESULT_TABLES);
        out.add(MonthlyMeasures.HEADLINE);
        return out;
    }

    @Test
    void tablesAreWellFormed() {
        for (MeasureTable t : allTables()) {
            Set<String> names = new HashSet<>();
            for (Measure m : t.columns()) {
                assertTrue(names.add(m.name()), t.name() + ": " + m.name() + " twice");
                assertTrue(m.name().matches("[a-z][a-z0-9_]*"), m.name());
                assertFalse(m.meaning().isBlank(), m.name() + ": a meaning");
            }
            assertEquals(List.of("month", "burn_in"), t.names().subList(0, 2), t.name() + " starts with month, burn_in");
            assertTrue(t.columnDefinitions().startsWith("month INTEGER, burn_in BOOLEAN, "), t.columnDefinitions());
        }
        // every headline series is also in a run's own results
        for (Measure m : MonthlyMeasures.HEADLINE.columns()) {
            assertTrue(MonthlyMeasures.RESULT_TABLES.stream().anyMatch(t -> t.columns().contains(m)),
                    m.name() + " is in no table of results.duckdb");
        }
    }

    @Test
    void valuesHaveTheirKindAndComeFromTheirTally() {
        LabourParameters rules = LabourKeys.with(LabourParameters.market(), Map.of("goods_market", true, "market_start", 6));
        try (ParallelExecutor ex = new ParallelExecutor(2)) {
            Economy e = new Economy(ModelParameters.defaults(3000), rules, 7, ex);
            MetricsRecorder recorder = new MetricsRecorder();
            for (int m = 1; m <= 24; m++) {
                e.step();
                recorder.record(m, e);
            }
            MonthlyMetrics last = recorder.last();
            for (MeasureTable t : allTables()) {
                assertTrue(t.present().test(last), t.name() + " has a row in a month of the market with a goods market");
                for (Measure m : t.columns()) {
                    Object v = m.of(last, true);
                    Class<?> expected = switch (m.kind()) {
                        case INTEGER -> Integer.class;
                        case BIGINT -> Long.class;
                        case DOUBLE -> Double.class;
                        case BOOLEAN -> Boolean.class;
                        case VARCHAR -> String.class;
                    };
                    assertEquals(expected, v.getClass(), t.name() + "." + m.name());
                }
            }
            assertEquals(24, MonthlyMeasures.MONTH.of(last, false));
            assertEquals(true, MonthlyMeasures.BURN_IN.of(last, true));
            assertEquals(last.review().unemploymentRate(), MonthlyMeasures.UNEMPLOYMENT_RATE.of(last, false));
            assertEquals(last.review().market().customerHhi(), MonthlyMeasures.CUSTOMER_HHI.of(last, false));
            assertEquals(last.state().debt(), MonthlyMeasures.DEBT.of(last, false));
            assertEquals(last.largestFirm(), MonthlyMeasures.LARGEST_FIRM.of(last, false));
            assertEquals("none", MonthlyMeasures.PLATFORM.of(last, false), "no platform rules before politics_start");
        }
    }

    @Test
    void axtellsWorldHasNoMarketRowsAndNaNWhereATallyIsMissing() {
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            Economy e = new Economy(ModelParameters.defaults(500), LabourParameters.AXTELL, 3, ex);
            MetricsRecorder recorder = new MetricsRecorder();
            for (int m = 1; m <= 3; m++) {
                e.step();
                recorder.record(m, e);
            }
            MonthlyMetrics last = recorder.last();
            assertFalse(MonthlyMeasures.MARKET.present().test(last), "no goods market under Axtell's rules");
            assertTrue(Double.isNaN((Double) MonthlyMeasures.CUSTOMER_HHI.of(last, false)));
        }
    }
}
