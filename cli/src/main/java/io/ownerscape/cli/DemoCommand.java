package io.ownerscape.cli;

import io.ownerscape.experiment.ExperimentFile;
import io.ownerscape.experiment.ExperimentPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ownerscape demo}: the main job. Every regime preset times five seeds at 100,000 persons
 * over 50 years (the embedded {@code examples/regimes.experiment.yaml}), the verdict table on the
 * terminal and the experiment report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job: every regime preset (market, managerial-capitalism, centralisation,"
                + " distributism, open-politics) x 5 seeds at 100,000 persons over 50 years, run as an experiment"
                + " (the embedded copy of examples/regimes.experiment.yaml); prints the hypotheses' verdicts and"
                + " writes the report, the DuckDB store and Parquet files to --out.",
                "A second start with the same --out resumes (finished runs are kept)."})
final class DemoCommand implements Callable<Integer> {
    static final String RESOURCE = "demo.experiment.yaml";

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--persons", paramLabel = "N", description = "Persons per run (default 100,000).")
    Integer persons;

    @Option(names = "--months", paramLabel = "M", description = "Months per run (default 600).")
    Integer months;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per preset (default 5).")
    Integer seeds;

    @Option(names = "--parallel", paramLabel = "N", description = "Runs at a time (default: processors).")
    Integer parallel;

    @Option(names = "--spark-master", paramLabel = "URL", description = "Run on Apache Spark, e.g. local[*].")
    String sparkMaster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = embedded();
        text = set(text, "persons", persons);
        text = set(text, "months", months);
        text = set(text, "seeds", seeds);
        if (months != null) {
            text = set(text, "burn_in", Math.min(120, months));
        }
        Path file = Files.createTempFile("ownerscape-demo", ".experiment.yaml");
        ExperimentPlan plan;
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            plan = ExperimentFile.read(file);
        } catch (ExperimentFile.ExperimentException e) {
            throw new BadInputException(e.getMessage().replace(file.toString(), "demo"));
        } finally {
            Files.deleteIfExists(file);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        var first = plan.scenarios().values().iterator().next();
        stdout.printf("Ownerscape demo: %d regime presets x %d seeds, %,d persons, %d months each%n",
                plan.scenarios().size(), plan.seeds().size(), first.model().persons(), first.months());
        return ExperimentCommand.run(plan, out, parallel, null, sparkMaster, stdout, "demo");
    }

    static String embedded() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the jar; rebuild with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String set(String text, String key, Integer value) {
        if (value == null) {
            return text;
        }
        return text.replaceFirst("(?m)^" + key + ": .*$", key + ": " + value);
    }
}
