package io.ownerscape.cli;

import io.ownerscape.io.RunSettings;
import io.ownerscape.model.politics.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code ownerscape validate FILE}: checks a scenario file without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a scenario file or an experiment file (one with 'scenarios:'): every key known, every value of its type and in its range, "
                + "platforms and the policy schedule consistent. Prints what the file sets up and exits 0, or "
                + "prints one line naming the file, line, column, key, the bad value and what is allowed, and "
                + "exits 2. Flags of run (e.g. --persons, --set KEY=VALUE) override the file as they would "
                + "there. Runs nothing and writes nothing."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The scenario file or experiment file (YAML).")
    Path file;

    /** The run's flags, which override the file as they would for run. */
    @Mixin
    ModelOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (isExperiment(file)) {
            return validateExperiment();
        }
        options.config = file;
        RunSettings s = options.settings();
        String platforms = s.platforms().stream().map(Platform::name).collect(Collectors.joining(", "));
        spec.commandLine().getOut().printf("%s: valid. Preset %s, %,d persons, %d months (burn-in %d), seed %d; "
                        + "platforms %s; ruling from month %d: %s; %d scheduled policy change(s)%s.%n",
                file, s.preset().key(), s.model().persons(), s.months(), s.burnIn(), s.seed(), platforms,
                s.labour().politicsStart(), s.ruling() == null ? "none" : s.ruling(), s.schedule().size(),
                s.labour().elections() ? "; elections every " + s.labour().electionInterval() + " months" : "");
        return 0;
    }

    /** An experiment file is one with a top-level {@code scenarios:} key. */
    static boolean isExperiment(Path file) {
        try {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(file.toFile());
            return tree != null && tree.isObject() && tree.has("scenarios");
        } catch (java.io.IOException | RuntimeException e) {
            return false; // not YAML at all: the scenario-file check says what is wrong
        }
    }

    private int validateExperiment() {
        if (spec.commandLine().getParseResult().matchedOptions().stream()
                .anyMatch(o -> !o.longestName().equals("--help") && !o.longestName().equals("--version"))) {
            throw new BadInputException(file + " is an experiment file: run flags such as --persons do not apply to it;"
                    + " set persons, months and seeds in the file");
        }
        io.ownerscape.experiment.ExperimentPlan plan;
        try {
            plan = io.ownerscape.experiment.ExperimentFile.read(file);
        } catch (io.ownerscape.experiment.ExperimentFile.ExperimentException e) {
            throw new BadInputException(e.getMessage());
        }
        var first = plan.scenarios().values().iterator().next();
        spec.commandLine().getOut().printf("%s: valid experiment '%s'. %d runs: %d scenario(s) (%s) x %d design"
                        + " point(s) x %d seed(s); %,d persons, %d months (burn-in %d); hypotheses %s.%n",
                file, plan.name(), plan.runCount(), plan.scenarios().size(), String.join(", ", plan.scenarios().keySet()),
                plan.runCount() / (plan.scenarios().size() * plan.seeds().size()), plan.seeds().size(),
                first.model().persons(), first.months(), first.burnIn(),
                plan.hypotheses().isEmpty() ? "none" : String.join(", ", plan.hypotheses()));
        for (String w : plan.warnings()) {
            spec.commandLine().getOut().println("note: " + w);
        }
        return 0;
    }
}
