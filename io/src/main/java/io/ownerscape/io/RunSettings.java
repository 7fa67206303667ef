package io.ownerscape.io;

import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.politics.Platform;
import io.ownerscape.model.Preset;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run needs besides the model parameters.
 *
 * @param model      the model parameters
 * @param months     months to simulate, burn-in included
 * @param burnIn     leading months flagged as burn-in in the series, at most {@code months}
 * @param seed       the seed of every random stream
 * @param threads    worker threads, at least 1
 * @param firmPanel  whether to write the yearly firm-level panel
 * @param preset     the preset the labour rules started from
 * @param labour     the labour rules: the preset's with any overrides
 * @param platforms  the platforms voters choose between (the built-in ones, then the scenario's)
 * @param ruling     the platform in force from {@code politics_start}, or null for none
 * @param schedule   policy changes by the month from which they apply (MODEL.md §7.14)
 */
public record RunSettings(ModelParameters model, int months, int burnIn, long seed, int threads,
                          boolean firmPanel, Preset preset, LabourParameters labour,
                          List<Platform> platforms, String ruling,
                          java.util.Map<Integer, java.util.Map<String, Object>> schedule)
        implements java.io.Serializable {

    public RunSettings {
        platforms = List.copyOf(platforms);
        schedule = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(schedule));
    }

    /** Settings without a policy schedule. */
    public RunSettings(ModelParameters model, int months, int burnIn, long seed, int threads,
                       boolean firmPanel, Preset preset, LabourParameters labour,
                       List<Platform> platforms, String ruling) {
        this(model, months, burnIn, seed, threads, firmPanel, preset, labour, platforms, ruling, java.util.Map.of());
    }

    /** Settings with the built-in platforms and the preset's ruling platform. */
    public RunSettings(ModelParameters model, int months, int burnIn, long seed, int threads,
                       boolean firmPanel, Preset preset, LabourParameters labour) {
        this(model, months, burnIn, seed, threads, firmPanel, preset, labour, Platform.builtIns(), preset.ruling());
    }

    /** The same settings with another seed. */
    public RunSettings withSeed(long newSeed) {
        return new RunSettings(model, months, burnIn, newSeed, threads, firmPanel, preset, labour, platforms, ruling,
                schedule);
    }

    /** The same settings with other labour rules. */
    public RunSettings withLabour(LabourParameters rules) {
        return new RunSettings(model, months, burnIn, seed, threads, firmPanel, preset, rules, platforms, ruling,
                schedule);
    }

    /** Settings of an Axtell run (every labour rule off). */
    public RunSettings(ModelParameters model, int months, int burnIn, long seed, int threads,
                       boolean firmPanel) {
        this(model, months, burnIn, seed, threads, firmPanel, Preset.AXTELL, Preset.AXTELL.labour());
    }

    /** Largest number of months a run may ask for (a thousand years). */
    public static final int MAX_MONTHS = 12_000;
    /** Most threads a run may ask for. */
    public static final int MAX_THREADS = 1024;

    /** @return every violated bound, each naming the setting, its value and what is allowed */
    public List<String> violations() {
        List<String> out = new ArrayList<>(model.violations());
        out.addAll(labour.violations());

        if (months < 1 || months > MAX_MONTHS) {
            out.add("months = " + months + ": allowed 1 to " + MAX_MONTHS);
        }
        if (burnIn < 0 || burnIn > months) {
            out.add("burn_in = " + burnIn + ": allowed 0 to months (" + months + ")");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            out.add("threads = " + threads + ": allowed 1 to " + MAX_THREADS);
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Platform p : platforms) {
            if (!names.add(p.name())) {
                out.add("platforms: '" + p.name() + "' is defined twice (built-in platforms: market, centralise, distribute)");
            }
            if (!labour.violations().isEmpty()) {
                continue;
            }
            try {
                p.applyTo(labour);
            } catch (IllegalArgumentException e) {
                out.add("platform " + p.name() + ": " + e.getMessage());
            }
        }
        if (platforms.size() > 100) {
            out.add("platforms: " + platforms.size() + " defined; allowed at most 100");
        }
        if (labour.violations().isEmpty()) {
            out.addAll(io.ownerscape.model.state.State.scheduleViolations(labour, schedule, months));
            out.addAll(io.ownerscape.model.trial.TransferTrial.violations(labour, months));
        }
        if (ruling != null && !names.contains(ruling)) {
            out.add("ruling_platform = '" + ruling + "': allowed " + String.join(", ", names));
        }
        return out;
    }
}
