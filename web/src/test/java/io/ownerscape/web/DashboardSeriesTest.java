package io.ownerscape.web;

import io.ownerscape.model.measure.MonthlyMeasures;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every series the page draws or compares is a measure the frames carry (MonthlyMeasures.HEADLINE). */
class DashboardSeriesTest {
    @Test
    void thePageUsesOnlyDeclaredMeasures() throws Exception {
        String js;
        try (InputStream in = DashboardServer.class.getResourceAsStream("static/app.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> declared = MonthlyMeasures.HEADLINE.names();
        int seen = 0;
        for (Pattern p : List.of(Pattern.compile("series\\('([a-z_0-9]+)'"), Pattern.compile("\\n\\s*\\['([a-z_0-9]+)', '"))) {
            Matcher m = p.matcher(js);
            while (m.find()) {
                seen++;
                assertTrue(declared.contains(m.group(1)), m.group(1) + " is drawn by app.js but is no headline measure");
            }
        }
        assertFalse(seen < 10, "the patterns found the page's series (" + seen + ")");
    }
}
