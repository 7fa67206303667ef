package io.ownerscape.experiment;

import io.ownerscape.io.RunSettings;

import java.io.Serializable;
import java.util.Map;

/**
 * One run of an experiment: everything needed to execute it anywhere (it is serialisable, so a
 * Spark executor can take it), and its place in the experiment.
 *
 * @param index    position in the experiment's run list, from 0
 * @param runId    a hash of the settings, design point and seed: the run's key in the store
 * @param scenario the scenario's name in the experiment file
 * @param design   "base", "sweep", "morris" or "sobol"
 * @param point    the design point's index (0 for base runs)
 * @param factors  the varied rules' values at this point (empty for base runs)
 * @param settings the complete settings, factors applied, seed set; threads as the runner wants
 */
public record RunSpec(int index, String runId, String scenario, String design, int point,
                      Map<String, Object> factors, RunSettings settings) implements Serializable {

    public RunSpec {
        factors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(factors));
    }

    public long seed() {
        return settings.seed();
    }
}
