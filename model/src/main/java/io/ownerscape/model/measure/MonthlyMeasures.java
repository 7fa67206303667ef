package io.ownerscape.model.measure;

import io.ownerscape.model.goods.MarketTally;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.measure.Measure.Kind;
import io.ownerscape.model.metrics.MonthlyMetrics;
import io.ownerscape.model.state.StateTally;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Every monthly measure, declared once, grouped in the tables of a run's {@code results.duckdb}
 * ({@link #MONTHLY}, {@link #LABOUR}, {@link #MARKET}, {@link #STATE}); {@link #HEADLINE} is the
 * selection the experiment store keeps per run and the dashboard streams. The stores make their
 * tables, the dashboard its frames and CSV, and {@code docs/OUTPUTS.md} its column tables from these
 * lists. A new measure is one line here and, if it is new to the model, its computation.
 */
public final class MonthlyMeasures {
    private MonthlyMeasures() {
    }

    // ---- the firm-size distribution, flows and acquisitions (results table `monthly`) ----
    public static final Measure MONTH = new Measure("month", Kind.INTEGER, "month",
            "month just completed, from 1", o -> o.metrics().month());
    public static final Measure BURN_IN = new Measure("burn_in", Kind.BOOLEAN, "",
            "`true` if `month <= burn_in`", o -> o.burnIn());
    public static final Measure FIRMS = whole("firms", "firms", "live firms", MonthlyMetrics::firms);
    public static final Measure EMPLOYER_FIRMS = whole("employer_firms", "firms", "firms with at least 2 members",
            MonthlyMetrics::employerFirms);
    public static final Measure EMPLOYEES = whole("employees", "persons", "members of employer firms minus one per firm",
            MonthlyMetrics::employees);
    public static final Measure MEAN_EMPLOYER_FIRM_SIZE = number("mean_employer_firm_size", "employees",
            "employees per employer firm", MonthlyMetrics::meanEmployerFirmSize);
    public static final Measure MEDIAN_EMPLOYER_FIRM_SIZE = number("median_employer_firm_size", "employees",
            "median employees of employer firms", MonthlyMetrics::medianEmployerFirmSize);
    public static final Measure ZIPF_ALPHA = number("zipf_alpha", "",
            "Zipf (CCDF) exponent of employer firms' employees; **NaN** (not NULL) in months without a fit",
            MonthlyMetrics::zipfAlpha);
    public static final Measure ZIPF_SMIN = whole("zipf_smin", "employees", "tail threshold of the fit; 0 without a fit",
            MonthlyMetrics::zipfSmin);
    public static final Measure ZIPF_TAIL_FIRMS = whole("zipf_tail_firms", "firms",
            "employer firms in the fitted tail; 0 without a fit", MonthlyMetrics::zipfTailFirms);
    public static final Measure ZIPF_KS = number("zipf_ks", "", "Kolmogorov-Smirnov distance of the fit; NaN without a fit",
            MonthlyMetrics::zipfKs);
    public static final Measure LARGEST_FIRM = whole("largest_firm", "persons", "members of the largest firm",
            MonthlyMetrics::largestFirm);
    public static final Measure SINGLETON_SHARE = number("singleton_share", "share of firms",
            "share of firms with one member", MonthlyMetrics::singletonShare);
    public static final Measure ACTIVATIONS = whole("activations", "persons", "persons activated in the month",
            MonthlyMetrics::activations);
    public static final Measure BIRTHS = whole("births", "firms", "firms founded in the month", MonthlyMetrics::births);
    public static final Measure DEATHS = whole("deaths", "firms", "firms dissolved in the month", MonthlyMetrics::deaths);
    public static final Measure MOVES = whole("moves", "persons", "persons who joined another firm or founded one",
            MonthlyMetrics::moves);
    public static final Measure JOB_TO_JOB_RATE = number("job_to_job_rate", "share of persons", "`moves / persons`",
            MonthlyMetrics::jobToJobRate);
    public static final Measure MEAN_EFFORT = number("mean_effort", "effort", "mean effort over persons",
            MonthlyMetrics::meanEffort);
    public static final Measure OUTPUT_PER_PERSON = number("output_per_person", "money", "total output / persons",
            MonthlyMetrics::outputPerPerson);
    public static final Measure TOP1_EMPLOYMENT_SHARE = number("top1_employment_share", "share of employees",
            "share of employees in the largest 1% of employer firms (at least one firm)",
            MonthlyMetrics::topPercentEmploymentShare);
    public static final Measure TOP10_EMPLOYMENT_SHARE = number("top10_employment_share", "share of employees",
            "share of employees in the 10 largest employer firms", MonthlyMetrics::topTenEmploymentShare);
    public static final Measure ACQUISITIONS = whole("acquisitions", "deals", "firms bought this month (0 without acquisitions)",
            m -> m.acquisitions().deals());
    public static final Measure ACQUIRED_PERSONS = whole("acquired_persons", "persons",
            "persons moved with the firms bought", m -> m.acquisitions().moved());
    public static final Measure BLOCKED_MERGERS = whole("blocked_mergers", "deals", "deals blocked by the antitrust cap",
            m -> m.acquisitions().blocked());
    public static final Measure ACQUISITION_PAYMENTS = number("acquisition_payments", "money",
            "money paid for firms this month", m -> m.acquisitions().paid());
    public static final Measure LARGE_FIRM_ACQUIRED_SHARE = number("large_firm_acquired_share", "share of members",
            "members of large firms taken over by buyers as a share of their members (see `summary.json`); NaN without"
                    + " acquisitions or large firms", MonthlyMetrics::largeFirmAcquiredShare);

    // ---- labour, pay, wealth and classes (results table `labour`; NaN where no review runs) ----
    public static final Measure MANAGERIAL_SHARE = reviewNumber("managerial_share", "managers per employee",
            "managers / employees", ReviewTally::managerialShare);
    public static final Measure UNEMPLOYMENT_RATE = reviewNumber("unemployment_rate", "share of persons",
            "unemployed / (members + unemployed)", ReviewTally::unemploymentRate);
    public static final Measure MEMBERS = reviewWhole("members", "persons", "persons in firms", ReviewTally::members);
    public static final Measure LABOUR_EMPLOYEES = reviewWhole("employees", "persons", "members who are not owners",
            ReviewTally::employees);
    public static final Measure MANAGERS = reviewWhole("managers", "persons", "employees who are hired managers",
            ReviewTally::managers);
    public static final Measure UNEMPLOYED = reviewWhole("unemployed", "persons", "persons without a firm",
            ReviewTally::unemployed);
    public static final Measure DISMISSALS = reviewWhole("dismissals", "persons", "employees dismissed by the review",
            ReviewTally::dismissals);
    public static final Measure APPOINTMENTS = reviewWhole("appointments", "persons", "producers appointed managers",
            ReviewTally::appointments);
    public static final Measure DEMOTIONS = reviewWhole("demotions", "persons", "managers made producers again",
            ReviewTally::demotions);
    public static final Measure OWNERSHIP_TRANSFERS = reviewWhole("ownership_transfers", "firms",
            "firms whose owner left and a member took over", ReviewTally::ownershipTransfers);
    public static final Measure MEAN_PAY = number("mean_pay", "money", "mean income of firm members",
            MonthlyMetrics::meanPay);
    public static final Measure MEAN_WEALTH = number("mean_wealth", "money", "mean wealth over persons",
            MonthlyMetrics::meanWealth);
    public static final Measure REVENUE = reviewNumber("revenue", "money",
            "firms' revenue net of compliance costs paid outside; equals `member_pay`", ReviewTally::revenue);
    public static final Measure MEMBER_PAY = reviewNumber("member_pay", "money",
            "pay of firm members, managers' in-house compliance work included", ReviewTally::memberPay);
    public static final Measure BENEFITS = reviewNumber("benefits", "money", "unemployment benefits and assistance paid",
            ReviewTally::benefits);
    public static final Measure CONSUMPTION = reviewNumber("consumption", "money",
            "persons' consumption; Σ wealth changes by member pay + benefits − consumption − capital invested",
            ReviewTally::consumption);
    public static final Measure CAPITAL_INVESTED = reviewNumber("capital_invested", "money",
            "start-up capital invested by founders", ReviewTally::capitalInvested);
    public static final Measure SEVERANCE = reviewNumber("severance", "money",
            "severance owners paid to the dismissed (a transfer)", ReviewTally::severance);
    public static final Measure AUTONOMY_INDEX = reviewNumber("autonomy_index", "index, 0 to 1",
            "mean autonomy index of the month's 1% sample of the employed; NaN if the sample is empty",
            ReviewTally::autonomyIndex);
    public static final Measure AUTONOMY_SAMPLED = reviewWhole("autonomy_sampled", "persons",
            "size of the month's autonomy sample", ReviewTally::autonomySampled);
    public static final Measure SMALL_OWNERS_PER_1000 = new Measure("small_owners_per_1000", Kind.DOUBLE,
            "per 1,000 persons", "owners of employer firms below `large_firm_employees` per 1,000 persons",
            o -> o.metrics().review() == null ? Double.NaN : o.metrics().smallOwnersPerThousand());
    public static final Measure COMPLIANCE = reviewNumber("compliance", "money", "the month's compliance costs",
            ReviewTally::compliance);
    public static final Measure COMPLIANCE_IN_HOUSE = reviewNumber("compliance_in_house", "money",
            "the part of `compliance` firms with managers did in house (paid to their managers)",
            ReviewTally::complianceInHouse);
    public static final Measure SEPARATIONS = reviewWhole("separations", "persons",
            "employees whose job ended this month by `separation_rate` (MODEL.md §7.11)", ReviewTally::separations);
    public static final Measure HIRES = whole("hires", "persons",
            "joins of an existing firm this month, as `hires_rate` counts them", MonthlyMetrics::hires);
    public static final Measure QUITS = whole("quits", "persons",
            "employees who left their firm of their own accord, as `quits_rate` counts them; layoffs are"
                    + " `dismissals + separations`", MonthlyMetrics::employeeQuits);
    public static final Measure EMPLOYEE_PAY_MEAN = reviewNumber("employee_pay_mean", "money",
            "the month's mean employee pay (as the summary key)", ReviewTally::employeePayMean);
    public static final Measure EMPLOYEE_PAY_MEDIAN = reviewNumber("employee_pay_median", "money",
            "the month's median employee pay (as the summary key)", ReviewTally::employeePayMedian);
    public static final Measure PAY_SIZE_ELASTICITY = reviewNumber("pay_size_elasticity", "",
            "the month's elasticity of pay to firm size (as the summary key); NULL with fewer than three size bins",
            ReviewTally::paySizeElasticity);
    public static final Measure SELF_EMPLOYED_SHARE = new Measure("self_employed_share", Kind.DOUBLE, "share of persons",
            "owners without employees over all persons",
            o -> o.metrics().review() == null ? Double.NaN : o.metrics().selfEmployedShare());

    // ---- the goods market (results table `market`, months it operates) ----
    public static final Measure DEMAND = marketNumber("demand", "money", "aggregate demand", MarketTally::demand);
    public static final Measure POOL = marketNumber("pool", "money", "the part of demand that chose a supplier afresh",
            MarketTally::pool);
    public static final Measure CUSTOMERS = marketNumber("customers", "money",
            "the customers attached to live firms (equals demand)", MarketTally::customers);
    public static final Measure MARKET_OUTPUT = marketNumber("output", "money", "total output", MarketTally::output);
    public static final Measure MARKET_REVENUE = marketNumber("revenue", "money",
            "sales Σ min(O, C), before compliance costs", MarketTally::revenue);
    public static final Measure UNSOLD_OUTPUT = marketNumber("unsold_output", "money", "output nobody bought",
            MarketTally::unsoldOutput);
    public static final Measure UNMET_DEMAND = marketNumber("unmet_demand", "money",
            "spending of customers whose firm made too little", MarketTally::unmetDemand);
    public static final Measure CUSTOMER_HHI = marketNumber("customer_hhi", "HHI, 0 to 10,000",
            "Herfindahl index of customer shares; NaN without a goods market", MarketTally::customerHhi);
    public static final Measure CAPPED_SHARE = marketNumber("capped_share", "share of firms",
            "firms selling less than they make", MarketTally::cappedShare);
    public static final Measure MEAN_PRICE = marketNumber("mean_price", "money per unit of output", "revenue / output",
            MarketTally::meanPrice);
    public static final Measure ENTRY_PRICE = marketNumber("entry_price", "money per unit of output",
            "the price a founder expects next month", MarketTally::entryPrice);

    // ---- the state and politics (results table `state`) ----
    public static final Measure PLATFORM = new Measure("platform", Kind.VARCHAR, "",
            "the ruling platform, `none` for none",
            o -> {
                StateTally s = o.metrics().state();
                return s == null || s.platform() == null || s.platform().isEmpty() ? "none" : s.platform();
            });
    public static final Measure UBI_PROMISED = stateNumber("ubi_promised", "share of the policy unit",
            "basic income the ruling platform promised", StateTally::ubiPromised);
    public static final Measure UBI_PAID = stateNumber("ubi_paid", "share of the policy unit", "basic income paid",
            StateTally::ubiPaid);
    public static final Measure INCOME_TAX_SURCHARGE = stateNumber("income_tax_surcharge", "tax rate",
            "the balanced-budget surcharge on the income tax", StateTally::surcharge);
    public static final Measure INCOME_TAXES = stateNumber("income_taxes", "money", "revenue from the income tax",
            StateTally::incomeTaxes);
    public static final Measure PROFIT_TAXES = stateNumber("profit_taxes", "money", "revenue from the profit tax",
            StateTally::profitTaxes);
    public static final Measure WEALTH_TAXES = stateNumber("wealth_taxes", "money", "revenue from the wealth tax",
            StateTally::wealthTaxes);
    public static final Measure STATE_FIRM_PROFIT = stateNumber("state_firm_profit", "money",
            "state firms' profit; below zero when the state covers their losses under a soft budget (MODEL.md §7.14)",
            StateTally::stateFirmProfit);
    public static final Measure STATE_FIRM_PAY = stateNumber("state_firm_pay", "money",
            "state firms' pay, out of their revenue (not budget spending)", StateTally::stateFirmPay);
    public static final Measure STATE_MANAGER_PAY = stateNumber("state_manager_pay", "money",
            "state firms' managers' pay, out of their revenue", StateTally::stateManagerPay);
    public static final Measure UBI_SPENDING = stateNumber("ubi_spending", "money", "basic income paid out",
            StateTally::ubiSpending);
    public static final Measure STATE_BENEFITS = stateNumber("benefits", "money", "benefits and assistance paid out",
            StateTally::benefits);
    public static final Measure GRANTS = stateNumber("grants", "money", "start-up grants paid", StateTally::grants);
    public static final Measure STATE_SEVERANCE = stateNumber("severance", "money", "severance the state paid as an owner",
            StateTally::severance);
    public static final Measure COMPENSATION = stateNumber("compensation", "money",
            "compensation paid to owners of firms taken over", StateTally::compensation);
    public static final Measure STATE_REVENUE = stateNumber("revenue", "money", "the state's revenue", StateTally::revenue);
    public static final Measure SPENDING = stateNumber("spending", "money", "the state's spending", StateTally::spending);
    public static final Measure DEBT = stateNumber("debt", "money",
            "debt at the end of the month; changes by exactly `spending − revenue`", StateTally::debt);
    public static final Measure NATIONALISED = stateWhole("nationalised", "firms", "firms taken over by the state",
            StateTally::nationalised);
    public static final Measure CONVERTED = stateWhole("converted", "firms", "firms bought out for their members",
            StateTally::converted);
    public static final Measure MERGED_INTO_TRUSTS = stateWhole("merged_into_trusts", "firms",
            "state firms merged into their region's trust", StateTally::mergedIntoTrusts);
    public static final Measure PRIVATISED = stateWhole("privatised", "firms", "state firms sold to a member",
            StateTally::privatised);
    public static final Measure SALES = stateNumber("sales", "money", "what the buyers of privatised firms paid",
            StateTally::sales);
    public static final Measure COOP_MEMBERS = stateWhole("coop_members", "persons", "members of co-operatives",
            StateTally::coopMembers);
    public static final Measure STATE_EMPLOYMENT_SHARE = stateNumber("state_employment_share", "share of employees",
            "employees of state firms and co-operatives", StateTally::stateEmploymentShare);
    public static final Measure STATE_OUTPUT_SHARE = stateNumber("state_output_share", "share of output",
            "output of state firms and co-operatives", StateTally::stateOutputShare);
    public static final Measure EXIT_OPTIONS = stateNumber("exit_options", "share", "the exit-options part of countervailing power",
            StateTally::exitOptions);
    public static final Measure COUNTERVAILING_POWER = stateNumber("countervailing_power", "index, 0 to 1",
            "countervailing power (MODEL.md §7.15)", StateTally::countervailingPower);
    public static final Measure TRANSFERS = stateNumber("transfers", "money",
            "the transfer trial's payments, part of `spending` (MODEL.md §7.17)", StateTally::transfers);

    /** results.duckdb {@code monthly}: one row per month. */
    public static final MeasureTable MONTHLY = new MeasureTable("monthly", "one row per month", List.of(
            MONTH, BURN_IN, FIRMS, EMPLOYER_FIRMS, EMPLOYEES, MEAN_EMPLOYER_FIRM_SIZE, MEDIAN_EMPLOYER_FIRM_SIZE,
            ZIPF_ALPHA, ZIPF_SMIN, ZIPF_TAIL_FIRMS, ZIPF_KS, LARGEST_FIRM, SINGLETON_SHARE, ACTIVATIONS, BIRTHS,
            DEATHS, MOVES, JOB_TO_JOB_RATE, MEAN_EFFORT, OUTPUT_PER_PERSON, TOP1_EMPLOYMENT_SHARE,
            TOP10_EMPLOYMENT_SHARE, ACQUISITIONS, ACQUIRED_PERSONS, BLOCKED_MERGERS, ACQUISITION_PAYMENTS,
            LARGE_FIRM_ACQUIRED_SHARE), m -> true);

    /** results.duckdb {@code labour}: one row per month of a run with the labour review. */
    public static final MeasureTable LABOUR = new MeasureTable("labour", "one row per month", List.of(
            MONTH, BURN_IN, MANAGERIAL_SHARE, UNEMPLOYMENT_RATE, MEMBERS, LABOUR_EMPLOYEES, MANAGERS, UNEMPLOYED,
            DISMISSALS, APPOINTMENTS, DEMOTIONS, OWNERSHIP_TRANSFERS, MEAN_PAY, MEAN_WEALTH, REVENUE, MEMBER_PAY,
            BENEFITS, CONSUMPTION, CAPITAL_INVESTED, SEVERANCE, AUTONOMY_INDEX, AUTONOMY_SAMPLED,
            SMALL_OWNERS_PER_1000, COMPLIANCE, COMPLIANCE_IN_HOUSE, SEPARATIONS, HIRES, QUITS, EMPLOYEE_PAY_MEAN,
            EMPLOYEE_PAY_MEDIAN, PAY_SIZE_ELASTICITY, SELF_EMPLOYED_SHARE), m -> m.review() != null);

    /** results.duckdb {@code market}: one row per month in which the goods market operates. */
    public static final MeasureTable MARKET = new MeasureTable("market", "one row per month of the goods market"
            + " (MODEL.md §7.12)", List.of(MONTH, BURN_IN, DEMAND, POOL, CUSTOMERS, MARKET_OUTPUT, MARKET_REVENUE,
            UNSOLD_OUTPUT, UNMET_DEMAND, CUSTOMER_HHI, CAPPED_SHARE, MEAN_PRICE, ENTRY_PRICE),
            m -> m.review() != null && m.review().market() != null);

    /** results.duckdb {@code state}: one row per month. */
    public static final MeasureTable STATE = new MeasureTable("state", "one row per month (MODEL.md §7.14, §7.15)",
            List.of(MONTH, BURN_IN, PLATFORM, UBI_PROMISED, UBI_PAID, INCOME_TAX_SURCHARGE, INCOME_TAXES,
                    PROFIT_TAXES, WEALTH_TAXES, STATE_FIRM_PROFIT, STATE_FIRM_PAY, STATE_MANAGER_PAY, UBI_SPENDING,
                    STATE_BENEFITS, GRANTS, STATE_SEVERANCE, COMPENSATION, STATE_REVENUE, SPENDING, DEBT,
                    NATIONALISED, CONVERTED, MERGED_INTO_TRUSTS, PRIVATISED, SALES, COOP_MEMBERS,
                    STATE_EMPLOYMENT_SHARE, STATE_OUTPUT_SHARE, EXIT_OPTIONS, COUNTERVAILING_POWER, TRANSFERS),
            m -> m.state() != null);

    /**
     * The headline series: what the experiment store keeps of every run month by month (its
     * {@code monthly} table) and what the dashboard streams (its frames and their CSV).
     */
    public static final MeasureTable HEADLINE = new MeasureTable("monthly", "one row per run and month", List.of(
            MONTH, BURN_IN, FIRMS, EMPLOYER_FIRMS, MEAN_EMPLOYER_FIRM_SIZE, ZIPF_ALPHA, LARGEST_FIRM,
            TOP1_EMPLOYMENT_SHARE, TOP10_EMPLOYMENT_SHARE, ACQUISITIONS, MANAGERIAL_SHARE, UNEMPLOYMENT_RATE,
            AUTONOMY_INDEX, SMALL_OWNERS_PER_1000, MEAN_PAY, CUSTOMER_HHI, PLATFORM, UBI_PROMISED, UBI_PAID,
            STATE_EMPLOYMENT_SHARE, COUNTERVAILING_POWER), m -> true);

    /** Every table of a run's results, in the order they are documented. */
    public static final List<MeasureTable> RESULT_TABLES = List.of(MONTHLY, LABOUR, MARKET, STATE);

    private static Measure whole(String name, String unit, String meaning, ToLongFunction<MonthlyMetrics> f) {
        return new Measure(name, Kind.BIGINT, unit, meaning, o -> f.applyAsLong(o.metrics()));
    }

    private static Measure number(String name, String unit, String meaning, ToDoubleFunction<MonthlyMetrics> f) {
        return new Measure(name, Kind.DOUBLE, unit, meaning, o -> f.applyAsDouble(o.metrics()));
    }

    private static Measure reviewWhole(String name, String unit, String meaning, ToLongFunction<ReviewTally> f) {
        return new Measure(name, Kind.BIGINT, unit, meaning,
                o -> o.metrics().review() == null ? 0L : f.applyAsLong(o.metrics().review()));
    }

    private static Measure reviewNumber(String name, String unit, String meaning, ToDoubleFunction<ReviewTally> f) {
        return new Measure(name, Kind.DOUBLE, unit, meaning,
                o -> o.metrics().review() == null ? Double.NaN : f.applyAsDouble(o.metrics().review()));
    }

    private static Measure marketNumber(String name, String unit, String meaning, ToDoubleFunction<MarketTally> f) {
        return new Measure(name, Kind.DOUBLE, unit, meaning, o -> {
            ReviewTally t = o.metrics().review();
            return t == null || t.market() == null ? Double.NaN : f.applyAsDouble(t.market());
        });
    }

    private static Measure stateWhole(String name, String unit, String meaning, ToLongFunction<StateTally> f) {
        return new Measure(name, Kind.BIGINT, unit, meaning,
                o -> o.metrics().state() == null ? 0L : f.applyAsLong(o.metrics().state()));
    }

    private static Measure stateNumber(String name, String unit, String meaning, ToDoubleFunction<StateTally> f) {
        return new Measure(name, Kind.DOUBLE, unit, meaning,
                o -> o.metrics().state() == null ? Double.NaN : f.applyAsDouble(o.metrics().state()));
    }
}
