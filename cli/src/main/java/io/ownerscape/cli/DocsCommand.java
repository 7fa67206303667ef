package io.ownerscape.cli;

import io.ownerscape.io.ParameterDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ownerscape docs DIR}: regenerates the documents made from the declarations of parameters and measures. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = {"Regenerates the documents made from the model's declarations in DIR (the repository's docs "
                + "folder): PARAMETERS.md and reference.yaml whole, and the marked tables of MODEL.md (parameters), "
                + "OUTPUTS.md, EXPERIMENTS.md and DASHBOARD.md (monthly measures, summary.json keys). Prints which files changed. With --check, "
                + "writes nothing and exits 1 when a file is stale.",
                "Example: docs docs"})
final class DocsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The docs folder.")
    Path dir;

    @Option(names = "--check", description = "Only report stale files (exit 1 if any), write nothing.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("docs " + dir + ": not a directory; allowed the repository's docs folder");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            List<String> stale = ParameterDocs.stale(dir);
            out.println(stale.isEmpty() ? "docs: every generated document in " + dir + " is current"
                    : "docs: stale in " + dir + ": " + String.join(", ", stale) + " (run ./ownerscape docs " + dir + ")");
            return stale.isEmpty() ? 0 : 1;
        }
        List<String> changed = ParameterDocs.write(dir);
        out.println(changed.isEmpty() ? "docs: every generated document in " + dir + " is current"
                : "docs: rewrote " + String.join(", ", changed) + " in " + dir);
        return 0;
    }
}
