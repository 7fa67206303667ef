package io.ownerscape.model;

import io.ownerscape.engine.BernoulliSampler;
import io.ownerscape.engine.ColumnHasher;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.engine.Schedule;

import java.util.Arrays;

/**
 * The world of Axtell's endogenous firms and its monthly step.
 *
 * <p>Persons live in one int column of fixed-size records, {@code 2 + friendsMax} ints each: the
 * firm the person works in, the person's effort (fixed point, see {@link Firms#toFixed}) and the
 * ids of their friends (unused slots -1). Everything a decision reads about the person is then on
 * one or two cache lines instead of four (three columns and a network row). A person's preference
 * theta is not stored: it is a pure function of (seed, person) and is recomputed when needed.
 *
 * <p>A month: a random {@code activationRate} share of persons is drawn; they are split into
 * rounds ({@code substeps} random rounds, or one round per person in random order when
 * {@code sequential}). In each round every active person, in parallel, compares staying (with
 * its best-response effort), joining each friend's firm, and founding a firm alone, all against
 * the state at the start of the round; then the choices are applied. Applying uses only
 * commutative integer updates plus a sequential pass that hands out new firm ids in person order
 * and dissolves empty firms in id order, so the result does not depend on the thread count.
 */
public final class Economy {
    /** Activations decided per chunk: fixed, so chunking never depends on the thread count. */
    static final int CHUNK = 1024;
    private static final int PERSON_FIRM = 0;
    private static final int PERSON_EFFORT = 1;
    private static final int PERSON_FRIENDS = 2;
    private static final int STAY = -1;
    private static final int FOUND = -2;
    /** Slack on the founding bound, far above rounding error, so skipping never changes a choice. */
    private static final double BOUND_MARGIN = 1e-9;

    private final ModelParameters params;
    private final RandomStreams streams;
    private final ParallelExecutor executor;
    private final Firms firms;
    /** Person records: firm, effort, then friends (-1 where there are fewer than the maximum). */
    private final int[] persons;
    /** Ints per person record. */
    private final int stride;
    private final long preferenceBase;

    private int month;
    /** Stream base of the technologies drawn by founders in the current month. */
    private long technologyBase;
    private int[] active = new int[0];
    private int[] target = new int[0];
    private int[] chosenEffort = new int[0];
    private int[] foundedFirm = new int[0];
    private int[] emptied = new int[0];
    private int[] oldFirm = new int[0];
    private int[] oldEffort = new int[0];
    private final Decider sequentialDecider;

    private long activations;
    private long births;
    private long deaths;
    private long moves;

    /**
     * Builds the initial world: the friendship network and every person alone in a firm of their
     * own, at their best-response effort.
     */
    public Economy(ModelParameters params, long seed, ParallelExecutor executor) {
        this.params = params.validated();
        this.streams = new RandomStreams(seed);
        this.executor = executor;
        this.preferenceBase = streams.base(Purpose.PREFERENCE);
        int n = params.persons();
        FriendNetwork network = FriendNetwork.build(params, streams);
        this.stride = PERSON_FRIENDS + params.friendsMax();
        long ints = (long) stride * n;
        if (ints > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("persons = " + n + " with friends_max = "
                    + params.friendsMax() + ": person records exceed one Java array");
        }
        this.persons = new int[(int) ints];
        java.util.Arrays.fill(persons, -1);
        for (int i = 0; i < n; i++) {
            int at = stride * i + PERSON_FRIENDS;
            for (int p = network.start(i); p < network.end(i); p++) {
                persons[at++] = network.neighbour(p);
            }
        }
        this.firms = new Firms(n + n / 16 + 1024, params);
        this.sequentialDecider = new Decider();
        long initialTechnology = streams.base(Purpose.FIRM_TECHNOLOGY, 0);
        EffortSolver solo = new EffortSolver(1);
        for (int i = 0; i < n; i++) {
            int f = firms.reserve();
            int technologySeed = (int) RandomStreams.at(initialTechnology, i);
            long t = Firms.expand(technologySeed);
            double theta = preference(i);
            solo.solve(firms.a(t), firms.b(t), firms.beta(t), theta, 0, 1,
                    EffortSolver.guess(firms.beta(t), theta, 0));
            double e = solo.effort();
            int fixed = Firms.toFixed(e);
            firms.found(f, technologySeed, i, 0, fixed);
            persons[stride * i + PERSON_FIRM] = f;
            persons[stride * i + PERSON_EFFORT] = fixed;
        }
    }

