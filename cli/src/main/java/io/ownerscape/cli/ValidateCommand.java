package io.ownerscape.cli;

import io.ownerscape.io.RunSettings;
import io.ownerscape.model.Platform;
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
        description = {"Checks a scenario file: every key known, every value of its type and in its range, "
                + "platforms and the policy schedule consistent. Prints what the file sets up and exits 0, or "
                + "prints one line naming the file, line, column, key, the bad value and what is allowed, and "
                + "exits 2. Flags of run (e.g. --persons, --set KEY=VALUE) override the file as they would "
                + "there. Runs nothing and writes nothing."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The scenario file (YAML).")
    Path file;

    /** The run's flags, which override the file as they would for run. */
    @Mixin
    ModelOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        options.config = file;
        RunSettings s = options.settings(1_000_000, 600);
        String platforms = s.platforms().stream().map(Platform::name).collect(Collectors.joining(", "));
        spec.commandLine().getOut().printf("%s: valid. Preset %s, %,d persons, %d months (burn-in %d), seed %d; "
                        + "platforms %s; ruling from month %d: %s; %d scheduled policy change(s)%s.%n",
                file, s.preset().key(), s.model().persons(), s.months(), s.burnIn(), s.seed(), platforms,
                s.labour().politicsStart(), s.ruling() == null ? "none" : s.ruling(), s.schedule().size(),
                s.labour().elections() ? "; elections every " + s.labour().electionInterval() + " months" : "");
        return 0;
    }
}
