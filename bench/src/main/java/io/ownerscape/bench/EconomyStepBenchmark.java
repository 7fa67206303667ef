package io.ownerscape.bench;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.model.Economy;
import io.ownerscape.model.ModelParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One month of the economy after a warm-up of 100 months, per thread count. Run:
 * {@code java -jar bench/target/benchmarks.jar EconomyStepBenchmark -p persons=1000000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-XX:+UseParallelGC"})
public class EconomyStepBenchmark {
    @Param({"100000"})
    int persons;

    @Param({"1", "2"})
    int threads;

    ParallelExecutor executor;
    Economy economy;

    @Setup(Level.Trial)
    public void setup() {
        executor = new ParallelExecutor(threads);
        economy = new Economy(ModelParameters.defaults(persons), 1, executor);
        for (int m = 0; m < 100; m++) {
            economy.step();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    @Benchmark
    public long month() {
        economy.step();
        return economy.activations();
    }
}
