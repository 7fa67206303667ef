package io.ownerscape.model;

import io.ownerscape.engine.ColumnHasher;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.engine.Schedule;
import io.ownerscape.model.acquisitions.AcquisitionTally;
import io.ownerscape.model.acquisitions.Acquisitions;
import io.ownerscape.model.choice.Decisions;
import io.ownerscape.model.classes.Autonomy;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.goods.GoodsMarket;
import io.ownerscape.model.goods.Vacancies;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.MonthlyReview;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.metrics.Inequality;
import io.ownerscape.model.network.FriendNetwork;
import io.ownerscape.model.politics.ForecastIncome;
import io.ownerscape.model.politics.Platform;
import io.ownerscape.model.production.Organisation;
import io.ownerscape.model.production.TechnologyRenewal;
import io.ownerscape.model.state.State;
import io.ownerscape.model.trial.TransferTrial;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.world.Initialisation;
import io.ownerscape.model.world.PersonRecord;
import io.ownerscape.model.world.Regions;
import io.ownerscape.model.world.World;

import java.util.Arrays;

import static io.ownerscape.model.world.PersonRecord.PERSON_EFFORT;
import static io.ownerscape.model.world.PersonRecord.PERSON_FIRM;
import static io.ownerscape.model.world.PersonRecord.PERSON_FRIENDS;
import static io.ownerscape.model.world.PersonRecord.PERSON_ROLE;
import static io.ownerscape.model.world.PersonRecord.PERSON_SKILL;
import static io.ownerscape.model.world.PersonRecord.ROLE_DEGREE;
import static io.ownerscape.model.world.PersonRecord.ROLE_EXITS;
import static io.ownerscape.model.world.PersonRecord.ROLE_EXITS_SHIFT;
import static io.ownerscape.model.world.PersonRecord.ROLE_LAYER;
import static io.ownerscape.model.world.PersonRecord.ROLE_MONTHS;
import static io.ownerscape.model.world.PersonRecord.ROLE_MONTHS_SHIFT;
import static io.ownerscape.model.world.PersonRecord.ROLE_OWNER;

/**
 * The world and its month: the composition of the submodels, in the order of MODEL.md §3.
 *
 * <p>It holds the columns: the person records ({@link PersonRecord}: firm, effort, role word,
 * skill, friends; everything a decision reads about a person on one or two cache lines), wealth,
 * job histories, classes, and the firm table ({@link Firms}). A person's preference theta is not
 * stored: it is a pure function of (seed, person). It hands the submodels a private
 * implementation of {@link World} ({@link #world()}), so they depend on that interface and not on
 * this class, and the operations they share stay off this class's API.
 *
 * <p>A month ({@link #step()}): technology renewal ({@link TechnologyRenewal}); activation and the
 * decisions, round by round ({@link Decisions}); acquisitions ({@link Acquisitions}); the monthly
 * review, with the goods market ({@link MonthlyReview}: pay, wealth, dismissals, staffing,
 * classes); the transfer trial's observation ({@link TransferTrial}); the state and elections
 * ({@link State}). Each phase is timed ({@link #phaseNanos()}). Every pass runs in fixed chunks and
 * draws from streams keyed by (seed, purpose, month, id): the same world for any thread count.
 * Outputs read a world through the public accessors below and {@code metrics.MetricsRecorder}.
 */
public final class Economy {

