package io.ownerscape.io;

import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Economy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which build of the model produced a result: a fingerprint of the model's code as this process
 * loaded it, the SHA-256 of the class files of the engine ({@code io/ownerscape/engine/}) and the
 * model ({@code io/ownerscape/model/}), names and bytes in name order, cut to 16 hex digits.
 *
 * <p>An experiment resumes from the runs already in its store; runs of two builds whose model code
 * differs must not be mixed in one analysis, whatever the experiment file says, and the git commit
 * does not tell two builds of one checkout apart. Any change to a class of the engine or the model
 * changes the fingerprint, including a rewrite that changes no result: the check errs on the side
 * of running again. "unknown" when the classes cannot be read (a class loader without a code
 * source).
 */
public final class ModelBuild {
    private static volatile String cached;

    private ModelBuild() {
    }

    /** The fingerprint of the engine and model this process runs, computed once. */
    public static String fingerprint() {
        String f = cached;
        if (f == null) {
            f = compute();
            cached = f;
        }
        return f;
    }

    private static String compute() {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            read(RandomStreams.class, "io/ownerscape/engine/", classes);
            read(Economy.class, "io/ownerscape/model/", classes);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
        return classes.isEmpty() ? "unknown" : digest(classes);
    }

    /** The class files under {@code prefix} of the jar or directory {@code anchor} was loaded from. */
    static void read(Class<?> anchor, String prefix, Map<String, byte[]> into) throws IOException, URISyntaxException {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            throw new IOException("no code source for " + anchor.getName());
        }
        read(Path.of(location.toURI()), prefix, into);
    }

    /** The class files under {@code prefix} of a jar file or a directory of classes. */
    static void read(Path location, String prefix, Map<String, byte[]> into) throws IOException {
        if (Files.isDirectory(location)) {
            Path root = location.resolve(prefix);
            if (!Files.isDirectory(root)) {
                return;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : (Iterable<Path>) files.filter(q -> q.toString().endsWith(".class"))::iterator) {
                    into.put(location.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (!e.isDirectory() && e.getName().startsWith(prefix) && e.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        into.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    /** SHA-256 over each name, its length and its bytes, in the map's order; 16 hex digits. */
    static String digest(Map<String, byte[]> classes) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (var e : classes.entrySet()) {
                d.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(Long.toString(e.getValue().length).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(e.getValue());
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
