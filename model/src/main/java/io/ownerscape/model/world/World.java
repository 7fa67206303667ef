package io.ownerscape.model.world;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.Phase;
import io.ownerscape.model.goods.GoodsMarket;
import io.ownerscape.model.goods.Vacancies;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.politics.ForecastIncome;

/**
 * What a submodel may read and change of the world it runs in: the columns of persons and firms,
 * the rules and conditions of the month, and the few operations that several submodels share.
 * {@code Economy} hands its submodels a private implementation of it ({@code Economy.world()}), so
 * they depend on this interface and not on the composition that runs them (MASON's
 * {@code SimState} plays this part), and its mutators stay off the economy's own API.
 *
 * <p>The columns are returned, not copied: a submodel writes them in place during its phase, and
 * MODEL.md §3 and {@code docs/ARCHITECTURE.md} say which phase writes which.
 */
public interface World {

    // --- the columns (ODD §2) ---

    /** The person records, {@link #stride()} ints a person laid out as {@link PersonRecord} says. */
    int[] personRecords();

    /** Ints per person record. */
    int stride();

    /** Each person's wealth, in the model's money. */
    double[] wealthColumn();

    /** Each person's job history: months with a change of employer (low half), unemployed (high). */
    long[] historyColumn();

    /** Each person's class in the last month, as {@code PersonClass} ordinals; -1 before the first. */
    byte[] classColumn();

    /** The firm table. */
    Firms firms();

    /** The local labour markets. */
    Regions regions();

    /** The number of persons. */
    int persons();

    // --- rules and conditions of the month ---

    /** Axtell's parameters. */
    ModelParameters parameters();

    /** The rules in force this month (the scenario's, changed by the ruling platform's policies). */
    LabourParameters labour();

    /** The scenario's rules as changed by scheduled changes, before any platform's policies. */
    LabourParameters baseRules();

    /** Replaces the scenario's rules by a scheduled change. */
    void changeBaseRules(LabourParameters rules);

    /** Puts rules in force from the next month (only policy keys may differ from the scenario's). */
    void applyRules(LabourParameters rules);

    /**
     * The month: during the technology renewal and the decisions the last completed one (0 before
     * the first), from the acquisitions on the month being run.
     */
    int month();

    /** The random streams of this world. */
    RandomStreams streams();

    /** The executor every pass runs its chunks on. */
    ParallelExecutor executor();

    /** Mean monthly pay of firm members in the last month: the unit of benefits and capital. */
    double meanPay();

    /** The unit of policy amounts given as a share of pay. */
    double policyPay();

    /** The income tax in force, with the balanced-budget surcharge. */
    double incomeTax();

    /** The basic income paid this month, as a share of {@link #policyPay()}. */
    double ubiRate();

    /** The last monthly review's tally; null before the first review. */
    ReviewTally lastReview();

    // --- shared rules and operations ---

    /** A person's role word. */
    int role(int person);

    /** Sets a person's role word. */
    void setRole(int person, int role);

    /** A person's preference for income over leisure. */
    double preference(int person);

    /** The firm a person belongs to, -1 when unemployed. */
    int firmOf(int person);

    /** A person's effort (0 when unemployed). */
    double effort(int person);

    /** A person's contribution to their firm's effective effort, fixed point. */
    long contributionFixed(int person);

    /** Whether {@code i} takes over a firm before {@code j}: producers before managers, then higher skill, then lower id. */
    boolean takesOverBefore(int i, int j);

    /** The hierarchy rule. */
    Hierarchy hierarchy();

    /** Administrative posts a firm of {@code members} fills for its compliance work. */
    int administrativePosts(int members);

    /** The administrators a firm has: managers beyond those supervision needs, up to its posts. */
    int administrators(int members, int managers);

    /** The sum of the pay premiums of a firm's managers (supervisors and administrators). */
    double premiumSum(int members, int managers);

    /** The month's compliance cost in money of a firm: the work its administrators do not do. */
    double complianceCost(int members, int managers);

    /** Whether a firm may hire without first investing start-up capital. */
    boolean startupCapitalFree();

    /** The goods market, or null without one. */
    GoodsMarket goodsMarket();

    /** Firms with room to hire, by region. */
    Vacancies vacancies();

    /** The unemployed who search in the coming month, increasing; not a copy. */
    int[] searchers();

    /** Sets the unemployed who search in the coming month (increasing ids). */
    void searchNextMonth(int[] persons);

    /** Records the mean monthly pay of firm members in the month just reviewed. */
    void recordMeanPay(double pay);

    /** Updates the unit of policy amounts from the month's review. */
    void updatePolicyPay(ReviewTally review);

    /** Counts a firm left empty outside the decisions (a dismissal, an ownership change). */
    void countDeath();

    /** Adds the time since {@code start} to a phase; returns now. */
    long lap(Phase phase, long start);

    // --- forecasts (politics) ---

    /** An independent deep copy of this world. */
    World fork();

    /** Runs one month. */
    void step();

    /** Marks this world's state as a forecast's: platform {@code platform}, no elections, the basic income fixed at {@code ubi}. */
    void forecastUnder(int platform, double ubi);

    /** A firm's value under the rules in force: {@code H} months of its owner's residual (MODEL.md §7.13). */
    double firmValue(int f);

    /** What this world adds up for a forecast, or null when it is not forecasting. */
    ForecastIncome forecastIncome();

    /** Starts (or, with null, stops) adding up income for a forecast. */
    void addUpForecast(ForecastIncome ledger);
}
