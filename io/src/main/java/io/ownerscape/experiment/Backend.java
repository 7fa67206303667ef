package io.ownerscape.experiment;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Where an experiment's runs execute: a local thread pool ({@link LocalBackend}) or Apache Spark
 * (the {@code ownerscape-spark} module, found through {@link Factory} by {@link ServiceLoader} so
 * that nothing here depends on Spark). Either way, each outcome reaches the sink on the calling
 * thread as its run finishes, and results do not depend on where or in which order runs execute.
 */
public interface Backend extends AutoCloseable {

    /** Receives finished runs, one at a time, on the thread that called {@link #execute}. */
    @FunctionalInterface
    interface Sink {
        void accept(RunOutcome outcome) throws Exception;
    }

    /** Creates a backend for a master URL; implemented by the Spark module. */
    interface Factory {
        /** The backend for {@code master}, e.g. {@code local[2]} or {@code spark://host:7077}. */
        Backend create(String master);
    }

    /** A line for the log and the report, e.g. "local pool, 2 runs at a time". */
    String describe();

    /** Executes every spec and hands each outcome to {@code sink}. */
    void execute(List<RunSpec> specs, Sink sink) throws Exception;

    @Override
    default void close() {
    }

    /**
     * The Spark backend for {@code master}; the exception says how to get the Spark module onto the
     * class path when it is missing.
     */
    static Backend spark(String master) {
        for (Factory f : ServiceLoader.load(Factory.class)) {
            return f.create(master);
        }
        throw new IllegalStateException("--spark-master " + master + ": the Spark module is not on the class path;"
                + " run through ./ownerscape (which adds spark/target/ownerscape-spark.jar and Spark's libraries),"
                + " or submit spark/target/ownerscape-spark.jar with spark-submit (docs/EXPERIMENTS.md)");
    }
}