    private final ModelParameters params;
    /** The rules in force this month: the scenario's, changed by the ruling platform's policies. */
    private LabourParameters labour;
    /**
     * The scenario's rules, which platforms' policies are applied to; a policy schedule changes
     * their policy keys at set months ({@link State#schedule}).
     */
    private LabourParameters baseRules;
    /** The state: budget, ownership programmes, platforms, elections. */
    private final State state;
    /** In a fork that forecasts for the voters: the income it adds up; null otherwise. */
    private ForecastIncome forecastIncome;
    private final RandomStreams streams;
    private final ParallelExecutor executor;
    private final Firms firms;
    /** Person records: firm, effort, role, skill, then friends (-1 where fewer than the maximum). */
    private final int[] persons;
    /** Ints per person record. */
    private final int stride;
    /** Wealth of each person, in the model's money (output units). */
    private final double[] wealth;
    /**
     * Job history: bit k of the low word says the person changed employer k months ago, bit k of
     * the high word that the person was unemployed then (k = 0 is the current month; the review
     * shifts the bits once it has classified everyone).
     */
    private final long[] history;
    /** Each person's class in the last month, {@link PersonClass#ordinal}; -1 before the first. */
    private final byte[] personClass;
    private final long preferenceBase;
    private final MonthlyReview review;
    /** The month's activations and choices. */
    private final Decisions decisions;
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
    private double meanPay;
    /**
     * The unit of policy amounts given as a share of pay (basic income, benefits, assistance):
     * last month's mean pay of firm members, median pay of employees, or 1 (the money unit), as
     * the rules say ({@link World#updatePolicyPay}).
     */
    private double policyPay;
    /** Unemployed persons who search in the coming month, increasing. */
    private int[] searchers = new int[0];

