package io.ownerscape.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Entry point of the {@code ownerscape} command. */
@Command(name = "ownerscape", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Agent-based political economy: endogenous firms, owners, managers and the state.",
        subcommands = {RunCommand.class, DemoCommand.class, CalibrateCommand.class, ExperimentCommand.class, BenchCommand.class, SweepCommand.class, ValidateCommand.class, ParametersCommand.class, DocsCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input: unknown flags, values out of range, bad scenario files. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a failure while running. */
    public static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; used by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof BadInputException) {
                c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
                return BAD_INPUT;
            }
            Throwable cause = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
            String what = cause instanceof java.io.IOException
                    ? "cannot write or read a file: " + io.ownerscape.io.SimulationRun.describe(cause)
                    : oneLine(ex.toString());
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": failed: " + what);
            if (Boolean.getBoolean("ownerscape.debug")) {
                ex.printStackTrace(c.getErr());
            }
            return FAILED;
        });
        return cl.execute(args);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the io module's build resource. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var meta = io.ownerscape.io.RunMetadata.current();
            return new String[] {"ownerscape " + meta.version() + " (commit " + meta.gitCommit() + ")",
                    "JDK " + meta.jdk()};
        }
    }
}
