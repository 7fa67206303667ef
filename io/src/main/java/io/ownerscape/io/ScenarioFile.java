package io.ownerscape.io;

import io.ownerscape.model.labour.LabourKeys;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scenario file: YAML (or JSON, which is YAML) with any of the run settings and model parameters
 * as top-level keys in snake_case. Keys left out keep their defaults; command-line flags override
 * the file. Unknown keys and wrong types are errors that name the file, line, column, key, the bad
 * value and what is allowed.
 *
 * <pre>
 * persons: 1000000
 * months: 600
 * seed: 1
 * substeps: 4
 * activation_rate: 0.04
 * </pre>
 */
public final class ScenarioFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    /** The keys as Jackson binds them; {@link Values} adds where each stands. */
    private record Raw(
            @JsonProperty("persons") Integer persons,
            @JsonProperty("months") Integer months,
            @JsonProperty("burn_in") Integer burnIn,
            @JsonProperty("seed") Long seed,
            @JsonProperty("threads") Integer threads,
            @JsonProperty("firm_panel") Boolean firmPanel,
            @JsonProperty("activation_rate") Double activationRate,
            @JsonProperty("substeps") Integer substeps,
            @JsonProperty("sequential") Boolean sequential,
            @JsonProperty("a_min") Double aMin,
            @JsonProperty("a_max") Double aMax,
            @JsonProperty("b_min") Double bMin,
            @JsonProperty("b_max") Double bMax,
            @JsonProperty("beta_min") Double betaMin,
            @JsonProperty("beta_max") Double betaMax,
            @JsonProperty("friends_min") Integer friendsMin,
            @JsonProperty("friends_max") Integer friendsMax,
            @JsonProperty("preset") String preset,
            @JsonProperty("extends") String extendsFrom,
            @JsonProperty("ruling_platform") String rulingPlatform,
            @JsonProperty("platforms") Map<String, Map<String, Object>> platforms,
            @JsonProperty("schedule") Map<Integer, Map<String, Object>> schedule,
            @JsonAnySetter Map<String, Object> labour) {
    }

    /**
     * The keys a scenario file may hold; null means "not given". {@code origins} maps each key
     * path the file (or a file it extends) gives to {@code FILE:LINE:COLUMN: }, for messages
     * about values checked after reading.
     */
    public record Values(
            Integer persons,
            Integer months,
            Integer burnIn,
            Long seed,
            Integer threads,
            Boolean firmPanel,
            Double activationRate,
            Integer substeps,
            Boolean sequential,
            Double aMin,
            Double aMax,
            Double bMin,
            Double bMax,
            Double betaMin,
            Double betaMax,
            Integer friendsMin,
            Integer friendsMax,
            String preset,
            String extendsFrom,
            String rulingPlatform,
            Map<String, Map<String, Object>> platforms,
            Map<Integer, Map<String, Object>> schedule,
            Map<String, Object> labour,
            Map<String, String> origins) {

        /** No key given. */
        public static final Values EMPTY = new Values(null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, Map.of(), Map.of(), Map.of(),
                Map.of());

        public Values {
            labour = labour == null ? Map.of() : Map.copyOf(labour);
            origins = origins == null ? Map.of() : Map.copyOf(origins);
            platforms = platforms == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(platforms));
            schedule = schedule == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(schedule));
        }

        /**
         * The model parameters for {@code persons} persons: each flag given (non-null) wins over
         * the file's value, which wins over Axtell's default.
         */
        public io.ownerscape.model.ModelParameters model(int persons, Double activationRateFlag,
                                                         Integer substepsFlag, Boolean sequentialFlag) {
            io.ownerscape.model.ModelParameters d = io.ownerscape.model.ModelParameters.defaults(persons);
            return new io.ownerscape.model.ModelParameters(persons,
                    first(activationRateFlag, activationRate, d.activationRate()),
                    first(substepsFlag, substeps, d.substeps()),
                    first(sequentialFlag, sequential, d.sequential()),
                    first(null, aMin, d.aMin()), first(null, aMax, d.aMax()),
                    first(null, bMin, d.bMin()), first(null, bMax, d.bMax()),
                    first(null, betaMin, d.betaMin()), first(null, betaMax, d.betaMax()),
                    first(null, friendsMin, d.friendsMin()), first(null, friendsMax, d.friendsMax()));
        }

        private static <T> T first(T flag, T file, T fallback) {
            return flag != null ? flag : file != null ? file : fallback;
        }

        /**
         * {@code FILE:LINE:COLUMN: } of a key path ({@code firing_cost},
         * {@code platforms.strict.ubi}, {@code schedule.240}) in the file that gave it, or of its
         * nearest given parent; "" when no file gave it.
         */
        public String where(String dottedPath) {
            String p = dottedPath;
            while (p != null && !p.isEmpty()) {
                String at = origins.get(p);
                if (at != null) {
                    return at;
                }
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut < 0 ? null : p.substring(0, cut);
            }
            return "";
        }

        /**
         * Where the setting a violation message names was given ({@link #where}), read from the
         * message's own opening: {@code schedule.N.KEY}, {@code schedule: month N},
         * {@code platform NAME: KEY = ...}, {@code preset = ...} or {@code KEY = ...}.
         */
        public String whereViolation(String violation) {
            Matcher m = VIOLATION_SCHEDULE_MONTH.matcher(violation);
            if (m.find()) {
                return where("schedule." + m.group(1));
            }
            m = VIOLATION_SCHEDULE_KEY.matcher(violation);
            if (m.find()) {
                String key = m.group(2) != null ? m.group(2) : lastAssigned(violation.substring(m.end()));
                return where("schedule." + m.group(1) + (key == null ? "" : "." + key));
            }
            m = VIOLATION_PLATFORM.matcher(violation);
            if (m.find()) {
                String key = lastAssigned(violation.substring(m.end()));
                return where("platforms." + m.group(1) + (key == null ? "" : "." + key));
            }
            String key = lastAssigned(violation);
            return key == null ? "" : where(key);
        }

        private static String lastAssigned(String text) {
            Matcher m = VIOLATION_KEY.matcher(text);
            String key = null;
            while (m.find()) {
                key = m.group(1);
            }
            return key;
        }

        /** The platforms the file defines, in file order, with their policies typed and checked. */
        public List<io.ownerscape.model.politics.Platform> userPlatforms() {
            List<io.ownerscape.model.politics.Platform> out = new java.util.ArrayList<>();
            platforms.forEach((name, body) -> {
                Map<String, Object> policy = new LinkedHashMap<>(body);
                Object description = policy.remove("description");
                out.add(new io.ownerscape.model.politics.Platform(name, description == null ? "" : description.toString(), policy));
            });
            return out;
        }
    }

    private static final Pattern VIOLATION_SCHEDULE_MONTH = Pattern.compile("^schedule: month (\\d+)");
    private static final Pattern VIOLATION_SCHEDULE_KEY = Pattern.compile("^schedule\\.(\\d+)(?:\\.(\\w+))?");
    private static final Pattern VIOLATION_PLATFORM = Pattern.compile("^platform ([a-z][a-z0-9_-]*): ");
    private static final Pattern VIOLATION_KEY = Pattern.compile("(\\w+) = ");

    /** The keys of {@link Values} that are not labour rules. */
    private static final List<String> RUN_KEYS = java.util.Arrays.stream(Raw.class.getRecordComponents())
            .map(c -> c.getAccessor().getAnnotation(JsonProperty.class))
            .filter(java.util.Objects::nonNull).map(JsonProperty::value).toList();

    /** A scenario file that cannot be used; the message is one line, ready for the user. */
    public static final class ScenarioException extends Exception {
        public ScenarioException(String message) {
            super(message);
        }
    }

    private ScenarioFile() {
    }

    /** Most files one chain of {@code extends} may hold, the first file included. */
    public static final int MAX_EXTENDS_DEPTH = 16;

    /**
     * Reads and checks a scenario file. With {@code extends: NAME} the file starts from a preset
     * (the same as {@code preset: NAME}); with {@code extends: PATH} from another scenario file
     * (a {@code .yaml}, {@code .yml} or {@code .json} file in this file's folder or below it),
     * whose values this file's override key by key, platforms by name and the policy schedule
     * month by month and key by key; at most {@value #MAX_EXTENDS_DEPTH} files in a chain.
     */
    public static Values read(Path file) throws ScenarioException {
        return read(file, new java.util.LinkedHashSet<>());
    }

    /**
     * Reads and checks a scenario file that must stand alone: it may extend a preset, but no other
     * file. Used for files sent from a browser, which must not reach the server's file system.
     */
    public static Values readStandalone(Path file) throws ScenarioException {
        Values v = readOne(file);
        String ext = v.extendsFrom();
        if (ext != null && !isPreset(ext)) {
            throw new ScenarioException(v.where("extends") + "extends '" + YamlSource.shorten(ext)
                    + "': here only a preset is allowed (" + io.ownerscape.model.Preset.allowed()
                    + "); copy the keys of the file it extends into this one");
        }
        return read(file);
    }

    private static boolean isPreset(String key) {
        return java.util.Arrays.stream(io.ownerscape.model.Preset.values()).anyMatch(p -> p.key().equals(key));
    }

    private static Values read(Path file, java.util.Set<Path> chain) throws ScenarioException {
        Path self = file.toAbsolutePath().normalize();
        if (!chain.add(self)) {
            throw new ScenarioException(file + ": extends itself through " + chain);
        }
        Values v = readOne(file);
        String ext = v.extendsFrom();
        if (ext == null) {
            return v;
        }
        if (isPreset(ext)) {
            if (v.preset() != null && !v.preset().equals(ext)) {
                throw new ScenarioException(v.where("extends") + "extends '" + ext + "' and preset '"
                        + YamlSource.shorten(v.preset()) + "': give one of them");
            }
            return merge(Values.EMPTY, v, ext);
        }
        if (chain.size() >= MAX_EXTENDS_DEPTH) {
            throw new ScenarioException(v.where("extends") + "extends '" + YamlSource.shorten(ext) + "': a chain of "
                    + MAX_EXTENDS_DEPTH + " files is the most allowed (from " + chain.iterator().next() + ")");
        }
        Path base = resolveNeighbour(self, ext, v.where("extends") + "extends '" + YamlSource.shorten(ext) + "'");
        return merge(read(base, chain), v, null);
    }

    /**
     * The file a scenario or experiment file names by {@code ref}: a preset name is not a file; a
     * file must be given relative to {@code from}'s folder, inside it or below it (no absolute
     * path, no {@code ..}, no link out of the folder), and be YAML or JSON by its name, so that a
     * file can never make the program read, or quote, anything else on the machine.
     *
     * @param what the start of any error message, e.g. {@code FILE:3:1: extends 'x.yaml'}
     */
    public static Path resolveNeighbour(Path from, String ref, String what) throws ScenarioException {
        String allowed = "allowed: a preset (" + io.ownerscape.model.Preset.allowed() + ") or a .yaml, .yml or"
                + " .json file in this file's folder or below it, named relative to it";
        Path rel;
        try {
            rel = Path.of(ref);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ScenarioException(what + ": not a file name; " + allowed);
        }
        if (ref.isBlank() || rel.isAbsolute() || ref.startsWith("~") || ref.startsWith("/") || ref.startsWith("\\")) {
            throw new ScenarioException(what + ": an absolute path; " + allowed);
        }
        for (Path part : rel) {
            if (part.toString().equals("..")) {
                throw new ScenarioException(what + ": goes up out of the folder ('..'); " + allowed);
            }
        }
        if (!ref.matches("(?i).*\\.(ya?ml|json)")) {
            throw new ScenarioException(what + ": neither a preset (" + io.ownerscape.model.Preset.allowed()
                    + ") nor a .yaml, .yml or .json file in this file's folder or below it");
        }
        Path folder = from.toAbsolutePath().normalize().getParent();
        Path target = folder.resolve(rel).normalize();
        if (!Files.isRegularFile(target)) {
            throw new ScenarioException(what + ": neither a preset (" + io.ownerscape.model.Preset.allowed()
                    + ") nor a file (" + target + ")");
        }
        try {
            if (!target.toRealPath().startsWith(folder.toRealPath())) {
                throw new ScenarioException(what + ": a link to a file outside this file's folder; " + allowed);
            }
        } catch (IOException e) {
            throw new ScenarioException(what + ": cannot read: " + YamlSource.oneLine(e.getMessage()));
        }
        return target;
    }

    /**
     * A file's values over the values it extends: scalars of {@code over} win where given, maps
     * are joined (the schedule month by month), and {@code preset} is set if given.
     */
    @SuppressWarnings("unchecked")
    private static Values merge(Values base, Values over, String preset) {
        var components = Values.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int k = 0; k < components.length; k++) {
                types[k] = components[k].getType();
                Object b = components[k].getAccessor().invoke(base);
                Object o = components[k].getAccessor().invoke(over);
                if (components[k].getName().equals("schedule")) {
                    Map<Integer, Map<String, Object>> joined = new java.util.TreeMap<>();
                    ((Map<Integer, Map<String, Object>>) b).forEach((m, c) -> joined.put(m, new LinkedHashMap<>(c)));
                    ((Map<Integer, Map<String, Object>>) o).forEach((m, c) ->
                            joined.computeIfAbsent(m, x -> new LinkedHashMap<>()).putAll(c));
                    values[k] = joined;
                } else if (o instanceof Map<?, ?> om) {
                    Map<Object, Object> joined = new LinkedHashMap<>((Map<Object, Object>) b);
                    joined.putAll(om);
                    values[k] = joined;
                } else {
                    values[k] = o != null ? o : b;
                }
                if (components[k].getName().equals("extendsFrom")) {
                    values[k] = null;
                }
                if (components[k].getName().equals("preset") && preset != null) {
                    values[k] = preset;
                }
            }
            return Values.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Values readOne(Path file) throws ScenarioException {
        YamlSource source;
        try {
            source = YamlSource.read(file);
        } catch (YamlSource.Unreadable e) {
            throw new ScenarioException(e.getMessage());
        }
        if (source.blank()) {
            return Values.EMPTY;
        }
        try {
            // "key: ~" or "key:" with no value is an error, not a silent default.
            com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(source.text());
            if (tree != null && !tree.isObject() && !tree.isNull() && !tree.isMissingNode()) {
                throw new ScenarioException(file + ":1:1: expected a mapping of keys to values (KEY: VALUE lines),"
                        + " found " + (tree.isArray() ? "a list" : tree.isNumber() ? "a number" : "a single value")
                        + " (a scenario file: docs/reference.yaml)");
            }
            if (tree != null && tree.isObject()) {
                var fields = tree.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    if (field.getValue().isNull()) {
                        throw new ScenarioException(source.at(field.getKey()) + "key '"
                                + YamlSource.shorten(field.getKey()) + "' has no value; give a value or leave the key out");
                    }
                }
            }
            Raw v = YAML.readValue(source.text(), Raw.class);
            if (v == null) {
                return Values.EMPTY;
            }
            return new Values(v.persons(), v.months(), v.burnIn(), v.seed(), v.threads(), v.firmPanel(),
                    v.activationRate(), v.substeps(), v.sequential(), v.aMin(), v.aMax(), v.bMin(),
                    v.bMax(), v.betaMin(), v.betaMax(), v.friendsMin(), v.friendsMax(), v.preset(),
                    v.extendsFrom(), v.rulingPlatform(), platformValues(source, v.platforms()),
                    scheduleValues(source, v.schedule()), labourValues(source, v.labour()), source.paths());
        } catch (UnrecognizedPropertyException e) {
            String allowed = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ScenarioException(at(source, path(e), tokenLocation(e)) + "unknown key '"
                    + YamlSource.shorten(e.getPropertyName()) + "'; allowed keys: " + allowed);
        } catch (InvalidFormatException e) {
            String keyPath = path(e) + "." + e.getValue();
            if (source.exactly(keyPath) != null) {
                // A map key of the wrong type, such as a schedule month that is not a number.
                throw new ScenarioException(source.exactly(keyPath) + "key '" + YamlSource.shorten(keyPath)
                        + "': '" + YamlSource.shorten(e.getValue()) + "' is not " + describe(e.getTargetType())
                        + (path(e).equals("schedule") ? " (a month)" : ""));
            }
            throw new ScenarioException(at(source, path(e), tokenLocation(e)) + "key '" + YamlSource.shorten(path(e))
                    + "' has value '" + YamlSource.shorten(e.getValue()) + "': expected " + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new ScenarioException(at(source, path(e), e.getLocation()) + "key '" + YamlSource.shorten(path(e))
                    + "': expected " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException c) {
                throw new ScenarioException(at(source, path(e), tokenLocation(e)) + "key '" + YamlSource.shorten(path(e))
                        + "': number out of range; allowed " + describe(c.getTargetType()) + " from "
                        + (c.getTargetType() == Long.TYPE || c.getTargetType() == Long.class
                            ? Long.MIN_VALUE + " to " + Long.MAX_VALUE
                            : Integer.MIN_VALUE + " to " + Integer.MAX_VALUE));
            }
            throw new ScenarioException(where(file, e.getLocation()) + YamlSource.shorten(firstLine(e.getOriginalMessage()), 200));
        } catch (JsonProcessingException e) {
            throw new ScenarioException(where(file, e.getLocation()) + "not valid YAML: "
                    + YamlSource.shorten(firstLine(e.getOriginalMessage()), 200));
        }
    }

    /**
     * Checks the keys that are not run settings: each must be a labour rule
     * ({@link LabourKeys}) with a value of its type; whole numbers are accepted for numbers.
     */
    private static Map<String, Object> labourValues(YamlSource source, Map<String, Object> raw) throws ScenarioException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (!LabourKeys.isKey(key)) {
                TreeSet<String> allowed = new TreeSet<>(RUN_KEYS);
                allowed.addAll(LabourKeys.keys());
                throw new ScenarioException(source.at(key) + "unknown key '" + YamlSource.shorten(key)
                        + "'; allowed keys: " + String.join(", ", allowed));
            }
            Class<?> type = LabourKeys.type(key);
            Object value = typed(key, v);
            if (value == null) {
                throw new ScenarioException(source.at(key) + "key '" + key + "' has value '"
                        + YamlSource.shorten(v) + "': expected " + LabourKeys.describe(type));
            }
            out.put(key, value);
        }
        return out;
    }

    /**
     * Checks user-defined platforms: each is a mapping of policy keys
     * ({@link io.ownerscape.model.labour.LabourParameters#POLICY_KEYS}) to values of their type, plus an
     * optional {@code description}; the name must suit outputs.
     */
    private static Map<String, Map<String, Object>> platformValues(YamlSource source, Map<String, Map<String, Object>> raw)
            throws ScenarioException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (Map.Entry<String, Map<String, Object>> p : raw.entrySet()) {
            String name = p.getKey();
            String path = "platforms." + name;
            if (!name.matches("[a-z][a-z0-9_-]{0,39}")) {
                throw new ScenarioException(source.at(path) + "platform name '" + YamlSource.shorten(name)
                        + "': allowed a lower-case letter then up to 39 letters, digits, '_' or '-'");
            }
            if (p.getValue() == null) {
                throw new ScenarioException(source.at(path) + path + ": expected a mapping of policy keys to values");
            }
            Map<String, Object> policy = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : p.getValue().entrySet()) {
                String key = e.getKey();
                if (key.equals("description")) {
                    if (e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>) {
                        throw new ScenarioException(source.at(path + "." + key) + path + ".description: expected text");
                    }
                    policy.put(key, String.valueOf(e.getValue()));
                    continue;
                }
                policy.put(key, policyValue(source, path, key, e.getValue(), "description, "));
            }
            out.put(name, policy);
        }
        return out;
    }

    /**
     * Checks a policy schedule: months (whole numbers) to mappings of policy keys to values of
     * their type.
     */
    private static Map<Integer, Map<String, Object>> scheduleValues(YamlSource source, Map<Integer, Map<String, Object>> raw)
            throws ScenarioException {
        Map<Integer, Map<String, Object>> out = new java.util.TreeMap<>();
        if (raw == null) {
            return out;
        }
        for (Map.Entry<Integer, Map<String, Object>> m : raw.entrySet()) {
            String path = "schedule." + m.getKey();
            if (m.getValue() == null) {
                throw new ScenarioException(source.at(path) + path + ": expected a mapping of policy keys to values");
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : m.getValue().entrySet()) {
                if (e.getKey().equals(io.ownerscape.model.state.State.ANNOUNCED)) {
                    if (!(e.getValue() instanceof Integer)) {
                        throw new ScenarioException(source.at(path + "." + e.getKey()) + "key '" + path + "."
                                + e.getKey() + "' has value '" + YamlSource.shorten(e.getValue())
                                + "': expected a whole number (a month)");
                    }
                    changes.put(e.getKey(), e.getValue());
                    continue;
                }
                changes.put(e.getKey(), policyValue(source, path, e.getKey(), e.getValue(),
                        io.ownerscape.model.state.State.ANNOUNCED + ", "));
            }
            out.put(m.getKey(), changes);
        }
        return out;
    }

    /**
     * A policy key's value under {@code path} (a platform or a month of the schedule), converted to
     * its key's type; the exception names the file, line, column, key path and what is allowed.
     */
    private static Object policyValue(YamlSource source, String path, String key, Object raw, String otherKeys)
            throws ScenarioException {
        String at = source.at(path + "." + key);
        if (!io.ownerscape.model.labour.LabourParameters.POLICY_KEYS.contains(key)) {
            throw new ScenarioException(at + path + "." + YamlSource.shorten(key) + ": not a policy key; allowed: "
                    + otherKeys + String.join(", ", new TreeSet<>(io.ownerscape.model.labour.LabourParameters.POLICY_KEYS)));
        }
        Object value = typed(key, raw);
        if (value == null) {
            throw new ScenarioException(at + path + "." + key + " has value '" + YamlSource.shorten(raw)
                    + "': expected " + LabourKeys.describe(LabourKeys.type(key)));
        }
        return value;
    }

    /** A value converted to its key's type, or null when it has the wrong type. */
    private static Object typed(String key, Object v) {
        Class<?> type = LabourKeys.type(key);
        if (type == double.class && v instanceof Number num && !(v instanceof java.math.BigInteger)) {
            return num.doubleValue();
        } else if (type == int.class && v instanceof Integer i) {
            return i;
        } else if (type == boolean.class && v instanceof Boolean b) {
            return b;
        }
        return null;
    }

    /** The start of the offending token (the exception's own location is where parsing stopped). */
    private static JsonLocation tokenLocation(JsonMappingException e) {
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p && p.currentTokenLocation() != null
                && p.currentTokenLocation().getLineNr() > 0) {
            return p.currentTokenLocation();
        }
        return e.getLocation();
    }

    /** Where a key path stands; Jackson's location (where parsing stopped) if the path is not found. */
    private static String at(YamlSource source, String path, JsonLocation fallback) {
        String exact = path.isEmpty() ? null : source.exactly(path);
        return exact != null ? exact : where(source.file(), fallback);
    }

    private static String where(Path file, JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return file + ": ";
        }
        return file + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Values.class || type == Raw.class) {
            return "a mapping of keys to values";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
