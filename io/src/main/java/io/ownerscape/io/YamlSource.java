package io.ownerscape.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a YAML input file (a scenario or an experiment), read once and checked before any
 * value is bound: at most {@link #MAX_BYTES}, UTF-8, well-formed YAML without aliases or
 * non-finite numbers. It knows where each key stands by its dotted path
 * ({@code platforms.strict.ubi}, {@code schedule.240.announced}, {@code seeds[2]}), so that errors
 * found after parsing can still name the file, line and column of the key itself, however deep.
 *
 * <p>Aliases ({@code *name}) are refused rather than followed: Jackson's YAML binding reads an
 * alias as the anchor's name, so a file with one would silently mean something else than it says.
 */
public final class YamlSource {
    /** Largest input file: scenario and experiment files are a few kilobytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Longest value quoted back in an error message. */
    public static final int MAX_QUOTED = 60;

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(nan|NaN|NAN|inf|Inf|INF)");

    /** Input that cannot be read as YAML text; the message is one line, ready for the user. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private final Path file;
    private final String text;
    private final Map<String, JsonLocation> byPath = new HashMap<>();

    private YamlSource(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws Unreadable naming the file (and line and column where there is one) and what is wrong
     */
    public static YamlSource read(Path file) throws Unreadable {
        if (!Files.isRegularFile(file)) {
            throw new Unreadable(file + ": no such file");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new Unreadable(file + ": " + String.format("%,d", Files.size(file)) + " bytes; allowed at most "
                        + String.format("%,d", MAX_BYTES) + " (a scenario or experiment file is a few kilobytes)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Unreadable(file + ": cannot read: " + oneLine(e.getMessage()));
        }
        return of(file, bytes);
    }

    /** Checks {@code bytes} as the content of {@code file} (which need not exist). */
    public static YamlSource of(Path file, byte[] bytes) throws Unreadable {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable(file + ": " + String.format("%,d", bytes.length) + " bytes; allowed at most "
                    + String.format("%,d", MAX_BYTES));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable(file + ": not a text file (byte " + firstBadByte(bytes)
                    + " is not UTF-8); allowed: YAML text in UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw new Unreadable(file + ": not a text file (it holds a NUL character at offset "
                    + text.indexOf('\0') + "); allowed: YAML text in UTF-8");
        }
        YamlSource s = new YamlSource(file, text);
        s.scan();
        return s;
    }

    /** The file's text. */
    public String text() {
        return text;
    }

    /** The file as given. */
    public Path file() {
        return file;
    }

    /** Whether the text holds nothing but blank lines, comments and document markers. */
    public boolean blank() {
        return text.lines().map(String::strip)
                .allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---") || l.equals("..."));
    }

    /** {@code FILE:LINE:COLUMN: } of the path, or of its nearest located parent, or {@code FILE: }. */
    public String at(String dottedPath) {
        JsonLocation l = location(dottedPath);
        return l == null ? file + ": " : file + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": ";
    }

    /** {@code FILE:LINE:COLUMN: } of exactly this path, or null when the file does not hold it. */
    public String exactly(String dottedPath) {
        JsonLocation l = byPath.get(dottedPath);
        return l == null || l.getLineNr() <= 0 ? null : file + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": ";
    }

    /** Every located path with its {@code FILE:LINE:COLUMN: } prefix. */
    public Map<String, String> paths() {
        Map<String, String> out = new HashMap<>();
        byPath.forEach((p, l) -> {
            if (l.getLineNr() > 0) {
                out.put(p, file + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": ");
            }
        });
        return out;
    }

    private JsonLocation location(String dottedPath) {
        String p = dottedPath;
        while (p != null && !p.isEmpty()) {
            JsonLocation l = byPath.get(p);
            if (l != null && l.getLineNr() > 0) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? null : p.substring(0, cut);
        }
        return null;
    }

    /**
     * One streaming pass: records each key's location and refuses what binding would misread.
     * Parse errors are reported here, with their position, so binding never meets one.
     */
    private void scan() throws Unreadable {
        try (JsonParser p = FACTORY.createParser(text)) {
            Deque<Frame> frames = new ArrayDeque<>();
            String pending = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    pending = p.currentName();
                    byPath.putIfAbsent(join(frames, pending), p.currentTokenLocation());
                    continue;
                }
                String segment = pending;
                if (segment == null && !frames.isEmpty() && frames.peekLast().array) {
                    segment = "[" + frames.peekLast().count++ + "]";
                    byPath.putIfAbsent(join(frames, segment), p.currentTokenLocation());
                }
                String path = segment == null ? "" : join(frames, segment);
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    throw new Unreadable(where(p.currentTokenLocation()) + (path.isEmpty() ? "" : "key '" + path + "': ")
                            + "YAML aliases (*" + shorten(p.getText()) + ") are not supported; write the value out");
                }
                if (t == JsonToken.VALUE_NUMBER_FLOAT && NON_FINITE.matcher(p.getText()).matches()) {
                    throw new Unreadable(where(p.currentTokenLocation()) + "key '" + path + "' has value '"
                            + p.getText() + "': expected a finite number");
                }
                pending = null;
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    frames.addLast(new Frame(segment, t == JsonToken.START_ARRAY));
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    frames.pollLast();
                }
            }
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            throw new Unreadable(where(e.getLocation()) + "not valid YAML: "
                    + shorten(msg == null ? "" : msg.lines().findFirst().orElse(""), 200));
        } catch (IOException e) {
            throw new Unreadable(file + ": cannot read: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            // The YAML library's own limits (nesting depth, document size) and its other refusals.
            throw new Unreadable(file + ": not valid YAML: " + shorten(oneLine(String.valueOf(e.getMessage())), 200));
        }
    }

    private String where(JsonLocation l) {
        return l == null || l.getLineNr() <= 0 ? file + ": " : file + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": ";
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

    private static int firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    /** A value as quoted in an error: one line, at most {@link #MAX_QUOTED} characters. */
    public static String shorten(Object value) {
        return shorten(String.valueOf(value), MAX_QUOTED);
    }

    static String shorten(String s, int max) {
        String line = oneLine(s);
        return line.length() <= max ? line : line.substring(0, max) + "... (" + String.format("%,d", line.length())
                + " characters)";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
