package io.ownerscape.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.politics.Platform;
import io.ownerscape.model.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run with elections writes the state's series, the elections and the votes by class. */
class PoliticsRunTest {
    @TempDir
    Path dir;

    @Test
    void electionsReachSummaryStoreAndReport() throws Exception {
        var rules = LabourKeys.with(Preset.OPEN_POLITICS.labour(), Map.of("politics_start", 12,
                "election_interval", 12, "forecast_months", 3, "regions", 5));
        List<Platform> platforms = new ArrayList<>(Platform.builtIns());
        platforms.add(new Platform("co-op", "buy-outs only", Map.of("coop_conversion", 0.05, "balanced_budget", true)));
        RunSettings settings = new RunSettings(ModelParameters.defaults(3000), 40, 0, 3, 2, false,
                Preset.OPEN_POLITICS, rules, platforms, null);
        assertTrue(settings.violations().isEmpty(), settings.violations().toString());
        Path out = dir.resolve("run");
        SimulationRun.execute(settings, out, (d, t, m) -> { });
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("ubi_promised", "ubi_paid", "state_employment_share", "countervailing_power",
                "elections_held", "elections_suspended", "vote_share_by_class", "policies_in_force",
                "state_budget", "ruling_platform", "autonomy_over_time", "platforms")) {
            assertTrue(s.has(key), "summary.json lacks " + key);
        }
        assertEquals(3, s.get("elections_held").asInt(), "months 11, 23 and 35");
        JsonNode first = s.get("vote_share_by_class").get(0);
        assertEquals(11, first.get("month").asInt());
        double total = 0;
        for (JsonNode v : first.get("vote_shares")) {
            total += v.asDouble();
        }
        assertEquals(1.0, total, 1e-12, "vote shares sum to 1");
        assertEquals(4, s.get("platforms").size());
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("results.duckdb"));
             var st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*) FROM state");
            rs.next();
            assertEquals(40, rs.getInt(1));
            rs = st.executeQuery("SELECT sum(votes) FROM votes_by_class WHERE month = 11");
            rs.next();
            long byClass = rs.getLong(1);
            rs = st.executeQuery("SELECT votes_cast FROM elections WHERE month = 11");
            rs.next();
            assertEquals(rs.getLong(1), byClass, "the class x vote table sums to the votes cast");
        }
        assertTrue(Files.exists(out.resolve("elections.parquet")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("State and politics") && html.contains("Vote shares by class, month 11"));
        for (String chart : List.of("ubi", "state_sector", "budget", "autonomy_over_time")) {
            assertTrue(Files.size(out.resolve("charts/" + chart + ".svg")) > 0, chart);
        }
    }

    @Test
    void scenarioPlatformsAreTypedAndCheckedWithTheirLine() throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.yaml"), """
                preset: open-politics
                ruling_platform: mine
                platforms:
                  mine:
                    description: a test platform
                    ubi: 0.1
                    nationalisation_min_employees: 50
                    state_trusts: true
                """);
        ScenarioFile.Values v = ScenarioFile.read(ok);
        assertEquals("mine", v.rulingPlatform());
        Platform mine = v.userPlatforms().get(0);
        assertEquals(0.1, mine.policy().get("ubi"));
        assertEquals(50, mine.policy().get("nationalisation_min_employees"));
        assertEquals("a test platform", mine.description());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                platforms:
                  mine:
                    span_of_control: 3
                """);
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":3:5: platforms.mine.span_of_control: not a policy key"),
                e.getMessage());
        Path wrongType = Files.writeString(dir.resolve("type.yaml"), """
                platforms:
                  mine:
                    state_trusts: 3
                """);
        e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(wrongType));
        assertTrue(e.getMessage().contains("platforms.mine.state_trusts has value '3': expected true or false"),
                e.getMessage());
        RunSettings unknownRuler = new RunSettings(ModelParameters.defaults(3000), 12, 0, 1, 1, false,
                Preset.MARKET, Preset.MARKET.labour(), Platform.builtIns(), "nobody");
        assertTrue(unknownRuler.violations().toString().contains("ruling_platform = 'nobody': allowed market, centralise, distribute"),
                unknownRuler.violations().toString());
    }

    @Test
    void aScheduleMonthMaySayWhenItWasAnnounced() throws Exception {
        Path ok = Files.writeString(dir.resolve("announced.yaml"), """
                extends: open-politics
                months: 48
                schedule:
                  30:
                    firing_cost: 6.0
                    announced: 28
                  49:
                    ubi: 0.1
                """);
        ScenarioFile.Values v = ScenarioFile.read(ok);
        assertEquals(Map.of("firing_cost", 6.0, "announced", 28), v.schedule().get(30));
        RunSettings s = new RunSettings(v.model(1000, null, null, null), 48, 0, 1, 1, false, Preset.OPEN_POLITICS,
                Preset.OPEN_POLITICS.labour(), Platform.builtIns(), null, v.schedule());
        assertTrue(s.violations().isEmpty(), "month 49 = months + 1 is read at the end of the last month: "
                + s.violations());
        RunSettings beyond = new RunSettings(v.model(1000, null, null, null), 47, 0, 1, 1, false, Preset.OPEN_POLITICS,
                Preset.OPEN_POLITICS.labour(), Platform.builtIns(), null, v.schedule());
        assertTrue(beyond.violations().toString().contains("schedule: month 49: allowed 1 to months + 1 (48"),
                beyond.violations().toString());
        Path text = Files.writeString(dir.resolve("text.yaml"), "schedule:\n  30:\n    announced: soon\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(text));
        assertTrue(e.getMessage().contains("schedule.30.announced' has value 'soon': expected a whole number"),
                e.getMessage());
        Path late = Files.writeString(dir.resolve("late.yaml"), "schedule:\n  30:\n    ubi: 0.1\n    announced: 29\n");
        RunSettings tooLate = new RunSettings(ScenarioFile.read(late).model(1000, null, null, null), 48, 0, 1, 1, false,
                Preset.MARKET, Preset.MARKET.labour(), Platform.builtIns(), null, ScenarioFile.read(late).schedule());
        assertTrue(tooLate.violations().toString().contains("schedule.30.announced = 29: allowed a whole number from 0 to 28"),
                tooLate.violations().toString());
    }

    @Test
    void extendsTakesAPresetOrAnotherFileAndOverridesIt() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), """
                extends: open-politics
                persons: 5000
                platforms:
                  mine:
                    ubi: 0.1
                schedule:
                  24:
                    firing_cost: 6.0
                    ubi: 0.1
                """);
        Path child = Files.writeString(dir.resolve("child.yaml"), """
                extends: base.yaml
                months: 48
                schedule:
                  24:
                    ubi: 0.2
                  36:
                    income_tax: 0.3
                """);
        ScenarioFile.Values v = ScenarioFile.read(child);
        assertEquals("open-politics", v.preset(), "the preset comes through the file extended");
        assertEquals(5000, v.persons());
        assertEquals(48, v.months());
        assertEquals(Map.of("firing_cost", 6.0, "ubi", 0.2), v.schedule().get(24), "joined month by month, key by key");
        assertEquals(Map.of("income_tax", 0.3), v.schedule().get(36));
        assertEquals("mine", v.userPlatforms().get(0).name());
        Path loop = Files.writeString(dir.resolve("loop.yaml"), "extends: loop2.yaml\n");
        Files.writeString(dir.resolve("loop2.yaml"), "extends: loop.yaml\n");
        var e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(loop));
        assertTrue(e.getMessage().contains("extends itself"), e.getMessage());
        Path nowhere = Files.writeString(dir.resolve("nowhere.yaml"), "persons: 1000\nextends: utopia\n");
        e = assertThrows(ScenarioFile.ScenarioException.class, () -> ScenarioFile.read(nowhere));
        assertTrue(e.getMessage().startsWith(nowhere + ":2:1: extends 'utopia': neither a preset"), e.getMessage());
    }
}
