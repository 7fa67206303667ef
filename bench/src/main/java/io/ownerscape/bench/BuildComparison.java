package io.ownerscape.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the monthly step of two or more builds of Ownerscape in one JVM, taking turns window by
 * window, so that whatever else the machine is doing slows every build alike. On a shared machine
 * whose speed drifts by a fifth between runs, separate {@code bench} runs cannot show a 5% change;
 * the ratio of interleaved windows can.
 *
 * <p>Each build is a jar with the model (the CLI's {@code cli/target/ownerscape.jar}, or any older
 * copy of it), loaded in a class loader of its own; each builds its economy from the same preset,
 * persons and seed, warms it up, and then the builds step in turn, {@code --window} months each,
 * for {@code --rounds} rounds, the first build to go alternating. Run:
 *
 * <pre>
 * ./mvnw -pl bench -am package -DskipTests
 * java -Xmx12g -XX:+UseParallelGC -cp bench/target/benchmarks.jar io.ownerscape.bench.BuildComparison \
 *     --persons 2000000 --preset market /tmp/before.jar cli/target/ownerscape.jar
 * </pre>
 *
 * <p>It prints each round's milliseconds per month (and those of the review, the end-of-month
 * phase) and, per build, the medians and the median of its per-round ratios to the first build,
 * with their range; last, whether the builds ended in the same state (they should when a change
 * is meant to keep results bit-identical).
 */
public final class BuildComparison {
    private static final BenchFlags FLAGS = new BenchFlags("BuildComparison");

    private BuildComparison() {
    }

    /** One build: its economy and the methods that drive it. */
    private record Build(String jar, Object economy, Method step, Method reviewNanos, Method stateHash) {
    }

    public static void main(String[] args) throws Exception {
        int persons = 2_000_000;
        String preset = "market";
        int warmup = 40;
        int window = 4;
        int rounds = 8;
        int threads = 2;
        long seed = 1;
        List<String> jars = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.startsWith("--")) {
                if (k + 1 == args.length) {
                    FLAGS.fail(a + ": needs a value");
                }
                String v = args[++k];
                switch (a) {
                    case "--persons" -> persons = FLAGS.positive(a, v);
                    case "--preset" -> preset = v;
                    case "--warmup" -> warmup = FLAGS.nonNegative(a, v);
                    case "--window" -> window = FLAGS.positive(a, v);
                    case "--rounds" -> rounds = FLAGS.positive(a, v);
                    case "--threads" -> threads = FLAGS.positive(a, v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> FLAGS.fail(a + ": unknown option; allowed: --persons, --preset, --warmup, --window,"
                            + " --rounds, --threads, --seed");
                }
            } else {
                if (!new File(a).isFile()) {
                    FLAGS.fail(a + ": no such jar");
                }
                jars.add(a);
            }
        }
        if (jars.size() < 2) {
            FLAGS.fail("name at least two jars to compare (the first is the reference)");
        }
        List<Build> builds = new ArrayList<>();
        for (String jar : jars) {
            builds.add(load(jar, persons, preset, threads, seed));
        }
        for (Build b : builds) {
            long start = System.nanoTime();
            for (int m = 0; m < warmup; m++) {
                b.step.invoke(b.economy);
            }
            System.out.printf(Locale.ROOT, "%s: %d warm-up months in %.1f s%n", b.jar, warmup,
                    (System.nanoTime() - start) / 1e9);
        }
        int n = builds.size();
        double[][] month = new double[n][rounds];
        double[][] review = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int turn = 0; turn < n; turn++) {
                int k = (turn + r) % n;
                Build b = builds.get(k);
                long reviewBefore = (long) b.reviewNanos.invoke(b.economy);
                long start = System.nanoTime();
                for (int m = 0; m < window; m++) {
                    b.step.invoke(b.economy);
                }
                month[k][r] = (System.nanoTime() - start) / 1e6 / window;
                review[k][r] = ((long) b.reviewNanos.invoke(b.economy) - reviewBefore) / 1e6 / window;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", r + 1));
            for (int k = 0; k < n; k++) {
                line.append(String.format(Locale.ROOT, "  %c %.1f ms/month (review %.1f)", label(k),
                        month[k][r], review[k][r]));
            }
            System.out.println(line);
        }
        String reference = (String) builds.get(0).stateHash.invoke(builds.get(0).economy);
        for (int k = 0; k < n; k++) {
            Build b = builds.get(k);
            double[] stepRatio = new double[rounds];
            double[] reviewRatio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                stepRatio[r] = month[k][r] / month[0][r];
                reviewRatio[r] = review[k][r] / review[0][r];
            }
            String hash = (String) b.stateHash.invoke(b.economy);
            System.out.printf(Locale.ROOT,
                    "%c %s: median %.1f ms/month, review %.1f ms; to A: step %.3f (%.3f-%.3f), review %.3f;"
                            + " state %s%s%n",
                    label(k), b.jar, median(month[k]), median(review[k]), median(stepRatio),
                    min(stepRatio), max(stepRatio), median(reviewRatio), hash,
                    k == 0 ? "" : hash.equals(reference) ? " (same as A)" : " (differs from A)");
        }
        System.exit(0);
    }

    private static Build load(String jar, int persons, String preset, int threads, long seed) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()},
                ClassLoader.getPlatformClassLoader());
        Class<?> parameters = loader.loadClass("io.ownerscape.model.ModelParameters");
        Class<?> labour = classOf(loader, "io.ownerscape.model.labour.LabourParameters",
                "io.ownerscape.model.LabourParameters"); // the second before the submodel packages
        Class<?> presets = loader.loadClass("io.ownerscape.model.Preset");
        Class<?> executor = loader.loadClass("io.ownerscape.engine.ParallelExecutor");
        Class<?> economy = loader.loadClass("io.ownerscape.model.Economy");
        Object p = parameters.getMethod("defaults", int.class).invoke(null, persons);
        Object l = presets.getMethod("labour").invoke(presets.getMethod("of", String.class).invoke(null, preset));
        Object e = executor.getConstructor(int.class).newInstance(threads);
        Object world = economy.getConstructor(parameters, labour, long.class, executor).newInstance(p, l, seed, e);
        return new Build(jar, world, economy.getMethod("step"), economy.getMethod("reviewNanos"),
                economy.getMethod("stateHash"));
    }

    private static char label(int k) {
        return (char) ('A' + k);
    }

    private static double median(double[] x) {
        double[] y = x.clone();
        Arrays.sort(y);
        int m = y.length / 2;
        return y.length % 2 == 1 ? y[m] : (y[m - 1] + y[m]) / 2;
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }

    /** The first of the names the build has (a class's name may differ between builds). */
    private static Class<?> classOf(ClassLoader loader, String... names) throws ClassNotFoundException {
        for (String name : names) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException e) {
                // an older or newer build: try the next name
            }
        }
        throw new ClassNotFoundException(String.join(" or ", names));
    }
}
