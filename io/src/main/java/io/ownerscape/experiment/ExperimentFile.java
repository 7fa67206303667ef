package io.ownerscape.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.ScenarioFile;
import io.ownerscape.io.SettingsBuilder;
import io.ownerscape.io.YamlSource;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.politics.Platform;
import io.ownerscape.model.Preset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks an experiment file (YAML) into an {@link ExperimentPlan}. Every error names
 * the file, line and column, the key path, the bad value and what is allowed; see
 * {@code docs/EXPERIMENTS.md} for the format and {@code examples/*.experiment.yaml} for examples.
 */
public final class ExperimentFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static final List<String> TOP_KEYS = List.of("name", "description", "persons", "months", "burn_in", "seeds",
            "first_seed", "threads_per_run", "scenarios", "sweep", "sensitivity", "hypotheses");
    static final List<String> SWEEP_KEYS = List.of("method", "samples", "grid_levels", "seed", "factors");
    static final List<String> SENSITIVITY_KEYS = List.of("method", "trajectories", "levels", "samples", "seed",
            "factors");
    /** Most runs one experiment may ask for. */
    static final int MAX_RUNS = 1_000_000;

    /** An experiment file that cannot be used; the message is ready for the user. */
    public static final class ExperimentException extends Exception {
        public ExperimentException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final YamlSource where;

    private ExperimentFile(YamlSource source) {
        this.file = source.file();
        this.where = source;
    }

    /** Reads and checks the file. */
    public static ExperimentPlan read(Path file) throws ExperimentException {
        try {
            return new ExperimentFile(YamlSource.read(file)).parse();
        } catch (YamlSource.Unreadable e) {
            throw new ExperimentException(e.getMessage());
        }
    }

    private ExperimentPlan parse() throws ExperimentException {
        String text;
        JsonNode root;
        try {
            text = where.text();
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            String at = l == null || l.getLineNr() <= 0 ? file + ": " : file + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": ";
            String msg = e.getOriginalMessage();
            throw new ExperimentException(at + "not valid YAML: " + (msg == null ? "" : msg.lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ExperimentException(file + ": the file is empty; it needs at least 'scenarios:'");
        }
        if (!root.isObject()) {
            throw new ExperimentException(file + ":1:1: expected a mapping of keys to values");
        }
        checkKeys(root, "", TOP_KEYS);
        String fromFile = file.getFileName().toString().replaceAll("\\.(experiment\\.)?ya?ml$", "")
                .replaceAll("[^A-Za-z0-9_.-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        String name = text(root, "name", fromFile.isEmpty() ? "experiment" : fromFile.replace("..", "-"));
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,59}") || name.contains("..")) {
            throw new ExperimentException(where.at("name") + "name = '" + name + "': allowed a letter or digit then up to"
                    + " 59 letters, digits, '_', '.' or '-' (it names the output directory runs/NAME)");
        }
        String description = text(root, "description", "");
        Integer persons = whole(root, "persons", ModelParameters.MIN_PERSONS, ModelParameters.MAX_PERSONS, null);
        Integer months = whole(root, "months", 1, RunSettings.MAX_MONTHS, null);
        Integer burnIn = whole(root, "burn_in", 0, RunSettings.MAX_MONTHS, null);
        int threads = whole(root, "threads_per_run", 1, RunSettings.MAX_THREADS, 1);
        List<Long> seeds = seeds(root);
        Map<String, RunSettings> scenarios = scenarios(root.get("scenarios"), persons, months, burnIn, threads);
        long perPoint = (long) scenarios.size() * seeds.size();
        ExperimentPlan.Sweep sweep = root.has("sweep") ? sweep(root.get("sweep"), perPoint) : null;
        ExperimentPlan.SensitivitySpec sensitivity = root.has("sensitivity")
                ? sensitivity(root.get("sensitivity"), perPoint) : null;
        for (var scenario : scenarios.entrySet()) {
            if (sweep != null) {
                checkPoints(sweep.points(), scenario.getKey(), scenario.getValue(), "sweep");
            }
            if (sensitivity != null) {
                checkPoints(sensitivity.points(), scenario.getKey(), scenario.getValue(), "sensitivity");
            }
        }
        List<String> hypotheses = hypotheses(root.get("hypotheses"));
        ExperimentPlan plan = new ExperimentPlan(file, name, description, seeds, scenarios, sweep, sensitivity,
                hypotheses, text);
        long runs = plan.runCount();
        if (runs > MAX_RUNS) {
            throw new ExperimentException(where.at("seeds") + "the experiment asks for " + runs
                    + " runs (scenarios x design points x seeds); allowed at most " + MAX_RUNS);
        }
        return plan;
    }

    private void checkKeys(JsonNode node, String path, List<String> allowed) throws ExperimentException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            String full = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                throw new ExperimentException(where.at(full) + "unknown key '" + full + "'; allowed keys"
                        + (path.isEmpty() ? "" : " in " + path) + ": " + String.join(", ", allowed));
            }
            if (node.get(key).isNull()) {
                throw new ExperimentException(where.at(full) + "key '" + full + "' has no value; give a value or"
                        + " leave the key out");
            }
        }
    }

    private String text(JsonNode node, String key, String fallback) throws ExperimentException {
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new ExperimentException(where.at(key) + "key '" + key + "' has value '" + v + "': expected text");
        }
        return v.asText();
    }

    private Integer whole(JsonNode node, String path, int min, int max, Integer fallback) throws ExperimentException {
        String key = path.substring(path.lastIndexOf('.') + 1);
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ExperimentException(where.at(path) + "key '" + path + "' has value '" + show(v)
                    + "': expected a whole number from " + min + " to " + max);
        }
        int i = v.asInt();
        if (i < min || i > max) {
            throw new ExperimentException(where.at(path) + "key '" + path + "' has value " + i + ": allowed " + min
                    + " to " + max);
        }
        return i;
    }

    private List<Long> seeds(JsonNode root) throws ExperimentException {
        JsonNode v = root.get("seeds");
        long first = 1;
        if (root.has("first_seed")) {
            JsonNode f = root.get("first_seed");
            if (!f.isIntegralNumber() || !f.canConvertToLong()) {
                throw new ExperimentException(where.at("first_seed") + "key 'first_seed' has value '" + f.asText()
                        + "': expected a whole number");
            }
            first = f.asLong();
        }
        List<Long> out = new ArrayList<>();
        if (v == null) {
            for (int k = 0; k < 5; k++) {
                out.add(first + k);
            }
        } else if (v.isIntegralNumber()) {
            int n = whole(root, "seeds", 1, 100_000, 5);
            if (root.has("first_seed") && first > Long.MAX_VALUE - n) {
                throw new ExperimentException(where.at("first_seed") + "first_seed + seeds overflows a 64-bit seed");
            }
            for (int k = 0; k < n; k++) {
                out.add(first + k);
            }
        } else if (v.isArray() && !v.isEmpty()) {
            if (root.has("first_seed")) {
                throw new ExperimentException(where.at("first_seed") + "first_seed is given with a list of seeds;"
                        + " give a count with first_seed, or a list alone");
            }
            Set<Long> seen = new LinkedHashSet<>();
            for (int k = 0; k < v.size(); k++) {
                JsonNode s = v.get(k);
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    throw new ExperimentException(where.at("seeds[" + k + "]") + "seeds[" + k + "] has value '"
                            + show(s) + "': expected a whole number");
                }
                if (!seen.add(s.asLong())) {
                    throw new ExperimentException(where.at("seeds[" + k + "]") + "seeds[" + k + "] = " + s.asLong()
                            + " is listed twice; allowed: distinct seeds");
                }
            }
            out.addAll(seen);
        } else {
            throw new ExperimentException(where.at("seeds") + "key 'seeds' has value '" + v + "': expected a count"
                    + " (a whole number from 1) or a non-empty list of seeds");
        }
        return out;
    }

    private Map<String, RunSettings> scenarios(JsonNode node, Integer persons, Integer months, Integer burnIn,
                                               int threads) throws ExperimentException {
        if (node == null) {
            throw new ExperimentException(file + ": key 'scenarios' is missing; give at least one, e.g."
                    + " 'scenarios: {market: market}' (a name and a preset or scenario file)");
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new ExperimentException(where.at("scenarios") + "key 'scenarios' has value '" + node
                    + "': expected a mapping of names to a preset, a scenario file or {extends: ..., KEY: VALUE}");
        }
        Map<String, RunSettings> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            String name = e.getKey();
            String path = "scenarios." + name;
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,59}")) {
                throw new ExperimentException(where.at(path) + "scenario name '" + name + "': allowed a letter or"
                        + " digit then up to 59 letters, digits, '_', '.' or '-'");
            }
            JsonNode body = e.getValue();
            String base;
            Map<String, Object> changes = new LinkedHashMap<>();
            String ruling = null;
            boolean rulingGiven = false;
            if (body.isTextual()) {
                base = body.asText();
            } else if (body.isObject()) {
                JsonNode ext = body.get("extends");
                if (ext == null || !ext.isTextual()) {
                    throw new ExperimentException(where.at(path) + path + ": needs 'extends: PRESET_OR_FILE' (a preset: "
                            + Preset.allowed() + "; or a scenario file relative to this file)");
                }
                base = ext.asText();
                Iterator<Map.Entry<String, JsonNode>> keys = body.fields();
                while (keys.hasNext()) {
                    var k = keys.next();
                    String key = k.getKey();
                    String keyPath = path + "." + key;
                    if (key.equals("extends")) {
                        continue;
                    }
                    if (key.equals("ruling_platform")) {
                        if (!k.getValue().isTextual()) {
                            throw new ExperimentException(where.at(keyPath) + keyPath + " has value '" + k.getValue()
                                    + "': expected a platform name or 'none'");
                        }
                        ruling = k.getValue().asText();
                        rulingGiven = true;
                        continue;
                    }
                    if (!LabourKeys.isKey(key)) {
                        throw new ExperimentException(where.at(keyPath) + "unknown key '" + keyPath + "'; allowed:"
                                + " extends, ruling_platform or a labour rule (" + String.join(", ", LabourKeys.keys())
                                + "); put other settings in a scenario file and extend it");
                    }
                    changes.put(key, typed(keyPath, key, k.getValue()));
                }
            } else {
                throw new ExperimentException(where.at(path) + path + " has value '" + body + "': expected a preset,"
                        + " a scenario file, or a mapping with 'extends'");
            }
            ScenarioFile.Values values;
            boolean isPreset = java.util.Arrays.stream(Preset.values()).anyMatch(p -> p.key().equals(base));
            if (isPreset) {
                values = ScenarioFile.Values.EMPTY;
            } else {
                Path scenarioFile;
                try {
                    scenarioFile = ScenarioFile.resolveNeighbour(file, base,
                            where.at(body.isObject() ? path + ".extends" : path) + path + " = '" + YamlSource.shorten(base) + "'");
                } catch (ScenarioFile.ScenarioException ex) {
                    throw new ExperimentException(ex.getMessage());
                }
                try {
                    values = ScenarioFile.read(scenarioFile);
                } catch (ScenarioFile.ScenarioException ex) {
                    throw new ExperimentException(where.at(path) + path + ": " + ex.getMessage());
                }
            }
            String preset = isPreset ? base : values.preset() == null ? SettingsBuilder.PRESET.key() : values.preset();
            try {
                out.put(name, settings(values, preset, persons, months, burnIn, threads, changes,
                        rulingGiven ? ("none".equals(ruling) ? null : ruling) : values.rulingPlatform(), rulingGiven));
            } catch (IllegalArgumentException ex) {
                throw new ExperimentException(where.at(path) + path + ": " + ex.getMessage());
            }
        }
        return out;
    }

    /**
     * The run settings of a scenario file from a preset ({@link SettingsBuilder}): the given persons,
     * months and burn-in win over the file's (defaults {@value SettingsBuilder#PERSONS},
     * {@value SettingsBuilder#MONTHS} and {@value SettingsBuilder#BURN_IN}), {@code changes} over its
     * rules, and a given ruling platform over the file's and the preset's; seed 1. The exception
     * lists every violated bound.
     */
    public static RunSettings settings(ScenarioFile.Values v, String presetKey, Integer persons, Integer months,
                                Integer burnIn, int threads, Map<String, Object> changes, String ruling,
                                boolean rulingGiven) {
        SettingsBuilder b = SettingsBuilder.from(v).preset(presetKey).persons(persons).months(months).burnIn(burnIn)
                .threads(threads).seed(SettingsBuilder.SEED).firmPanel(false).changes(changes);
        if (rulingGiven) {
            b.ruling(ruling);
        } else {
            b.rulingIfGiven(ruling);
        }
        return b.build();
    }

    /** A value as the user wrote it: scalars as text, lists and mappings in flow style. */
    private static String show(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private Object typed(String path, String key, JsonNode v) throws ExperimentException {
        Class<?> type = LabourKeys.type(key);
        if (type == double.class && v.isNumber()) {
            return v.asDouble();
        }
        if (type == int.class && v.isIntegralNumber() && v.canConvertToInt()) {
            return v.asInt();
        }
        if (type == boolean.class && v.isBoolean()) {
            return v.asBoolean();
        }
        throw new ExperimentException(where.at(path) + path + " has value '" + show(v) + "': expected "
                + LabourKeys.describe(type));
    }

    private ExperimentPlan.Sweep sweep(JsonNode node, long perPoint) throws ExperimentException {
        if (!node.isObject()) {
            throw new ExperimentException(where.at("sweep") + "key 'sweep' has value '" + node
                    + "': expected a mapping with method and factors");
        }
        checkKeys(node, "sweep", SWEEP_KEYS);
        String method = choice(node, "sweep.method", List.of("grid", "lhs", "sobol"), "grid");
        List<Factor> factors = factors(node.get("factors"), "sweep.factors", 8);
        int gridLevels = whole(node, "sweep.grid_levels", 2, 101, 3);
        int samples = whole(node, "sweep.samples", 2, 100_000, 10);
        int seed = whole(node, "sweep.seed", 0, Integer.MAX_VALUE, 1);
        long count = samples;
        if (method.equals("grid")) {
            count = 1;
            for (Factor f : factors) {
                count = Math.min((long) MAX_RUNS + 1, count * f.gridSize(gridLevels));
            }
        }
        checkCount("sweep", count, perPoint);
        List<Design.Point> points = switch (method) {
            case "lhs" -> Design.latinHypercube(factors, samples, seed);
            case "sobol" -> Design.sobol(factors, samples);
            default -> Design.grid(factors, gridLevels);
        };
        return new ExperimentPlan.Sweep(method, factors, points);
    }

    private ExperimentPlan.SensitivitySpec sensitivity(JsonNode node, long perPoint) throws ExperimentException {
        if (!node.isObject()) {
            throw new ExperimentException(where.at("sensitivity") + "key 'sensitivity' has value '" + node
                    + "': expected a mapping with method and factors");
        }
        checkKeys(node, "sensitivity", SENSITIVITY_KEYS);
        String method = choice(node, "sensitivity.method", List.of("morris", "sobol"), "morris");
        List<Factor> factors = factors(node.get("factors"), "sensitivity.factors", 20);
        int trajectories = whole(node, "sensitivity.trajectories", 2, 10_000, 10);
        int levels = whole(node, "sensitivity.levels", 2, 100, 4);
        if (levels % 2 != 0) {
            throw new ExperimentException(where.at("sensitivity.levels") + "sensitivity.levels = " + levels
                    + ": allowed an even number from 2 to 100 (the Morris step is then p / (2 (p - 1)))");
        }
        int samples = whole(node, "sensitivity.samples", 2, 100_000, 16);
        int seed = whole(node, "sensitivity.seed", 0, Integer.MAX_VALUE, 1);
        checkCount("sensitivity", method.equals("sobol") ? (long) samples * (factors.size() + 2)
                : (long) trajectories * (factors.size() + 1), perPoint);
        List<Design.Point> points = method.equals("sobol") ? Design.saltelli(factors, samples)
                : Design.morris(factors, trajectories, levels, seed);
        return new ExperimentPlan.SensitivitySpec(method, factors, points);
    }

    private String choice(JsonNode node, String path, List<String> allowed, String fallback) throws ExperimentException {
        String key = path.substring(path.lastIndexOf('.') + 1);
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            throw new ExperimentException(where.at(path) + "key '" + path + "' has value '" + show(v)
                    + "': allowed " + String.join(", ", allowed));
        }
        return v.asText();
    }

    private List<Factor> factors(JsonNode node, String path, int most) throws ExperimentException {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new ExperimentException(where.at(path) + "key '" + path + "' is missing or empty: expected a"
                    + " mapping of labour rules to {min: X, max: Y} or to a list of levels");
        }
        if (node.size() > most) {
            throw new ExperimentException(where.at(path) + path + ": " + node.size() + " factors; allowed at most " + most);
        }
        List<Factor> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            String key = e.getKey();
            String keyPath = path + "." + key;
            if (!LabourKeys.isKey(key)) {
                throw new ExperimentException(where.at(keyPath) + "unknown key '" + keyPath + "'; allowed: a labour"
                        + " rule (" + String.join(", ", LabourKeys.keys()) + ")");
            }
            JsonNode v = e.getValue();
            Factor f;
            if (v.isArray()) {
                if (v.size() < 2) {
                    throw new ExperimentException(where.at(keyPath) + keyPath + ": " + v.size()
                            + " level; allowed a list of at least 2 distinct levels");
                }
                List<Object> levels = new ArrayList<>();
                for (int k = 0; k < v.size(); k++) {
                    Object level = typed(keyPath + "[" + k + "]", key, v.get(k));
                    if (levels.contains(level)) {
                        throw new ExperimentException(where.at(keyPath + "[" + k + "]") + keyPath + "[" + k + "] = "
                                + level + " is listed twice; allowed: distinct levels");
                    }
                    checkValue(keyPath + "[" + k + "]", key, level);
                    levels.add(level);
                }
                f = Factor.levels(key, levels);
            } else if (v.isObject()) {
                if (LabourKeys.type(key) == boolean.class) {
                    throw new ExperimentException(where.at(keyPath) + keyPath + " is true or false; give its levels"
                            + " as a list, e.g. [false, true]");
                }
                for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
                    String n = names.next();
                    if (!n.equals("min") && !n.equals("max")) {
                        throw new ExperimentException(where.at(keyPath + "." + n) + "unknown key '" + keyPath + "." + n
                                + "'; allowed: min, max");
                    }
                }
                if (!v.has("min") || !v.has("max") || !v.get("min").isNumber() || !v.get("max").isNumber()) {
                    throw new ExperimentException(where.at(keyPath) + keyPath + " has value '" + v
                            + "': expected {min: NUMBER, max: NUMBER}");
                }
                double min = v.get("min").asDouble();
                double max = v.get("max").asDouble();
                if (!(min < max)) {
                    throw new ExperimentException(where.at(keyPath + ".min") + keyPath + ": min " + min + " and max "
                            + max + ": allowed min < max");
                }
                f = Factor.range(key, min, max);
                checkValue(keyPath + ".min", key, f.valueAt(0));
                checkValue(keyPath + ".max", key, f.valueAt(1));
            } else {
                throw new ExperimentException(where.at(keyPath) + keyPath + " has value '" + show(v)
                        + "': expected {min: X, max: Y} or a list of levels");
            }
            out.add(f);
        }
        return out;
    }

    /** The value must be within the rule's bounds on its own (other rules at their market values). */
    private void checkValue(String path, String key, Object value) throws ExperimentException {
        List<String> bad = LabourKeys.with(LabourParameters.market(), Map.of(key, value)).violations();
        for (String b : bad) {
            if (b.startsWith(key + " ")) {
                throw new ExperimentException(where.at(path) + path + ": " + b);
            }
        }
    }

    /** Refuses a design whose runs would exceed the limit, before its points are built. */
    private void checkCount(String section, long points, long perPoint) throws ExperimentException {
        if (points * perPoint > MAX_RUNS) {
            throw new ExperimentException(where.at(section) + "the experiment asks for " + points * perPoint
                    + " runs (" + section + ": " + points + " points x " + perPoint + " scenario-seeds); allowed at most "
                    + MAX_RUNS);
        }
    }

    /**
     * Every design point must give valid settings in every scenario: a range may hold values its
     * ends do not show (span_of_control allows 0 or 2 and up, so a range from 0 to 10 rounds to an
     * invalid 1 somewhere), and rules constrain each other.
     */
    private void checkPoints(List<Design.Point> points, String scenario, RunSettings s, String section)
            throws ExperimentException {
        java.util.Set<Map<String, Object>> seen = new java.util.HashSet<>();
        for (Design.Point p : points) {
            if (!seen.add(p.values())) {
                continue;
            }
            List<String> bad = s.withLabour(LabourKeys.with(s.labour(), p.values())).violations();
            if (!bad.isEmpty()) {
                String key = p.values().keySet().stream().filter(k -> bad.get(0).contains(k + " ")).findFirst()
                        .orElse(p.values().keySet().iterator().next());
                throw new ExperimentException(where.at(section + ".factors." + key) + section + " point " + p.index()
                        + " " + p.values() + " in scenario " + scenario + ": " + String.join("; ", bad)
                        + "; narrow the factor's range or list its levels");
            }
        }
    }

    private List<String> hypotheses(JsonNode node) throws ExperimentException {
        List<String> all = Hypotheses.NAMES;
        if (node == null) {
            return all;
        }
        if (!node.isArray()) {
            throw new ExperimentException(where.at("hypotheses") + "key 'hypotheses' has value '" + node
                    + "': expected a list of " + String.join(", ", all) + " ([] for none)");
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < node.size(); k++) {
            String h = show(node.get(k));
            if (!all.contains(h) || out.contains(h)) {
                throw new ExperimentException(where.at("hypotheses[" + k + "]") + "hypotheses[" + k + "] = '" + h
                        + "': allowed " + String.join(", ", all) + ", each once");
            }
            out.add(h);
        }
        return out;
    }
}
