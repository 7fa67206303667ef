package io.ownerscape.bench;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Economy;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Preset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The memory floor of a month: how long the loads and stores a month cannot avoid take on this
 * machine, with no arithmetic of the model's around them. It answers "how fast could a month be
 * at all?", which no tuning of the model's code can beat.
 *
 * <p>It builds a real economy of the given preset and size, steps it through the warm-up months so
 * that firm ids, sizes and friendships are those of a settled run, and copies them into arrays of
 * the model's layout: person records of 32 bytes with the friends inline, firm records of 16 bytes
 * and two 8-byte rate slots per firm id, up to the firm table's capacity. On those it times, on
 * {@code --threads} threads over chunks like the model's:
 * <ul>
 *   <li>{@code stream}: one pass over every person reading its record, wealth and job history and
 *       writing wealth, history and class: the floor of any monthly pass over persons;</li>
 *   <li>{@code gather}: the same with each employed person's firm rate slots loaded, 256 persons'
 *       loads issued together as the pay pass does: the floor of a monthly pay pass;</li>
 *   <li>{@code firms}: one pass over the firm table, reading each live firm's record and writing
 *       its rate slots: the floor of the monthly rates pass;</li>
 *   <li>{@code decide}: for 4% of persons, drawn by hash, their record, each friend's record and
 *       each friend's firm record, 32 persons' loads issued together as the decisions do: the
 *       floor of a month's decisions, without the solving;</li>
 *   <li>{@code sorted}: {@code gather} again after the persons' records, wealth, history and class
 *       have been moved into the order of their firms (the unemployed last), as issue 18's
 *       layout would keep them: what persons stored in firm order would save the pay pass.</li>
 * </ul>
 * Each is timed {@code --repeat} times and the median kept; the last line says how many
 * activations a second a month would reach if it cost only these floors, with and without a pass
 * over every person. Run:
 *
 * <pre>
 * ./mvnw -pl bench -am package -DskipTests
 * java -Xmx16g -XX:+UseParallelGC -XX:+UseTransparentHugePages -cp bench/target/benchmarks.jar \
 *     io.ownerscape.bench.MemoryFloor --persons 10000000 --preset axtell --threads 2
 * </pre>
 */
public final class MemoryFloor {
    private static final int PERSON_STRIDE = 8;
    private static final int FRIENDS_AT = 2;
    private static final int PAY_BLOCK = 256;
    private static final int DECIDE_BATCH = 32;
    private static final int CHUNK = 1 << 16;
    private static final double ACTIVATION = 0.04;

    private final int persons;
    private final int capacity;
    private final int[] records;
    private final long[] firmWords;
    private final double[] rates;
    private final double[] wealth;
    private final long[] history;
    private final byte[] classes;
    private final ExecutorService pool;
    private long salt;

    private static final BenchFlags FLAGS = new BenchFlags("MemoryFloor");

    private MemoryFloor(Economy economy, int threads) {
        this.persons = economy.persons();
        Firms firms = economy.firms();
        this.capacity = firms.capacity();
        this.records = new int[PERSON_STRIDE * persons];
        this.firmWords = new long[2 * capacity];
        this.rates = new double[2 * capacity];
        this.wealth = new double[persons];
        this.history = new long[persons];
        this.classes = new byte[persons];
        for (int i = 0; i < persons; i++) {
            int at = PERSON_STRIDE * i;
            records[at] = economy.firmOf(i);
            int count = Math.min(PERSON_STRIDE - FRIENDS_AT - 1, economy.friendCount(i));
            records[at + 1] = count;
            for (int j = 0; j < count; j++) {
                records[at + FRIENDS_AT + j] = economy.friend(i, j);
            }
            wealth[i] = economy.wealth(i);
            history[i] = i * 0x9E3779B97F4A7C15L;
        }
        for (int f = 0; f < capacity; f++) {
            int size = firms.size(f);
            firmWords[2 * f] = firms.effortFixed(f);
            firmWords[2 * f + 1] = ((long) size << 32) | (firms.technologySeed(f) & 0xFFFFFFFFL);
            rates[2 * f] = size;
            rates[2 * f + 1] = 0.5;
        }
        this.pool = Executors.newFixedThreadPool(threads);
    }