    /** A schedule whose one phase is this economy's month; add recorders with {@code watch}. */
    public Schedule<Economy> schedule() {
        return new Schedule<>(this).add(step -> step());
    }

    /** Runs one month. */
    public void step() {
        int m = month + 1;
        int n = params.persons();
        technologyBase = streams.base(Purpose.FIRM_TECHNOLOGY, m);
        active = BernoulliSampler.sample(streams.base(Purpose.ACTIVATION, m), n,
                params.activationRate(), executor);
        activations = active.length;
        births = 0;
        deaths = 0;
        moves = 0;
        ensureBuffers(active.length);
        if (params.sequential()) {
            shuffle(active, streams.base(Purpose.ORDER, m));
            for (int k = 0; k < active.length; k++) {
                sequentialDecider.decide(k, k + 1);
                settleRound(k, k + 1);
                applyRound(k, k + 1, m, 1);
                dissolveEmptied(k, k + 1);
            }
        } else {
            int[] rounds = splitIntoRounds(active, params.substeps(), streams.base(Purpose.SUBSTEP, m));
            for (int r = 0; r < params.substeps(); r++) {
                runRound(rounds[r], rounds[r + 1], m);
            }
        }
        month = m;
    }

    private void runRound(int from, int to, int m) {
        int count = to - from;
        int chunks = ParallelExecutor.chunkCount(count, CHUNK);
        executor.forEachChunk(chunks, c ->
                new Decider().decide(from + c * CHUNK, Math.min(to, from + (c + 1) * CHUNK)));
        settleRound(from, to);
        // A round too small to split into chunks is applied on the calling thread: handing a
        // partition to another thread would cost more than it saves. The partition count never
        // changes the outcome.
        applyRound(from, to, m, Math.min(executor.threads(), Math.max(1, chunks)));
        dissolveEmptied(from, to);
    }

    /**
     * Applies a round's choices. Persons' columns are written by chunks of choices; firms'
     * columns by {@code partitions} passes over all the choices, each updating only the firms of
     * its own blocks of four ids (one cache line of records), taken round robin. Every firm is thus updated by one thread with
     * plain integer additions, which commute: the outcome is the same for any partition count,
     * and no atomic instruction stalls the memory pipeline.
     */
    private void applyRound(int from, int to, int m, int partitions) {
        int chunks = ParallelExecutor.chunkCount(to - from, CHUNK);
        executor.forEachChunk(chunks, c -> {
            int end = Math.min(to, from + (c + 1) * CHUNK);
            for (int k = from + c * CHUNK; k < end; k++) {
                int i = active[k];
                int t = target[k];
                if (t != STAY) {
                    persons[stride * i + PERSON_FIRM] = t == FOUND ? foundedFirm[k] : t;
                }
                persons[stride * i + PERSON_EFFORT] = chosenEffort[k];
                emptied[k] = -1;
            }
        });
        executor.forEachChunk(partitions, part -> applyToFirms(from, to, m, part, partitions));
    }

    /** Firms are owned in blocks of four, the records that share one cache line. */
    private static int partitionOf(int firm, int partitions) {
        return (firm >>> 2) % partitions;
    }

    private void applyToFirms(int from, int to, int m, int part, int partitions) {
        for (int k = from; k < to; k++) {
            int t = target[k];
            int own = oldFirm[k];
            int before = oldEffort[k];
            int e = chosenEffort[k];
            if (t == STAY) {
                if (partitionOf(own, partitions) == part) {
                    firms.changeEffort(own, e - before);
                }
                continue;
            }
            int destination = t == FOUND ? foundedFirm[k] : t;
            if (partitionOf(destination, partitions) == part) {
                if (t == FOUND) {
                    int i = active[k];
                    firms.found(destination, (int) RandomStreams.at(technologyBase, i), i, m, e);
                } else {
                    firms.join(destination, e);
                }
            }
            if (partitionOf(own, partitions) == part && firms.leave(own, before) == 0) {
                emptied[k] = own;
            }
        }
    }

