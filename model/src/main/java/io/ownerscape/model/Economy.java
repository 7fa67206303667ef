package io.ownerscape.model;

import io.ownerscape.engine.BernoulliSampler;
import io.ownerscape.engine.ColumnHasher;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.engine.Schedule;
import org.hipparchus.special.Erf;

import java.util.Arrays;

/**
 * The world: persons, their friendships and the firms they form, and its monthly step.
 *
 * <p>Persons live in one int column of fixed-size records, {@code 4 + friendsMax} ints each: the
 * firm the person works in (-1 when unemployed), the person's effort (fixed point, see
 * {@link Firms#toFixed}), the person's role bits (manager layer, degree, owner, benefit
 * eligibility, months unemployed), the person's skill (float bits), and the ids of their friends
 * (unused slots -1). Everything a decision reads about the person is on one or two cache lines.
 * A person's preference theta is not stored: it is a pure function of (seed, person). Wealth and
 * job history are plain columns, read and written only by the monthly review.
 *
 * <p>A month: a random {@code activationRate} share of persons, plus the unemployed who search
 * this month, is drawn; they are split into rounds ({@code substeps} random rounds, or one round
 * per person in random order when {@code sequential}). In each round every active person, in
 * parallel, compares staying, joining each friend's firm, founding a firm alone and, where the
 * rules allow, quitting to unemployment, all against the state at the start of the round; then the
 * choices are applied. Applying uses only commutative integer updates plus a sequential pass that
 * hands out new firm ids in person order and dissolves empty firms in id order, so the result does
 * not depend on the thread count. Then the {@link MonthlyReview} pays everyone, dismisses, appoints
 * managers, passes on the firms whose owner left and classifies every person.
 */
public final class Economy {
    /** Activations decided per chunk: fixed, so chunking never depends on the thread count. */
    static final int CHUNK = 1024;
    static final int PERSON_FIRM = 0;
    static final int PERSON_EFFORT = 1;
    static final int PERSON_ROLE = 2;
    static final int PERSON_SKILL = 3;
    static final int PERSON_FRIENDS = 4;

    /** Role bits: manager layer (0 = not a manager). */
    static final int ROLE_LAYER = 0x7;
    static final int ROLE_DEGREE = 1 << 3;
    static final int ROLE_OWNER = 1 << 4;
    /** Entitled to the unemployment benefit while unemployed. */
    static final int ROLE_ELIGIBLE = 1 << 5;
    /** Became unemployed this month: no benefit until next month. */
    static final int ROLE_NEW_UNEMPLOYED = 1 << 6;
    static final int ROLE_MONTHS_SHIFT = 8;
    static final int ROLE_MONTHS = 0xFF << ROLE_MONTHS_SHIFT;
    /** Good alternatives found at the last activation (see {@link Autonomy}), 0 to 15. */
    static final int ROLE_EXITS_SHIFT = 16;
    static final int ROLE_EXITS = 0xF << ROLE_EXITS_SHIFT;

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
    static final double MIN_PRICE = 1e-6;

    private final ModelParameters params;
    /** The rules in force this month: the scenario's, changed by the ruling platform's policies. */
    LabourParameters labour;
    /**
     * The scenario's rules, which platforms' policies are applied to; a policy schedule changes
     * their policy keys at set months ({@link State#schedule}).
     */
    LabourParameters baseRules;
    /** The state: budget, ownership programmes, platforms, elections. */
    final State state;
    /**
     * In a forecast only: each person's discounted net income summed over the forecast's months;
     * null otherwise.
     */
    double[] outcome;
    /** The weight of this month's income in {@link #outcome}. */
    double outcomeWeight;
    /**
     * In a forecast that extrapolates beyond its months only: each person's regular net income
     * (pay, residual or dividend, benefits, basic income, less taxes; no one-off payments) summed
     * over the months weighted 1 by {@link #recentWeight}; null otherwise.
     */
    double[] recentIncome;
    /** Of {@link #recentIncome}, what an owner's residual brought after the profit tax. */
    double[] recentResidual;
    /** 1 in the forecast's months that {@link #recentIncome} counts, else 0. */
    double recentWeight;
    private final RandomStreams streams;
    private final ParallelExecutor executor;
    final Firms firms;
    /** Person records: firm, effort, role, skill, then friends (-1 where fewer than the maximum). */
    final int[] persons;
    /** Ints per person record. */
    final int stride;
    /** Wealth of each person, in the model's money (output units). */
    final double[] wealth;
    /**
     * Job history: bit k of the low word says the person changed employer k months ago, bit k of
     * the high word that the person was unemployed then (k = 0 is the current month; the review
     * shifts the bits once it has classified everyone).
     */
    final long[] history;
    /** Each person's class in the last month, {@link PersonClass#ordinal}; -1 before the first. */
    final byte[] personClass;
    private final long preferenceBase;
    private final MonthlyReview review;
    /** Local labour markets; a firm is located in its founder's region. */
    private final Regions regions;
    /** Firms with room to hire, by region (goods market only). */
    private final Vacancies vacancies;
    /** Owners buying firms, or null when the rules have no acquisitions. */
    private final Acquisitions acquisitions;
    /** The unconditional-transfer trial, or null when the rules run none. */
    private final TransferTrial transferTrial;