    public static void main(String[] args) throws Exception {
        int persons = 10_000_000;
        String preset = "axtell";
        int warmup = 60;
        int threads = 2;
        int repeat = 9;
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (k + 1 == args.length) {
                FLAGS.fail(a + ": needs a value");
            }
            String v = args[++k];
            switch (a) {
                case "--persons" -> persons = FLAGS.positive(a, v);
                case "--preset" -> preset = v;
                case "--warmup" -> warmup = FLAGS.nonNegative(a, v);
                case "--threads" -> threads = FLAGS.positive(a, v);
                case "--repeat" -> repeat = FLAGS.positive(a, v);
                default -> FLAGS.fail(a + ": unknown option; allowed: --persons, --preset, --warmup, --threads, --repeat");
            }
        }
        LabourParameters labour;
        try {
            labour = Preset.of(preset).labour();
        } catch (IllegalArgumentException e) {
            FLAGS.fail("--preset " + preset + ": " + e.getMessage());
            return;
        }
        ParallelExecutor executor = new ParallelExecutor(threads);
        Economy economy = new Economy(ModelParameters.defaults(persons), labour, 1, executor);
        long start = System.nanoTime();
        for (int m = 0; m < warmup; m++) {
            economy.step();
        }
        System.out.printf(Locale.ROOT, "%s, %,d persons: %d warm-up months in %.1f s; %,d firm ids, %,d live%n",
                preset, persons, warmup, (System.nanoTime() - start) / 1e9, economy.firms().capacity(),
                live(economy.firms()));
        MemoryFloor floor = new MemoryFloor(economy, threads);
        economy = null;
        executor.close();
        System.gc();
        double stream = floor.time("stream", repeat, floor::stream);
        double gather = floor.time("gather", repeat, floor::gather);
        double firmPass = floor.time("firms", repeat, floor::firms);
        double decide = floor.time("decide", repeat, floor::decide);
        floor.sortByFirm();
        double sorted = floor.time("sorted", repeat, floor::gather);
        double activations = ACTIVATION * persons;
        System.out.printf(Locale.ROOT,
                "floor of a month: decisions' loads %.1f ms; with a pay pass and a rates pass %.1f ms."
                        + " At most %,.0f activations/s with a monthly pass over every person,"
                        + " %,.0f with none (threads %d)%n",
                decide, decide + gather + firmPass, activations / ((decide + gather + firmPass) / 1e3),
                activations / (decide / 1e3), threads);
        System.out.printf(Locale.ROOT, "the pay pass's loads of firm rates cost %.1f ms a month beyond a plain pass"
                + " over persons (%.1f ms)%n", gather - stream, stream);
        System.out.printf(Locale.ROOT, "with the persons stored in firm order the same pay pass takes %.1f ms"
                + " (%.2f of %.1f)%n", sorted, sorted / gather, gather);
        floor.pool.shutdown();
    }

    private static long live(Firms firms) {
        long n = 0;
        for (int f = 0; f < firms.capacity(); f++) {
            if (firms.size(f) > 0) {
                n++;
            }
        }
        return n;
    }

    /** A pass over part of the ids, returning a checksum so that nothing is optimised away. */
    private interface Pass {
        double run(int from, int to);
    }

    private double time(String name, int repeat, Pass pass) throws Exception {
        int n = name.equals("firms") ? capacity : persons;
        double[] ms = new double[repeat];
        double check = 0;
        for (int r = 0; r < repeat; r++) {
            salt = r;
            if (name.equals("decide")) {
                draw();
            }
            long start = System.nanoTime();
            List<Future<Double>> parts = new ArrayList<>();
            for (int from = 0; from < n; from += CHUNK) {
                int f = from;
                int t = Math.min(n, from + CHUNK);
                parts.add(pool.submit(() -> pass.run(f, t)));
            }
            for (Future<Double> p : parts) {
                check += p.get();
            }
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[repeat / 2];
        System.out.printf(Locale.ROOT, "%-6s median %7.1f ms  (min %.1f, max %.1f; checksum %.3g)%n", name,
                median, sorted[0], sorted[repeat - 1], check);
        return median;
    }

    private double person(int i, double income) {
        double w = wealth[i];
        double consumption = Math.max(0, Math.min(w + income, 0.9 * income + 0.005 * w));
        wealth[i] = w + income - consumption;
        long h = history[i];
        classes[i] = (byte) (Long.bitCount(h & 0xFFFFFF) >= 3 ? 1 : 2);
        history[i] = (h << 1) & 0xFFFF_FFFF_FFFFL;
        return consumption;
    }

    private double stream(int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += person(i, records[PERSON_STRIDE * i] >= 0 ? 1 : 0);
        }
        return sum;
    }

    private double gather(int from, int to) {
        double[] gathered = new double[2 * PAY_BLOCK];
        double sum = 0;
        for (int start = from; start < to; start += PAY_BLOCK) {
            int end = Math.min(to, start + PAY_BLOCK);
            for (int i = start; i < end; i++) {
                int f = records[PERSON_STRIDE * i];
                if (f >= 0) {
                    gathered[2 * (i - start)] = rates[2 * f];
                    gathered[2 * (i - start) + 1] = rates[2 * f + 1];
                }
            }
            for (int i = start; i < end; i++) {
                int k = 2 * (i - start);
                sum += person(i, records[PERSON_STRIDE * i] >= 0 ? gathered[k] * gathered[k + 1] : 0);
            }
        }
        return sum;
    }

    private double firms(int from, int to) {
        double sum = 0;
        for (int f = from; f < to; f++) {
            long sizeWord = firmWords[2 * f + 1];
            int size = (int) (sizeWord >> 32);
            if (size > 0) {
                double effort = Firms.fromFixed(firmWords[2 * f]);
                rates[2 * f] = (effort + (int) sizeWord) / size;
                rates[2 * f + 1] = effort;
                sum += size;
            }
        }
        return sum;
    }

    /**
     * Moves every person's record, wealth, history and class into the order of their firms, the
     * unemployed last, each firm's members in id order (friends' ids are left as they were: only
     * the passes that do not follow them are timed afterwards).
     */
    private void sortByFirm() {
        int[] start = new int[capacity + 2];
        for (int i = 0; i < persons; i++) {
            start[slot(records[PERSON_STRIDE * i]) + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] order = new int[persons];
        for (int i = 0; i < persons; i++) {
            order[start[slot(records[PERSON_STRIDE * i])]++] = i;
        }
        int[] movedRecords = new int[records.length];
        double[] movedWealth = new double[persons];
        long[] movedHistory = new long[persons];
        byte[] movedClasses = new byte[persons];
        for (int k = 0; k < persons; k++) {
            int i = order[k];
            System.arraycopy(records, PERSON_STRIDE * i, movedRecords, PERSON_STRIDE * k, PERSON_STRIDE);
            movedWealth[k] = wealth[i];
            movedHistory[k] = history[i];
            movedClasses[k] = classes[i];
        }
        System.arraycopy(movedRecords, 0, records, 0, records.length);
        System.arraycopy(movedWealth, 0, wealth, 0, persons);
        System.arraycopy(movedHistory, 0, history, 0, persons);
        System.arraycopy(movedClasses, 0, classes, 0, persons);
    }

    /** A person's place in firm order: their firm's id, the unemployed after every firm. */
    private int slot(int firm) {
        return firm >= 0 ? firm : capacity;
    }

    /** The persons active in this repetition, in id order, drawn before the timing starts. */
    private int[] active = new int[0];

    private void draw() {
        long base = RandomStreams.mix(salt * 0x632BE59BD9B4E019L + 1);
        int[] drawn = new int[(int) (2 * ACTIVATION * persons) + 64];
        int count = 0;
        for (int i = 0; i < persons; i++) {
            if (RandomStreams.toUnit(RandomStreams.at(base, i)) < ACTIVATION && count < drawn.length) {
                drawn[count++] = i;
            }
        }
        active = Arrays.copyOf(drawn, count);
    }

    /** The active persons with ids in [from, to): the same chunks as the other passes. */
    private double decide(int from, int to) {
        int lo = lowerBound(active, from);
        int hi = lowerBound(active, to);
        int[] friendFirms = new int[DECIDE_BATCH * (PERSON_STRIDE - FRIENDS_AT)];
        long[] words = new long[2 * friendFirms.length];
        double sum = 0;
        for (int start = lo; start < hi; start += DECIDE_BATCH) {
            int end = Math.min(hi, start + DECIDE_BATCH);
            int k = 0;
            for (int a = start; a < end; a++) {
                int at = PERSON_STRIDE * active[a];
                int friends = records[at + 1];
                for (int j = 0; j < friends; j++) {
                    friendFirms[k++] = records[PERSON_STRIDE * records[at + FRIENDS_AT + j]];
                }
            }
            for (int j = 0; j < k; j++) {
                int g = friendFirms[j];
                if (g >= 0) {
                    words[2 * j] = firmWords[2 * g];
                    words[2 * j + 1] = firmWords[2 * g + 1];
                }
            }
            for (int j = 0; j < 2 * k; j++) {
                sum += words[j] & 0xFF;
            }
        }
        return sum;
    }

    private static int lowerBound(int[] sorted, int key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }
}