    /**
     * Decides for a range of active persons. Work is done in batches whose memory loads are
     * issued together (all friends' firms, then all candidate firms' words) before any solving,
     * so the cache misses of a batch overlap instead of queueing behind the arithmetic.
     * One decider per chunk or thread; never shared.
     */
    private final class Decider {
        private static final int BATCH = 32;
        private final int maxFriends = params.friendsMax();
        private final EffortSolver solver = new EffortSolver(BATCH * (maxFriends + 2));
        private final int[] firstProblem = new int[BATCH];
        private final double[] thetaOf = new double[BATCH];
        private final int[] foundingProblem = new int[BATCH];
        private final int[] ownFirm = new int[BATCH];
        private final int[] ownEffort = new int[BATCH];
        private final int[] friendStart = new int[BATCH + 1];
        private final int[] friendFirm = new int[BATCH * maxFriends];
        private final int[] candidateCount = new int[BATCH];
        private final int[] candidateFirm = new int[BATCH * maxFriends];
        private final long[] ownWords = new long[BATCH * Firms.WORDS];
        private final long[] candidateWords = new long[BATCH * maxFriends * Firms.WORDS];

        void decide(int from, int to) {
            for (int start = from; start < to; start += BATCH) {
                decideBatch(start, Math.min(to, start + BATCH));
            }
        }

        private void decideBatch(int from, int to) {
            int count = to - from;
            long[] w = firms.words();
            // Friends' ids are read row by row (the rows of persons in id order lie close
            // together); their firms are then loaded in one flat pass of independent loads.
            int friends = 0;
            for (int b = 0; b < count; b++) {
                int k = from + b;
                int i = active[k];
                int record = stride * i;
                int own = persons[record + PERSON_FIRM];
                int ownFixed = persons[record + PERSON_EFFORT];
                ownFirm[b] = own;
                ownEffort[b] = ownFixed;
                oldFirm[k] = own;
                oldEffort[k] = ownFixed;
                friendStart[b] = friends;
                for (int p = record + PERSON_FRIENDS, end = record + stride; p < end; p++) {
                    int friend = persons[p];
                    if (friend < 0) {
                        break;
                    }
                    friendFirm[friends++] = friend;
                }
            }
            friendStart[count] = friends;
            for (int j = 0; j < friends; j++) {
                friendFirm[j] = persons[stride * friendFirm[j] + PERSON_FIRM];
            }
            for (int b = 0; b < count; b++) {
                int own = ownFirm[b];
                int base = b * maxFriends;
                int c = 0;
                for (int j = friendStart[b]; j < friendStart[b + 1]; j++) {
                    int g = friendFirm[j];
                    if (g != own && !contains(candidateFirm, base, base + c, g)) {
                        candidateFirm[base + c++] = g;
                    }
                }
                candidateCount[b] = c;
            }
            // All firm records of the batch in one flat pass of independent loads.
            for (int b = 0; b < count; b++) {
                copyWords(w, ownFirm[b], ownWords, b);
                int base = b * maxFriends;
                for (int j = 0, c = candidateCount[b]; j < c; j++) {
                    copyWords(w, candidateFirm[base + j], candidateWords, base + j);
                }
            }
            solver.clear();
            for (int b = 0; b < count; b++) {
                pose(from + b, b);
            }
            solver.solveAll();
            int founding = solver.size();
            for (int b = 0; b < count; b++) {
                poseFounding(from + b, b);
            }
            solver.solveFrom(founding);
            for (int b = 0; b < count; b++) {
                choose(from + b, b);
            }
        }

