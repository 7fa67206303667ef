package io.ownerscape.cli;

import io.ownerscape.io.ParameterDocs;
import io.ownerscape.model.Preset;
import io.ownerscape.model.parameter.ParameterSet.Declared;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ownerscape parameters}: every parameter as declared, or the documents generated from them. */
@Command(name = "parameters", mixinStandardHelpOptions = true,
        description = {"Lists every model parameter as its declaration gives it: the key, its value in a preset, "
                + "what is allowed, the unit and the meaning; [policy] marks the keys platforms and the schedule may "
                + "change. With KEY arguments, each key in full (every preset's value, the source of the default). "
                + "The documents made from the same declarations are rewritten by the docs command.",
                "Examples: parameters --preset axtell; parameters firing_cost ubi; parameters --policy"})
final class ParametersCommand implements Callable<Integer> {
    @Parameters(paramLabel = "KEY", arity = "0..*", description = "Keys to show in full (default: list every key).")
    List<String> keys = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "market",
            description = "Preset whose values are listed (default: ${DEFAULT-VALUE}); one of: axtell, market, "
                    + "managerial-capitalism, centralisation, distributism, open-politics.")
    String preset;

    @Option(names = "--policy", description = "Only the policy keys (those a platform or the schedule may change).")
    boolean policyOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Preset p;
        try {
            p = Preset.of(preset);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--preset: " + e.getMessage());
        }
        List<Declared> all = ParameterDocs.all();
        if (!keys.isEmpty()) {
            for (String key : keys) {
                Declared d = all.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() ->
                        new BadInputException("parameters " + key + ": no such key; `parameters` lists every key"));
                out.printf("%s%s%n  meaning: %s%n", d.key(), d.policy() ? " [policy]" : "", d.declaration().meaning());
                out.printf("  type: %s; unit: %s; allowed: %s%n", d.type().getSimpleName(),
                        d.declaration().unit().isEmpty() ? "-" : d.declaration().unit(),
                        d.range().isAny() ? "true, false" : d.range());
                out.printf("  presets: %s%n", valuesByPreset(d));
                if (!d.declaration().source().isEmpty()) {
                    out.printf("  source: %s%n", d.declaration().source());
                }
                out.printf("  rules: docs/MODEL.md §%s%n", d.declaration().section());
            }
            return 0;
        }
        for (Declared d : all) {
            if (policyOnly && !d.policy()) {
                continue;
            }
            String value = ParameterDocs.presetValues(d).get(p);
            out.printf("%-30s %-10s %-34s %s%s%n", d.key(), value, d.range().isAny() ? "true, false" : d.range(),
                    d.declaration().unit(), d.policy() ? " [policy]" : "");
        }
        return 0;
    }

    private static String valuesByPreset(Declared d) {
        List<String> parts = new ArrayList<>();
        ParameterDocs.presetValues(d).forEach((p, v) -> parts.add(p.key() + " " + v));
        return String.join(", ", parts);
    }
}