    /** Wall-clock time spent in monthly reviews since the start, for benchmarks. */
    private long reviewNanos;
    /** Nanoseconds spent in each {@link Phase} since construction (or the fork). */
    private final long[] phaseNanos = new long[Phase.values().length];
    /** Persons per chunk of a parallel pass over the records. */
    private static final int PERSON_CHUNK = 1 << 16;
    /** The world as the submodels see it; they are handed this, never the economy itself. */
    private final Inside inside = new Inside();

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
        this.persons = Initialisation.personRecords(params, labour, streams, network, executor);
        this.wealth = new double[n];
        this.history = new long[n];
        this.personClass = new byte[n];
        Arrays.fill(personClass, (byte) -1);
        if (labour.returnsCap() > 0 && params.betaMax() > 2) {
            throw new IllegalArgumentException("returns_cap = " + labour.returnsCap() + " with beta_max = "
                    + params.betaMax() + ": bounded returns need beta_max <= 2 (output must stay convex)");
        }
        // Room for the first months' foundings before dissolved firms free their ids (about 0.5% of
        // persons in month 1); past it the columns grow by an eighth.
        this.firms = new Firms(n + n / 32 + 1024, params, labour.goodsMarket(), labour.acquisitions(),
                Organisation.of(labour));
        double totalPay = Initialisation.foundSingletonFirms(firms, persons, stride, streams, labour,
                this::preference, startupCapitalFree(), executor);
        this.meanPay = totalPay / n;
        this.policyPay = labour.policyInMoney() ? 1 : meanPay;
        Initialisation.drawWealth(wealth, labour, streams, meanPay, executor);
        this.vacancies = new Vacancies(regions);
        this.transferTrial = labour.transferTrial() ? new TransferTrial(labour, streams, n) : null;
        this.review = new MonthlyReview(inside, transferTrial);
        this.acquisitions = labour.acquisitions() ? new Acquisitions(inside) : null;
        this.state = new State(inside, platforms, ruling);
        this.decisions = new Decisions(inside, transferTrial, null);
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
        this.transferTrial = o.transferTrial == null ? null : o.transferTrial.copy();
        this.review = new MonthlyReview(inside, transferTrial, o.review);
        this.acquisitions = o.acquisitions == null ? null : o.acquisitions.copyFor(inside);
        this.state = o.state.copyFor(inside);
        this.decisions = new Decisions(inside, transferTrial, o.decisions);
    }

    /**
     * The world as the submodels see it: the columns, the rules of the month and the operations
     * they share, mutators included (MODEL.md §7's submodels and the model's tests use it; outputs
     * read this class's own accessors and {@code metrics.MetricsRecorder}).
     */
    public World world() {
        return inside;
    }

    /** An independent deep copy of the world (see {@link #Economy(Economy)}). */
    public Economy fork() {
        return new Economy(this);
    }

    /** The state: budget, platforms and elections. */
    public State state() {
        return state;
    }

    private int role(int person) {
        return persons[stride * person + PERSON_ROLE];
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
    public Hierarchy hierarchy() {
        return firms.organisation().hierarchy();
    }

    /**
     * Administrative posts a firm of {@code members} fills for its compliance work: the work
     * rounded to whole posts, in firms large enough to have managers ({@code n - 1} above the
     * span of control); 0 in smaller firms and without a hierarchy, which buy the work outside.
     */
    private int administrativePosts(int members) {
        if (!labour.hierarchy() || members - 1 <= hierarchy().directSpan()) {
            return 0;
        }
        return (int) Math.round(complianceWork(members));
    }

    /** The administrators a firm has: managers beyond those supervision needs, up to its posts. */
    private int administrators(int members, int managers) {
        int posts = administrativePosts(members);
        return posts == 0 ? 0
                : Math.min(posts, Math.max(0, managers - hierarchy().managersNeeded(members)));
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
    public GoodsMarket goodsMarket() {
        return review.market();
    }

    /** Whether a firm may hire without first investing start-up capital. */
    private boolean startupCapitalFree() {
        return labour.startupCapital() <= 0;
    }

    /** A schedule whose one phase is this economy's month; add recorders with {@code watch}. */
    public Schedule<Economy> schedule() {
        return new Schedule<>(this).add(step -> step());
    }

    /** Runs one month: the decisions, then the monthly review. */
    public void step() {
        int m = month + 1;
        long t = System.nanoTime();
        TechnologyRenewal.run(firms, labour.technologyRenewal(), streams, executor, m);
        t = lap(Phase.TECHNOLOGY_RENEWAL, t);
        t = decisions.run(m, t);
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
            transferTrial.observe(inside, m);
        }
        t = lap(Phase.TRANSFER_TRIAL, t);
        state.run(m);
        t = lap(Phase.STATE_AND_ELECTIONS, t);
        if (firms.compactionDue()) {
            renumberFirms();
        }
        reviewNanos += lap(Phase.FIRM_IDS, t) - afterDecisions;
    }

    /**
     * Renumbers the firms in their order ({@link Firms#compact}) and every firm id held beyond the
     * month: the persons' records, the review's vacancies and the goods market's outputs (which
     * outputs read after the month). Nothing else holds a firm id from one month to the next (the
     * decisions', the review's and the acquisitions' lists are the month's own).
     */
    private void renumberFirms() {
        review.releaseFirmArrays();
        int[] newId = firms.compact();
        executor.forEachRange(persons(), PERSON_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                int at = stride * i + PERSON_FIRM;
                int f = persons[at];
                if (f >= 0) {
                    persons[at] = newId[f];
                }
            }
        });
        vacancies.renumber(newId);
        GoodsMarket market = goodsMarket();
        if (market != null) {
            market.renumber(newId, firms.capacity());
        }
    }

    /** Adds the time since {@code start} to a phase; returns now. */
    private long lap(Phase phase, long start) {
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

    /** Person i's preference for income over leisure, uniform on [0, 1), derived from the seed. */
    public double preference(int person) {
        double u = RandomStreams.toUnit(RandomStreams.at(preferenceBase, person));
        double low = baseRules.thetaMin();
        double high = baseRules.thetaMax();
        // Axtell's [0, 1) exactly, without arithmetic on the draw.
        return low == 0 && high == 1 ? u : low + (high - low) * u;
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

    /** The unit of policy amounts given as a share of pay ({@link #policyPay}). */
    public double policyPay() {
        return policyPay;
    }

    /** Mean monthly pay of firm members in the last month. */
    public double meanPay() {
        return meanPay;
    }

    public ModelParameters parameters() {
        return params;
    }

    public long seed() {
        return streams.seed();
    }

    public RandomStreams streams() {
        return streams;
    }

    public int threads() {
        return executor.threads();
    }

    public ParallelExecutor executor() {
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
        return PersonRecord.contribution(persons[record + PERSON_EFFORT], skill(person));
    }

    public Firms firms() {
        return firms;
    }

    /** Nanoseconds spent in monthly reviews since the economy was built (for the bench). */
    public long reviewNanos() {
        return reviewNanos;
    }

    /** The scenario's rules as changed by scheduled changes, before any platform's policies. */
    public LabourParameters baseRules() {
        return baseRules;
    }

    /** Persons activated in the last month. */
    public long activations() {
        return decisions.activations();
    }

    /** Firms founded in the last month. */
    public long births() {
        return decisions.births();
    }

    /** Firms dissolved in the last month. */
    public long deaths() {
        return decisions.deaths();
    }

    /** Persons who changed firm (joined another or founded one) in the last month. */
    public long moves() {
        return decisions.moves();
    }

    /**
     * Hires of the last month as JOLTS counts them: persons who joined an existing firm (from
     * another firm or from unemployment), founders excluded.
     */
    public long hires() {
        return decisions.hires();
    }

    /**
     * Quits of the last month as JOLTS counts them: employees (members who do not own their firm)
     * who left it of their own accord, to another firm, a firm of their own or unemployment.
     */
    public long employeeQuits() {
        return decisions.employeeQuits();
    }

    /** Joiners owners turned away as their firm filled up within a round (goods market only). */
    public long rejectedJoiners() {
        return decisions.rejectedJoiners();
    }

    /** Persons who quit to unemployment in the last month. */
    public long quits() {
        return decisions.quits();
    }

    /** @return bytes held by the columns of persons, firms and the network */
    public long columnBytes() {
        return 4L * persons.length + 8L * wealth.length + 8L * history.length + personClass.length
                + firms.bytes() + review.bytes() + vacancies.bytes()
                + (acquisitions == null ? 0 : acquisitions.bytes())
                + (transferTrial == null ? 0 : transferTrial.bytes())
                + (forecastIncome == null ? 0 : forecastIncome.bytes());
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

    /**
     * The world as the submodels see it ({@link World}): the columns and the operations they share,
     * mutators included. Kept off this class's own API, which outputs and fronts read.
     */
    private final class Inside implements World {
        @Override
        public int[] personRecords() {
            return persons;
        }

        @Override
        public int stride() {
            return stride;
        }

        @Override
        public double[] wealthColumn() {
            return wealth;
        }

        @Override
        public long[] historyColumn() {
            return history;
        }

        @Override
        public byte[] classColumn() {
            return personClass;
        }

        @Override
        public Firms firms() {
            return Economy.this.firms();
        }

        @Override
        public Regions regions() {
            return Economy.this.regions();
        }

        @Override
        public int persons() {
            return Economy.this.persons();
        }

        @Override
        public ModelParameters parameters() {
            return Economy.this.parameters();
        }

        @Override
        public LabourParameters labour() {
            return Economy.this.labour();
        }

        @Override
        public LabourParameters baseRules() {
            return Economy.this.baseRules();
        }

        /** Replaces the scenario's rules by a scheduled change; the state then puts them in force. */
        @Override
        public void changeBaseRules(LabourParameters rules) {
            Economy.this.baseRules = rules;
        }

        /**
         * Puts rules in force from the next month. Only policy keys ({@link LabourParameters#POLICY_KEYS})
         * may differ from the scenario's rules.
         */
        @Override
        public void applyRules(LabourParameters rules) {
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

        @Override
        public int month() {
            return Economy.this.month();
        }

        @Override
        public RandomStreams streams() {
            return Economy.this.streams();
        }

        @Override
        public ParallelExecutor executor() {
            return Economy.this.executor();
        }

        @Override
        public double meanPay() {
            return Economy.this.meanPay();
        }

        @Override
        public double policyPay() {
            return Economy.this.policyPay();
        }

        @Override
        public double incomeTax() {
            return state.effectiveIncomeTax();
        }

        @Override
        public double ubiRate() {
            return state.ubiRate();
        }

        @Override
        public ReviewTally lastReview() {
            return Economy.this.lastReview();
        }

        @Override
        public int role(int person) {
            return Economy.this.role(person);
        }

        @Override
        public void setRole(int person, int role) {
            persons[stride * person + PERSON_ROLE] = role;
        }

        @Override
        public double preference(int person) {
            return Economy.this.preference(person);
        }

        @Override
        public int firmOf(int person) {
            return Economy.this.firmOf(person);
        }

        @Override
        public double effort(int person) {
            return Economy.this.effort(person);
        }

        @Override
        public long contributionFixed(int person) {
            return Economy.this.contributionFixed(person);
        }

        /**
         * Who takes over a firm first, an heir or a buyer from among its members: producers before
         * managers, then higher skill, then lower id.
         */
        @Override
        public boolean takesOverBefore(int i, int j) {
            boolean pi = (role(i) & ROLE_LAYER) == 0;
            boolean pj = (role(j) & ROLE_LAYER) == 0;
            if (pi != pj) {
                return pi;
            }
            double si = skill(i);
            double sj = skill(j);
            return si > sj || (si == sj && i < j);
        }

        @Override
        public Hierarchy hierarchy() {
            return Economy.this.hierarchy();
        }

        @Override
        public int administrativePosts(int members) {
            return Economy.this.administrativePosts(members);
        }

        @Override
        public int administrators(int members, int managers) {
            return Economy.this.administrators(members, managers);
        }

        /**
         * The sum of the pay premiums of a firm's managers: the supervisors by their layers
         * ({@link Hierarchy#premiumSum}), the administrators at the first layer's premium.
         */
        @Override
        public double premiumSum(int members, int managers) {
            int admins = administrators(members, managers);
            return hierarchy().premiumSum(members, managers - admins)
                    + (admins == 0 ? 0 : admins * Hierarchy.premium(1));
        }

        /**
         * The month's compliance cost in money of a firm of {@code members} with {@code managers}: the
         * work its administrators do not do, bought outside at mean pay,
         * {@code wbar_{t-1} max(0, work - administrators)}.
         */
        @Override
        public double complianceCost(int members, int managers) {
            return members < 2 ? 0 : meanPay * Math.max(0, complianceWork(members) - administrators(members, managers));
        }

        @Override
        public boolean startupCapitalFree() {
            return Economy.this.startupCapitalFree();
        }

        @Override
        public GoodsMarket goodsMarket() {
            return Economy.this.goodsMarket();
        }

        @Override
        public Vacancies vacancies() {
            return vacancies;
        }

        /** The unemployed who search in the coming month, increasing; not a copy. */
        @Override
        public int[] searchers() {
            return searchers;
        }

        /** Sets the unemployed who search in the coming month (increasing ids). */
        @Override
        public void searchNextMonth(int[] persons) {
            Economy.this.searchers = persons;
        }

        /** Records the mean monthly pay of firm members in the month just reviewed. */
        @Override
        public void recordMeanPay(double pay) {
            Economy.this.meanPay = pay;
        }

        /**
         * Sets the unit of policy amounts for the next month from the review just ended: the money
         * unit, the median pay of employees (the mean pay of members while no employee is paid), or
         * the mean pay of members.
         */
        @Override
        public void updatePolicyPay(ReviewTally review) {
            if (labour.policyInMoney()) {
                policyPay = 1;
            } else if (labour.policyInMedianPay()) {
                double median = review.employeePayMedian();
                policyPay = median > 0 ? median : meanPay;
            } else {
                policyPay = meanPay;
            }
        }

        /** Counts a firm the review or the state left empty (a dismissal or an ownership change). */
        @Override
        public void countDeath() {
            decisions.countDeath();
        }

        @Override
        public long lap(Phase phase, long start) {
            return Economy.this.lap(phase, start);
        }

        @Override
        public World fork() {
            return Economy.this.fork().inside;
        }

        @Override
        public void step() {
            Economy.this.step();
        }

        @Override
        public void forecastUnder(int platform, double ubi) {
            state.forecast(platform, ubi);
        }

        @Override
        public double firmValue(int f) {
            return state.firmValue(f);
        }

        /** What this world adds up for a forecast, or null when it is not forecasting. */
        @Override
        public ForecastIncome forecastIncome() {
            return forecastIncome;
        }

        /** Starts (or, with null, stops) adding up income for a forecast. */
        @Override
        public void addUpForecast(ForecastIncome ledger) {
            Economy.this.forecastIncome = ledger;
        }
    }
}
