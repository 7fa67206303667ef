package io.ownerscape.experiment;

import io.ownerscape.experiment.ExperimentStore.StoredRun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The seed's claims as testable hypotheses. Each has an operational definition, a statistic with
 * a 95% confidence interval (over seeds and design points; {@link Stats}), a verdict and a
 * robustness map: the same test within each scenario and within each level or third of every
 * factor or rule that varies across runs, and the dimension along which the effect moves most.
 *
 * <p>Verdicts, with the statistic oriented so that the claim predicts a positive value and
 * {@code ε} the hypothesis's negligible effect: <b>supported</b> when the interval lies above 0 and
 * the estimate is at least {@code ε}; <b>not supported</b> when the whole interval lies below
 * {@code ε} (no effect of the claimed size, or the opposite one); <b>inconclusive</b> otherwise, or
 * when the runs cannot test it (the reason says why). See {@code docs/hypotheses/} for each.
 */
public final class Hypotheses {

    /** The hypotheses' names, in order. */
    public static final List<String> NAMES = List.of("H1", "H2", "H3", "H4", "H5", "H6", "H7");

    /** A verdict. */
    public enum Verdict {
        SUPPORTED("supported"), NOT_SUPPORTED("not supported"), INCONCLUSIVE("inconclusive");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The outcome of one test on a set of runs. */
    public record Test(Stats.Interval effect, Verdict verdict, String reason) {
    }

    /** One cell of a robustness map: a condition, the runs meeting it and the test on them. */
    public record Cell(String dimension, String condition, int runs, Test test) {
    }

    /**
     * A judged hypothesis.
     *
     * @param name        H1 to H7
     * @param claim       the seed's claim in plain words
     * @param definition  how the claim is measured
     * @param statistic   the statistic and its unit
     * @param test        the test on all runs
     * @param cells       the robustness map
     * @param driver      the dimension along which the effect moves most, with its range; "" if none varies
     * @param holds       a sentence on where the verdict holds
     * @param groups      estimates behind the chart: label to interval (per scenario, regime or group)
     * @param points      scatter points (x, y) for cross-run statistics, else empty
     * @param axes        x and y axis titles of the chart
     */
    public record Result(String name, String claim, String definition, String statistic, Test test,
                         List<Cell> cells, String driver, String holds, Map<String, Stats.Interval> groups,
                         List<double[]> points, String[] axes) {
    }

    /** How a hypothesis is measured on a set of runs. */
    private record Spec(String name, String claim, String definition, String statistic, double negligible,
                        Function<List<StoredRun>, Test> test, Function<List<StoredRun>, Map<String, Stats.Interval>> groups,
                        Function<List<StoredRun>, List<double[]>> points, String[] axes) {
    }

    private Hypotheses() {
    }

    /** Judges the named hypotheses on the finished runs. */
    public static List<Result> judge(List<StoredRun> runs, List<String> names) {
        List<Result> out = new ArrayList<>();
        for (String name : names) {
            Spec spec = spec(name);
            Test all = spec.test().apply(runs);
            List<Cell> cells = robustness(runs, spec);
            out.add(new Result(name, spec.claim(), spec.definition(), spec.statistic(), all, cells,
                    driver(cells), holds(all, cells), spec.groups().apply(runs), spec.points().apply(runs), spec.axes()));
        }
        return out;
    }

    /** The per-run effect of a hypothesis judged run by run (H1, H4, H7), NaN where it does not apply. */
    public static double perRunEffect(String name, StoredRun r) {
        return switch (name) {
            case "H1" -> h1(r);
            case "H4" -> r.measures().getOrDefault("ubi_cut.after_power_lost", Double.NaN);
            case "H7" -> h7(r);
            default -> Double.NaN;
        };
    }

    /** The hypotheses with a per-run effect, which sensitivity analyses also treat as outputs. */
    public static final List<String> PER_RUN = List.of("H1", "H4", "H7");

