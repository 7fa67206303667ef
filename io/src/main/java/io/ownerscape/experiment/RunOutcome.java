package io.ownerscape.experiment;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one run gives the experiment store: the run's key, its measures (one number each, NaN where
 * a measure does not apply) and its rows for the store's per-run tables, in each table's column
 * order ({@link ExperimentStore}). Serialisable, so Spark can ship it to the driver.
 *
 * @param spec     the run
 * @param seconds  wall-clock seconds the simulation took
 * @param stateHash hash of the final state: equal for equal runs whatever the thread count
 * @param regime   the platform in force for most months after politics started, "none" if none
 * @param measures measure name to value
 * @param rows     table name to rows (without the leading run id column)
 */
public record RunOutcome(RunSpec spec, double seconds, String stateHash, String regime,
                         Map<String, Double> measures, Map<String, List<Object[]>> rows) implements Serializable {
}
