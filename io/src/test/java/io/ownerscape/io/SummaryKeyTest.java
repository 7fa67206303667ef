package io.ownerscape.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** summary.json writes only declared keys, in the declared order, and a run with every part writes them all. */
class SummaryKeyTest {
    @TempDir
    Path dir;

    @Test
    void aRunWithEveryPartWritesExactlyTheDeclaredKeysInOrder() throws Exception {
        RunSettings s = SettingsBuilder.defaults().preset("open-politics").persons(3000).months(60).burnIn(12).threads(2)
                .changes(Map.of("politics_start", 30, "election_interval", 12, "goods_market", true, "market_start", 6,
                        "transfer_share", 0.05, "transfer_start", 36, "transfer_months", 12))
                .build();
        SimulationRun.execute(s, dir.resolve("run"), (d, t, m) -> { });
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("run").resolve("summary.json").toFile());
        List<String> written = new ArrayList<>();
        summary.fieldNames().forEachRemaining(written::add);
        List<String> declaredSeen = new ArrayList<>();
        Set<String> undeclared = new HashSet<>();
        for (String key : written) {
            String base = key.replaceAll("_(se|ci_low|ci_high)$", "");
            SummaryKey k = SummaryKey.of(base);
            if (k == null) {
                undeclared.add(key);
            } else if (!declaredSeen.contains(base)) {
                declaredSeen.add(base);
            }
        }
        assertEquals(Set.of(), undeclared, "keys written but not declared in SummaryKey");
        List<String> declared = java.util.Arrays.stream(SummaryKey.values()).map(SummaryKey::key).toList();
        assertEquals(declared, declaredSeen, "every declared key written, in the declared order");
        assertTrue(summary.has("transfer_employment_effect_ci_high"), "an effect's four keys");
    }
}
