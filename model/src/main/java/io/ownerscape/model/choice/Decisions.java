package io.ownerscape.model.choice;

import io.ownerscape.engine.BernoulliSampler;
import io.ownerscape.engine.IdLists;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Phase;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.classes.Autonomy;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.production.EffortSolver;
import io.ownerscape.model.production.Organisation;
import io.ownerscape.model.trial.TransferTrial;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.world.PersonRecord;
import io.ownerscape.model.world.World;

import java.util.Arrays;

import static io.ownerscape.model.world.PersonRecord.PERSON_EFFORT;
import static io.ownerscape.model.world.PersonRecord.PERSON_FIRM;
import static io.ownerscape.model.world.PersonRecord.PERSON_FRIENDS;
import static io.ownerscape.model.world.PersonRecord.PERSON_ROLE;
import static io.ownerscape.model.world.PersonRecord.PERSON_SKILL;
import static io.ownerscape.model.world.PersonRecord.ROLE_DEGREE;
import static io.ownerscape.model.world.PersonRecord.ROLE_ELIGIBLE;
import static io.ownerscape.model.world.PersonRecord.ROLE_EXITS;
import static io.ownerscape.model.world.PersonRecord.ROLE_EXITS_SHIFT;
import static io.ownerscape.model.world.PersonRecord.ROLE_LAYER;
import static io.ownerscape.model.world.PersonRecord.ROLE_MONTHS;
import static io.ownerscape.model.world.PersonRecord.ROLE_MONTHS_SHIFT;
import static io.ownerscape.model.world.PersonRecord.ROLE_NEW_UNEMPLOYED;
import static io.ownerscape.model.world.PersonRecord.ROLE_OWNER;

/**
 * The decisions of a month (MODEL.md §7.3, 7.4, 7.7, 7.8): who is activated, what each active
 * person chooses among staying, joining a friend's or a contact's firm, founding a firm and
 * quitting, and how the choices are applied, round by round.
 *
 * <p>A random {@code activation_rate} share of persons, plus the unemployed who search this month,
 * is drawn; they are split into rounds ({@code substeps} random rounds, or one round per person in
 * random order when {@code sequential}). In each round every active person, in parallel, compares
 * the options against the state at the start of the round; then the choices are applied. Applying
 * uses only commutative integer updates plus a sequential pass that hands out new firm ids in
 * person order and dissolves empty firms in id order, so the result does not depend on the thread
 * count.
 *
 * <p>Reads the person records, the firm table, the state's taxes and basic income and the rules in
 * force; writes the person records (firm, effort, role, exits), the firm table (sizes, effort
 * totals, founding, dissolution) and the job history's move bit.
 */
public final class Decisions {
    /** Activations decided per chunk: fixed, so chunking never depends on the thread count. */
    public static final int CHUNK = 1024;
    /** What a producer claims of the residual: nothing, all of it (owner), a member's share. */
    private static final int NO_CLAIM = 0;
    private static final int OWNER_CLAIM = 1;
    private static final int MEMBER_CLAIM = 2;
    private static final int STAY = -1;
    private static final int FOUND = -2;
    private static final int QUIT = -3;
    /** Slack on the founding bound, far above rounding error, so skipping never changes a choice. */
    private static final double BOUND_MARGIN = 1e-9;
    /**
     * The lowest price a person takes into account: a firm whose customers buy less than a
     * millionth of its output pays as if at this price (a guard for the solver, which needs a
     * positive income).
     */
    private static final double MIN_PRICE = 1e-6;

    private final World economy;
    private final ModelParameters params;
    private final RandomStreams streams;
    private final ParallelExecutor executor;
    private final Firms firms;
    private final int[] persons;
    private final int stride;
    private final long[] history;
    /** The transfer trial, or null: its payments count in the choices when the rules say so. */
    private final TransferTrial trial;

    /** Stream base of the technologies drawn by founders in the current month. */
    private long technologyBase;
    /** Stream base of the job seekers' random contacts in the current month. */
    private long contactBase;
    private int[] active = new int[0];
    private int[] target = new int[0];
    private int[] chosenEffort = new int[0];
    private int[] foundedFirm = new int[0];
    private int[] emptied = new int[0];
    private int[] oldFirm = new int[0];
    private int[] oldRole = new int[0];
    private long[] oldContribution = new long[0];
    private long[] newContribution = new long[0];
    private int[] exitsOf = new int[0];
    /** Per decision: the pay a joiner was screened at (NaN when not a screened join). */
    private double[] joinPay = new double[0];
    private long activations;
    private long births;
    private long deaths;
    private long moves;
    private long quits;
    /** This month's JOLTS flows: joins of an existing firm, and employees who left theirs of their own accord. */
    private long hires;
    private long employeeQuits;
    /** Joiners turned away by {@link #rescreenJoiners} since the economy was built. */
    private long rejected;

