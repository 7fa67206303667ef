package io.ownerscape.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of a YAML file stands, by its dotted path ({@code sweep.factors.firing_cost}),
 * so that errors found after parsing can still name the file, line and column.
 */
final class Locations {
    private final Path file;
    private final Map<String, JsonLocation> byPath = new HashMap<>();

    private Locations(Path file) {
        this.file = file;
    }

    /** Reads the file's keys; a file that does not parse gives what was read before the error. */
    static Locations of(Path file) {
        Locations out = new Locations(file);
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            Deque<Frame> frames = new ArrayDeque<>();
            String pending = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    pending = p.currentName();
                    out.byPath.put(join(frames, pending), p.currentTokenLocation());
                    continue;
                }
                String segment = pending;
                if (segment == null && !frames.isEmpty() && frames.peekLast().array) {
                    segment = "[" + frames.peekLast().count++ + "]";
                    out.byPath.putIfAbsent(join(frames, segment), p.currentTokenLocation());
                }
                pending = null;
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    frames.addLast(new Frame(segment, t == JsonToken.START_ARRAY));
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    frames.pollLast();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Locations are a courtesy; the parse error itself is reported elsewhere.
        }
        return out;
    }

    private static final class Frame {
        final String segment;
        final boolean array;
        int count;

        Frame(String segment, boolean array) {
            this.segment = segment;
            this.array = array;
        }
    }

    private static String join(Deque<Frame> frames, String last) {
        StringBuilder b = new StringBuilder();
        for (Frame f : frames) {
            if (f.segment != null) {
                if (b.length() > 0 && !f.segment.startsWith("[")) {
                    b.append('.');
                }
                b.append(f.segment);
            }
        }
        if (b.length() > 0 && !last.startsWith("[")) {
            b.append('.');
        }
        return b.append(last).toString();
    }

    /** {@code FILE:LINE:COLUMN: } of the path, or of its nearest located parent, or {@code FILE: }. */
    String at(String dottedPath) {
        String p = dottedPath;
        while (p != null && !p.isEmpty()) {
            JsonLocation l = byPath.get(p);
            if (l != null && l.getLineNr() > 0) {
                return file + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": ";
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? null : p.substring(0, cut);
        }
        return file + ": ";
    }
}