    private static Spec spec(String name) {
        return switch (name) {
            case "H1" -> new Spec("H1",
                    "The managerial/educated and the precariously employed vote for centralising platforms; small owners vote against.",
                    "In every election held, each class's share of votes for a centralising platform (one that nationalises"
                            + " firms or merges them into state trusts), pooled over the run's elections. Per run: the smaller of"
                            + " (mean of managers' and professionals' share − small owners' share) and (precarious share − small"
                            + " owners' share). Runs without elections are left out.",
                    "difference in vote share for centralising platforms (share points), the smaller of the two", 0.02,
                    rs -> perRun(rs, "H1", 0.02, "no run held an election with class votes (elections: false everywhere)"),
                    rs -> perRunGroups(rs, "H1"), rs -> List.of(), new String[]{"scenario", "effect"});
            case "H2" -> new Spec("H2",
                    "The managerial share of employment rises with the concentration of employment in large firms.",
                    "Across runs: Pearson's correlation between the employment share of the top 1% of firms and managers per"
                            + " employee, both means over the last 12 months; Fisher z interval.",
                    "correlation r", 0.1,
                    rs -> correlation(rs, "top1_employment_share", "managerial_share", 0.1),
                    rs -> Map.of(),
                    rs -> scatter(rs, r -> m(r, "top1_employment_share"), r -> m(r, "managerial_share")),
                    new String[]{"employment share of the top 1% of firms", "managers per employee"});
            case "H3" -> new Spec("H3",
                    "When demand growth stalls, acquisitions rise and small ownership shrinks.",
                    "Across runs with the goods market on: Pearson's correlations of acquisitions per year per 1,000"
                            + " employer firms and of small owners per 1,000 persons with the demand growth rate. The claim"
                            + " predicts a negative one for acquisitions and a positive one for small owners; both must hold."
                            + " The statistic shown is the weaker, oriented so that the claim is positive (Fisher z interval).",
                    "oriented correlation with demand growth, the weaker of the two", 0.1,
                    Hypotheses::h3, rs -> Map.of(),
                    rs -> scatter(goodsMarket(rs), r -> parameter(r, "demand_growth"), r -> m(r, "acquisitions_per_year")),
                    new String[]{"demand growth per year", "acquisitions per year per 1,000 employer firms"});
            case "H4" -> new Spec("H4",
                    "Under centralisation, promised transfers are cut once countervailing power is gone.",
                    "Per run with a promised basic income: the share of the promise withheld in months when countervailing"
                            + " power is below lock_in_threshold, less the share withheld in months when it is at or above"
                            + " it. Runs in which, while a promise stood, power was never below the threshold or never at"
                            + " or above it are left out.",
                    "difference in the share of the promised basic income withheld", 0.05,
                    rs -> perRun(rs, "H4", 0.05, "no run had a promised basic income both while countervailing power"
                            + " was at or above lock_in_threshold and while it was below"),
                    rs -> perRunGroups(rs, "H4"), rs -> List.of(), new String[]{"scenario", "effect"});
            case "H5" -> new Spec("H5",
                    "Worker autonomy is lowest under centralisation.",
                    "Runs are grouped by the platform in force for most months after politics_start (\"none\" without"
                            + " one); a run is centralising when that platform is centralising."
                            + " Statistic: mean autonomy index of the employed in the lowest other group less that of the"
                            + " centralising runs (Welch interval).",
                    "autonomy index difference (other − centralising)", 0.01,
                    Hypotheses::h5, Hypotheses::regimeGroups, rs -> List.of(), new String[]{"regime", "autonomy index"});
            case "H6" -> new Spec("H6",
                    "Worker autonomy is highest where ownership is spread and workers are protected.",
                    "Runs with ownership spread (the share of the employed working for themselves, a small owner or their"
                            + " co-op) at or above the median and firing cost in force at or above the median (when it varies)"
                            + " against all other runs: difference in mean autonomy index (Welch interval).",
                    "autonomy index difference (spread and protected − others)", 0.01,
                    Hypotheses::h6, Hypotheses::h6Groups,
                    rs -> scatter(rs, r -> m(r, "ownership_spread"), r -> m(r, "autonomy_index")),
                    new String[]{"ownership spread", "autonomy index"});
            case "H7" -> new Spec("H7",
                    "The precariously employed draw their pay from small owners more than other workers do.",
                    "Per run, from the sampled employed persons: the share of the precarious whose employer is a small owner"
                            + " less that share among (stable) workers. Runs where no sampled precarious person or worker"
                            + " works for a small owner (every firm nationalised, say) are left out.",
                    "difference in the share employed by small owners", 0.02,
                    rs -> perRun(rs, "H7", 0.02, "no run had both precarious persons and workers sampled, with"
                            + " someone working for a small owner"),
                    rs -> perRunGroups(rs, "H7"), rs -> List.of(), new String[]{"scenario", "effect"});
            default -> throw new IllegalArgumentException("hypothesis '" + name + "': allowed " + String.join(", ", NAMES));
        };
    }