        /**
         * Adds person active[k]'s problems of staying (with the others' effort) and of joining
         * each distinct friend's firm.
         */
        private void pose(int k, int b) {
            int i = active[k];
            double theta = preference(i);
            thetaOf[b] = theta;
            int wo = Firms.WORDS * b;
            double others = Firms.fromFixed(ownWords[wo] - ownEffort[b]);
            long t = Firms.expand(technologySeed(ownWords, wo));
            double betaOwn = firms.beta(t);
            firstProblem[b] = solver.add(firms.a(t), firms.b(t), betaOwn, theta, others,
                    size(ownWords, wo), EffortSolver.guess(betaOwn, theta, others));
            int base = b * maxFriends;
            for (int j = 0; j < candidateCount[b]; j++) {
                int wg = Firms.WORDS * (base + j);
                double eg = Firms.fromFixed(candidateWords[wg]);
                long tg = Firms.expand(technologySeed(candidateWords, wg));
                double betaG = firms.beta(tg);
                solver.add(firms.a(tg), firms.b(tg), betaG, theta, eg,
                        size(candidateWords, wg) + 1, EffortSolver.guess(betaG, theta, eg));
            }
        }

        /**
         * Adds the problem of founding a firm alone with a freshly drawn technology, unless its
         * utility bound shows it cannot beat the best option already solved: skipping it then
         * changes no decision, it only saves the solve.
         */
        private void poseFounding(int k, int b) {
            int i = active[k];
            double theta = thetaOf[b];
            long tb = Firms.expand((int) RandomStreams.at(technologyBase, i));
            double aNew = firms.a(tb);
            double bNew = firms.b(tb);
            // The entropy term is never positive: try the bound without it first, which often
            // suffices and saves two logarithms.
            double best = bestSolved(b);
            double bound = EffortSolver.soloUpperBound(aNew, bNew, theta, 0);
            if (bound + BOUND_MARGIN < best
                    || bound + EffortSolver.entropyTerm(theta) + BOUND_MARGIN < best) {
                foundingProblem[b] = -1;
                return;
            }
            double betaNew = firms.beta(tb);
            foundingProblem[b] = solver.add(aNew, bNew, betaNew, theta, 0, 1,
                    EffortSolver.guess(betaNew, theta, 0));
        }

        private double bestSolved(int b) {
            int first = firstProblem[b];
            double best = solver.logUtility(first);
            for (int j = 1; j <= candidateCount[b]; j++) {
                best = Math.max(best, solver.logUtility(first + j));
            }
            return best;
        }

        /** Takes the best of person active[k]'s solved options; ties keep the earlier one. */
        private void choose(int k, int b) {
            int first = firstProblem[b];
            double bestUtility = solver.logUtility(first);
            double bestEffort = solver.effort(first);
            int choice = STAY;
            int base = b * maxFriends;
            int candidates = candidateCount[b];
            for (int j = 0; j < candidates; j++) {
                double u = solver.logUtility(first + 1 + j);
                if (u > bestUtility) {
                    bestUtility = u;
                    bestEffort = solver.effort(first + 1 + j);
                    choice = candidateFirm[base + j];
                }
            }
            int founding = foundingProblem[b];
            if (founding >= 0 && solver.logUtility(founding) > bestUtility) {
                bestEffort = solver.effort(founding);
                choice = FOUND;
            }
            target[k] = choice;
            chosenEffort[k] = Firms.toFixed(bestEffort);
        }
    }

    private static void copyWords(long[] from, int firm, long[] to, int slot) {
        int f = Firms.WORDS * firm;
        int t = Firms.WORDS * slot;
        to[t] = from[f];
        to[t + 1] = from[f + 1];
    }

    private static int size(long[] words, int at) {
        return (int) (words[at + 1] >> 32);
    }

    private static int technologySeed(long[] words, int at) {
        return (int) words[at + 1];
    }

    /** Sequential: counts moves and births and reserves firm ids for founders, in person order. */
    private void settleRound(int from, int to) {
        for (int k = from; k < to; k++) {
            int t = target[k];
            if (t == STAY) {
                continue;
            }
            moves++;
            if (t == FOUND) {
                births++;
                foundedFirm[k] = firms.reserve();
            }
        }
    }

