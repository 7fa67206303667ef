package io.ownerscape.cli;

import io.ownerscape.web.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ownerscape serve}: the live dashboard in the browser. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the live dashboard: a web page that runs a preset or a scenario file, shows it advance"
                + " month by month, changes policy levers mid-run (recorded in the run's schedule), compares runs and"
                + " browses stored ones with CSV and Parquet downloads. Stop it with Ctrl-C.",
                "Loopback only by default; the guide: docs/DASHBOARD.md."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to listen on (default 127.0.0.1). Anyone who can reach another address can start"
                    + " runs on this machine.")
    String host = DashboardServer.Options.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default 7070; 0 for any free port).")
    int port = DashboardServer.Options.DEFAULT_PORT;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads of each live run (default: all processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where saved runs go, in DIR/dashboard.duckdb (default runs/dashboard).")
    Path data = Path.of("runs", "dashboard");

    @Option(names = "--store", paramLabel = "FILE",
            description = "An experiment's store (experiment.duckdb, or the directory holding it) to browse and"
                    + " compare as well; repeatable.")
    List<Path> stores = new ArrayList<>();

    @Option(names = "--max-runs", paramLabel = "N", description = "Most live runs at once (default 8).")
    int maxRuns = 8;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // A failure to start is told in one line below; Javalin's own multi-line log of it is not.
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin", "off");
        DashboardServer.Options options;
        try {
            options = new DashboardServer.Options(host, port,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), data, stores, maxRuns);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        DashboardServer server;
        try {
            server = DashboardServer.start(options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        } catch (IllegalStateException e) {
            throw new BadInputException(e.getMessage() + "; choose another --port, or stop what holds it");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ownerscape-serve-stop"));
        out.println("Ownerscape dashboard: " + server.url());
        if (!server.loopback()) {
            out.println("warning: listening on " + host + ", not only on the loopback: anyone who can reach this"
                    + " address can start runs on this machine");
        }
        out.println("Saved runs go to " + options.dataDir().toAbsolutePath().normalize().resolve("dashboard.duckdb")
                + ". Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
