package io.ownerscape.io;

import io.ownerscape.model.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one settings builder: one set of defaults, and what is given wins over the file, which wins over them. */
class SettingsBuilderTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheMarketAt100kFor50Years() {
        RunSettings s = SettingsBuilder.defaults().threads(1).build();
        assertEquals(Preset.MARKET, s.preset());
        assertEquals(100_000, s.model().persons());
        assertEquals(600, s.months());
        assertEquals(120, s.burnIn());
        assertEquals(1, s.seed());
        assertEquals(Preset.MARKET.labour(), s.labour());
        assertNull(s.ruling(), "the market preset has no ruling platform");
        assertEquals(12, SettingsBuilder.defaults().months(12).threads(1).build().burnIn(), "burn-in at most the months");
    }

    @Test
    void givenWinsOverTheFileWhichWinsOverTheDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"),
                "preset: open-politics\npersons: 5000\nmonths: 48\nseed: 9\nfiring_cost: 3.0\nruling_platform: distribute\n");
        ScenarioFile.Values v = ScenarioFile.read(file);
        RunSettings fromFile = SettingsBuilder.from(v).threads(1).build();
        assertEquals(Preset.OPEN_POLITICS, fromFile.preset());
        assertEquals(5000, fromFile.model().persons());
        assertEquals(48, fromFile.months());
        assertEquals(9, fromFile.seed());
        assertEquals(3.0, fromFile.labour().firingCost());
        assertEquals("distribute", fromFile.ruling());
        RunSettings given = SettingsBuilder.from(v).threads(1).persons(3000).months(30).seed(2L).preset("market")
                .change("firing_cost", 6.0).ruling(null).build();
        assertEquals(Preset.MARKET, given.preset());
        assertEquals(3000, given.model().persons());
        assertEquals(30, given.months());
        assertEquals(2, given.seed());
        assertEquals(6.0, given.labour().firingCost());
        assertNull(given.ruling(), "a ruling platform given as none");
        assertEquals("centralise", SettingsBuilder.defaults().threads(1).preset("centralisation").build().ruling(),
                "without a file or a given platform, the preset's");
    }

    @Test
    void aCommandsOwnDefaultsYieldToWhatIsGiven() {
        RunSettings bench = SettingsBuilder.defaults().defaults(1_000_000, 12, 0).threads(1).build();
        assertEquals(1_000_000, bench.model().persons());
        assertEquals(12, bench.months());
        assertEquals(0, bench.burnIn());
        assertEquals(2000, SettingsBuilder.defaults().defaults(1_000_000, 12, 0).persons(2000).threads(1).build()
                .model().persons());
    }

    @Test
    void badValuesAreNamedWithWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SettingsBuilder.defaults().preset("utopia").build());
        assertTrue(e.getMessage().startsWith("preset = 'utopia': allowed axtell, market"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SettingsBuilder.defaults().threads(1).months(0).change("ubi", 5.0).build());
        assertTrue(e.getMessage().contains("ubi = 5.0: allowed 0.0 to 2.0") && e.getMessage().contains("months = 0"),
                e.getMessage());
    }
}
