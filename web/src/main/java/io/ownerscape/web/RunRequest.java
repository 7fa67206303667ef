package io.ownerscape.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.ownerscape.experiment.ExperimentFile;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SettingsBuilder;
import io.ownerscape.io.ScenarioFile;
import io.ownerscape.model.Preset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A request to start a live run, as the browser sends it: a preset or the text of a scenario
 * file, and the persons, seed and months that override the file's. Every field is checked; an
 * error names the field, the value and what is allowed.
 *
 * @param preset       a preset key, or null when a scenario is given (or for the default, market)
 * @param scenario     the text of a scenario file (YAML), or null
 * @param scenarioName the file's name, for messages and labels
 * @param persons      persons, or null for the scenario's or the default
 * @param seed         the seed, or null for the scenario's or 1
 * @param months       the last month the run may reach, or null for the scenario's or the default
 * @param label        a name for the run, or null
 */
record RunRequest(String preset, String scenario, String scenarioName, Integer persons, Long seed, Integer months,
                  String label) {

    static final int MIN_PERSONS = 100;
    static final int MAX_PERSONS = 1_000_000;
    /**
     * The dashboard's own default population, below {@link SettingsBuilder#PERSONS}: a run small
     * enough to steer live; every other default is the builder's.
     */
    static final int DEFAULT_PERSONS = 20_000;
    /** Fifty years. */
    static final int DEFAULT_MONTHS = SettingsBuilder.MONTHS;
    static final int MAX_LABEL = 80;
    static final int MAX_SCENARIO_CHARS = 200_000;

    private static final Set<String> FIELDS = Set.of("preset", "scenario", "scenario_name", "persons", "seed",
            "months", "label");

    /** Reads and checks the request body. */
    static RunRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("request body: expected a JSON object with any of " + allowedFields());
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; allowed: " + allowedFields());
            }
        }
        String preset = text(body, "preset", 64);
        String scenario = text(body, "scenario", MAX_SCENARIO_CHARS);
        String scenarioName = text(body, "scenario_name", 120);
        if (preset != null) {
            try {
                Preset.of(preset);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        if (preset != null && scenario != null) {
            throw ApiException.badRequest("preset and scenario: give one of them (a scenario names its own preset)");
        }
        Integer persons = whole(body, "persons", MIN_PERSONS, MAX_PERSONS);
        Long seed = body.has("seed") ? longValue(body, "seed") : null;
        Integer months = whole(body, "months", 1, RunSettings.MAX_MONTHS);
        String label = text(body, "label", MAX_LABEL);
        if (label != null && !label.codePoints().allMatch(c -> !Character.isISOControl(c))) {
            throw ApiException.badRequest("label: control characters are not allowed");
        }
        return new RunRequest(preset, scenario, scenarioName, persons, seed, months, label);
    }

    private static String allowedFields() {
        return String.join(", ", new java.util.TreeSet<>(FIELDS));
    }

    private static String text(JsonNode body, String field, int maxChars) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest(field + " = " + shorten(n.toString()) + ": expected text");
        }
        String s = n.asText();
        if (s.length() > maxChars) {
            throw ApiException.badRequest(field + ": " + s.length() + " characters; allowed at most " + maxChars);
        }
        return s.isBlank() ? null : s;
    }

    private static Integer whole(JsonNode body, String field, int min, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            throw ApiException.badRequest(field + " = " + shorten(n.toString()) + ": allowed a whole number from "
                    + String.format("%,d", min) + " to " + String.format("%,d", max));
        }
        return n.asInt();
    }

    private static Long longValue(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw ApiException.badRequest(field + " = " + shorten(n.toString())
                    + ": allowed a whole number from 0 to " + Long.MAX_VALUE);
        }
        return n.asLong();
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** A safe file name for an uploaded scenario: letters, digits, dot, dash and underscore. */
    String fileName() {
        String n = scenarioName == null ? "scenario.yaml" : scenarioName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (n.isEmpty() || n.startsWith(".")) {
            n = "scenario" + n;
        }
        return n.endsWith(".yaml") || n.endsWith(".yml") ? n : n + ".yaml";
    }

    /** What the run is called in lists: the label, else the scenario's file name, else the preset. */
    String name() {
        if (label != null) {
            return label;
        }
        return scenario != null ? fileName() : preset == null ? Preset.MARKET.key() : preset;
    }

    /**
     * The run's settings: the scenario's (or the preset's) with this request's persons, seed and
     * months, and {@code threads} worker threads.
     */
    RunSettings settings(int threads) {
        ScenarioFile.Values file = scenario == null ? ScenarioFile.Values.EMPTY : readScenario();
        int n = persons != null ? persons : file.persons() != null ? file.persons() : DEFAULT_PERSONS;
        if (n < MIN_PERSONS || n > MAX_PERSONS) {
            throw ApiException.badRequest("persons = " + n + " (from the scenario): allowed a whole number from "
                    + String.format("%,d", MIN_PERSONS) + " to " + String.format("%,d", MAX_PERSONS));
        }
        try {
            return SettingsBuilder.from(file).defaults(DEFAULT_PERSONS, DEFAULT_MONTHS, SettingsBuilder.BURN_IN)
                    .preset(preset).persons(n).months(months).seed(seed).threads(threads).firmPanel(false).build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * Reads the scenario text as a file of its own in a private temporary directory, so that it
     * is checked exactly as {@code ownerscape validate} checks a file; it may extend a preset but
     * no file. Messages name the file by its own name, not the temporary path.
     */
    private ScenarioFile.Values readScenario() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ownerscape-upload-");
            Path file = dir.resolve(fileName());
            Files.writeString(file, scenario);
            try {
                return ScenarioFile.readStandalone(file);
            } catch (ScenarioFile.ScenarioException e) {
                String prefix = dir.toString() + java.io.File.separator;
                throw ApiException.badRequest(e.getMessage().replace(prefix, ""));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // A leftover temporary file holds only what the browser sent.
                }
            }
        }
    }
}
