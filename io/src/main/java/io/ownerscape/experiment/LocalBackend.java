package io.ownerscape.experiment;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs on a fixed pool of {@code parallel} threads. At most {@code parallel} runs are in flight,
 * the next one submitted only when one finishes, so memory holds at most that many runs however
 * long the run list.
 */
public final class LocalBackend implements Backend {
    private final int parallel;

    public LocalBackend(int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel runs = " + parallel + ": allowed 1 or more");
        }
        this.parallel = parallel;
    }

    @Override
    public String describe() {
        return "local pool, " + parallel + (parallel == 1 ? " run" : " runs") + " at a time";
    }

    @Override
    public void execute(List<RunSpec> specs, Sink sink) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "ownerscape-experiment");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<RunOutcome> done = new ExecutorCompletionService<>(pool);
            int next = 0;
            int inFlight = 0;
            while (next < specs.size() && inFlight < parallel) {
                RunSpec s = specs.get(next++);
                done.submit(() -> ExperimentRun.execute(s));
                inFlight++;
            }
            while (inFlight > 0) {
                Future<RunOutcome> f = done.take();
                inFlight--;
                RunOutcome o;
                try {
                    o = f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
                }
                if (next < specs.size()) {
                    RunSpec s = specs.get(next++);
                    done.submit(() -> ExperimentRun.execute(s));
                    inFlight++;
                }
                sink.accept(o);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
