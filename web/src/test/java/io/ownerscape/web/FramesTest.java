package io.ownerscape.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ownerscape.model.metrics.SizeDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The firm-size distribution the page draws on log-log axes. */
class FramesTest {
    @Test
    void theCcdfIsExactAtEveryPointKeptAndThinnedInLogSize() {
        int distinct = 5_000;
        long[] sizes = new long[distinct];
        long[] counts = new long[distinct];
        long total = 0;
        for (int k = 0; k < distinct; k++) {
            sizes[k] = k + 1;
            counts[k] = Math.max(1, 1_000_000L / ((long) (k + 1) * (k + 1)));
            total += counts[k];
        }
        ArrayNode ccdf = Frames.ccdf(new SizeDistribution(sizes, counts, 0, 0));
        assertTrue(ccdf.size() <= Frames.CCDF_POINTS + 2, "thinned: " + ccdf.size());
        assertTrue(ccdf.size() >= Frames.CCDF_POINTS / 2, "but not starved: " + ccdf.size());
        assertEquals(1, ccdf.get(0).get(0).asLong());
        assertEquals(1.0, ccdf.get(0).get(1).asDouble(), 0, "everyone has at least the smallest size");
        JsonNode last = ccdf.get(ccdf.size() - 1);
        assertEquals(distinct, last.get(0).asLong(), "the largest size is kept");
        assertEquals((double) counts[distinct - 1] / total, last.get(1).asDouble(), 1e-15);
        double previous = 2;
        long previousSize = 0;
        for (JsonNode p : ccdf) {
            long s = p.get(0).asLong();
            double v = p.get(1).asDouble();
            long atLeast = 0;
            for (int k = (int) s - 1; k < distinct; k++) {
                atLeast += counts[k];
            }
            assertEquals((double) atLeast / total, v, 1e-12, "P(S >= " + s + ")");
            assertTrue(s > previousSize && v < previous, "increasing sizes, decreasing shares");
            previousSize = s;
            previous = v;
        }
        assertEquals(0, Frames.ccdf(new SizeDistribution(new long[0], new long[0], 0, 0)).size());
    }
}