    private int month;
    /** Mean monthly pay of firm members in the last month: the unit of benefits and capital. */
    double meanPay;
    /**
     * The unit of policy amounts given as a share of pay (basic income, benefits, assistance):
     * last month's mean pay of firm members, median pay of employees, or 1 (the money unit), as
     * the rules say ({@link #updatePolicyPay}).
     */
    double policyPay;
    /** Stream base of the technologies drawn by founders in the current month. */
    private long technologyBase;
    /** Stream base of the job seekers' random contacts in the current month. */
    private long contactBase;
    private int[] active = new int[0];
    /** Unemployed persons who search in the coming month, increasing. */
    int[] searchers = new int[0];
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
    /** Wall-clock time spent in monthly reviews since the start, for benchmarks. */
    private long reviewNanos;
    /** Nanoseconds spent in each {@link Phase} since construction (or the fork). */
    private final long[] phaseNanos = new long[Phase.values().length];
    private long births;
    private long deaths;
    private long moves;
    private long quits;
    /** This month's JOLTS flows: joins of an existing firm, and employees who left theirs of their own accord. */
    private long hires;
    private long employeeQuits;

    /**
     * Builds the Axtell world (every labour rule off): the friendship network and every person
     * alone in a firm of their own, at their best-response effort.
     */
    public Economy(ModelParameters params, long seed, ParallelExecutor executor) {
        this(params, LabourParameters.AXTELL, seed, executor);
    }

    /**
     * Builds the initial world: the friendship network, skills and degrees, and every person alone
     * in a firm of their own at their best-response effort, with their initial wealth.
     */
    public Economy(ModelParameters params, LabourParameters labour, long seed, ParallelExecutor executor) {
        this(params, labour, Platform.builtIns(), null, seed, executor);
    }

    /**
     * Builds the initial world with the platforms voters may choose between and the one that rules
     * from {@code politics_start} (null for none: the scenario's rules stay until an election).
     */
    public Economy(ModelParameters params, LabourParameters labour, java.util.List<Platform> platforms,
                   String ruling, long seed, ParallelExecutor executor) {
        this.params = params.validated();
        this.labour = labour.validated();
        this.baseRules = this.labour;
        this.streams = new RandomStreams(seed);
        this.executor = executor;
        this.preferenceBase = streams.base(Purpose.PREFERENCE);
        int n = params.persons();
        // Regions of fewer than about 100 persons would be too small to be labour markets.
        this.regions = new Regions(n, Math.max(1, Math.min(labour.regions(), n / 100)));
        FriendNetwork network = FriendNetwork.build(params, streams, regions, labour.regionalFriendship(),
                executor);
        this.stride = PERSON_FRIENDS + params.friendsMax();
        long ints = (long) stride * n;
        if (ints > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("persons = " + n + " with friends_max = "
                    + params.friendsMax() + ": person records exceed one Java array");
        }
        this.persons = new int[(int) ints];
        Arrays.fill(persons, -1);
        this.wealth = new double[n];
        this.history = new long[n];
        this.personClass = new byte[n];
        Arrays.fill(personClass, (byte) -1);
        for (int i = 0; i < n; i++) {
            int at = stride * i + PERSON_FRIENDS;
            for (int p = network.start(i); p < network.end(i); p++) {
                persons[at++] = network.neighbour(p);
            }
        }
        drawSkillsAndDegrees(n);
        if (labour.returnsCap() > 0 && params.betaMax() > 2) {
            throw new IllegalArgumentException("returns_cap = " + labour.returnsCap() + " with beta_max = "
                    + params.betaMax() + ": bounded returns need beta_max <= 2 (output must stay convex)");
        }
        this.firms = new Firms(n + n / 16 + 1024, params, labour.goodsMarket(), labour.acquisitions(),
                Organisation.of(labour));
        long initialTechnology = streams.base(Purpose.FIRM_TECHNOLOGY, 0);
        EffortSolver solo = new EffortSolver(1, labour.saturation());
        double totalPay = 0;
        for (int i = 0; i < n; i++) {
            int f = firms.reserve();
            int technologySeed = (int) RandomStreams.at(initialTechnology, i);
            long t = Firms.expand(technologySeed);
            double theta = preference(i);
            double s = skill(i);
            solo.clear();
            int problem = solo.add(firms.a(t), firms.b(t), firms.beta(t), theta, 0, s, 1, 1, 0,
                    EffortSolver.guess(firms.beta(t), theta, 0, s));
            solo.setSaturation(problem, firms.saturation(t));
            solo.solveAll();
            int fixed = Firms.toFixed(solo.effort(problem));
            long contribution = contribution(fixed, s);
            firms.found(f, technologySeed, i, 0, contribution, startupCapitalFree());
            persons[stride * i + PERSON_FIRM] = f;
            persons[stride * i + PERSON_EFFORT] = fixed;
            persons[stride * i + PERSON_ROLE] |= ROLE_OWNER;
            totalPay += firms.output(f);
        }
        this.meanPay = totalPay / n;
        this.policyPay = labour.policyInMoney() ? 1 : meanPay;
        if (labour.initialWealth() > 0) {
            long base = streams.base(Purpose.INITIAL_WEALTH);
            double mean = labour.initialWealth() * meanPay;
            for (int i = 0; i < n; i++) {
                double u = RandomStreams.toUnit(RandomStreams.at(base, i));
                wealth[i] = -mean * StrictMath.log1p(-u);
            }
        }
        this.vacancies = new Vacancies(regions);
        this.transferTrial = labour.transferTrial() ? new TransferTrial(labour, streams, n) : null;
        this.review = new MonthlyReview(this);
        this.acquisitions = labour.acquisitions() ? new Acquisitions(this) : null;
        this.state = new State(this, platforms, ruling);
    }

