package io.ownerscape.io;

import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.Preset;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/reference.yaml lists every key with the market preset's value, and is itself valid. */
class ReferenceFileTest {
    private static final Path REFERENCE = Path.of("..", "docs", "reference.yaml");

    @Test
    void listsEveryKeyAtTheMarketDefaultAndValidates() throws Exception {
        String text = Files.readString(REFERENCE);
        var market = LabourKeys.toMap(LabourParameters.market());
        for (String key : LabourKeys.keys()) {
            var m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (\\S+)$").matcher(text);
            assertTrue(m.find(), "docs/reference.yaml lacks " + key);
            assertEquals(String.valueOf(market.get(key)), m.group(1), key + ": the market preset's value");
        }
        for (String key : List.of("persons", "months", "burn_in", "seed", "threads", "firm_panel", "activation_rate",
                "substeps", "sequential", "a_min", "a_max", "b_min", "b_max", "beta_min", "beta_max", "friends_min",
                "friends_max", "preset", "ruling_platform", "platforms", "schedule")) {
            assertTrue(Pattern.compile("(?m)^" + key + ":").matcher(text).find(), "docs/reference.yaml lacks " + key);
        }
        ScenarioFile.Values v = ScenarioFile.read(REFERENCE);
        assertEquals(LabourParameters.market(), LabourKeys.with(Preset.of(v.preset()).labour(), v.labour()),
                "the reference spells out the market preset");
        assertEquals(1, v.userPlatforms().size());
        assertEquals(1, v.schedule().size());
    }
}
