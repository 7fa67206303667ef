package io.ownerscape.io;

import io.ownerscape.model.LabourParameters;
import io.ownerscape.model.ModelParameters;
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
 */
public record RunSettings(ModelParameters model, int months, int burnIn, long seed, int threads,
                          boolean firmPanel, Preset preset, LabourParameters labour) {

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
        return out;
    }
}