    /**
     * A fork: an independent deep copy of the world, for forecasts. Stepped with the same rules it
     * reproduces this economy exactly; changing either never changes the other.
     */
    private Economy(Economy o) {
        this.params = o.params;
        this.labour = o.labour;
        this.baseRules = o.baseRules;
        this.streams = o.streams;
        this.executor = o.executor;
        this.firms = new Firms(o.firms);
        this.persons = o.persons.clone();
        this.stride = o.stride;
        this.wealth = o.wealth.clone();
        this.history = o.history.clone();
        this.personClass = o.personClass.clone();
        this.preferenceBase = o.preferenceBase;
        this.regions = o.regions;
        this.vacancies = o.vacancies.copy();
        this.month = o.month;
        this.meanPay = o.meanPay;
        this.policyPay = o.policyPay;
        this.searchers = o.searchers.clone();
        this.rejected = o.rejected;
        this.transferTrial = o.transferTrial == null ? null : o.transferTrial.copy();
        this.review = new MonthlyReview(this, o.review);
        this.acquisitions = o.acquisitions == null ? null : o.acquisitions.copyFor(this);
        this.state = o.state.copyFor(this);
    }

    /** An independent deep copy of the world (see {@link #Economy(Economy)}). */
    public Economy fork() {
        return new Economy(this);
    }

    /** The state: budget, platforms and elections. */
    public State state() {
        return state;
    }

