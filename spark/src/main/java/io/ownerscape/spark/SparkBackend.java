package io.ownerscape.spark;

import io.ownerscape.experiment.Backend;
import io.ownerscape.experiment.ExperimentRun;
import io.ownerscape.experiment.RunOutcome;
import io.ownerscape.experiment.RunSpec;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Runs an experiment's runs as Spark tasks, one run per partition, with Spark's default (Java)
 * serialiser, which needs no JVM flags on JDK 17 or 25. Runs go out in batches of the cluster's
 * default parallelism, two batches in flight, so the executors stay busy while the driver stores
 * the batch that finished; the driver holds at most two batches of outcomes, whatever the number
 * of runs.
 */
public final class SparkBackend implements Backend {
    /** {@code --spark-master submit}: take the master spark-submit set. */
    public static final String FROM_SUBMIT = "submit";

    private final String master;
    private final JavaSparkContext context;

    SparkBackend(String master) {
        SparkConf conf = new SparkConf().setAppName("ownerscape experiment")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (!FROM_SUBMIT.equals(master)) {
            conf.setMaster(master);
        }
        if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--spark-master submit: no master set; run under spark-submit --master URL,"
                    + " or give a master: local[N], local[*] or spark://host:port");
        }
        this.master = conf.get("spark.master");
        this.context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
    }

    @Override
    public String describe() {
        return "Spark " + context.version() + " at " + master + " (default parallelism " + context.defaultParallelism() + ")";
    }

    @Override
    public void execute(List<RunSpec> specs, Sink sink) throws Exception {
        int batch = Math.max(1, context.defaultParallelism());
        Deque<JavaFutureAction<List<RunOutcome>>> inFlight = new ArrayDeque<>();
        int next = 0;
        while (next < specs.size() || !inFlight.isEmpty()) {
            while (next < specs.size() && inFlight.size() < 2) {
                List<RunSpec> part = specs.subList(next, Math.min(specs.size(), next + batch));
                next += part.size();
                inFlight.addLast(context.parallelize(List.copyOf(part), part.size())
                        .map(ExperimentRun::execute).collectAsync());
            }
            for (RunOutcome o : inFlight.pollFirst().get()) {
                sink.accept(o);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
