package io.ownerscape.bench;

import io.ownerscape.model.production.EffortSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Best-response solves on random problems of the default parameter ranges, one at a time and in
 * lockstep batches. Run: {@code java -jar bench/target/benchmarks.jar EffortSolverBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EffortSolverBenchmark {
    static final int PROBLEMS = 256;
    final double[] a = new double[PROBLEMS];
    final double[] b = new double[PROBLEMS];
    final double[] beta = new double[PROBLEMS];
    final double[] theta = new double[PROBLEMS];
    final double[] others = new double[PROBLEMS];
    final EffortSolver solver = new EffortSolver(PROBLEMS);

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < PROBLEMS; i++) {
            a[i] = 0.5 * r.nextDouble();
            b[i] = 0.75 + 0.5 * r.nextDouble();
            beta[i] = 1.5 + 0.5 * r.nextDouble();
            theta[i] = r.nextDouble();
            others[i] = r.nextDouble() < 0.3 ? 0 : 5 * r.nextDouble();
        }
    }

    @Benchmark
    @OperationsPerInvocation(PROBLEMS)
    public double oneAtATime() {
        double sum = 0;
        for (int i = 0; i < PROBLEMS; i++) {
            sum += solver.solve(a[i], b[i], beta[i], theta[i], others[i], 3,
                    EffortSolver.guess(beta[i], theta[i], others[i]));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PROBLEMS)
    public double lockstep() {
        solver.clear();
        for (int i = 0; i < PROBLEMS; i++) {
            solver.add(a[i], b[i], beta[i], theta[i], others[i], 3,
                    EffortSolver.guess(beta[i], theta[i], others[i]));
        }
        solver.solveAll();
        double sum = 0;
        for (int i = 0; i < PROBLEMS; i++) {
            sum += solver.logUtility(i);
        }
        return sum;
    }
}
