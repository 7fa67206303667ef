package io.ownerscape.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model build's fingerprint: read from the classes this process runs, and any change to one changes it. */
class ModelBuildTest {
    @TempDir
    Path dir;

    @Test
    void theRunningModelHasAFingerprint() {
        String f = ModelBuild.fingerprint();
        assertTrue(f.matches("[0-9a-f]{16}"), f);
        assertEquals(f, ModelBuild.fingerprint());
    }

    @Test
    void anyChangedByteOrAddedClassChangesItAndOtherFilesDoNot() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("io/ownerscape/model/sub"));
        Files.write(classes.resolve("io/ownerscape/model/A.class"), new byte[]{1, 2, 3});
        Files.write(classes.resolve("io/ownerscape/model/sub/B.class"), new byte[]{4, 5});
        String before = fingerprintOf(classes);
        Files.writeString(classes.resolve("io/ownerscape/model/notes.txt"), "not a class");
        Files.createDirectories(classes.resolve("io/ownerscape/web"));
        Files.write(classes.resolve("io/ownerscape/web/C.class"), new byte[]{9});
        assertEquals(before, fingerprintOf(classes), "files that are not the model's classes");
        Files.write(classes.resolve("io/ownerscape/model/sub/B.class"), new byte[]{4, 6});
        assertNotEquals(before, fingerprintOf(classes), "a changed byte");
        Files.write(classes.resolve("io/ownerscape/model/sub/B.class"), new byte[]{4, 5});
        assertEquals(before, fingerprintOf(classes), "the same bytes again");
        Files.write(classes.resolve("io/ownerscape/model/D.class"), new byte[0]);
        assertNotEquals(before, fingerprintOf(classes), "an added class, even empty");
    }

    private static String fingerprintOf(Path classes) throws Exception {
        Map<String, byte[]> read = new TreeMap<>();
        ModelBuild.read(classes, "io/ownerscape/model/", read);
        return ModelBuild.digest(read);
    }
}
