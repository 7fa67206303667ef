package io.ownerscape.io;

import io.ownerscape.model.labour.LabourKeys;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documents generated from the parameters' declarations are current. */
class GeneratedDocsTest {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void generatedDocumentsAreCurrent() throws Exception {
        Map<String, String> generated = ParameterDocs.generate(DOCS);
        assertEquals(java.util.Set.of("PARAMETERS.md", "reference.yaml", "MODEL.md", "OUTPUTS.md", "EXPERIMENTS.md", "DASHBOARD.md"),
                generated.keySet());
        for (Map.Entry<String, String> e : generated.entrySet()) {
            assertEquals(e.getValue(), Files.readString(DOCS.resolve(e.getKey())),
                    "docs/" + e.getKey() + " is stale: run ./ownerscape docs docs");
        }
    }

    @Test
    void everyKeyAppearsInPARAMETERSAndInAModelTable() throws Exception {
        String parameters = ParameterDocs.parametersMarkdown();
        String model = Files.readString(DOCS.resolve("MODEL.md"));
        for (String key : LabourKeys.keys()) {
            assertTrue(parameters.contains("| `" + key + "`"), key + " missing from PARAMETERS.md");
            assertTrue(model.contains("| `" + key + "`"), key + " missing from MODEL.md's key tables");
        }
        for (String section : ParameterDocs.SECTIONS.keySet()) {
            assertTrue(model.contains("<!-- parameters " + section + " -->"), "MODEL.md has no key table for §" + section);
        }
    }

    @Test
    void aMarkedTableOfASectionWithoutParametersIsAnError() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ParameterDocs.modelMarkdown("x\n<!-- parameters 9.9 -->\nold\n<!-- /parameters -->\n"));
        assertTrue(e.getMessage().contains("section 9.9"), e.getMessage());
    }
}
