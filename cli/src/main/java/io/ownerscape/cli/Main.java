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
                    : outOfMemory(ex) ? outOfMemoryAdvice(Runtime.getRuntime().maxMemory())
                    : oneLine(ex.toString());
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": failed: " + what);
            if (Boolean.getBoolean("ownerscape.debug")) {
                ex.printStackTrace(c.getErr());
            }
            return FAILED;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Thrown on the command's own thread, past picocli's handler (which takes exceptions);
            // the world is unreachable by now, so there is room to say why.
            err.println("ownerscape: failed: " + outOfMemoryAdvice(Runtime.getRuntime().maxMemory()));
            return FAILED;
        }
    }

    /** Whether a failure is, or was caused by, the heap running out (also on a worker thread). */
    static boolean outOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** What a user whose world does not fit is told: how much it needs, and what to change. */
    static String outOfMemoryAdvice(long maxHeapBytes) {
        return String.format("out of memory (the Java heap is %.1f GiB). A world needs about 130 bytes a person"
                + " in its first years (a firm per person until firms merge) and about 75 later"
                + " (docs/PERFORMANCE.md, \"Memory: how many persons fit\"), so this heap holds about %,d persons;"
                + " run fewer persons or on a machine with more memory. The launcher gives Java 85%% of"
                + " physical memory; OWNERSCAPE_JAVA_OPTS=-Xmx<size> sets the heap.",
                maxHeapBytes / (double) (1L << 30), maxHeapBytes / 130 / 1_000_000 * 1_000_000);
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