    /** The decisions of an economy (or of a fork, carrying on the count of rejected joiners). */
    public Decisions(World economy, TransferTrial trial, Decisions from) {
        this.economy = economy;
        this.params = economy.parameters();
        this.streams = economy.streams();
        this.executor = economy.executor();
        this.firms = economy.firms();
        this.trial = trial;
        this.persons = economy.personRecords();
        this.stride = economy.stride();
        this.history = economy.historyColumn();
        this.rejected = from == null ? 0 : from.rejected;
    }

    /**
     * Runs the month's decisions from the activation on; {@code t} is when the activation phase
     * started, and the time after it is returned.
     */
    public long run(int m, long t) {
        technologyBase = streams.base(Purpose.FIRM_TECHNOLOGY, m);
        contactBase = streams.base(Purpose.SEARCH_CONTACT, m);
        int n = params.persons();
        active = BernoulliSampler.sample(streams.base(Purpose.ACTIVATION, m), n,
                params.activationRate(), executor);
        int[] searchers = economy.searchers();
        if (searchers.length > 0) {
            active = IdLists.union(active, searchers);
        }
        t = economy.lap(Phase.ACTIVATION, t);
        activations = active.length;
        births = 0;
        deaths = 0;
        moves = 0;
        quits = 0;
        hires = 0;
        employeeQuits = 0;
        ensureBuffers(active.length);
        if (params.sequential()) {
            shuffle(active, streams.base(Purpose.ORDER, m));
            // Made each month: the rules it reads may change between months.
            Decider sequentialDecider = new Decider();
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
        return t;
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
     * its own blocks of four ids (one cache line of records), taken round robin. Every firm is
     * thus updated by one thread with plain integer additions, which commute: the outcome is the
     * same for any partition count, and no atomic instruction stalls the memory pipeline.
     */
    private void applyRound(int from, int to, int m, int partitions) {
        int chunks = ParallelExecutor.chunkCount(to - from, CHUNK);
        boolean quitEligible = economy.labour().benefitOnQuit();
        executor.forEachChunk(chunks, c -> {
            int end = Math.min(to, from + (c + 1) * CHUNK);
            for (int k = from + c * CHUNK; k < end; k++) {
                int i = active[k];
                int t = target[k];
                int record = stride * i;
                int exits = exitsOf[k] << ROLE_EXITS_SHIFT;
                if (t == STAY) {
                    persons[record + PERSON_ROLE] = (persons[record + PERSON_ROLE] & ~ROLE_EXITS) | exits;
                } else {
                    int role = (persons[record + PERSON_ROLE] & ROLE_DEGREE) | exits;
                    if (t == QUIT) {
                        persons[record + PERSON_FIRM] = -1;
                        role |= ROLE_NEW_UNEMPLOYED | (quitEligible ? ROLE_ELIGIBLE : 0);
                    } else {
                        persons[record + PERSON_FIRM] = t == FOUND ? foundedFirm[k] : t;
                        role |= t == FOUND ? ROLE_OWNER : 0;
                        history[i] |= 1L;
                    }
                    persons[record + PERSON_ROLE] = role;
                }
                persons[record + PERSON_EFFORT] = chosenEffort[k];
                emptied[k] = -1;
            }
        });
        executor.forEachChunk(partitions, part -> applyToFirms(from, to, m, part, partitions));
    }

    /** Firms are owned in blocks of four, the records that share one cache line. */
    static int partitionOf(int firm, int partitions) {
        return (firm >>> 2) % partitions;
    }

    private void applyToFirms(int from, int to, int m, int part, int partitions) {
        boolean free = economy.startupCapitalFree();
        for (int k = from; k < to; k++) {
            int t = target[k];
            int own = oldFirm[k];
            long before = oldContribution[k];
            long after = newContribution[k];
            if (t == STAY) {
                if (own >= 0 && partitionOf(own, partitions) == part && after != before) {
                    firms.changeEffort(own, after - before);
                }
                continue;
            }
            if (t != QUIT) {
                int destination = t == FOUND ? foundedFirm[k] : t;
                if (partitionOf(destination, partitions) == part) {
                    if (t == FOUND) {
                        int i = active[k];
                        firms.found(destination, (int) RandomStreams.at(technologyBase, i), i, m, after, free);
                    } else {
                        firms.join(destination, after);
                    }
                }
            }
            if (own >= 0 && partitionOf(own, partitions) == part) {
                int layer = oldRole[k] & ROLE_LAYER;
                if (layer != 0) {
                    firms.removeManager(own, layer);
                }
                if ((oldRole[k] & ROLE_OWNER) != 0) {
                    firms.markOwnerLeft(own);
                }
                if (firms.leave(own, before) == 0) {
                    emptied[k] = own;
                }
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
        private final int contacts = economy.labour().searchContacts();
        /** Candidate slots per person: friends' firms, then employers of random search contacts. */
        private final int slots = maxFriends + contacts;
        private final EffortSolver solver = new EffortSolver(BATCH * (slots + 2), economy.labour().saturation());
        private final Organisation organisation = firms.organisation();
        private final boolean layered = organisation.layered();
        private final boolean hierarchy = economy.labour().hierarchy();
        private final Hierarchy structure = economy.hierarchy();
        private final double ownerShare = economy.labour().ownerShare();
        /**
         * The owner's residual in units of pay after taxes: pay and benefits bear the income tax,
         * residuals the profit tax, so only their ratio matters to a choice.
         */
        private final double residualWeight = (1 - economy.labour().profitTax()) / (1 - economy.incomeTax());
        private final boolean founding = economy.labour().privateFounding();
        /**
         * The basic income in units of after-tax pay, which persons add to every option's income
         * when the rules say they count it; 0 otherwise.
         */
        private final double basicIncome = economy.labour().ubiInChoices() ? economy.ubiRate() * economy.policyPay()
                / (1 - economy.incomeTax()) : 0;
        /**
         * The transfer trial while it pays this month and persons count non-labour income in
         * their choices; null otherwise. Its payment, untaxed like the basic income, is added to
         * a treated person's basic income in the same units.
         */
        private final TransferTrial paying = economy.labour().ubiInChoices() && trial != null
                && trial.pays(economy.month() + 1) ? trial : null;
        private final double afterTaxUnit = 1 / (1 - economy.incomeTax());
        /** Each batch person's non-labour income counted in every option: the basic income plus any transfer. */
        private final double[] extraOf = new double[BATCH];
        /** The non-labour income of the person whose options are being posed. */
        private double extra;
        private final boolean publicFirms = firms.anyPublic();
        private final double monitoring = economy.labour().monitoring();
        private final double benefit = economy.labour().benefitReplacement() * economy.policyPay();
        private final double assistance = economy.labour().assistanceReplacement() * economy.policyPay();
        private final boolean quitOption = economy.labour().benefitOnQuit() && benefit > 0;
        private final double managerLeisure = Math.log(1 - economy.labour().managerEffort());
        /** Index of the stay problem, or -1 when staying is a fixed option (manager, unemployed). */
        private final int[] firstProblem = new int[BATCH];
        private final double[] fixedStay = new double[BATCH];
        private final double[] thetaOf = new double[BATCH];
        private final double[] skillOf = new double[BATCH];
        private final int[] foundingProblem = new int[BATCH];
        private final int[] ownFirm = new int[BATCH];
        private final int[] ownEffort = new int[BATCH];
        private final int[] ownRole = new int[BATCH];
        private final int[] friendStart = new int[BATCH + 1];
        private final int[] friendFirm = new int[BATCH * maxFriends];
        private final int[] candidateCount = new int[BATCH];
        private final int[] candidateFirm = new int[BATCH * slots];
        /** Per candidate slot: its solver problem, or -1 when it was not solved (closed, or bounded out). */
        private final int[] candidateProblem = new int[BATCH * slots];
        private final long[] ownWords = new long[BATCH * Firms.WORDS];
        private final int[] ownStaff = new int[BATCH];
        private final long[] candidateWords = new long[BATCH * slots * Firms.WORDS];
        private final int[] candidateStaff = new int[BATCH * slots];
        /** Prices the persons take as given (1 without a goods market). */
        private final float[] ownPrice = new float[BATCH];
        private final float[] candidatePrice = new float[BATCH * slots];
        private final boolean market = firms.market();
        private final boolean screening = economy.labour().dismissal();
        private final boolean softBudget = economy.labour().softBudget();
        /** Per solver problem: the producers, share and gamma of its pay rule (for screening). */
        private final int[] problemProducers = new int[BATCH * (slots + 2)];
        private final double[] problemShare = new double[BATCH * (slots + 2)];
        private final double[] problemGamma = new double[BATCH * (slots + 2)];

        void decide(int from, int to) {
            for (int start = from; start < to; start += BATCH) {
                decideBatch(start, Math.min(to, start + BATCH));
            }
        }

        private void decideBatch(int from, int to) {
            int count = to - from;
            long[] w = firms.words();
            int[] staff = firms.staff();
            float[] prices = firms.priceColumn();
            // Friends' ids are read row by row (the rows of persons in id order lie close
            // together); their firms are then loaded in one flat pass of independent loads.
            int friends = 0;
            for (int b = 0; b < count; b++) {
                int k = from + b;
                int i = active[k];
                int record = stride * i;
                int own = persons[record + PERSON_FIRM];
                ownFirm[b] = own;
                ownEffort[b] = persons[record + PERSON_EFFORT];
                ownRole[b] = persons[record + PERSON_ROLE];
                skillOf[b] = Float.intBitsToFloat(persons[record + PERSON_SKILL]);
                oldFirm[k] = own;
                oldRole[k] = ownRole[b];
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
                int base = b * slots;
                int c = 0;
                for (int j = friendStart[b]; j < friendStart[b + 1]; j++) {
                    int g = friendFirm[j];
                    if (g >= 0 && g != own && !contains(candidateFirm, base, base + c, g)) {
                        candidateFirm[base + c++] = g;
                    }
                }
                if (contacts > 0 && firms.marketOn) {
                    // A person looking around also applies to vacancies of their region: firms
                    // whose customers would buy more than they make.
                    int i = active[from + b];
                    int region = economy.regions().of(i);
                    for (int q = 0; q < contacts; q++) {
                        double u = RandomStreams.toUnit(RandomStreams.at(contactBase, (long) i * contacts + q));
                        int g = economy.vacancies().sample(region, u);
                        if (g >= 0 && g != own && !contains(candidateFirm, base, base + c, g)) {
                            candidateFirm[base + c++] = g;
                        }
                    }
                }
                candidateCount[b] = c;
            }
            // All firm records of the batch in one flat pass of independent loads.
            for (int b = 0; b < count; b++) {
                int own = ownFirm[b];
                if (own >= 0) {
                    copyWords(w, own, ownWords, b);
                    ownStaff[b] = staff[own];
                    ownPrice[b] = market ? prices[own] : 1f;
                }
                int base = b * slots;
                for (int j = 0, c = candidateCount[b]; j < c; j++) {
                    int g = candidateFirm[base + j];
                    copyWords(w, g, candidateWords, base + j);
                    candidateStaff[base + j] = staff[g];
                    candidatePrice[base + j] = market ? prices[g] : 1f;
                }
            }
            solver.clear();
            for (int b = 0; b < count; b++) {
                poseStay(from + b, b);
            }
            solver.solveAll();
            // Staying is solved first: a candidate firm whose bound is below it (less the margin
            // of a good-enough alternative) can neither be chosen nor counted, and is not solved.
            int candidates = solver.size();
            for (int b = 0; b < count; b++) {
                poseCandidates(b);
            }
            solver.solveFrom(candidates);
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
         * Adds person active[k]'s problem of staying (with the others' effort); staying as a
         * manager or unemployed is a fixed option, computed here.
         */
        private void poseStay(int k, int b) {
            int i = active[k];
            double theta = economy.preference(i);
            double s = skillOf[b];
            thetaOf[b] = theta;
            double transfer = paying == null ? 0 : paying.payment(i);
            extra = transfer > 0 ? basicIncome + transfer * afterTaxUnit : basicIncome;
            extraOf[b] = extra;
            int own = ownFirm[b];
            int role = ownRole[b];
            oldContribution[k] = 0;
            if (own < 0) {
                boolean paid = (role & ROLE_ELIGIBLE) != 0
                        && ((role & ROLE_MONTHS) >>> ROLE_MONTHS_SHIFT) < economy.labour().benefitMonths();
                fixedStay[b] = incomeUtility(theta, (paid ? Math.max(benefit, assistance) : assistance) + extra);
                firstProblem[b] = -1;
            } else {
                int wo = Firms.WORDS * b;
                long t = Firms.expand(technologySeed(ownWords, wo));
                int n = size(ownWords, wo);
                int managers = ownStaff[b] & Firms.STAFF_MANAGERS;
                int layer = role & ROLE_LAYER;
                if (layer != 0) {
                    double output = firms.output(t, Firms.fromFixed(ownWords[wo]), n, managers);
                    double revenue = ownPrice[b] * output;
                    double cost = Math.min(revenue, economy.complianceCost(n, managers));
                    double premiums = firms.premiums(own);
                    double mean = producerMeanPay(revenue - cost, n, managers, premiums);
                    double pay = Hierarchy.premium(layer) * mean;
                    if (publicFirms && firms.ownership(own) == Firms.COOP) {
                        // A member of a member-owned firm, manager or not, also gets a dividend.
                        pay += residualWeight * ownerShare / (1 - ownerShare) * mean * (n - managers) / n;
                    }
                    fixedStay[b] = incomeUtility(theta, pay + extra) + (1 - theta) * managerLeisure;
                    firstProblem[b] = -1;
                } else {
                    long mine = PersonRecord.contribution(ownEffort[b], s);
                    oldContribution[k] = mine;
                    double others = Firms.fromFixed(ownWords[wo] - mine);
                    double betaOwn = firms.beta(t);
                    int claim = (role & ROLE_OWNER) != 0 ? OWNER_CLAIM
                            : publicFirms && firms.ownership(own) == Firms.COOP ? MEMBER_CLAIM : NO_CLAIM;
                    double z = firms.productivity(t);
                    // The solver starts from the person's own effort, which last month's answer set.
                    firstProblem[b] = addProducer(firms.a(t, z), firms.b(t, z), betaOwn, firms.saturation(t), theta, others, s,
                            n, managers, claim, ownPrice[b], Firms.fromFixed(ownEffort[b]), Double.NEGATIVE_INFINITY,
                            false);
                }
            }
        }

        /**
         * Adds the problems of joining each distinct candidate firm that may hire, unless the
         * firm's {@link EffortSolver#upperBound} shows that it could neither beat staying nor come
         * within {@link Autonomy#GOOD_ENOUGH} of the best option: skipping it then changes no
         * choice and no count of alternatives, it only saves the solve.
         */
        private void poseCandidates(int b) {
            double theta = thetaOf[b];
            double s = skillOf[b];
            extra = extraOf[b];
            double floor = stayUtility(b) + Autonomy.LOG_GOOD_ENOUGH - BOUND_MARGIN;
            int base = b * slots;
            for (int j = 0; j < candidateCount[b]; j++) {
                candidateProblem[base + j] = -1;
                int wg = Firms.WORDS * (base + j);
                int n = size(candidateWords, wg);
                int st = candidateStaff[base + j];
                if (n == 0 || n == 1 && (st & Firms.STAFF_MAY_HIRE) == 0) {
                    // A vacancy of a firm that closed since the review, or an owner who cannot yet hire.
                    candidateFirm[base + j] = -1;
                    continue;
                }
                double eg = Firms.fromFixed(candidateWords[wg]);
                long tg = Firms.expand(technologySeed(candidateWords, wg));
                double betaG = firms.beta(tg);
                int claim = publicFirms && firms.ownership(candidateFirm[base + j]) == Firms.COOP
                        ? MEMBER_CLAIM : NO_CLAIM;
                double z = firms.productivity(tg);
                // A supervised joiner starts from EffortSolver.supervisedGuess; any other from what
                // the firm's members put in on average, scaled to this person's skill.
                candidateProblem[base + j] = addProducer(firms.a(tg, z), firms.b(tg, z), betaG, firms.saturation(tg),
                        theta, eg, s, n + 1, st & Firms.STAFF_MANAGERS, claim, candidatePrice[base + j], eg / n / s, floor,
                        true);
            }
        }

        /**
         * Adds the problem of a producer in a firm of {@code n} members with {@code managers}
         * hired: the equal and the effort-tied parts of pay as the solver's share and gamma, both
         * scaled by the firm's price, which the person takes as given.
         *
         * @param near an effort near the answer, in (0, 1), or anything else for none: the solver
         *             starts there instead of at {@link EffortSolver#guess}, which is exact only
         *             for Axtell's pay rule (kept for it) and ignores the pay tied to effort
         * @param floor the problem is not added, and -1 returned, when its
         *             {@link EffortSolver#upperBound} is below this
         * @param joining a person joining the firm: a supervised problem then starts from
         *             {@link EffortSolver#supervisedGuess} instead of {@code near}
         */
        private int addProducer(double a, double b, double beta, double c, double theta, double others,
                                double s, int n, int managers, int claim, float price, double near, double floor,
                                boolean joining) {
            double p = Math.max(MIN_PRICE, price);
            if (layered) {
                // The firm's layers scale its output and its producers' effective effort alike:
                // O = F g(k X) is the solver's g with a and b times F, and effort times k.
                double l = organisation.layers(n, managers);
                double factor = organisation.outputFactorAt(l);
                double k = organisation.effortFactorAt(l);
                a *= factor;
                b *= factor;
                others *= k;
                s *= k;
                if (!(s > 0)) {
                    s = Double.MIN_NORMAL;
                }
            }
            if (!hierarchy && ownerShare == 0 && !screening) {
                if (boundedOut(floor, a, b, beta, c, theta, others, s, n, p, 0)) {
                    return -1;
                }
                int k = solver.add(a, b, beta, theta, others, s, n, p, 0,
                        EffortSolver.guess(beta, theta, others, s));
                solver.setSaturation(k, c);
                if (extra > 0) {
                    solver.setExtraIncome(k, extra);
                }
                return k;
            }
            int producers = n - managers;
            double tied = hierarchy ? monitoring * structure.coverage(n, managers) : 0;
            double premiums = hierarchy ? economy.premiumSum(n, managers) : 0;
            double keep = 1 - ownerShare;
            double toProducers = producers / (producers + keep * premiums);
            double residual = residualWeight * ownerShare * producers;
            double share = claim == OWNER_CLAIM
                    ? toProducers * (residual + keep * (1 - tied))
                    : claim == MEMBER_CLAIM
                    ? toProducers * (residual / n + keep * (1 - tied))
                    : toProducers * keep * (1 - tied);
            double gamma = toProducers * keep * tied;
            if (boundedOut(floor, a, b, beta, c, theta, others, s, producers, p * share, p * gamma)) {
                return -1;
            }
            double start = joining && gamma > 0 && others > 0 && extra == 0
                    ? EffortSolver.supervisedGuess(a, b, beta, c, theta, others, s, producers, share, gamma)
                    : near > 0 && near < 1 ? near : EffortSolver.guess(beta, theta, others, s);
            int k = solver.add(a, b, beta, theta, others, s, producers, p * share, p * gamma, start);
            solver.setSaturation(k, c);
            if (extra > 0) {
                solver.setExtraIncome(k, extra);
            }
            if (k < problemShare.length) {
                problemProducers[k] = producers;
                problemShare[k] = share;
                problemGamma[k] = gamma;
            }
            return k;
        }

        /**
         * Whether a problem with these solver inputs (and this person's non-labour income) cannot
         * reach {@code floor}: its {@link EffortSolver#upperBound} is below it. Never for staying,
         * whose floor is minus infinity.
         */
        private boolean boundedOut(double floor, double a, double b, double beta, double c, double theta,
                                   double others, double s, int n, double share, double gamma) {
            return floor > Double.NEGATIVE_INFINITY
                    && EffortSolver.upperBound(a, b, beta, c, theta, others, s, n, share, gamma, extra) < floor;
        }

        /**
         * Whether the owner of firm candidate j of batch slot b would take on this person at the
         * effort they chose: hiring follows the dismissal rule, so nobody is hired only to be
         * dismissed at the end of the month.
         */
        private boolean hired(int b, int j, int p, double effort) {
            lastPay = Double.NaN;
            if (!screening || p >= problemShare.length) {
                return true;
            }
            int wg = Firms.WORDS * (b * slots + j);
            int g = candidateFirm[b * slots + j];
            if (softBudget && publicFirms && firms.ownership(g) == Firms.STATE) {
                // Under a soft budget a state firm does not refuse a joiner on cost grounds.
                return true;
            }
            long t = Firms.expand(technologySeed(candidateWords, wg));
            double before = Firms.fromFixed(candidateWords[wg]);
            double x = skillOf[b] * effort;
            double after = before + x;
            // The firm as it would be with this person: one member more, the same managers.
            int members = size(candidateWords, wg) + 1;
            int managers = candidateStaff[b * slots + j] & Firms.STAFF_MANAGERS;
            double revenue = firms.sold(g, firms.output(t, after, members, managers));
            double pay = revenue * (problemShare[p] / problemProducers[p]
                    + (after > 0 ? problemGamma[p] * x / after : 0));
            double product = revenue - firms.sold(g, firms.output(t, before, members, managers));
            lastPay = pay;
            return economy.labour().hires(pay, product);
        }

        /** The pay of the last joiner {@link #hired} screened; NaN if it did not screen. */
        private double lastPay = Double.NaN;

        /**
         * Adds the problem of founding a firm alone with a freshly drawn technology, unless its
         * utility bound shows it cannot beat the best option already solved: skipping it then
         * changes no decision, it only saves the solve.
         */
        private void poseFounding(int k, int b) {
            if (!founding) {
                foundingProblem[b] = -1;
                return;
            }
            int i = active[k];
            double theta = thetaOf[b];
            double s = skillOf[b];
            long tb = Firms.expand((int) RandomStreams.at(technologyBase, i));
            double zNew = firms.productivity(tb);
            double aNew = firms.a(tb, zNew);
            double bNew = firms.b(tb, zNew);
            double betaNew = firms.beta(tb);
            // The entropy term is never positive: try the bound without it first, which often
            // suffices and saves two logarithms.
            double best = bestSolved(b);
            double guess = EffortSolver.guess(betaNew, theta, 0, s);
            // A founder alone keeps all revenue: the producer's part as pay, the owner's share as
            // residual, which the profit tax weighs in units of after-tax pay.
            double price = (market ? firms.foundingPrice(tb, s * guess) : 1)
                    * (residualWeight == 1 ? 1 : (1 - ownerShare) + ownerShare * residualWeight);
            if (!(price >= MIN_PRICE)) {
                foundingProblem[b] = -1;
                return;
            }
            double income = extraOf[b];
            if (income > 0) {
                if (EffortSolver.soloUpperBound(aNew, bNew, betaNew, s, price, theta, 0, income)
                        + BOUND_MARGIN < best) {
                    foundingProblem[b] = -1;
                    return;
                }
                foundingProblem[b] = solver.add(aNew, bNew, betaNew, theta, 0, s, 1, price, 0, guess);
                solver.setSaturation(foundingProblem[b], firms.saturation(tb));
                solver.setExtraIncome(foundingProblem[b], income);
                return;
            }
            double bound = EffortSolver.soloUpperBound(aNew, bNew, betaNew, s, price, theta, 0);
            if (bound + BOUND_MARGIN < best
                    || bound + EffortSolver.entropyTerm(theta) + BOUND_MARGIN < best) {
                foundingProblem[b] = -1;
                return;
            }
            foundingProblem[b] = solver.add(aNew, bNew, betaNew, theta, 0, s, 1, price, 0, guess);
            solver.setSaturation(foundingProblem[b], firms.saturation(tb));
        }

        private double stayUtility(int b) {
            int first = firstProblem[b];
            return first >= 0 ? solver.logUtility(first) : fixedStay[b];
        }

        private double bestSolved(int b) {
            double best = stayUtility(b);
            int base = b * slots;
            // With screening a friend's firm may turn the person down, so only staying counts.
            for (int j = 0; !screening && j < candidateCount[b]; j++) {
                int p = candidateProblem[base + j];
                if (p >= 0) {
                    best = Math.max(best, solver.logUtility(p));
                }
            }
            if (quitOption && ownFirm[b] >= 0) {
                best = Math.max(best, incomeUtility(thetaOf[b], benefit + extraOf[b]));
            }
            return best;
        }

        /**
         * The distinct alternatives to the chosen option that would give at least 95% of its
         * utility: friends' firms that would take the person, a firm of their own (when that
         * option was solved), and staying where they were when they move ({@link Autonomy}).
         */
        private int alternatives(int b, int choice, double best) {
            double threshold = best + Autonomy.LOG_GOOD_ENOUGH;
            int count = 0;
            if (choice != STAY && ownFirm[b] >= 0 && stayUtility(b) >= threshold) {
                count++;
            }
            int base = b * slots;
            for (int j = 0; j < candidateCount[b]; j++) {
                int p = candidateProblem[base + j];
                if (p >= 0 && candidateFirm[base + j] != choice && solver.logUtility(p) >= threshold
                        && hired(b, j, p, solver.effort(p))) {
                    count++;
                }
            }
            int founding = foundingProblem[b];
            if (choice != FOUND && founding >= 0 && solver.logUtility(founding) >= threshold) {
                count++;
            }
            return Math.min(15, count);
        }

        /** Takes the best of person active[k]'s solved options; ties keep the earlier one. */
        private void choose(int k, int b) {
            int first = firstProblem[b];
            double bestUtility = stayUtility(b);
            int bestEffort = first >= 0 ? Firms.toFixed(solver.effort(first)) : ownEffort[b];
            int choice = STAY;
            double pay = Double.NaN;
            int base = b * slots;
            int candidates = candidateCount[b];
            for (int j = 0; j < candidates; j++) {
                int p = candidateProblem[base + j];
                if (p < 0) {
                    continue;
                }
                double u = solver.logUtility(p);
                if (u > bestUtility && hired(b, j, p, solver.effort(p))) {
                    bestUtility = u;
                    bestEffort = Firms.toFixed(solver.effort(p));
                    choice = candidateFirm[base + j];
                    pay = lastPay;
                }
            }
            int founding = foundingProblem[b];
            if (founding >= 0 && solver.logUtility(founding) > bestUtility) {
                bestUtility = solver.logUtility(founding);
                bestEffort = Firms.toFixed(solver.effort(founding));
                choice = FOUND;
            }
            if (quitOption && ownFirm[b] >= 0 && incomeUtility(thetaOf[b], benefit + extraOf[b]) > bestUtility) {
                bestEffort = 0;
                choice = QUIT;
            }
            target[k] = choice;
            joinPay[k] = choice >= 0 ? pay : Double.NaN;
            chosenEffort[k] = bestEffort;
            exitsOf[k] = alternatives(b, choice, bestUtility);
            boolean producer = choice != QUIT && (choice != STAY || first >= 0);
            newContribution[k] = producer ? PersonRecord.contribution(bestEffort, skillOf[b])
                    : choice == STAY ? oldContribution[k] : 0;
        }
    }

    /**
     * Mean pay of a firm's producers: output net of the owner's residual, shared so that each
     * manager earns their layer's premium over it.
     */
    double producerMeanPay(double output, int members, int managers, double premiums) {
        int producers = members - managers;
        double keep = 1 - economy.labour().ownerShare();
        return keep * output / (producers + keep * premiums);
    }

    /** {@code theta ln(income)} with full leisure; minus infinity for no income unless theta = 0. */
    static double incomeUtility(double theta, double income) {
        if (theta <= 0) {
            return 0;
        }
        return income > 0 ? theta * Math.log(income) : Double.NEGATIVE_INFINITY;
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
        if (firms.marketOn && economy.labour().dismissal()) {
            rescreenJoiners(from, to);
        }
        for (int k = from; k < to; k++) {
            int t = target[k];
            if (t == STAY) {
                continue;
            }
            if (oldFirm[k] >= 0 && (oldRole[k] & ROLE_OWNER) == 0) {
                employeeQuits++;
            }
            if (t >= 0) {
                hires++;
            }
            if (t == QUIT) {
                quits++;
                continue;
            }
            moves++;
            if (t == FOUND) {
                births++;
                foundedFirm[k] = firms.reserve();
            }
        }
    }

    /**
     * Sequential, in person order, with a goods market: each owner screens the round's joiners
     * again against the firm as it fills up (the effort of those already taken this round added),
     * with the pay each was screened at; a joiner who no longer passes is turned away and keeps
     * their situation. Without it, several persons drawn to the same small vacancy would all join
     * and most be dismissed at the review. The first joiner of a firm passes as before.
     */
    private void rescreenJoiners(int from, int to) {
        java.util.HashMap<Integer, Long> taken = new java.util.HashMap<>();
        for (int k = from; k < to; k++) {
            int g = target[k];
            if (g < 0 || Double.isNaN(joinPay[k])) {
                continue;
            }
            long x = newContribution[k];
            long before = firms.effortFixed(g) + taken.getOrDefault(g, 0L);
            double product = firms.revenueGain(g, Firms.expand(firms.technologySeed(g)),
                    Firms.fromFixed(before), Firms.fromFixed(before + x));
            if (!economy.labour().hires(joinPay[k], product)
                    && !(economy.labour().softBudget() && firms.ownership(g) == Firms.STATE)) {
                target[k] = STAY;
                chosenEffort[k] = persons[stride * active[k] + PERSON_EFFORT];
                newContribution[k] = oldContribution[k];
                rejected++;
            } else {
                taken.merge(g, x, Long::sum);
            }
        }
    }

    /** Joiners owners turned away as their firm filled up within a round (goods market only). */
    public long rejectedJoiners() {
        return rejected;
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

    /** Persons activated this month. */
    public long activations() {
        return activations;
    }

    /** Firms founded this month. */
    public long births() {
        return births;
    }

    /** Firms dissolved this month. */
    public long deaths() {
        return deaths;
    }

    /** Persons who changed firm (joined another or founded one) this month. */
    public long moves() {
        return moves;
    }

    /** Persons who quit to unemployment this month. */
    public long quits() {
        return quits;
    }

    /** Joins of an existing firm this month (JOLTS hires). */
    public long hires() {
        return hires;
    }

    /** Employees who left their firm of their own accord this month (JOLTS quits). */
    public long employeeQuits() {
        return employeeQuits;
    }

    /** Counts a firm the review left empty (a dismissal or an ownership change). */
    public void countDeath() {
        deaths++;
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
            oldRole = new int[size];
            oldContribution = new long[size];
            newContribution = new long[size];
            exitsOf = new int[size];
            joinPay = new double[size];
        }
    }

}
