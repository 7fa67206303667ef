package io.ownerscape.io;

import java.util.Locale;

/**
 * Every top-level key of {@code summary.json}, declared once, in the order {@link Summary} writes
 * them: the section of {@code docs/OUTPUTS.md} that documents it, its JSON type, unit and meaning.
 * {@link Summary} writes each key by its constant ({@link #key()}); the column tables of OUTPUTS.md
 * §3 are generated from here ({@code ./ownerscape docs docs}), and a test checks that a run writes no
 * key that is not declared. A key's computation is in {@link Summary}, next to the others of its
 * section.
 */
public enum SummaryKey {
    OWNERSCAPE_VERSION("3.1", "string", "",
            "software version, e.g. `0.1.0-SNAPSHOT`"),
    GIT_COMMIT("3.1", "string", "",
            "commit the software was built from (12 hex digits, with `-dirty` if tracked files had "
            + "uncommitted changes); `unknown` when not started through `./ownerscape` or outside a git "
            + "checkout"),
    JDK("3.1", "string", "",
            "Java runtime version and vendor"),
    MACHINE("3.1", "string", "",
            "host name, processors, maximum heap (MiB), operating system, architecture, JVM"),
    PERSONS("3.1", "integer", "",
            "number of persons $N$"),
    MONTHS("3.1", "integer", "",
            "months simulated, burn-in included"),
    BURN_IN("3.1", "integer", "",
            "leading months flagged as burn-in in the monthly series"),
    SEED("3.1", "integer", "",
            "seed of all random streams"),
    THREADS("3.1", "integer", "",
            "threads used (does not affect results)"),
    PRESET("3.3a", "string", "",
            "the preset the labour rules started from (`axtell` or `market`)"),
    PARAMETERS("3.1", "object", "",
            "every model parameter under its scenario key: `persons`, `activation_rate`, `substeps`, "
            + "`sequential`, `a_min`, `a_max`, `b_min`, `b_max`, `beta_min`, `beta_max`, `friends_min`, "
            + "`friends_max` (MODEL.md §2.5)"),
    LABOUR_PARAMETERS("3.3a", "object", "",
            "every labour rule under its scenario key, as used"),
    INITIAL_RULING_PLATFORM("3.3b", "string", "",
            "the platform named to rule from `politics_start` (\"\" for none); a resumed sweep compares "
            + "it"),
    PLATFORM_DEFINITIONS("3.3b", "object", "",
            "every platform's policy values, keyed by name (a resumed sweep compares them)"),
    POLICY_SCHEDULE("3.3b", "object", "",
            "the scenario's policy schedule, month → changes (a resumed sweep compares it)"),
    STATE_HASH("3.1", "string", "",
            "16-hex-digit fingerprint of the final state (month, every person's firm and effort, the "
            + "firm table, the pool of free firm ids). Same seed, parameters and code give the same hash "
            + "for any thread count; use it to check that two runs are identical"),
    FIRMS("3.2", "integer", "firms",
            "live firms, one-member firms included"),
    EMPLOYER_FIRMS("3.2", "integer", "firms",
            "firms with at least 2 members"),
    EMPLOYEES("3.2", "integer", "persons",
            "sum over employer firms of (members − 1)"),
    MEAN_EMPLOYER_FIRM_SIZE("3.2", "number", "employees per firm",
            "`employees / employer_firms`; US 2022: 21.2"),
    MEDIAN_EMPLOYER_FIRM_SIZE("3.2", "number", "employees",
            "median employees of employer firms"),
    ZIPF_ALPHA("3.2", "number or null", "",
            "Zipf exponent: exponent $\\alpha$ of the employee-count CCDF tail, $P(S \\ge s) \\sim "
            + "s^{-\\alpha}$, by maximum likelihood with a KS-chosen threshold (MODEL.md §7.10); US: 1.059"
            + " (Axtell 2001). `null` if no candidate tail has 50 firms"),
    ZIPF_SMIN("3.2", "integer", "employees",
            "threshold of the fitted tail; 0 if no fit"),
    ZIPF_TAIL_FIRMS("3.2", "integer", "firms",
            "employer firms with at least `zipf_smin` employees; 0 if no fit"),
    ZIPF_KS("3.2", "number or null", "",
            "Kolmogorov-Smirnov distance between the tail and the fit (smaller is better); `null` if no"
            + " fit"),
    LARGEST_FIRM("3.2", "integer", "**members**",
            "size of the largest firm, founder included"),
    SINGLETON_SHARE("3.2", "number", "share",
            "share of all firms that have one member (nonemployer firms)"),
    SIZE_CLASSES("3.2", "object", "",
            "one entry per SUSB class, keyed `1-4`, `5-9`, `10-19`, `20-99`, `100-499`, `500+` "
            + "(employees); each holds `firm_share` (model: share of employer firms in the class), "
            + "`employment_share` (model: share of employees in the class), `susb_firm_share` and "
            + "`susb_employment_share` (US SUSB 2022, calibration.md §1)"),
    JOB_TO_JOB_RATE("3.3", "number", "per person per month",
            "**mean over the last 12 months** of moves / persons; a move is joining another firm or "
            + "founding one"),
    BIRTHS_PER_MONTH("3.3", "number", "firms per month",
            "**mean over the last 12 months** of firms founded"),
    DEATHS_PER_MONTH("3.3", "number", "firms per month",
            "**mean over the last 12 months** of firms dissolved"),
    MANAGERIAL_SHARE("3.3a", "number", "share",
            "**mean over the last 12 months** of hired managers / employees (members other than "
            + "owners); BLS counts management occupations over wage and salary jobs, which excludes "
            + "owners too"),
    UNEMPLOYMENT_RATE("3.3a", "number", "share",
            "**mean over the last 12 months** of unemployed / (firm members + unemployed)"),
    CLASS_SHARES("3.3a", "object", "share of persons",
            "final month, keyed by class: `large_owner`, `small_owner`, `self_employed`, `manager`, "
            + "`professional`, `worker`, `precarious`, `unemployed`; sums to 1"),
    MANAGERIAL_SHARE_BY_SIZE_CLASS("3.3a", "object", "share",
            "final month, managers / employees in employer firms of each SUSB class"),
    MEAN_LAYERS_BY_SIZE_CLASS("3.3a", "object", "layers",
            "final month, mean manager layers of employer firms in each SUSB class"),
    FIRMS_BY_LAYERS("3.3a", "object", "",
            "final month, keyed by number of layers: `firms` (employer firms) and `mean_employees`; "
            + "compare CMRH (layers 0-3: 17.9/27.6/35.4/19.1% of firm-years, typical size 5/10/54/142)"),
    AUTONOMY_INDEX("3.3a", "number or null", "0 to 1",
            "mean autonomy index of employed persons, pooled over the last 12 months' 1% samples "
            + "(MODEL.md §7.11)"),
    AUTONOMY_BY_CLASS("3.3a", "object", "0 to 1",
            "the same by class (every class but `unemployed`); null where no person of the class was "
            + "sampled"),
    EMPLOYER_BY_CLASS("3.3a", "object", "share",
            "who employs the members of each class (every class but `unemployed`), pooled over the last"
            + " 12 months' 1% samples: `own_firm`, `small_owner` (a private firm below "
            + "`large_firm_employees`), `large_owner`, `state`, `members` (a member-owned firm); null "
            + "where no person of the class was sampled. For the seed's claim that the precarious draw "
            + "their pay from small owners (H7)"),
    AUTONOMY_COMPONENTS("3.3a", "object", "0 to 1",
            "final month's sample means of `exit`, `bargaining`, `protection`, `ownership`"),
    DISMISSALS_PER_MONTH("3.3a", "number", "persons",
            "**mean over the last 12 months**"),
    SEPARATIONS_PER_MONTH("3.3a", "number", "persons",
            "**mean over the last 12 months** of jobs ended by `separation_rate` (0 when it is 0)"),
    HIRES_RATE("3.3a", "number", "share of employees",
            "**mean over the last 12 months** of the month's hires over employees: persons who joined "
            + "an existing firm, from another firm or from unemployment (founders of a new firm "
            + "excluded). JOLTS hires, 2024-25: about 3.5% a month"),
    QUITS_RATE("3.3a", "number", "share of employees",
            "**mean over the last 12 months** of employees (members who do not own their firm) who left"
            + " it of their own accord, to another firm, a firm of their own or unemployment. JOLTS "
            + "quits: about 2.0%"),
    LAYOFFS_RATE("3.3a", "number", "share of employees",
            "**mean over the last 12 months** of dismissals plus separations over employees. JOLTS "
            + "layoffs and discharges: about 1.0%"),
    SELF_EMPLOYED_SHARE("3.3a", "number", "share of persons",
            "**mean over the last 12 months** of owners of a firm without employees over all persons "
            + "(BLS CPS: self-employment, unincorporated and incorporated, about 6-10% of employment)"),
    EMPLOYEE_PAY_MEAN("3.3a", "number", "output per month",
            "**mean over the last 12 months** of the mean and the median monthly pay of employees "
            + "(members who do not own their firm; managers included); the median is read from a "
            + "histogram of bins 4.4% wide (about 1% precision)"),
    EMPLOYEE_PAY_MEDIAN("3.3a", "number", "output per month",
            "**mean over the last 12 months** of the mean and the median monthly pay of employees "
            + "(members who do not own their firm; managers included); the median is read from a "
            + "histogram of bins 4.4% wide (about 1% precision)"),
    PAY_MEAN_TO_MEDIAN("3.3a", "number", "ratio",
            "**mean over the last 12 months** of the month's mean over median employee pay (US: about "
            + "1.3-1.5)"),
    PAY_SIZE_ELASTICITY("3.3a", "number or null", "",
            "**mean over the last 12 months** of the employee-weighted least-squares slope of ln(mean "
            + "pay) on ln(employee-weighted mean firm size) across size bins floor(log2 members) of firms"
            + " of 2 or more, bins with 20 employees or more; null with fewer than three such bins (Oi & "
            + "Idson 1999: about 0.1)"),
    LARGE_FIRM_PAY_PREMIUM("3.3a", "number or null", "ratio",
            "**mean over the last 12 months** of mean employee pay in firms of 512 members or more over"
            + " that in firms of 2-31 (the bins nearest Brown & Medoff's 500+ and under 25: about 1.3); "
            + "null when either is empty"),
    MEAN_PAY("3.3a", "number", "output per month",
            "final month's mean income of firm members (pay, manager pay, owners' residuals)"),
    MEAN_WEALTH("3.3a", "number", "output",
            "final month's mean wealth over persons"),
    WEALTH_GINI("3.3a", "number or null", "",
            "Gini coefficient of final wealth; debts (negative wealth) count and can push it above 1; "
            + "null if total wealth is not positive"),
    REGIONS("3.3a", "integer", "",
            "local labour markets used (the `regions` rule, at most persons / 100)"),
    LABOUR_HHI_MEAN("3.3a", "number or null", "0 to 10,000",
            "final month: employment-weighted mean over regions of the HHI of employer firms' employees"
            + " (MODEL.md §7.11); null without employees"),
    SMALL_OWNER_SHARE("3.3a", "number", "per 1,000 persons",
            "**mean over the last 12 months** of small owners (employers below `large_firm_employees`) "
            + "per 1,000 persons"),
    SMALL_OWNER_SHARE_TREND("3.3a", "number or null", "per 1,000 persons per year",
            "least-squares slope of small owners per 1,000 persons over the months after the burn-in "
            + "(all months if the run is no longer than its burn-in)"),
    MARKET("3.3a", "object", "",
            "only with a goods market that has started (MODEL.md §7.12): `demand` (final month), "
            + "12-month means of `mean_price` (revenue / output), `capped_firm_share` (firms selling less"
            + " than they make), `unsold_output_share` (of output), `unmet_demand_share` (of demand), and"
            + " the final `entry_price` a founder expects"),
    CUSTOMER_HHI("3.3a", "number", "0 to 10,000",
            "with a goods market: 12-month mean of the HHI of customer shares"),
    ACQUISITIONS_PER_YEAR("3.3a", "number", "deals",
            "only with acquisitions (MODEL.md §7.13): deals in the last 12 months, scaled to a year"),
    ACQUIRED_PERSONS_PER_YEAR("3.3a", "number", "persons",
            "persons who moved with the firms bought (their former owners included), last 12 months, "
            + "per year"),
    BLOCKED_MERGERS_PER_YEAR("3.3a", "number", "deals",
            "deals the antitrust cap blocked, per year"),
    ACQUISITIONS_BY_ACQUIRER_SIZE("3.3a", "object", "",
            "keyed by the buyer's SUSB size class before the deal: `acquisitions_per_year`, "
            + "`acquired_persons_per_year`"),
    LARGE_FIRM_ACQUIRED_SHARE("3.3a", "number or null", "share",
            "final month, over firms with at least `large_firm_employees` employees: members taken over"
            + " by acquisitions (at most each firm's size) / members — growth by acquisition against all "
            + "growth; null without large firms"),
    LARGEST_FIRM_SHARE("3.3a", "number", "share of persons",
            "**mean over the last 12 months** of the largest firm's members over all persons (the "
            + "largest US employer has about 1% of the labour force)"),
    TOP1_EMPLOYMENT_SHARE("3.3a", "number", "share of employees",
            "**mean over the last 12 months** of the share of employees in the largest 1% of employer "
            + "firms (at least one firm); every preset"),
    TOP10_EMPLOYMENT_SHARE("3.3a", "number", "share of employees",
            "**mean over the last 12 months** of the share of employees in the 10 largest employer "
            + "firms; every preset"),
    MEAN_EFFORT("3.3", "number", "share of time",
            "mean effort over all persons (final month)"),
    OUTPUT_PER_PERSON("3.3", "number", "output per person per month",
            "total output of all firms / persons (final month)"),
    BYTES_PER_PERSON("3.4", "number", "bytes",
            "memory of the model's columns (person records with firm, effort and friends; the firm "
            + "table and its cold columns) / persons; excludes the JVM and the results store"),
    ACTIVATIONS("3.4", "integer", "person-decisions",
            "activations summed over all months, burn-in included"),
    SECONDS("3.4", "number", "seconds",
            "wall-clock time from the start of the build (network and initial firms) to the end of the "
            + "last month, including the monthly metrics and database appends; excludes writing the "
            + "Parquet files, `summary.json` and the report"),
    ACTIVATIONS_PER_SECOND("3.4", "number", "per second",
            "`activations / seconds`. Lower than the `bench` figure, which times only the monthly step"),
    UBI_PROMISED("3.3b", "number", "share of the policy unit (median pay of employees in the market presets, MODEL.md §7.11)",
            "12-month means of the basic income the ruling platform promised and the rulers paid, per "
            + "person per month"),
    UBI_PAID("3.3b", "number", "share of the policy unit",
            "12-month means of the basic income the ruling platform promised and the rulers paid, per "
            + "person per month"),
    UBI_PROMISED_MONTHS("3.3b", "number", "share of the policy unit × months",
            "the same summed over the whole run: how much of what was promised was paid"),
    UBI_PAID_MONTHS("3.3b", "number", "share of the policy unit × months",
            "the same summed over the whole run: how much of what was promised was paid"),
    STATE_EMPLOYMENT_SHARE("3.3b", "number", "share",
            "12-month means: members of state firms / all firm members; state firms' output / output"),
    STATE_OUTPUT_SHARE("3.3b", "number", "share",
            "12-month means: members of state firms / all firm members; state firms' output / output"),
    COUNTERVAILING_POWER("3.3b", "number", "0 to 1",
            "12-month mean of CP (MODEL.md §7.15)"),
    COOP_MEMBERS_SHARE("3.3b", "number", "share",
            "12-month mean of members of member-owned firms / firm members"),
    STATE_BUDGET("3.3b", "object", "",
            "12-month means of `revenue_per_month` and `spending_per_month`; final `debt` and "
            + "`debt_in_months_of_output`; `nationalised_per_year`, `converted_per_year`, "
            + "`privatised_per_year` (12-month counts)"),
    ELECTIONS_HELD("3.3b", "integer", "",
            "elections that fell due and were held, or suspended under lock-in"),
    ELECTIONS_SUSPENDED("3.3b", "integer", "",
            "elections that fell due and were held, or suspended under lock-in"),
    RULING_PLATFORM("3.3b", "string or null", "",
            "the platform in force at the end (null: the scenario's own rules)"),
    PLATFORMS("3.3b", "array", "",
            "every platform of the run: `name`, `description`, `policy`"),
    POLICIES_IN_FORCE("3.3b", "object", "",
            "every policy key's value at the end of the run"),
    VOTE_SHARE_BY_CLASS("3.3b", "array", "",
            "one entry per election due: `month`, `held`, `incumbent`, `winner`, `votes_cast`, "
            + "`abstained`, `margin` and `decisive` (shares of votes cast; null when suspended), "
            + "`countervailing_power`, and when held `vote_shares` (platform → share of votes cast) and "
            + "`by_class` (class → platform → share of that class's votes; null where the class cast "
            + "none)"),
    AUTONOMY_OVER_TIME("3.3b", "array", "",
            "per completed year: `year`, `autonomy_index` (pooled 1% samples of its 12 months)"),
    TRANSFER_TREATED("3.3d", "integer", "persons",
            "enrolled in each group (with `transfer_low_income`, those below the sample's median prior "
            + "income)"),
    TRANSFER_CONTROL("3.3d", "integer", "persons",
            "enrolled in each group (with `transfer_low_income`, those below the sample's median prior "
            + "income)"),
    TRANSFER_WINDOW_MONTHS("3.3d", "integer", "months",
            "months of the payment window observed (`transfer_months` in a full run)"),
    TRANSFER_MEAN_PAYMENT("3.3d", "number", "money / month",
            "the treated group's mean monthly payment"),
    TRANSFER_MEAN_PRIOR_INCOME("3.3d", "number", "money / month",
            "the treated group's mean income over the 12 months before the first payment (pay, "
            + "residual, benefits, before taxes)"),
    TRANSFER_WITHOUT_PRIOR_INCOME("3.3d", "integer", "persons",
            "treated persons with no prior income, paid `transfer_replacement` of employees' median pay"
            + " instead"),
    TRANSFER_EMPLOYMENT_EFFECT("3.3d", "number (and `_se`, `_ci_low`, `_ci_high`)", "percentage points",
            "treated minus control share of the window's months employed (a member of a firm, owners "
            + "included)"),
    TRANSFER_EFFORT_EFFECT("3.3d", "number (and `_se`, `_ci_low`, `_ci_high`)", "%",
            "relative difference of mean effort, 0 in months not employed"),
    TRANSFER_EMPLOYED_EFFORT_EFFECT("3.3d", "number (and `_se`, `_ci_low`, `_ci_high`)", "%",
            "relative difference of mean effort over the months employed, among those employed at least"
            + " one month (not randomised: who is employed may differ between the groups)"),
    TRANSFER_EARNINGS_EFFECT("3.3d", "number (and `_se`, `_ci_low`, `_ci_high`)", "%",
            "relative difference of mean monthly income before taxes, the transfer not included"),
    TRANSFER_EARNINGS_PER_PAYMENT("3.3d", "number (and `_se`, `_ci_low`, `_ci_high`)", "money per money",
            "difference of mean monthly income divided by the mean payment: income gained (negative: "
            + "forgone) per unit paid"),
    TRANSFER_EMPLOYMENT_BEFORE("3.3d", "number (and `_se`, `_ci_low`, `_ci_high`)", "percentage points",
            "the same difference as `transfer_employment_effect` over the 12 months before the first "
            + "payment: a placebo, which should contain 0"),
    TRANSFER_CONTROL_EMPLOYMENT_RATE("3.3d", "number", "share",
            "the control group's levels over the window, the bases of the relative effects"),
    TRANSFER_CONTROL_EFFORT("3.3d", "number", "effort",
            "the control group's levels over the window, the bases of the relative effects"),
    TRANSFER_CONTROL_EMPLOYED_EFFORT("3.3d", "number", "effort",
            "the control group's levels over the window, the bases of the relative effects"),
    TRANSFER_CONTROL_INCOME("3.3d", "number", "money per month",
            "the control group's levels over the window, the bases of the relative effects"),
    CALIBRATION("3.3c", "object", "",
            "every calibration target (§6c, `io/calibration/Targets.java`) for this run, keyed by the "
            + "target's key: `value` (null where the run does not measure it: a run shorter than the "
            + "target's window, no tail to fit, no labour review under `axtell`), `low` and `high` (the "
            + "band, null where unbounded) and `verdict` (`pass`, `miss` or `not measured`) for this one "
            + "seed. The same table is in `report.html` (§6)");

    private final String section;
    private final String type;
    private final String unit;
    private final String meaning;

    SummaryKey(String section, String type, String unit, String meaning) {
        this.section = section;
        this.type = type;
        this.unit = unit;
        this.meaning = meaning;
    }

    /** The key as written: the constant's name in lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The subsection of OUTPUTS.md §3 that lists it, e.g. {@code 3.3a}. */
    public String section() {
        return section;
    }

    /** Its JSON type as documented, e.g. {@code number or null}. */
    public String type() {
        return type;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    /** The declaration of a key as written, or null. */
    public static SummaryKey of(String key) {
        for (SummaryKey k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }
}
