package io.ownerscape.io;

import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.politics.Platform;
import io.ownerscape.model.Preset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way every front (the commands, experiment files, the dashboard) turns what it was given
 * into {@link RunSettings}, with one set of defaults. Each setting is taken from the first of: what
 * the caller gives (a flag, an experiment's factor, a request's field), the scenario file, the
 * default below. A command whose purpose fixes other defaults says so ({@link #defaults}), as
 * {@code bench} (1,000,000 persons, 12 months a window, no burn-in) and {@code calibrate} (1,000,000
 * persons, the calibration's 600 months) do.
 *
 * <pre>
 * RunSettings s = SettingsBuilder.from(ScenarioFile.read(file)).persons(200_000).change("ubi", 0.1).build();
 * </pre>
 */
public final class SettingsBuilder {
    /** The preset a run starts from when nobody names one: the US-like baseline. */
    public static final Preset PRESET = Preset.MARKET;
    /** Persons when nobody gives a number. */
    public static final int PERSONS = 100_000;
    /** Months when nobody gives a number: fifty years. */
    public static final int MONTHS = 600;
    /** Leading months flagged as burn-in when nobody gives a number (never more than the months). */
    public static final int BURN_IN = 120;
    /** The seed when nobody gives one. */
    public static final long SEED = 1;

    private final ScenarioFile.Values file;
    private Integer persons;
    private Integer months;
    private Integer burnIn;
    private Integer threads;
    private Long seed;
    private Boolean firmPanel;
    private Double activationRate;
    private Integer substeps;
    private Boolean sequential;
    private String preset;
    private String ruling;
    private boolean rulingGiven;
    private final Map<String, Object> changes = new LinkedHashMap<>();
    private int defaultPersons = PERSONS;
    private int defaultMonths = MONTHS;
    private int defaultBurnIn = BURN_IN;

    private SettingsBuilder(ScenarioFile.Values file) {
        this.file = file;
    }

    /** Settings from a scenario file's values (or {@link ScenarioFile.Values#EMPTY}). */
    public static SettingsBuilder from(ScenarioFile.Values file) {
        return new SettingsBuilder(file == null ? ScenarioFile.Values.EMPTY : file);
    }

    /** Settings from the defaults alone. */
    public static SettingsBuilder defaults() {
        return from(ScenarioFile.Values.EMPTY);
    }

    /** The defaults of a command whose purpose fixes them; a given value or the file still wins. */
    public SettingsBuilder defaults(int persons, int months, int burnIn) {
        this.defaultPersons = persons;
        this.defaultMonths = months;
        this.defaultBurnIn = burnIn;
        return this;
    }

    public SettingsBuilder persons(Integer n) {
        this.persons = n;
        return this;
    }

    public SettingsBuilder months(Integer m) {
        this.months = m;
        return this;
    }

    public SettingsBuilder burnIn(Integer b) {
        this.burnIn = b;
        return this;
    }

    public SettingsBuilder threads(Integer t) {
        this.threads = t;
        return this;
    }

    public SettingsBuilder seed(Long s) {
        this.seed = s;
        return this;
    }

    public SettingsBuilder firmPanel(Boolean panel) {
        this.firmPanel = panel;
        return this;
    }

    public SettingsBuilder activationRate(Double p) {
        this.activationRate = p;
        return this;
    }

    public SettingsBuilder substeps(Integer k) {
        this.substeps = k;
        return this;
    }

    public SettingsBuilder sequential(Boolean s) {
        this.sequential = s;
        return this;
    }

    /** The preset's key; null leaves the file's or the default. */
    public SettingsBuilder preset(String key) {
        this.preset = key;
        return this;
    }

    /** A rule changed by key, its value already of the key's type; wins over the file. */
    public SettingsBuilder change(String key, Object value) {
        changes.put(key, value);
        return this;
    }

    /** Several rules changed by key ({@link #change}). */
    public SettingsBuilder changes(Map<String, Object> values) {
        changes.putAll(values);
        return this;
    }

    /**
     * The platform that rules from {@code politics_start}, given by the caller: a name, or null for
     * none. Without this call the file's, else the preset's, rules.
     */
    public SettingsBuilder ruling(String name) {
        this.ruling = name;
        this.rulingGiven = true;
        return this;
    }

    /** As {@link #ruling(String)} when {@code name} is not null; otherwise leaves the file's or the preset's. */
    public SettingsBuilder rulingIfGiven(String name) {
        return name == null ? this : ruling(name);
    }

    /** The name of the preset the settings will start from. */
    public String presetKey() {
        return first(preset, file.preset(), PRESET.key());
    }

    /**
     * @throws IllegalArgumentException naming every setting out of its range (or the unknown
     *     preset, or a key that is no rule), what it was and what is allowed
     */
    public RunSettings build() {
        Preset chosen = Preset.of(presetKey());
        ModelParameters model = file.model(first(persons, file.persons(), defaultPersons), activationRate, substeps,
                sequential);
        int m = first(months, file.months(), defaultMonths);
        Map<String, Object> all = new LinkedHashMap<>(file.labour());
        all.putAll(changes);
        LabourParameters labour = LabourKeys.with(chosen.labour(), all);
        List<Platform> platforms = Platform.builtIns();
        platforms.addAll(file.userPlatforms());
        String rules = rulingGiven ? ruling : file.rulingPlatform() != null ? file.rulingPlatform() : chosen.ruling();
        RunSettings s = new RunSettings(model, m,
                first(burnIn, file.burnIn(), Math.min(defaultBurnIn, Math.max(0, m))),
                first(seed, file.seed(), SEED),
                first(threads, file.threads(), Runtime.getRuntime().availableProcessors()),
                first(firmPanel, file.firmPanel(), false), chosen, labour, platforms, rules, file.schedule());
        List<String> bad = s.violations();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", bad));
        }
        return s;
    }

    private static <T> T first(T given, T inFile, T fallback) {
        return given != null ? given : inFile != null ? inFile : fallback;
    }
}
