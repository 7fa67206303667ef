package io.ownerscape.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run with the transfer trial (MODEL.md §7.17) writes its table, its summary keys and the state's payments. */
class TransferTrialRunTest {
    @TempDir
    Path dir;

    private static LabourParameters trial(int start, int months) {
        return LabourKeys.with(LabourParameters.market(), Map.of("transfer_share", 0.1, "transfer_start", start,
                "transfer_months", months));
    }

    @Test
    void trialReachesSummaryStoreAndParquet() throws Exception {
        RunSettings settings = new RunSettings(ModelParameters.defaults(3000), 30, 0, 2, 2, false, Preset.MARKET,
                trial(13, 12));
        assertTrue(settings.violations().isEmpty(), settings.violations().toString());
        Path out = dir.resolve("run");
        SimulationRun.execute(settings, out, (d, t, m) -> { });
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("transfer_treated", "transfer_control", "transfer_mean_payment",
                "transfer_employment_effect", "transfer_employment_effect_se", "transfer_employment_effect_ci_low",
                "transfer_employment_effect_ci_high", "transfer_effort_effect", "transfer_effort_effect_ci_low",
                "transfer_employed_effort_effect", "transfer_earnings_effect", "transfer_earnings_per_payment",
                "transfer_employment_before", "transfer_control_employment_rate")) {
            assertTrue(s.has(key) && s.get(key).isNumber(), "summary.json lacks " + key);
        }
        assertEquals(12, s.get("transfer_window_months").asInt());
        double low = s.get("transfer_employment_effect_ci_low").asDouble();
        double high = s.get("transfer_employment_effect_ci_high").asDouble();
        double se = s.get("transfer_employment_effect_se").asDouble();
        assertEquals(2 * 1.959963984540054 * se, high - low, 1e-9, "the interval is ±1.96 standard errors");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("results.duckdb"));
             var st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*), min(month), max(month) FROM transfer_trial");
            rs.next();
            assertEquals(2 * 18, rs.getInt(1), "two groups a month from the first payment (13) to the end (30)");
            assertEquals(13, rs.getInt(2));
            rs = st.executeQuery("SELECT sum(mean_transfer * persons) FROM transfer_trial WHERE arm = 'treated'");
            rs.next();
            double paid = rs.getDouble(1);
            rs = st.executeQuery("SELECT sum(transfers) FROM state");
            rs.next();
            assertEquals(rs.getDouble(1), paid, 1e-9 * paid, "the state paid what the treated received");
            assertTrue(paid > 0);
            rs = st.executeQuery("SELECT count(*) FROM transfer_trial WHERE phase = 'after' AND mean_transfer > 0");
            rs.next();
            assertEquals(0, rs.getInt(1), "nothing is paid after the window");
        }
        assertTrue(Files.exists(out.resolve("transfer_trial.parquet")));
    }

    @Test
    void aRunWithoutTheTrialHasNoTrialKeysAndAnEmptyTable() throws Exception {
        RunSettings settings = new RunSettings(ModelParameters.defaults(1000), 6, 0, 2, 1, false, Preset.MARKET,
                LabourParameters.market());
        Path out = dir.resolve("plain");
        SimulationRun.execute(settings, out, (d, t, m) -> { });
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(s.has("transfer_employment_effect"));
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("results.duckdb"));
             var st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*) FROM transfer_trial");
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void aTrialEndingAfterTheRunIsRefusedWithItsKeys() {
        RunSettings settings = new RunSettings(ModelParameters.defaults(1000), 50, 0, 2, 1, false, Preset.MARKET,
                trial(40, 36));
        String v = String.join("; ", settings.violations());
        assertTrue(v.contains("transfer_start = 40 with transfer_months = 36") && v.contains("months = 50"), v);
        RunSettings off = new RunSettings(ModelParameters.defaults(1000), 50, 0, 2, 1, false, Preset.MARKET,
                LabourKeys.with(LabourParameters.market(), Map.of("transfer_start", 400)));
        assertTrue(off.violations().isEmpty(), "no trial, no bound on its start: " + off.violations());
    }
}
