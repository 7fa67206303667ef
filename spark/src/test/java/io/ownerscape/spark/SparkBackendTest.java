package io.ownerscape.spark;

import io.ownerscape.experiment.Backend;
import io.ownerscape.experiment.Experiment;
import io.ownerscape.experiment.ExperimentFile;
import io.ownerscape.experiment.ExperimentPlan;
import io.ownerscape.experiment.ExperimentStore;
import io.ownerscape.experiment.LocalBackend;
import io.ownerscape.experiment.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same experiment on Spark local[2] and on the local pool gives identical rows. */
class SparkBackendTest {
    @TempDir
    Path dir;

    private static final Experiment.Progress QUIET = new Experiment.Progress() {
        @Override
        public void start(int total, int finishedEarlier) {
        }

        @Override
        public void finished(RunOutcome outcome) {
        }
    };

    @Test
    void sparkAndLocalPoolGiveIdenticalRows() throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, """
                name: spark-check
                persons: 1500
                months: 36
                burn_in: 6
                seeds: 2
                scenarios:
                  market: market
                  open: {extends: open-politics, politics_start: 12, election_interval: 12}
                sweep:
                  method: lhs
                  samples: 2
                  factors:
                    firing_cost: {min: 0, max: 6}
                """);
        ExperimentPlan plan = ExperimentFile.read(file);
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        Experiment.run(plan, local, new LocalBackend(2), 1, QUIET, line -> { });
        Backend backend = Backend.spark("local[2]");
        assertTrue(backend.describe().contains("local[2]"), backend.describe());
        try (backend) {
            Experiment.run(plan, spark, backend, 1, QUIET, line -> { });
        }
        try (ExperimentStore a = new ExperimentStore(local.resolve("experiment.duckdb"), plan.fingerprint(), Map.of());
             ExperimentStore b = new ExperimentStore(spark.resolve("experiment.duckdb"), plan.fingerprint(), Map.of())) {
            for (String sql : List.of(
                    "SELECT run_id, run_index, scenario, design, point, seed, regime, state_hash FROM runs ORDER BY ALL",
                    "SELECT * FROM factors ORDER BY ALL", "SELECT * FROM parameters ORDER BY ALL",
                    "SELECT * FROM measures ORDER BY ALL", "SELECT * FROM monthly ORDER BY ALL",
                    "SELECT * FROM classes ORDER BY ALL", "SELECT * FROM elections ORDER BY ALL",
                    "SELECT * FROM votes_by_class ORDER BY ALL")) {
                List<Object[]> x = a.query(sql);
                List<Object[]> y = b.query(sql);
                assertEquals(x.size(), y.size(), sql);
                assertTrue(x.size() > 0 || sql.contains("elections") || sql.contains("votes"), sql + " has rows");
                for (int i = 0; i < x.size(); i++) {
                    assertEquals(java.util.Arrays.asList(x.get(i)), java.util.Arrays.asList(y.get(i)), sql + " row " + i);
                }
            }
            assertEquals(8L, ((Number) a.query("SELECT count(*) FROM runs").get(0)[0]).longValue());
            assertTrue(((Number) a.query("SELECT count(*) FROM elections").get(0)[0]).longValue() > 0,
                    "the open-politics runs held elections");
        }
        assertEquals(Files.readString(local.resolve("verdicts.csv")), Files.readString(spark.resolve("verdicts.csv")));
    }

    @Test
    void badMasterIsRefusedWithWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backend.spark("local[two]"));
        assertTrue(e.getMessage().contains("allowed local, local[N], local[*]"), e.getMessage());
    }
}