    /**
     * Puts rules in force from the next month. Only policy keys ({@link LabourParameters#POLICY_KEYS})
     * may differ from the scenario's rules.
     */
    void applyRules(LabourParameters rules) {
        java.util.Map<String, Object> now = LabourKeys.toMap(rules.validated());
        java.util.Map<String, Object> base = LabourKeys.toMap(baseRules);
        for (var e : now.entrySet()) {
            if (!LabourParameters.POLICY_KEYS.contains(e.getKey()) && !e.getValue().equals(base.get(e.getKey()))) {
                throw new IllegalArgumentException(e.getKey() + " = " + e.getValue()
                        + ": not a policy a platform may change during a run; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(LabourParameters.POLICY_KEYS)));
            }
        }
        labour = rules;
    }

    Vacancies vacancies() {
        return vacancies;
    }

    int role(int person) {
        return persons[stride * person + PERSON_ROLE];
    }

    void setRole(int person, int role) {
        persons[stride * person + PERSON_ROLE] = role;
    }

    /**
     * The month's compliance work of a firm of {@code members}, in months of work of mean pay:
     * nothing for a firm without employees, else
     * {@code compliance_fixed + compliance_per_employee (n - 1)}.
     */
    double complianceWork(int members) {
        return members < 2 ? 0 : labour.complianceFixed() + labour.compliancePerEmployee() * (members - 1);
    }

    /** The management structure firms need by their head count. */
    Hierarchy hierarchy() {
        return firms.organisation().hierarchy();
    }

    /**
     * Administrative posts a firm of {@code members} fills for its compliance work: the work
     * rounded to whole posts, in firms large enough to have managers ({@code n - 1} above the
     * span of control); 0 in smaller firms and without a hierarchy, which buy the work outside.
     */
    int administrativePosts(int members) {
        if (!labour.hierarchy() || members - 1 <= hierarchy().directSpan()) {
            return 0;
        }
        return (int) Math.round(complianceWork(members));
    }

    /**
     * The sum of the pay premiums of a firm's managers: the supervisors by their layers
     * ({@link Hierarchy#premiumSum}), the administrators at the first layer's premium.
     */
    double premiumSum(int members, int managers) {
        int admins = administrators(members, managers);
        return hierarchy().premiumSum(members, managers - admins)
                + (admins == 0 ? 0 : admins * Hierarchy.premium(1));
    }

    /** The administrators a firm has: managers beyond those supervision needs, up to its posts. */
    int administrators(int members, int managers) {
        int posts = administrativePosts(members);
        return posts == 0 ? 0
                : Math.min(posts, Math.max(0, managers - hierarchy().managersNeeded(members)));
    }

    /**
     * The month's compliance cost in money of a firm of {@code members} with {@code managers}: the
     * work its administrators do not do, bought outside at mean pay,
     * {@code wbar_{t-1} max(0, work - administrators)}.
     */
    double complianceCost(int members, int managers) {
        return members < 2 ? 0 : meanPay * Math.max(0, complianceWork(members) - administrators(members, managers));
    }

    /** What the acquisitions of the last month did; {@link AcquisitionTally#NONE} without them. */
    public AcquisitionTally lastAcquisitions() {
        return acquisitions == null ? AcquisitionTally.NONE : acquisitions.last();
    }

    /** The unconditional-transfer trial ({@code docs/MODEL.md} §7.17), or null when the rules run none. */
    public TransferTrial transferTrial() {
        return transferTrial;
    }

    /** The goods market, or null when the rules have none. */
    GoodsMarket goodsMarket() {
        return review.market();
    }

    /**
     * Skill is log-normal with mean 1: {@code exp(sigma z - sigma^2 / 2)}. A person holds an
     * advanced degree when a latent score {@code rho z + sqrt(1 - rho^2) z'} is in the top
     * {@code degreeShare} of the standard normal, so degrees correlate with skill by {@code rho}.
     */
    private void drawSkillsAndDegrees(int n) {
        double sigma = labour.skillSigma();
        double share = labour.degreeShare();
        double rho = labour.degreeSkillCorrelation();
        double cut = share <= 0 ? Double.POSITIVE_INFINITY
                : share >= 1 ? Double.NEGATIVE_INFINITY
                : Math.sqrt(2) * Erf.erfInv(1 - 2 * share);
        long base = streams.base(Purpose.SKILL);
        long degreeBase = streams.base(Purpose.DEGREE);
        double rest = Math.sqrt(Math.max(0, 1 - rho * rho));
        for (int i = 0; i < n; i++) {
            double z = sigma > 0 || share > 0 ? normal(base, i) : 0;
            float s = sigma > 0 ? (float) StrictMath.exp(sigma * z - sigma * sigma / 2) : 1f;
            persons[stride * i + PERSON_SKILL] = Float.floatToRawIntBits(s);
            persons[stride * i + PERSON_ROLE] = 0;
            if (share > 0 && rho * z + rest * normal(degreeBase, i) > cut) {
                persons[stride * i + PERSON_ROLE] = ROLE_DEGREE;
            }
        }
    }

    /** A standard normal draw by Box-Muller from two uniforms of the stream. */
    static double normal(long base, long i) {
        long bits = RandomStreams.at(base, i);
        double u1 = RandomStreams.toUnit(bits);
        double u2 = RandomStreams.toUnit(RandomStreams.mix(bits));
        return StrictMath.sqrt(-2 * StrictMath.log1p(-u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /** A person's contribution to their firm's effective effort, fixed point: skill x effort. */
    static long contribution(int effortFixed, double skill) {
        return skill == 1.0 ? effortFixed : Math.round(effortFixed * skill);
    }

    /** Whether a firm may hire without first investing start-up capital. */
    boolean startupCapitalFree() {
        return labour.startupCapital() <= 0;
    }

    /** A schedule whose one phase is this economy's month; add recorders with {@code watch}. */
    public Schedule<Economy> schedule() {
        return new Schedule<>(this).add(step -> step());
    }

    /** Runs one month: the decisions, then the monthly review. */
    public void step() {
        int m = month + 1;
        int n = params.persons();
        technologyBase = streams.base(Purpose.FIRM_TECHNOLOGY, m);
        contactBase = streams.base(Purpose.SEARCH_CONTACT, m);
        long t = System.nanoTime();
        renewTechnologies(m);
        t = lap(Phase.TECHNOLOGY_RENEWAL, t);
        active = BernoulliSampler.sample(streams.base(Purpose.ACTIVATION, m), n,
                params.activationRate(), executor);
        if (searchers.length > 0) {
            active = union(active, searchers);
        }
        t = lap(Phase.ACTIVATION, t);
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
        month = m;
        t = lap(Phase.DECISIONS, t);
        long afterDecisions = t;
        if (acquisitions != null) {
            acquisitions.run(m);
        }
        t = lap(Phase.ACQUISITIONS, t);
        review.run(m); // times its own phases
        t = System.nanoTime();
        if (transferTrial != null) {
            transferTrial.observe(this, m);
        }
        t = lap(Phase.TRANSFER_TRIAL, t);
        state.run(m);
        reviewNanos += lap(Phase.STATE_AND_ELECTIONS, t) - afterDecisions;
    }

    /** Adds the time since {@code start} to a phase; returns now. */
    long lap(Phase phase, long start) {
        long now = System.nanoTime();
        phaseNanos[phase.ordinal()] += now - start;
        return now;
    }

    /**
     * Nanoseconds spent in each phase of the month since this economy was built, indexed by
     * {@link Phase#ordinal()}; a copy. The phases that do not run under the rules in force stay
     * near 0.
     */
    public long[] phaseNanos() {
        return phaseNanos.clone();
    }

    /** Firms handled together when technologies are renewed. */
    private static final int RENEWAL_CHUNK = 1 << 14;

    /**
     * The month's technology shocks: each live firm's technology is replaced by a fresh draw
     * with probability {@code technology_renewal} (stream {@code TECHNOLOGY_RENEWAL}, keyed by
     * month and firm), before anyone decides, so that the month's choices see it. Each chunk of
     * firm ids writes only its own firms: the same renewals for any thread count.
     */
    void renewTechnologies(int m) {
        double hazard = labour.technologyRenewal();
        if (hazard == 0) {
            return;
        }
        long base = streams.base(Purpose.TECHNOLOGY_RENEWAL, m);
        int capacity = firms.capacity();
        executor.forEachChunk(ParallelExecutor.chunkCount(capacity, RENEWAL_CHUNK), c -> {
            for (int f = c * RENEWAL_CHUNK, end = Math.min(capacity, f + RENEWAL_CHUNK); f < end; f++) {
                if (firms.size(f) == 0) {
                    continue;
                }
                long draw = RandomStreams.at(base, f);
                if (RandomStreams.toUnit(draw) < hazard) {
                    firms.renewTechnology(f, (int) RandomStreams.mix(draw));
                }
            }
        });
    }

    /** The sorted union of two increasing id lists. */
    static int[] union(int[] x, int[] y) {
        int[] out = new int[x.length + y.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < x.length && j < y.length) {
            int a = x[i];
            int b = y[j];
            if (a < b) {
                out[k++] = a;
                i++;
            } else if (b < a) {
                out[k++] = b;
                j++;
            } else {
                out[k++] = a;
                i++;
                j++;
            }
        }
        while (i < x.length) {
            out[k++] = x[i++];
        }
        while (j < y.length) {
            out[k++] = y[j++];
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
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
        boolean quitEligible = labour.benefitOnQuit();
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
        boolean free = startupCapitalFree();
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
        private final int contacts = labour.searchContacts();
        /** Candidate slots per person: friends' firms, then employers of random search contacts. */
        private final int slots = maxFriends + contacts;
        private final EffortSolver solver = new EffortSolver(BATCH * (slots + 2), labour.saturation());
        private final Organisation organisation = firms.organisation();
        private final boolean layered = organisation.layered();
        private final boolean hierarchy = labour.hierarchy();
        private final Hierarchy structure = hierarchy();
        private final double ownerShare = labour.ownerShare();
        /**
         * The owner's residual in units of pay after taxes: pay and benefits bear the income tax,
         * residuals the profit tax, so only their ratio matters to a choice.
         */
        private final double residualWeight = (1 - labour.profitTax()) / (1 - state.effectiveIncomeTax());
        private final boolean founding = labour.privateFounding();
        /**
         * The basic income in units of after-tax pay, which persons add to every option's income
         * when the rules say they count it; 0 otherwise.
         */
        private final double basicIncome = labour.ubiInChoices() ? state.ubiRate * policyPay
                / (1 - state.effectiveIncomeTax()) : 0;
        /**
         * The transfer trial while it pays this month and persons count non-labour income in
         * their choices; null otherwise. Its payment, untaxed like the basic income, is added to
         * a treated person's basic income in the same units.
         */
        private final TransferTrial paying = labour.ubiInChoices() && transferTrial != null
                && transferTrial.pays(month + 1) ? transferTrial : null;
        private final double afterTaxUnit = 1 / (1 - state.effectiveIncomeTax());
        /** Each batch person's non-labour income counted in every option: the basic income plus any transfer. */
        private final double[] extraOf = new double[BATCH];
        /** The non-labour income of the person whose options are being posed. */
        private double extra;
        private final boolean publicFirms = firms.anyPublic();
        private final double monitoring = labour.monitoring();
        private final double benefit = labour.benefitReplacement() * policyPay;
        private final double assistance = labour.assistanceReplacement() * policyPay;
        private final boolean quitOption = labour.benefitOnQuit() && benefit > 0;
        private final double managerLeisure = Math.log(1 - labour.managerEffort());
        /** Index of the stay problem, or -1 when staying is a fixed option (manager, unemployed). */
        private final int[] firstProblem = new int[BATCH];
        private final int[] firstCandidate = new int[BATCH];
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
        private final long[] ownWords = new long[BATCH * Firms.WORDS];
        private final int[] ownStaff = new int[BATCH];
        private final long[] candidateWords = new long[BATCH * slots * Firms.WORDS];
        private final int[] candidateStaff = new int[BATCH * slots];
        /** Prices the persons take as given (1 without a goods market). */
        private final float[] ownPrice = new float[BATCH];
        private final float[] candidatePrice = new float[BATCH * slots];
        private final boolean market = firms.market();
        private final boolean screening = labour.dismissal();
        private final boolean softBudget = labour.softBudget();
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
                    int region = regions.of(i);
                    for (int q = 0; q < contacts; q++) {
                        double u = RandomStreams.toUnit(RandomStreams.at(contactBase, (long) i * contacts + q));
                        int g = vacancies.sample(region, u);
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
         * each distinct friend's firm that may hire; staying as a manager or unemployed is a
         * fixed option, computed here.
         */
        private void pose(int k, int b) {
            int i = active[k];
            double theta = preference(i);
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
                        && ((role & ROLE_MONTHS) >>> ROLE_MONTHS_SHIFT) < labour.benefitMonths();
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
                    double cost = Math.min(revenue, complianceCost(n, managers));
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
                    long mine = contribution(ownEffort[b], s);
                    oldContribution[k] = mine;
                    double others = Firms.fromFixed(ownWords[wo] - mine);
                    double betaOwn = firms.beta(t);
                    int claim = (role & ROLE_OWNER) != 0 ? OWNER_CLAIM
                            : publicFirms && firms.ownership(own) == Firms.COOP ? MEMBER_CLAIM : NO_CLAIM;
                    double z = firms.productivity(t);
                    firstProblem[b] = addProducer(firms.a(t, z), firms.b(t, z), betaOwn, firms.saturation(t), theta, others, s,
                            n, managers, claim, ownPrice[b]);
                }
            }
            int base = b * slots;
            firstCandidate[b] = solver.size();
            for (int j = 0; j < candidateCount[b]; j++) {
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
                addProducer(firms.a(tg, z), firms.b(tg, z), betaG, firms.saturation(tg), theta, eg, s, n + 1,
                        st & Firms.STAFF_MANAGERS, claim, candidatePrice[base + j]);
            }
        }

        /**
         * Adds the problem of a producer in a firm of {@code n} members with {@code managers}
         * hired: the equal and the effort-tied parts of pay as the solver's share and gamma, both
         * scaled by the firm's price, which the person takes as given.
         */
        private int addProducer(double a, double b, double beta, double c, double theta, double others,
                                double s, int n, int managers, int claim, float price) {
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
            double premiums = hierarchy ? premiumSum(n, managers) : 0;
            double keep = 1 - ownerShare;
            double toProducers = producers / (producers + keep * premiums);
            double residual = residualWeight * ownerShare * producers;
            double share = claim == OWNER_CLAIM
                    ? toProducers * (residual + keep * (1 - tied))
                    : claim == MEMBER_CLAIM
                    ? toProducers * (residual / n + keep * (1 - tied))
                    : toProducers * keep * (1 - tied);
            double gamma = toProducers * keep * tied;
            int k = solver.add(a, b, beta, theta, others, s, producers, p * share, p * gamma,
                    EffortSolver.guess(beta, theta, others, s));
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
            return labour.hires(pay, product);
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
            for (int j = 0, p = firstCandidate[b]; !screening && j < candidateCount[b]; j++) {
                if (candidateFirm[base + j] >= 0) {
                    best = Math.max(best, solver.logUtility(p++));
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
            for (int j = 0, p = firstCandidate[b]; j < candidateCount[b]; j++) {
                int g = candidateFirm[base + j];
                if (g < 0) {
                    continue;
                }
                if (g != choice && solver.logUtility(p) >= threshold && hired(b, j, p, solver.effort(p))) {
                    count++;
                }
                p++;
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
            for (int j = 0, p = firstCandidate[b]; j < candidates; j++) {
                int g = candidateFirm[base + j];
                if (g < 0) {
                    continue;
                }
                double u = solver.logUtility(p);
                if (u > bestUtility && hired(b, j, p, solver.effort(p))) {
                    bestUtility = u;
                    bestEffort = Firms.toFixed(solver.effort(p));
                    choice = g;
                    pay = lastPay;
                }
                p++;
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
            newContribution[k] = producer ? contribution(bestEffort, skillOf[b])
                    : choice == STAY ? oldContribution[k] : 0;
        }
    }

    /**
     * Mean pay of a firm's producers: output net of the owner's residual, shared so that each
     * manager earns their layer's premium over it.
     */
    double producerMeanPay(double output, int members, int managers, double premiums) {
        int producers = members - managers;
        double keep = 1 - labour.ownerShare();
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
        if (firms.marketOn && labour.dismissal()) {
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
            if (!labour.hires(joinPay[k], product)
                    && !(labour.softBudget() && firms.ownership(g) == Firms.STATE)) {
                target[k] = STAY;
                chosenEffort[k] = persons[stride * active[k] + PERSON_EFFORT];
                newContribution[k] = oldContribution[k];
                rejected++;
            } else {
                taken.merge(g, x, Long::sum);
            }
        }
    }

    /** Joiners turned away by {@link #rescreenJoiners} since the economy was built. */
    private long rejected;

    /** Joiners owners turned away as their firm filled up within a round (goods market only). */
    long rejectedJoiners() {
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

    /** Called by the review when a dismissal or ownership change leaves a firm empty. */
    void countDeath() {
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

    /** Person i's preference for income over leisure, uniform on [0, 1), derived from the seed. */
    public double preference(int person) {
        double u = RandomStreams.toUnit(RandomStreams.at(preferenceBase, person));
        double low = baseRules.thetaMin();
        double high = baseRules.thetaMax();
        // Axtell's [0, 1) exactly, without arithmetic on the draw.
        return low == 0 && high == 1 ? u : low + (high - low) * u;
    }

    /**
     * Who takes over a firm first, an heir or a buyer from among its members: producers before
     * managers, then higher skill, then lower id.
     */
    boolean takesOverBefore(int i, int j) {
        boolean pi = (role(i) & ROLE_LAYER) == 0;
        boolean pj = (role(j) & ROLE_LAYER) == 0;
        if (pi != pj) {
            return pi;
        }
        double si = skill(i);
        double sj = skill(j);
        return si > sj || (si == sj && i < j);
    }

    /** Person i's skill: effective effort is skill x effort. */
    public double skill(int person) {
        return Float.intBitsToFloat(persons[stride * person + PERSON_SKILL]);
    }

    /** Whether person i holds an advanced degree. */
    public boolean hasDegree(int person) {
        return (persons[stride * person + PERSON_ROLE] & ROLE_DEGREE) != 0;
    }

    /** Whether person i owns the firm they work in. */
    public boolean isOwner(int person) {
        return (persons[stride * person + PERSON_ROLE] & ROLE_OWNER) != 0;
    }

    /** Person i's manager layer, 1 = first line; 0 if not a manager. */
    public int managerLayer(int person) {
        return persons[stride * person + PERSON_ROLE] & ROLE_LAYER;
    }

    /** Good alternatives person i found at their last activation ({@link Autonomy}), 0 to 15. */
    public int exitOptions(int person) {
        return (persons[stride * person + PERSON_ROLE] & ROLE_EXITS) >>> ROLE_EXITS_SHIFT;
    }

    /** Completed months person i has been unemployed; 0 when employed. */
    public int monthsUnemployed(int person) {
        return (persons[stride * person + PERSON_ROLE] & ROLE_MONTHS) >>> ROLE_MONTHS_SHIFT;
    }

    /** Person i's wealth. */
    public double wealth(int person) {
        return wealth[person];
    }

    /** Person i's class in the last month. */
    public PersonClass personClass(int person) {
        return PersonClass.of(personClass[person]);
    }

    public LabourParameters labour() {
        return labour;
    }

    /** What the last monthly review measured; null before the first month. */
    public ReviewTally lastReview() {
        return review.last();
    }

    /** Mean wealth over persons, as the last review tallied it (the initial wealth before one). */
    public double meanWealth() {
        ReviewTally t = review.last();
        if (t != null) {
            return t.wealth() / wealth.length;
        }
        double total = 0;
        for (double w : wealth) {
            total += w;
        }
        return total / wealth.length;
    }

    /** The local labour markets. */
    public Regions regions() {
        return regions;
    }

    /**
     * Each region's labour-market concentration: the Herfindahl-Hirschman index (0 to 10,000) of
     * the employees of the employer firms located there (a firm in its founder's region), with
     * the employees per region; computed on demand by one pass over the firms.
     *
     * @return {@code [0]} employees per region, {@code [1]} HHI per region (0 where none)
     */
    public double[][] regionalHhi() {
        int count = regions.count();
        double[] employees = new double[count];
        double[] squares = new double[count];
        for (int f = 0; f < firms.capacity(); f++) {
            int size = firms.size(f);
            if (size < 2) {
                continue;
            }
            int r = regions.of(firms.founder(f));
            employees[r] += size - 1;
            squares[r] += (double) (size - 1) * (size - 1);
        }
        double[] hhi = new double[count];
        for (int r = 0; r < count; r++) {
            hhi[r] = employees[r] == 0 ? 0 : 10_000 * squares[r] / (employees[r] * employees[r]);
        }
        return new double[][] {employees, hhi};
    }

    /** The employment-weighted mean of the regions' HHI. */
    public double labourHhiMean() {
        double[][] e = regionalHhi();
        double weighted = 0;
        double total = 0;
        for (int r = 0; r < e[0].length; r++) {
            weighted += e[0][r] * e[1][r];
            total += e[0][r];
        }
        return total == 0 ? Double.NaN : weighted / total;
    }

    /** The Gini coefficient of wealth; see {@link Inequality#gini}. */
    public double wealthGini() {
        return Inequality.gini(wealth);
    }

    /** The Lorenz curve of wealth at {@code points + 1} population shares. */
    public double[] wealthLorenz(int points) {
        return Inequality.lorenz(wealth, points);
    }

    /** Mean monthly pay of firm members in the last month. */
    /**
     * Sets the unit of policy amounts for the next month from the review just ended: the money
     * unit, the median pay of employees (the mean pay of members while no employee is paid), or
     * the mean pay of members.
     */
    void updatePolicyPay(ReviewTally review) {
        if (labour.policyInMoney()) {
            policyPay = 1;
        } else if (labour.policyInMedianPay()) {
            double median = review.employeePayMedian();
            policyPay = median > 0 ? median : meanPay;
        } else {
            policyPay = meanPay;
        }
    }

    /** The unit of policy amounts given as a share of pay ({@link #policyPay}). */
    public double policyPay() {
        return policyPay;
    }

    public double meanPay() {
        return meanPay;
    }

    public ModelParameters parameters() {
        return params;
    }

    public long seed() {
        return streams.seed();
    }

    RandomStreams streams() {
        return streams;
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

    /** The firm person i works in, or -1 when unemployed. */
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

    /** Person i's contribution to their firm's effective effort (0 for managers and the unemployed). */
    public long contributionFixed(int person) {
        int record = stride * person;
        if (persons[record + PERSON_FIRM] < 0 || (persons[record + PERSON_ROLE] & ROLE_LAYER) != 0) {
            return 0;
        }
        return contribution(persons[record + PERSON_EFFORT], skill(person));
    }

    public Firms firms() {
        return firms;
    }

    /** Nanoseconds spent in monthly reviews since the economy was built (for the bench). */
    public long reviewNanos() {
        return reviewNanos;
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

    /**
     * Hires of the last month as JOLTS counts them: persons who joined an existing firm (from
     * another firm or from unemployment), founders excluded.
     */
    public long hires() {
        return hires;
    }

    /**
     * Quits of the last month as JOLTS counts them: employees (members who do not own their firm)
     * who left it of their own accord, to another firm, a firm of their own or unemployment.
     */
    public long employeeQuits() {
        return employeeQuits;
    }

    /** Persons who quit to unemployment in the last month. */
    public long quits() {
        return quits;
    }

    /** @return bytes held by the columns of persons, firms and the network */
    public long columnBytes() {
        return 4L * persons.length + 8L * wealth.length + 8L * history.length + personClass.length
                + firms.bytes() + review.bytes() + vacancies.bytes()
                + (acquisitions == null ? 0 : acquisitions.bytes())
                + (transferTrial == null ? 0 : transferTrial.bytes())
                + (outcome == null ? 0 : 8L * outcome.length)
                + (recentIncome == null ? 0 : 16L * recentIncome.length);
    }

    /**
     * A 64-bit fingerprint of the state: the month, persons' columns (firm, effort, role, wealth,
     * history), firms' columns and id pool.
     */
    public String stateHash() {
        ColumnHasher h = new ColumnHasher();
        h.add(month).add(params.persons());
        for (int i = 0; i < params.persons(); i++) {
            h.add(persons[stride * i + PERSON_FIRM]).add(persons[stride * i + PERSON_EFFORT]);
        }
        firms.hashInto(h);
        if (!labour.equals(LabourParameters.AXTELL)) {
            firms.hashLabourInto(h);
            for (int i = 0; i < params.persons(); i++) {
                h.add(persons[stride * i + PERSON_ROLE]).add(Double.doubleToLongBits(wealth[i]))
                        .add(history[i]);
            }
        }
        state.hashInto(h);
        return h.hex();
    }
}
