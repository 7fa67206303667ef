package io.ownerscape.cli;

import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SettingsBuilder;
import io.ownerscape.model.Preset;
import io.ownerscape.io.ScenarioFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Flags shared by the commands that build an economy. Precedence: a flag given on the command line,
 * then the key in {@code --config}, then the default.
 */
final class ModelOptions {
    @Option(names = "--persons", paramLabel = "N", description = "Persons (default 100,000; bench and calibrate: 1,000,000).")
    Integer persons;

    @Option(names = "--months", paramLabel = "M", description = "Months to simulate, burn-in included (default 600).")
    Integer months;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random stream (default 1).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--burn-in", paramLabel = "B", description = "Leading months flagged as burn-in in the monthly series (default 120, at most the months; bench: 0).")
    Integer burnIn;

    @Option(names = "--substeps", paramLabel = "K", description = "Decide/apply rounds per month (default 4).")
    Integer substeps;

    @Option(names = "--sequential", description = "Active persons act one at a time in random order (Axtell's schedule).")
    Boolean sequential;

    @Option(names = "--activation-rate", paramLabel = "P", description = "Share of persons who reconsider each month (default 0.04).")
    Double activationRate;

    @Option(names = "--firm-panel", description = "Also write the yearly firm-level panel (firm id, year, size, age, output).")
    Boolean firmPanel;

    @Option(names = "--preset", paramLabel = "NAME", description = "Rules to start from: market (default; the US-like baseline), axtell (Axtell's endogenous firms, every labour rule off), managerial-capitalism, centralisation, distributism or open-politics.")
    String preset;

    @Option(names = "--platform", paramLabel = "NAME", description = "Platform that rules from politics_start: market, centralise, distribute or one the scenario file defines (default: the preset's, none for most).")
    String platform;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one labour rule by its scenario key, e.g. --set firing_cost=3; repeatable.")
    java.util.Map<String, String> overrides;

    @Option(names = "--config", paramLabel = "FILE", description = "Scenario file (YAML) with any of these settings in snake_case; flags override it.")
    Path config;

    /**
     * Merges flags, the scenario file and the one set of defaults ({@link SettingsBuilder}); throws
     * {@link BadInputException} on bad input.
     */
    RunSettings settings() {
        return settings(SettingsBuilder.PERSONS, SettingsBuilder.MONTHS, SettingsBuilder.BURN_IN);
    }

    /**
     * As {@link #settings()}, with the defaults of a command whose purpose fixes them (bench,
     * calibrate); a flag or the file still wins.
     */
    RunSettings settings(int defaultPersons, int defaultMonths, int defaultBurnIn) {
        ScenarioFile.Values file = ScenarioFile.Values.EMPTY;
        if (config != null) {
            try {
                file = ScenarioFile.read(config);
            } catch (ScenarioFile.ScenarioException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        SettingsBuilder builder = SettingsBuilder.from(file).defaults(defaultPersons, defaultMonths, defaultBurnIn)
                .persons(persons).months(months).burnIn(burnIn).seed(seed).threads(threads).firmPanel(firmPanel)
                .activationRate(activationRate).substeps(substeps).sequential(sequential).preset(preset)
                .rulingIfGiven(platform);
        try {
            Preset.of(builder.presetKey());
        } catch (IllegalArgumentException e) {
            throw new BadInputException((preset == null ? file.where("preset") : "") + "invalid setting: "
                    + e.getMessage());
        }
        if (overrides != null) {
            for (var e : overrides.entrySet()) {
                if (!LabourKeys.isKey(e.getKey())) {
                    throw new BadInputException("invalid setting: --set " + e.getKey() + ": unknown key; allowed keys: "
                            + String.join(", ", LabourKeys.keys()));
                }
                try {
                    builder.change(e.getKey(), LabourKeys.parse(e.getKey(), e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw new BadInputException("invalid setting: " + ex.getMessage());
                }
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            String first = e.getMessage().split("; ")[0];
            throw new BadInputException(locate(file, first) + "invalid setting: " + e.getMessage()
                    + " (each set by the flag or scenario key of that name, e.g. --persons / persons)");
        }
    }

    /**
     * The scenario file's line and column of the setting a violation names, when the value came
     * from a file (not from a flag); "" otherwise.
     */
    private String locate(ScenarioFile.Values file, String violation) {
        if (config == null) {
            return "";
        }
        java.util.Map<String, Object> flags = new java.util.HashMap<>();
        flags.put("persons", persons);
        flags.put("months", months);
        flags.put("seed", seed);
        flags.put("threads", threads);
        flags.put("burn_in", burnIn);
        flags.put("substeps", substeps);
        flags.put("sequential", sequential);
        flags.put("activation_rate", activationRate);
        flags.put("ruling_platform", platform);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\w+) = ").matcher(violation);
        if (m.find()) {
            String key = m.group(1);
            boolean fromFlag = LabourKeys.isKey(key) ? overrides != null && overrides.containsKey(key)
                    : flags.get(key) != null;
            if (fromFlag) {
                return "";
            }
        }
        return file.whereViolation(violation);
    }

}
