package io.ownerscape.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's own rules: one experiment per store, and a store killed while being created is new. */
class ExperimentStoreTest {
    @TempDir
    Path dir;

    @Test
    void aStoreWithoutItsTablesCountsAsNewAndAnotherFingerprintIsRefused() throws Exception {
        Path file = dir.resolve("experiment.duckdb");
        Class.forName("org.duckdb.DuckDBDriver");
        DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()).close(); // killed before CREATE
        try (ExperimentStore s = new ExperimentStore(file, "abc", Map.of("name", "x"))) {
            assertTrue(s.finished().isEmpty());
            assertEquals("x", s.query("SELECT value FROM experiment WHERE key = 'name'").get(0)[0]);
        }
        try (ExperimentStore s = new ExperimentStore(file, "abc", Map.of())) {
            assertTrue(s.finished().isEmpty(), "the same experiment reopens");
        }
        Experiment.OutputException e = assertThrows(Experiment.OutputException.class,
                () -> new ExperimentStore(file, "other", Map.of()));
        assertTrue(e.getMessage().contains("holds another experiment"), e.getMessage());
        // The refused open released the file: the right experiment still opens.
        new ExperimentStore(file, "abc", Map.of()).close();
    }

    @Test
    void aStoreOfAnotherVersionsColumnsIsRefusedWithBoth() throws Exception {
        Path file = dir.resolve("old.duckdb");
        new ExperimentStore(file, "abc", Map.of()).close();
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
             var st = c.createStatement()) {
            st.execute("ALTER TABLE monthly DROP COLUMN largest_firm"); // as a store of the version before
        }
        Experiment.OutputException e = assertThrows(Experiment.OutputException.class,
                () -> new ExperimentStore(file, "abc", Map.of()));
        assertTrue(e.getMessage().contains("written by another version") && e.getMessage().contains("table monthly")
                && e.getMessage().contains("largest_firm BIGINT"), e.getMessage());
    }
}