    /** Sequential: dissolves, in firm-id order, the firms left without members. */
    private void dissolveEmptied(int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            if (emptied[k] >= 0) {
                emptied[from + count++] = emptied[k];
            }
        }
        if (count == 0) {
            return;
        }
        Arrays.sort(emptied, from, from + count);
        int last = -1;
        for (int k = from; k < from + count; k++) {
            int f = emptied[k];
            if (f != last && firms.size(f) == 0) {
                firms.dissolve(f);
                deaths++;
            }
            last = f;
        }
    }

    private static boolean contains(int[] values, int from, int to, int v) {
        for (int j = from; j < to; j++) {
            if (values[j] == v) {
                return true;
            }
        }
        return false;
    }

    /** Stable counting sort of the active persons into rounds; returns the round boundaries. */
    private int[] splitIntoRounds(int[] ids, int rounds, long base) {
        int[] bounds = new int[rounds + 1];
        if (rounds == 1) {
            bounds[1] = ids.length;
            return bounds;
        }
        short[] roundOf = new short[ids.length]; // rounds <= 1,000 (ModelParameters)
        for (int k = 0; k < ids.length; k++) {
            int r = RandomStreams.toBelow(RandomStreams.at(base, ids[k]), rounds);
            roundOf[k] = (short) r;
            bounds[r + 1]++;
        }
        for (int r = 0; r < rounds; r++) {
            bounds[r + 1] += bounds[r];
        }
        int[] next = Arrays.copyOf(bounds, rounds);
        int[] sorted = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            sorted[next[roundOf[k]]++] = ids[k];
        }
        System.arraycopy(sorted, 0, ids, 0, ids.length);
        return bounds;
    }

    private static void shuffle(int[] ids, long base) {
        for (int k = ids.length - 1; k > 0; k--) {
            int j = RandomStreams.toBelow(RandomStreams.at(base, k), k + 1);
            int t = ids[k];
            ids[k] = ids[j];
            ids[j] = t;
        }
    }

    private void ensureBuffers(int count) {
        if (target.length < count) {
            int size = count + (count >> 3) + 64;
            target = new int[size];
            chosenEffort = new int[size];
            foundedFirm = new int[size];
            emptied = new int[size];
            oldFirm = new int[size];
            oldEffort = new int[size];
        }
    }

    /** Person i's preference for income over leisure, uniform on [0, 1), derived from the seed. */
    public double preference(int person) {
        return RandomStreams.toUnit(RandomStreams.at(preferenceBase, person));
    }

    public ModelParameters parameters() {
        return params;
    }

    public long seed() {
        return streams.seed();
    }

    public int threads() {
        return executor.threads();
    }

    ParallelExecutor executor() {
        return executor;
    }

    /** @return completed months (0 before the first step) */
    public int month() {
        return month;
    }

    public int persons() {
        return params.persons();
    }

    public int firmOf(int person) {
        return persons[stride * person + PERSON_FIRM];
    }

    /** @return how many friends a person has */
    public int friendCount(int person) {
        int c = 0;
        for (int p = stride * person + PERSON_FRIENDS; p < stride * (person + 1) && persons[p] >= 0; p++) {
            c++;
        }
        return c;
    }

    /** @return the j-th friend of a person, {@code 0 <= j < friendCount(person)} */
    public int friend(int person, int j) {
        return persons[stride * person + PERSON_FRIENDS + j];
    }

    public double effort(int person) {
        return Firms.fromFixed(persons[stride * person + PERSON_EFFORT]);
    }

    public Firms firms() {
        return firms;
    }


    /** Persons activated in the last month. */
    public long activations() {
        return activations;
    }

    /** Firms founded in the last month. */
    public long births() {
        return births;
    }

    /** Firms dissolved in the last month. */
    public long deaths() {
        return deaths;
    }

    /** Persons who changed firm (joined another or founded one) in the last month. */
    public long moves() {
        return moves;
    }

    /** @return bytes held by the columns of persons, firms and the network */
    public long columnBytes() {
        return 4L * persons.length + firms.bytes();
    }

    /** A 64-bit fingerprint of the state: the month, persons' columns, firms' columns and id pool. */
    public String stateHash() {
        ColumnHasher h = new ColumnHasher();
        h.add(month).add(params.persons());
        for (int i = 0; i < params.persons(); i++) {
            h.add(persons[stride * i + PERSON_FIRM]).add(persons[stride * i + PERSON_EFFORT]);
        }
        firms.hashInto(h);
        return h.hex();
    }
}