    /** The verdict for an effect oriented so that the claim predicts a positive value. */
    public static Verdict verdict(Stats.Interval e, double negligible) {
        if (!e.known()) {
            return Verdict.INCONCLUSIVE;
        }
        if (e.low() > 0 && e.estimate() >= negligible) {
            return Verdict.SUPPORTED;
        }
        if (e.high() < negligible) {
            return Verdict.NOT_SUPPORTED;
        }
        return Verdict.INCONCLUSIVE;
    }

    private static Test perRun(List<StoredRun> runs, String name, double negligible, String whenEmpty) {
        List<Double> effects = new ArrayList<>();
        for (StoredRun r : runs) {
            double e = perRunEffect(name, r);
            if (!Double.isNaN(e)) {
                effects.add(e);
            }
        }
        if (effects.isEmpty()) {
            return new Test(Stats.mean(effects), Verdict.INCONCLUSIVE, whenEmpty);
        }
        Stats.Interval i = Stats.mean(effects);
        if (!i.known()) {
            return new Test(i, Verdict.INCONCLUSIVE, "only " + i.n() + " run applies; an interval needs at least 2");
        }
        return new Test(i, verdict(i, negligible), "mean over " + i.n() + " runs");
    }

    private static Map<String, Stats.Interval> perRunGroups(List<StoredRun> runs, String name) {
        Map<String, List<Double>> by = new LinkedHashMap<>();
        for (StoredRun r : runs) {
            double e = perRunEffect(name, r);
            if (!Double.isNaN(e)) {
                by.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Stats.Interval> out = new LinkedHashMap<>();
        by.forEach((k, v) -> out.put(k, Stats.mean(v)));
        return out;
    }

    private static double h1(StoredRun r) {
        double small = m(r, "vote_centralising.small_owner");
        double manager = m(r, "vote_centralising.manager");
        double professional = m(r, "vote_centralising.professional");
        double educated = Double.isNaN(manager) ? professional : Double.isNaN(professional) ? manager
                : (manager + professional) / 2;
        double precarious = m(r, "vote_centralising.precarious");
        return Math.min(educated - small, precarious - small);
    }

    /** NaN where nobody sampled works for a small owner: the comparison is then moot, not refuted. */
    private static double h7(StoredRun r) {
        double precarious = m(r, "small_owner_employer.precarious");
        double worker = m(r, "small_owner_employer.worker");
        return precarious == 0 && worker == 0 ? Double.NaN : precarious - worker;
    }

    private static Test correlation(List<StoredRun> runs, String x, String y, double negligible) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (StoredRun r : runs) {
            xs.add(m(r, x));
            ys.add(m(r, y));
        }
        Stats.Interval c = Stats.correlation(xs, ys);
        if (!c.known()) {
            return new Test(c, Verdict.INCONCLUSIVE, c.n() < 4 ? "needs at least 4 runs with both measures; has " + c.n()
                    : "no variation across runs in " + x + " or " + y);
        }
        return new Test(c, verdict(c, negligible), "correlation over " + c.n() + " runs");
    }

    private static List<StoredRun> goodsMarket(List<StoredRun> runs) {
        return runs.stream().filter(r -> "true".equals(r.parameters().get("goods_market"))).toList();
    }

    private static Test h3(List<StoredRun> all) {
        List<StoredRun> runs = goodsMarket(all);
        List<Double> growth = new ArrayList<>();
        List<Double> acquisitions = new ArrayList<>();
        List<Double> owners = new ArrayList<>();
        for (StoredRun r : runs) {
            growth.add(parameter(r, "demand_growth"));
            acquisitions.add(m(r, "acquisitions_per_year"));
            owners.add(m(r, "small_owner_share"));
        }
        if (runs.size() < 4 || new LinkedHashSet<>(growth).size() < 2) {
            return new Test(new Stats.Interval(Double.NaN, Double.NaN, Double.NaN, runs.size()), Verdict.INCONCLUSIVE,
                    runs.isEmpty() ? "no run has the goods market on (goods_market: true)"
                            : "demand_growth takes " + new LinkedHashSet<>(growth).size() + " value(s) over "
                            + runs.size() + " goods-market runs; vary it (a sweep factor or scenarios) over at least 4 runs");
        }
        Stats.Interval a = Stats.correlation(growth, acquisitions);
        Stats.Interval o = Stats.correlation(growth, owners);
        Stats.Interval aOriented = new Stats.Interval(-a.estimate(), -a.high(), -a.low(), a.n());
        String reason = String.format("acquisitions vs demand growth r = %.3f [%.3f, %.3f]; small owners vs demand growth"
                + " r = %.3f [%.3f, %.3f]; %d runs", a.estimate(), a.low(), a.high(), o.estimate(), o.low(),
                o.high(), runs.size());
        if (!aOriented.known() || !o.known()) {
            // Both halves of the claim must be testable: with acquisitions off, say, the count
            // never varies and the claim about them cannot be judged.
            return new Test(!aOriented.known() ? aOriented : o, Verdict.INCONCLUSIVE, reason + "; "
                    + (!aOriented.known() ? "acquisitions" : "small owners") + " do not vary, so that half cannot be judged");
        }
        Stats.Interval weaker = aOriented.estimate() <= o.estimate() ? aOriented : o;
        Verdict va = verdict(aOriented, 0.1);
        Verdict vo = verdict(o, 0.1);
        Verdict both = va == Verdict.NOT_SUPPORTED || vo == Verdict.NOT_SUPPORTED ? Verdict.NOT_SUPPORTED
                : va == Verdict.SUPPORTED && vo == Verdict.SUPPORTED ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
        return new Test(weaker, both, reason + "; acquisitions: " + va.label() + ", small owners: " + vo.label());
    }

    /** A run whose regime (the platform in force for most months of its politics) centralises. */
    private static boolean centralisingRun(StoredRun r) {
        return m(r, "regime_centralising") == 1;
    }

    private static String regimeOf(StoredRun r) {
        return centralisingRun(r) ? r.regime() + " (centralising)" : r.regime();
    }

    private static Map<String, Stats.Interval> regimeGroups(List<StoredRun> runs) {
        Map<String, List<Double>> by = new TreeMap<>();
        for (StoredRun r : runs) {
            by.computeIfAbsent(regimeOf(r), k -> new ArrayList<>()).add(m(r, "autonomy_index"));
        }
        Map<String, Stats.Interval> out = new LinkedHashMap<>();
        by.forEach((k, v) -> out.put(k, Stats.mean(v)));
        return out;
    }

    private static Test h5(List<StoredRun> runs) {
        List<Double> central = new ArrayList<>();
        Map<String, List<Double>> others = new TreeMap<>();
        for (StoredRun r : runs) {
            double a = m(r, "autonomy_index");
            if (Double.isNaN(a)) {
                continue;
            }
            if (centralisingRun(r)) {
                central.add(a);
            } else {
                others.computeIfAbsent(r.regime(), k -> new ArrayList<>()).add(a);
            }
        }
        if (central.isEmpty() || others.isEmpty()) {
            return new Test(new Stats.Interval(Double.NaN, Double.NaN, Double.NaN, central.size()), Verdict.INCONCLUSIVE,
                    central.isEmpty() ? "no run was ruled by a centralising platform for most of its politics"
                            : "every run was centralising; nothing to compare with");
        }
        String lowest = others.entrySet().stream()
                .min(Comparator.comparingDouble(e -> Stats.mean(e.getValue()).estimate())).orElseThrow().getKey();
        Stats.Interval d = Stats.difference(others.get(lowest), central);
        if (!d.known()) {
            return new Test(d, Verdict.INCONCLUSIVE, "needs at least 2 runs in the centralising group and in '" + lowest
                    + "'");
        }
        return new Test(d, verdict(d, 0.01), "lowest other regime: " + lowest + " (" + others.get(lowest).size()
                + " runs) vs " + central.size() + " centralising runs");
    }

    private static Map<String, Stats.Interval> h6Groups(List<StoredRun> runs) {
        Predicate<StoredRun> in = h6Group(runs);
        List<Double> yes = new ArrayList<>();
        List<Double> no = new ArrayList<>();
        for (StoredRun r : runs) {
            (in.test(r) ? yes : no).add(m(r, "autonomy_index"));
        }
        Map<String, Stats.Interval> out = new LinkedHashMap<>();
        out.put("spread and protected", Stats.mean(yes));
        out.put("others", Stats.mean(no));
        return out;
    }

    private static Predicate<StoredRun> h6Group(List<StoredRun> runs) {
        double spread = median(runs, r -> m(r, "ownership_spread"));
        List<Double> protections = runs.stream().map(r -> m(r, "firing_cost_in_force")).filter(v -> !Double.isNaN(v))
                .distinct().toList();
        double protection = protections.size() < 2 ? Double.NEGATIVE_INFINITY : median(runs, r -> m(r, "firing_cost_in_force"));
        return r -> m(r, "ownership_spread") >= spread && m(r, "firing_cost_in_force") >= protection;
    }

    private static Test h6(List<StoredRun> runs) {
        Predicate<StoredRun> in = h6Group(runs);
        List<Double> yes = new ArrayList<>();
        List<Double> no = new ArrayList<>();
        for (StoredRun r : runs) {
            double a = m(r, "autonomy_index");
            if (!Double.isNaN(a) && !Double.isNaN(m(r, "ownership_spread"))) {
                (in.test(r) ? yes : no).add(a);
            }
        }
        Stats.Interval d = Stats.difference(yes, no);
        boolean protectionVaries = runs.stream().map(r -> m(r, "firing_cost_in_force")).distinct().count() > 1;
        if (!d.known()) {
            return new Test(d, Verdict.INCONCLUSIVE, "needs at least 2 runs in each group; has " + yes.size() + " and "
                    + no.size());
        }
        return new Test(d, verdict(d, 0.01), yes.size() + " spread-and-protected runs vs " + no.size() + " others"
                + (protectionVaries ? "" : "; firing cost does not vary, so the split is by ownership spread alone"));
    }

    private static double median(List<StoredRun> runs, Function<StoredRun, Double> f) {
        double[] v = runs.stream().map(f).filter(x -> !Double.isNaN(x)).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static List<double[]> scatter(List<StoredRun> runs, Function<StoredRun, Double> x, Function<StoredRun, Double> y) {
        List<double[]> out = new ArrayList<>();
        for (StoredRun r : runs) {
            double a = x.apply(r);
            double b = y.apply(r);
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                out.add(new double[]{a, b});
            }
        }
        return out;
    }

    /**
     * The robustness map: the test within each scenario, and within each level (or third of the
     * range) of every factor, and of every labour rule that takes 2 to 4 values across the runs
     * (such as lock_in on and off in different scenarios).
     */
    private static List<Cell> robustness(List<StoredRun> runs, Spec spec) {
        Map<String, Map<String, List<StoredRun>>> dims = new LinkedHashMap<>();
        Map<String, List<StoredRun>> byScenario = new LinkedHashMap<>();
        for (StoredRun r : runs) {
            byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r);
        }
        if (byScenario.size() > 1) {
            dims.put("scenario", byScenario);
        }
        Set<String> factorKeys = new LinkedHashSet<>();
        runs.forEach(r -> factorKeys.addAll(r.factors().keySet()));
        for (String key : factorKeys) {
            dims.put(key, split(runs, r -> r.factors().get(key)));
        }
        Set<String> paramKeys = new LinkedHashSet<>();
        runs.forEach(r -> paramKeys.addAll(r.parameters().keySet()));
        for (String key : paramKeys) {
            if (factorKeys.contains(key) || key.equals("preset")) {
                continue;
            }
            Map<String, List<StoredRun>> by = new TreeMap<>();
            for (StoredRun r : runs) {
                by.computeIfAbsent(String.valueOf(r.parameters().get(key)), k -> new ArrayList<>()).add(r);
            }
            if (by.size() >= 2 && by.size() <= 4) {
                dims.put(key, by);
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (var dim : dims.entrySet()) {
            for (var cond : dim.getValue().entrySet()) {
                cells.add(new Cell(dim.getKey(), cond.getKey(), cond.getValue().size(),
                        spec.test().apply(cond.getValue())));
            }
        }
        return cells;
    }

    /** Runs split by a factor's value: its levels, or thirds of its range for more than 4 values. */
    private static Map<String, List<StoredRun>> split(List<StoredRun> all, Function<StoredRun, Object> value) {
        // Runs of another design (a sweep beside a sensitivity design) lack the factor: left out.
        List<StoredRun> runs = all.stream().filter(r -> value.apply(r) != null).toList();
        Set<Object> distinct = new LinkedHashSet<>();
        runs.forEach(r -> distinct.add(value.apply(r)));
        Map<String, List<StoredRun>> out = new LinkedHashMap<>();
        if (distinct.size() <= 4 || !distinct.stream().allMatch(v -> v instanceof Number)) {
            for (StoredRun r : runs) {
                out.computeIfAbsent(String.valueOf(value.apply(r)), k -> new ArrayList<>()).add(r);
            }
            return out;
        }
        double[] sorted = runs.stream().mapToDouble(r -> ((Number) value.apply(r)).doubleValue()).sorted().toArray();
        double t1 = sorted[sorted.length / 3];
        double t2 = sorted[2 * sorted.length / 3];
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        String[] labels = {String.format("%.4g to below %.4g", min, t1), String.format("%.4g to below %.4g", t1, t2),
                String.format("%.4g to %.4g", t2, max)};
        for (StoredRun r : runs) {
            double v = ((Number) value.apply(r)).doubleValue();
            // Ties at a cut can leave a third empty; only thirds with runs are listed.
            out.computeIfAbsent(labels[v < t1 ? 0 : v < t2 ? 1 : 2], k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static String driver(List<Cell> cells) {
        Map<String, double[]> range = new LinkedHashMap<>();
        for (Cell c : cells) {
            double e = c.test().effect().estimate();
            if (!c.test().effect().known()) {
                continue; // a cell too small for an interval (say, r = ±1 from two runs) says nothing
            }
            double[] r = range.computeIfAbsent(c.dimension(), k -> new double[]{Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY});
            r[0] = Math.min(r[0], e);
            r[1] = Math.max(r[1], e);
        }
        return range.entrySet().stream().filter(e -> e.getValue()[1] > e.getValue()[0])
                .max(Comparator.comparingDouble(e -> e.getValue()[1] - e.getValue()[0]))
                .map(e -> String.format("%s (effect from %.3g to %.3g across its values)", e.getKey(), e.getValue()[0],
                        e.getValue()[1]))
                .orElse("");
    }

    private static String holds(Test all, List<Cell> cells) {
        List<Cell> judged = cells.stream().filter(c -> c.test().effect().known()).toList();
        if (judged.isEmpty()) {
            return "no condition has enough runs to judge on its own";
        }
        List<String> differ = new ArrayList<>();
        for (Cell c : judged) {
            if (c.test().verdict() != all.verdict()) {
                differ.add(c.dimension() + " = " + c.condition() + " (" + c.test().verdict().label() + ")");
            }
        }
        long same = judged.size() - differ.size();
        if (differ.isEmpty()) {
            return "the verdict is the same in all " + judged.size() + " conditions judged";
        }
        return "the verdict holds in " + same + " of " + judged.size() + " conditions; it differs where "
                + String.join(", ", differ.subList(0, Math.min(8, differ.size())))
                + (differ.size() > 8 ? " and " + (differ.size() - 8) + " more" : "");
    }

    static double m(StoredRun r, String measure) {
        Double v = r.measures().get(measure);
        return v == null ? Double.NaN : v;
    }

    private static double parameter(StoredRun r, String key) {
        Object f = r.factors().get(key);
        if (f instanceof Number n) {
            return n.doubleValue();
        }
        String v = r.parameters().get(key);
        try {
            return v == null ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
