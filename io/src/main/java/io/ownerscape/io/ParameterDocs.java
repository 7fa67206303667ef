package io.ownerscape.io;

import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Preset;
import io.ownerscape.model.parameter.ParameterSet;
import io.ownerscape.model.parameter.ParameterSet.Base;
import io.ownerscape.model.parameter.ParameterSet.Declared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents generated from the parameters' declarations ({@link io.ownerscape.model.parameter.Parameter}):
 * {@code docs/PARAMETERS.md} (every key with unit, range, each preset's value, meaning and source),
 * {@code docs/reference.yaml} (a valid scenario spelling out the market preset, each key with its
 * meaning and range) and the key table of each section of {@code docs/MODEL.md} (between the markers
 * {@code <!-- parameters S -->} and {@code <!-- /parameters -->}). {@code ownerscape docs docs}
 * rewrites them; a test fails when one is stale.
 */
public final class ParameterDocs {
    /** MODEL.md's sections that state the rules, in the order the documents list them. */
    static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("2.5", "Axtell's endogenous firms: persons, activation, technology, network");
        SECTIONS.put("7.11", "Labour rules: owners, pay, skills, hierarchy, dismissal, unemployment, wealth");
        SECTIONS.put("7.12", "Goods market");
        SECTIONS.put("7.13", "Acquisitions, compliance costs, antitrust");
        SECTIONS.put("7.14", "The state: budget, instruments, state firms");
        SECTIONS.put("7.15", "Politics: platforms, elections, promises, lock-in");
        SECTIONS.put("7.16", "Limits to organisation size and firm dynamics");
        SECTIONS.put("7.17", "The unconditional-transfer trial (a measurement, off in every preset)");
    }

    private static final Pattern MODEL_BLOCK = Pattern.compile(
            "(<!-- parameters ([0-9.]+) -->\\n)(.*?)(<!-- /parameters -->)", Pattern.DOTALL);

    private ParameterDocs() {
    }

    /** Every declared parameter: Axtell's model first, then the rules. */
    public static List<Declared> all() {
        List<Declared> out = new ArrayList<>(ParameterSet.of(ModelParameters.class).parameters());
        out.addAll(ParameterSet.of(LabourParameters.class).parameters());
        return out;
    }

    static List<Declared> inSection(String section) {
        return all().stream().filter(d -> d.declaration().section().equals(section)).toList();
    }

    /** The value each preset gives a key, as a scenario writes it. */
    public static Map<Preset, String> presetValues(Declared d) {
        Map<Preset, String> out = new LinkedHashMap<>();
        for (Preset p : Preset.values()) {
            Object v = ParameterSet.of(LabourParameters.class).isKey(d.key())
                    ? ParameterSet.of(LabourParameters.class).value(p.labour(), d.key())
                    : d.base(Base.AXTELL);
            out.put(p, text(v));
        }
        return out;
    }

    /** The presets beyond axtell and market whose value differs from market's: "centralisation true". */
    static String otherPresets(Declared d) {
        Map<Preset, String> values = presetValues(d);
        String market = values.get(Preset.MARKET);
        List<String> parts = new ArrayList<>();
        values.forEach((p, v) -> {
            if (p != Preset.AXTELL && p != Preset.MARKET && !v.equals(market)) {
                parts.add(p.key() + " " + v);
            }
        });
        return String.join(", ", parts);
    }

    /** docs/PARAMETERS.md. */
    public static String parametersMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Ownerscape: every parameter\n\n");
        b.append("Generated from the parameters' declarations (`@Parameter` on the components of `ModelParameters` and\n")
                .append("`LabourParameters`) by `./ownerscape docs docs`; do not edit by hand (a test\n")
                .append("fails when this file is stale). Each key is a scenario-file key (`docs/reference.yaml`); the rules'\n")
                .append("keys (§7.11-7.17) are also `--set KEY=VALUE` of `run`; **policy** keys are those a ruling platform, the policy schedule or\n")
                .append("the dashboard may change during a run. Allowed values: `LO to HI` and `[LO, HI]` include both\n")
                .append("ends, a round bracket excludes its end, a bound may be another key. Presets other than\n")
                .append("`axtell` and `market` are `market` with the changes listed (`Preset.java`). The rules using each\n")
                .append("parameter are in the section of `docs/MODEL.md` named in the heading.\n\n");
        b.append(String.format("%d parameters, %d of them policy keys.%n%n", all().size(),
                all().stream().filter(Declared::policy).count()));
        for (Map.Entry<String, String> s : SECTIONS.entrySet()) {
            b.append("## ").append(s.getKey()).append(" ").append(s.getValue()).append("\n\n");
            b.append("| key | symbol | axtell | market | other presets | allowed | unit | meaning | source of the market default |\n");
            b.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Declared d : inSection(s.getKey())) {
                Map<Preset, String> v = presetValues(d);
                b.append("| `").append(d.key()).append('`').append(d.policy() ? " (policy)" : "")
                        .append(" | ").append(cell(d.declaration().symbol()))
                        .append(" | ").append(v.get(Preset.AXTELL))
                        .append(" | ").append(v.get(Preset.MARKET))
                        .append(" | ").append(cell(otherPresets(d)))
                        .append(" | ").append(cell(allowed(d)))
                        .append(" | ").append(cell(d.declaration().unit()))
                        .append(" | ").append(cell(d.declaration().meaning()))
                        .append(" | ").append(cell(d.declaration().source()))
                        .append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The key table of one MODEL.md section. */
    static String modelTable(String section) {
        List<Declared> keys = inSection(section);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("docs/MODEL.md names section " + section + " for a key table, which declares no parameter");
        }
        StringBuilder b = new StringBuilder("\n");
        b.append("| key | axtell | market | allowed | meaning | source of the market default |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Declared d : keys) {
            Map<Preset, String> v = presetValues(d);
            String others = otherPresets(d);
            String symbol = d.declaration().symbol();
            b.append("| `").append(d.key()).append('`').append(symbol.isEmpty() ? "" : " " + symbol)
                    .append(d.policy() ? " (policy)" : "")
                    .append(" | ").append(v.get(Preset.AXTELL))
                    .append(" | ").append(v.get(Preset.MARKET)).append(others.isEmpty() ? "" : " (" + others + ")")
                    .append(" | ").append(cell(allowed(d) + (d.declaration().unit().isEmpty() ? "" : "; " + d.declaration().unit())))
                    .append(" | ").append(cell(d.declaration().meaning()))
                    .append(" | ").append(cell(d.declaration().source()))
                    .append(" |\n");
        }
        b.append("\n_Generated from the declarations (`./ownerscape docs docs`); every key with its\n")
                .append("unit and every preset's value: `docs/PARAMETERS.md`._\n\n");
        return b.toString();
    }

    /** MODEL.md with each marked key table regenerated. */
    public static String modelMarkdown(String current) {
        Matcher m = MODEL_BLOCK.matcher(current);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + modelTable(m.group(2)) + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** docs/reference.yaml: the market preset spelled out, a valid scenario. */
    public static String referenceYaml() {
        StringBuilder b = new StringBuilder();
        b.append("""
                # Ownerscape scenario reference: every key a scenario file may hold, with its default and what
                # is allowed. As written this file is a valid scenario: the US-like `market` preset spelled out
                # in full (each value below is market's; where the axtell preset differs, the comment says so).
                # Generated from the parameters' declarations by `./ownerscape docs docs`
                # (docs/PARAMETERS.md has the same keys as tables); do not edit by hand.
                # Check a file with `./ownerscape validate FILE`; run it with `./ownerscape run --config FILE`.
                # Keys marked [policy] are the ones platforms, the schedule and the dashboard may change.
                # Amounts of money are in months of the previous month's mean pay of firm members; policy
                # amounts (ubi, benefits, assistance) are shares of the policy unit (MODEL.md §7.11: median pay
                # of employees in the market preset); rates are per month unless a key says yearly.
                #
                # ---- Run settings (docs/OUTPUTS.md §1) ----
                preset: market            # rules to start from: %s
                # extends: base.yaml      # alternatively start from another scenario file (or a preset name), overriding it key by key
                months: 600               # months to simulate, burn-in included, 1 to %,d
                burn_in: 120              # leading months flagged as burn-in in the outputs, 0 to months
                seed: 1                   # seed of every random stream, any 64-bit integer
                threads: 2                # worker threads, 1 to %,d (results do not depend on it)
                firm_panel: false         # also write the yearly firm panel
                """.formatted(Preset.allowed(), RunSettings.MAX_MONTHS, RunSettings.MAX_THREADS));
        for (Map.Entry<String, String> s : SECTIONS.entrySet()) {
            b.append("#\n# ---- ").append(s.getValue()).append(" (MODEL.md §").append(s.getKey()).append(") ----\n");
            for (Declared d : inSection(s.getKey())) {
                Map<Preset, String> v = presetValues(d);
                StringBuilder c = new StringBuilder();
                if (d.policy()) {
                    c.append("[policy] ");
                }
                c.append(d.declaration().meaning());
                if (!d.declaration().unit().isEmpty()) {
                    c.append("; ").append(d.declaration().unit());
                }
                if (!d.range().isAny()) {
                    c.append("; ").append(d.range());
                }
                List<String> differs = new ArrayList<>();
                if (!v.get(Preset.AXTELL).equals(v.get(Preset.MARKET))) {
                    differs.add("axtell: " + v.get(Preset.AXTELL));
                }
                if (!otherPresets(d).isEmpty()) {
                    differs.add(otherPresets(d));
                }
                if (!differs.isEmpty()) {
                    c.append(" (").append(String.join("; ", differs)).append(')');
                }
                for (String line : wrap(c.toString(), 96)) {
                    b.append("# ").append(line).append('\n');
                }
                b.append(d.key()).append(": ").append(v.get(Preset.MARKET)).append('\n');
            }
        }
        b.append("""
                #
                # ---- Platforms and the policy schedule (MODEL.md §7.15, §7.14) ----
                ruling_platform: market   # platform in force from politics_start; market, centralise, distribute or one defined below; leave out for none
                platforms:                # user-defined platforms join the built-in three: policy keys only, plus a description
                  example:
                    description: a small basic income paid for by a wealth tax
                    ubi: 0.05
                    wealth_tax: 0.02
                    balanced_budget: true
                schedule:                 # policy changes by the month from which they apply (law under any platform), months 1 to months + 1
                  360:
                    firing_cost: 3.0
                    announced: 0            # optional: the month after which voters' forecasts know of it, 0 to 358 (0: from the start)
                """);
        return b.toString();
    }

    /** The documents with generated parts that exist beside the generated files, in the order they are written. */
    static final List<String> MARKED = List.of("MODEL.md", "OUTPUTS.md", "EXPERIMENTS.md", "DASHBOARD.md");

    /**
     * Every generated document of a docs directory, name to content: the parameter reference
     * files, and those of {@link #MARKED} that exist with their marked tables (parameters and
     * measures) regenerated from their current text.
     */
    public static Map<String, String> generate(Path docs) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("PARAMETERS.md", parametersMarkdown());
        out.put("reference.yaml", referenceYaml());
        for (String name : MARKED) {
            Path file = docs.resolve(name);
            if (Files.exists(file)) {
                out.put(name, MeasureDocs.regenerate(modelMarkdown(Files.readString(file))));
            }
        }
        return out;
    }

    /** The generated files of a docs directory whose text on disk is not what they would be now. */
    public static List<String> stale(Path docs) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : generate(docs).entrySet()) {
            Path file = docs.resolve(e.getKey());
            if (!Files.exists(file) || !Files.readString(file).equals(e.getValue())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** Rewrites the stale generated files of a docs directory; returns their names. */
    public static List<String> write(Path docs) throws IOException {
        Map<String, String> generated = generate(docs);
        List<String> changed = stale(docs);
        for (String name : changed) {
            AtomicFiles.writeString(docs.resolve(name), generated.get(name));
        }
        return changed;
    }

    private static String allowed(Declared d) {
        return d.range().isAny() ? "true, false" : d.range().toString();
    }

    private static String text(Object v) {
        return String.valueOf(v);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append("  ");
            }
            if (line.length() > 0 && !line.toString().equals("  ")) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
