package io.ownerscape.model.world;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.network.FriendNetwork;
import io.ownerscape.model.production.EffortSolver;

import org.hipparchus.special.Erf;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

import static io.ownerscape.model.world.PersonRecord.PERSON_EFFORT;
import static io.ownerscape.model.world.PersonRecord.PERSON_FIRM;
import static io.ownerscape.model.world.PersonRecord.PERSON_FRIENDS;
import static io.ownerscape.model.world.PersonRecord.PERSON_ROLE;
import static io.ownerscape.model.world.PersonRecord.PERSON_SKILL;
import static io.ownerscape.model.world.PersonRecord.ROLE_DEGREE;
import static io.ownerscape.model.world.PersonRecord.ROLE_OWNER;

/**
 * The initial world (MODEL.md §5, "Initialization"): the person records with their friends,
 * skills and degrees; every person alone in a firm of their own at their solo best-response
 * effort (Axtell's start from all-singleton firms); the initial wealth. Each step draws from its
 * own stream keyed by person id, so the world is the same for any thread count; the steps run in
 * chunks of persons in parallel, and the one sum (the first month's pay) is taken in person order.
 */
public final class Initialisation {
    /** Persons a chunk of the parallel steps takes. */
    static final int CHUNK = 1 << 16;
    /** Chunks founded between two sums of their outputs: bounds the outputs held at once. */
    private static final int WAVE = 64;

    private Initialisation() {
    }

    /**
     * The person records ({@link PersonRecord}) of {@code params.persons()} persons: no firm yet,
     * the network's friends (unused slots -1), and skill and degree ({@link #drawSkillsAndDegrees}).
     */
    public static int[] personRecords(ModelParameters params, LabourParameters labour, RandomStreams streams,
                                      FriendNetwork network, ParallelExecutor executor) {
        int n = params.persons();
        int stride = PERSON_FRIENDS + params.friendsMax();
        long ints = (long) stride * n;
        if (ints > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("persons = " + n + " with friends_max = "
                    + params.friendsMax() + ": person records exceed one Java array");
        }
        int[] persons = new int[(int) ints];
        executor.forEachRange(n, CHUNK, (from, to) -> {
            Arrays.fill(persons, stride * from, stride * to, -1);
            for (int i = from; i < to; i++) {
                int at = stride * i + PERSON_FRIENDS;
                for (int p = network.start(i); p < network.end(i); p++) {
                    persons[at++] = network.neighbour(p);
                }
            }
            drawSkillsAndDegrees(persons, stride, from, to, labour, streams);
        });
        return persons;
    }

    /**
     * Skill is log-normal with mean 1: {@code exp(sigma z - sigma^2 / 2)}. A person holds an
     * advanced degree when a latent score {@code rho z + sqrt(1 - rho^2) z'} is in the top
     * {@code degreeShare} of the standard normal, so degrees correlate with skill by {@code rho}.
     * Sets each role word to the degree bit alone.
     */
    static void drawSkillsAndDegrees(int[] persons, int stride, int from, int to, LabourParameters labour,
                                     RandomStreams streams) {
        double sigma = labour.skillSigma();
        double share = labour.degreeShare();
        double rho = labour.degreeSkillCorrelation();
        double cut = share <= 0 ? Double.POSITIVE_INFINITY
                : share >= 1 ? Double.NEGATIVE_INFINITY
                : Math.sqrt(2) * Erf.erfInv(1 - 2 * share);
        long base = streams.base(Purpose.SKILL);
        long degreeBase = streams.base(Purpose.DEGREE);
        double rest = Math.sqrt(Math.max(0, 1 - rho * rho));
        for (int i = from; i < to; i++) {
            double z = sigma > 0 || share > 0 ? RandomStreams.normal(base, i) : 0;
            float s = sigma > 0 ? (float) StrictMath.exp(sigma * z - sigma * sigma / 2) : 1f;
            persons[stride * i + PERSON_SKILL] = Float.floatToRawIntBits(s);
            persons[stride * i + PERSON_ROLE] = 0;
            if (share > 0 && rho * z + rest * RandomStreams.normal(degreeBase, i) > cut) {
                persons[stride * i + PERSON_ROLE] = ROLE_DEGREE;
            }
        }
    }

