package io.ownerscape.experiment;

import io.ownerscape.io.RunSettings;
import io.ownerscape.model.labour.LabourKeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked experiment: scenarios, seeds, an optional sweep and an optional sensitivity design, and
 * the hypotheses to judge. {@link #runs()} lists every run in a fixed order: scenario by scenario,
 * the base runs (when there is neither a sweep nor a sensitivity design), then the sweep's points,
 * then the sensitivity design's, each point with every seed.
 *
 * @param file        the experiment file
 * @param name        the experiment's name
 * @param description free text for the report
 * @param seeds       the seeds every design point runs with
 * @param scenarios   scenario name to settings (seed 1; each run sets its own)
 * @param sweep       the sweep, or null
 * @param sensitivity the sensitivity design, or null
 * @param hypotheses  the hypotheses to judge
 * @param text        the file's text, kept in the store and the report
 */
public record ExperimentPlan(Path file, String name, String description, List<Long> seeds,
                             Map<String, RunSettings> scenarios, Sweep sweep, SensitivitySpec sensitivity,
                             List<String> hypotheses, String text) {

    /** A sweep: its method, factors and points. */
    public record Sweep(String method, List<Factor> factors, List<Design.Point> points) {
    }

    /** A sensitivity design: Morris trajectories or Saltelli's matrices. */
    public record SensitivitySpec(String method, List<Factor> factors, List<Design.Point> points) {
    }

    /**
     * Things worth knowing before running that are not errors: a factor that is a policy some
     * platform sets is replaced by that platform's value while it rules.
     */
    public List<String> warnings() {
        List<Factor> factors = new ArrayList<>();
        if (sweep != null) {
            factors.addAll(sweep.factors());
        }
        if (sensitivity != null) {
            factors.addAll(sensitivity.factors());
        }
        List<String> out = new ArrayList<>();
        for (var e : scenarios.entrySet()) {
            RunSettings s = e.getValue();
            if (s.ruling() == null && !s.labour().elections()) {
                continue;
            }
            for (Factor f : factors) {
                List<String> setters = s.platforms().stream().filter(p -> p.policy().containsKey(f.key()))
                        .map(io.ownerscape.model.politics.Platform::name).toList();
                if (!setters.isEmpty()) {
                    out.add("scenario " + e.getKey() + ": factor " + f.key() + " is a policy that platform "
                            + String.join(", ", setters) + " sets; from politics_start (month "
                            + s.labour().politicsStart() + ") the factor's value holds only while no such platform rules");
                }
            }
        }
        return out;
    }

    /** Number of runs, without building them. */
    public long runCount() {
        long points = 0;
        if (sweep != null) {
            points += sweep.points().size();
        }
        if (sensitivity != null) {
            points += sensitivity.points().size();
        }
        if (points == 0) {
            points = 1;
        }
        return points * scenarios.size() * seeds.size();
    }

    /** Every run, in order, with the given threads per run. */
    public List<RunSpec> runs(int threadsPerRun) {
        List<RunSpec> out = new ArrayList<>();
        for (var scenario : scenarios.entrySet()) {
            RunSettings base = scenario.getValue();
            if (sweep == null && sensitivity == null) {
                add(out, scenario.getKey(), "base", 0, Map.of(), base, threadsPerRun);
            }
            if (sweep != null) {
                for (Design.Point p : sweep.points()) {
                    add(out, scenario.getKey(), "sweep", p.index(), p.values(), base, threadsPerRun);
                }
            }
            if (sensitivity != null) {
                for (Design.Point p : sensitivity.points()) {
                    add(out, scenario.getKey(), sensitivity.method(), p.index(), p.values(), base, threadsPerRun);
                }
            }
        }
        return out;
    }

    private void add(List<RunSpec> out, String scenario, String design, int point, Map<String, Object> factors,
                     RunSettings base, int threads) {
        RunSettings withFactors = factors.isEmpty() ? base
                : base.withLabour(LabourKeys.with(base.labour(), factors));
        for (long seed : seeds) {
            RunSettings s = new RunSettings(withFactors.model(), withFactors.months(), withFactors.burnIn(), seed,
                    threads, false, withFactors.preset(), withFactors.labour(), withFactors.platforms(),
                    withFactors.ruling(), withFactors.schedule());
            out.add(new RunSpec(out.size(), runId(scenario, design, point, factors, s), scenario, design, point,
                    factors, s));
        }
    }

    /**
     * A run's id: the first 16 hex digits of SHA-256 over everything that determines its result
     * (not the thread count, which does not).
     */
    static String runId(String scenario, String design, int point, Map<String, Object> factors, RunSettings s) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("scenario", scenario);
        key.put("design", design);
        key.put("point", point);
        key.put("factors", factors);
        key.put("model", s.model().toString());
        key.put("months", s.months());
        key.put("burn_in", s.burnIn());
        key.put("seed", s.seed());
        key.put("preset", s.preset().key());
        key.put("labour", LabourKeys.toMap(s.labour()));
        key.put("platforms", s.platforms().toString());
        key.put("ruling", String.valueOf(s.ruling()));
        key.put("schedule", s.schedule().toString());
        return sha256(ExperimentStore.json(key)).substring(0, 16);
    }

    /** A fingerprint of the whole run list: a store holds the runs of one fingerprint only. */
    public String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (RunSpec r : runs(1)) {
            b.append(r.runId()).append('\n');
        }
        return sha256(b.toString());
    }

    static String sha256(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