    /**
     * Founds, for every person in id order, a firm of their own with a technology drawn from month
     * 0's technology stream keyed by the person, at their solo best-response effort; returns the
     * firms' total output, the first month's unit of pay.
     */
    public static double foundSingletonFirms(Firms firms, int[] persons, int stride, RandomStreams streams,
                                             LabourParameters labour, IntToDoubleFunction preference,
                                             boolean startupCapitalFree, ParallelExecutor executor) {
        return foundSingletonFirms(firms, persons, stride, streams, labour, preference, startupCapitalFree, executor,
                CHUNK, WAVE);
    }

    /** As above, in chunks of {@code chunk} persons, {@code wave} chunks between two sums. */
    static double foundSingletonFirms(Firms firms, int[] persons, int stride, RandomStreams streams,
                                      LabourParameters labour, IntToDoubleFunction preference,
                                      boolean startupCapitalFree, ParallelExecutor executor, int chunk, int wave) {
        int n = persons.length / stride;
        // Ids and numbers in person order, as founding one by one would give them.
        for (int i = 0; i < n; i++) {
            if (firms.reserve() != i) {
                throw new IllegalStateException("the initial firms need a fresh firm table");
            }
        }
        long initialTechnology = streams.base(Purpose.FIRM_TECHNOLOGY, 0);
        int chunks = ParallelExecutor.chunkCount(n, chunk);
        double[][] outputs = new double[Math.min(wave, chunks)][];
        double totalPay = 0;
        for (int start = 0; start < chunks; start += wave) {
            int first = start;
            int count = Math.min(wave, chunks - start);
            executor.forEachChunk(count, c -> {
                int from = (first + c) * chunk;
                int to = Math.min(n, from + chunk);
                double[] out = new double[to - from];
                EffortSolver solo = new EffortSolver(1, labour.saturation());
                for (int i = from; i < to; i++) {
                    int technologySeed = (int) RandomStreams.at(initialTechnology, i);
                    long t = Firms.expand(technologySeed);
                    double theta = preference.applyAsDouble(i);
                    double s = Float.intBitsToFloat(persons[stride * i + PERSON_SKILL]);
                    solo.clear();
                    int problem = solo.add(firms.a(t), firms.b(t), firms.beta(t), theta, 0, s, 1, 1, 0,
                            EffortSolver.guess(firms.beta(t), theta, 0, s));
                    solo.setSaturation(problem, firms.saturation(t));
                    solo.solveAll();
                    int fixed = Firms.toFixed(solo.effort(problem));
                    long contribution = PersonRecord.contribution(fixed, s);
                    firms.found(i, technologySeed, i, 0, contribution, startupCapitalFree);
                    persons[stride * i + PERSON_FIRM] = i;
                    persons[stride * i + PERSON_EFFORT] = fixed;
                    persons[stride * i + PERSON_ROLE] |= ROLE_OWNER;
                    out[i - from] = firms.output(i);
                }
                outputs[c] = out;
            });
            // Summed in person order: the same first month's pay for any thread count, and the
            // same as founding one by one.
            for (int c = 0; c < count; c++) {
                for (double o : outputs[c]) {
                    totalPay += o;
                }
                outputs[c] = null;
            }
        }
        return totalPay;
    }

    /**
     * Initial wealth, exponential with mean {@code initial_wealth} times the first month's mean pay
     * (none at 0), from its own stream keyed by person.
     */
    public static void drawWealth(double[] wealth, LabourParameters labour, RandomStreams streams, double meanPay,
                                  ParallelExecutor executor) {
        if (labour.initialWealth() > 0) {
            long base = streams.base(Purpose.INITIAL_WEALTH);
            double mean = labour.initialWealth() * meanPay;
            executor.forEachRange(wealth.length, CHUNK, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double u = RandomStreams.toUnit(RandomStreams.at(base, i));
                    wealth[i] = -mean * StrictMath.log1p(-u);
                }
            });
        }
    }
}
