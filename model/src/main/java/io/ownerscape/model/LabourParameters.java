package io.ownerscape.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that turn Axtell's teams into an economy of owners, employees, managers and the
 * unemployed: ownership and pay, skills and degrees, hierarchy, dismissal, unemployment, job
 * histories and wealth, and the goods market firms sell into. {@link #AXTELL} switches every rule off (the foundation model);
 * {@link #market()} is the US-like baseline. Amounts of money are in units of the previous
 * month's mean pay of firm members ({@code docs/MODEL.md}, "Pay and wealth"), so that they keep
 * their meaning whatever the technology parameters.
 *
 * @param ownerShare            share of the producers' pool the owner keeps as residual, [0, 0.9]
 * @param monitoring            share of pay tied to own contribution under full supervision, [0, 1]
 * @param spanOfControl         producers (or managers) one supervisor oversees; 0 switches the
 *                              hierarchy off, else 2 to 1,000
 * @param managerEffort         effort a manager puts into supervising, [0, 1)
 * @param skillSigma            standard deviation of log skill (mean skill 1), [0, 1.5]
 * @param degreeShare           share of persons with an advanced degree, [0, 1]
 * @param degreeSkillCorrelation correlation of the degree's latent score with log skill, [-1, 1]
 * @param benefitReplacement    unemployment benefit as a share of mean pay, [0, 2]
 * @param benefitMonths         months a dismissed person draws the benefit, 0 to 120
 * @param assistanceReplacement income of an unemployed person without the benefit (social
 *                              assistance), as a share of mean pay, [0, 2]
 * @param benefitOnQuit         whether a person who quits is entitled to the benefit (and so may
 *                              choose unemployment over work)
 * @param jobSearchRate         monthly probability that an unemployed person reconsiders, (0, 1]
 * @param searchContacts        vacancies (firms whose customers would buy more than they make)
 *                              drawn, weighted by room, in the person's region, that every
 *                              activated person considers besides their friends' firms (goods
 *                              market only), 0 to 16
 * @param dismissal             whether owners dismiss workers paid above their marginal product
 * @param firingCost            severance an owner pays on dismissal, in months of the worker's pay, 0 to 120
 * @param dismissalHorizon      months over which an owner weighs a worker's loss against the
 *                              firing cost, 1 to 120
 * @param separationRate        monthly probability that an employee's (not an owner's) job ends for a
 *                              reason the model does not represent (a layoff the dismissal rule
 *                              does not cause: reorganisation, relocation, the end of a contract);
 *                              the person becomes unemployed with the benefit, no severance; 0 to 0.2
 * @param precarityWindow       months of job history kept, 1 to 31
 * @param precarityChanges      employer changes within the window that make a person precarious
 * @param precarityUnemployedMonths months unemployed within the window that make a person precarious
 * @param consumptionOfIncome   share of the month's income consumed, [0, 1]
 * @param consumptionOfWealth   share of wealth consumed each month, [0, 1]
 * @param startupCapital        capital a firm must invest before its first hire, in months of mean pay, 0 to 1,000
 * @param startupCredit         share of the start-up capital a lender advances, [0, 1]
 * @param initialWealth         mean initial wealth (exponentially distributed), months of mean pay, 0 to 1,000
 * @param largeFirmEmployees    employees from which a firm's owner counts as a large owner, at least 1
 * @param regions               local labour markets, Zipf-distributed in size; 1 for none; an
 *                              economy uses at most persons / 100 of them
 * @param regionalFriendship    share of friendships formed within one's region, [0, 1]
 * @param goodsMarket           whether firms sell into a finite market: revenue is capped by the
 *                              firm's customer base ({@code docs/MODEL.md}, "Goods market")
 * @param marketStart           month from which the goods market operates (firms form freely
 *                              before it), 0 to 100,000
 * @param demandSlack           aggregate demand at the market's start as a multiple of total
 *                              output then, (0, 10]
 * @param demandGrowth          yearly growth rate of aggregate demand in money, [-0.5, 0.5]
 * @param customerChurn         share of every firm's customers who choose a supplier afresh each
 *                              month, (0, 1]
 * @param valueWeight           how strongly re-choosing customers favour productive firms (the
 *                              exponent of relative output per unit of effort), [0, 10]
 * @param customerShock         size of each firm's idiosyncratic monthly demand shock: the
 *                              standard deviation of the uniform factor (mean 1) applied to the
 *                              customers it keeps, [0, 0.5]
 * @param acquisitions          whether owners buy other firms ({@code docs/MODEL.md},
 *                              "Acquisitions")
 * @param acquisitionSearch     monthly probability that an employer firm's owner looks for a
 *                              firm to buy, [0, 1]
 * @param acquisitionContacts   firms of random persons of the owner's region considered besides
 *                              the firms of the owner's friends, 0 to 16
 * @param valuationMonths       months of profit at which buyer and seller value a firm, 1 to 600
 * @param independencePremium   how much more than their valuation an owner asks to sell, [0, 10]
 * @param acquisitionCredit     share of the price a lender advances to the buyer, [0, 1]
 * @param antitrustCap          largest share of customers (with a goods market) or of its
 *                              region's employees an acquirer may hold after a merger; 1 for no
 *                              cap, (0, 1]
 * @param complianceFixed       compliance cost of every firm with employees, in months of mean
 *                              pay per month, [0, 10]
 * @param compliancePerEmployee compliance cost per employee, in months of mean pay per month,
 *                              [0, 1]
 * @param ubi                   universal basic income the state pays every person each month, as
 *                              a share of the policy unit ({@code policyInMedianPay},
 *                              {@code policyInMoney}), [0, 2] ({@code docs/MODEL.md}, "The state")
 * @param incomeTax             tax rate on pay and benefits, [0, 0.9]
 * @param profitTax             tax rate on owners' residuals, [0, 0.9]
 * @param wealthTax             yearly tax rate on positive wealth, [0, 0.2]
 * @param balancedBudget        whether a surcharge on the income tax closes last month's deficit
 *                              (and repays a twelfth of the debt); otherwise the state borrows
 * @param startupGrant          share of a founder's start-up capital the state pays, [0, 1]
 * @param coopConversion        monthly probability that a private employer firm is bought out by
 *                              the state for its members (employee ownership), [0, 1]
 * @param nationalisationRate   monthly probability that a private firm in the programme's scope
 *                              is taken over by the state, [0, 1]
 * @param nationalisationMinEmployees employees a private firm must have to fall in the
 *                              programme's scope; 0 includes the self-employed, 0 to 1,000,000,000
 * @param nationalisationCompensation share of the firm's value paid to its owner when it is taken
 *                              over; 0 is expropriation, [0, 1]
 * @param privatisationRate     monthly probability that a state firm is sold to one of its members,
 *                              [0, 1]
 * @param privatisationPrice    share of the firm's value its new owner pays the state; 0 is a free
 *                              hand-over to insiders, [0, 1]
 * @param stateTrusts           whether the state merges its firms of each region into one trust
 * @param privateFounding       whether persons may found new private firms
 * @param elections             whether elections decide the ruling platform
 * @param politicsStart         month from which the ruling platform's policies apply and elections
 *                              are held, 2 to 100,000
 * @param electionInterval      months between elections, 1 to 1,200
 * @param forecastMonths        months a voter's forecast simulates (a fork of the world under
 *                              each platform), 1 to 240
 * @param forecastDiscount      monthly discount of the forecast (myopia), [0, 1)
 * @param voteNoise             standard deviation of the noise on a voter's log value of a
 *                              platform, [0, 10]
 * @param turnout               probability that a person votes, [0, 1]
 * @param promiseBelief         share of a promised basic income voters believe they will be paid,
 *                              [0, 1]
 * @param promisesBinding       whether rulers must pay what their platform promised
 * @param lockIn                whether rulers suspend elections when countervailing power falls
 *                              below {@code lockInThreshold}
 * @param lockInThreshold       countervailing power below which elections are suspended, [0, 1]
 * @param ubiInChoices          whether persons count the basic income in their labour choices
 *                              (its income effect on effort and on the value of working at all)
 * @param returnsCap            bound K on the increasing returns per unit of effort: output is
 *                              {@code a x + b x^beta / (1 + x^(beta - 1) / K)}, so output per unit
 *                              of effort rises with team effort towards {@code a + b K}; 0 for
 *                              Axtell's unbounded {@code a x + b x^beta}, else 0.01 to 1,000
 *                              (needs {@code beta_max <= 2}, where output stays convex)
 * @param returnsCapTail        tail index xi of firms' own bounds: a firm's bound is Pareto,
 *                              {@code returns_cap (1 - u)^(-1/xi)} (at most 1,000), so a few
 *                              firms can grow large (Lucas 1978); 0 for one bound for all, else
 *                              0.5 to 20
 * @param controlLoss           share of output lost per layer of management (Williamson 1967): a
 *                              firm with {@code l} layers produces {@code (1 - loss)^l} of what its
 *                              effort would give, [0, 0.5]
 * @param coordinationCost      share of every producer's effort spent communicating per layer of
 *                              management (Garicano 2000): effective effort is
 *                              {@code max(0, 1 - tau l)} of effort, [0, 0.2]
 * @param thetaMin              lowest preference for income against leisure; theta is uniform on
 *                              [thetaMin, thetaMax), [0, 1)
 * @param thetaMax              highest preference for income, (thetaMin, 1]
 * @param planningMonths        months over which a voter values a platform, from
 *                              {@code forecastMonths} to 600; the months beyond the simulated
 *                              forecast are extrapolated from its last year, with the ownership
 *                              programmes' hazard on any firm held ({@code docs/MODEL.md}, "Elections")
 * @param voteCountsWealth      whether a voter's value of a platform counts their wealth now and the
 *                              value of the firm or co-operative stake they would hold at the end
 *                              of the planning horizon, besides what they receive; false counts
 *                              income only (with {@code planningMonths = forecastMonths}, the vote
 *                              before issue 17)
 * @param transferShare         share of persons who receive the unconditional-transfer trial's
 *                              payments ({@code docs/MODEL.md} §7.17); 0 switches the trial off, [0, 1]
 * @param transferControlShare  share of persons in the trial's control group; 0 for the same as
 *                              {@code transferShare}, [0, 1]; the two groups together at most 1
 * @param transferStart         month of the trial's first payment, 13 to 100,000 (the twelve months
 *                              before it measure each person's prior income)
 * @param transferMonths        months the payments last, 1 to 1,200
 * @param transferReplacement   monthly payment as a share of the person's own prior income, [0, 2]
 * @param transferLowIncome     whether only persons whose prior income is below the median of the
 *                              trial's sample are enrolled (in both groups), as OpenResearch
 *                              enrolled low-income adults
 * @param ownerSpan             producing employees an owner directs without a hired manager; with
 *                              more, each hired manager directs up to {@code spanOfControl} people
 *                              and the owner keeps directing the rest of its {@code ownerSpan}
 *                              slots; 0 for the owner directing only the top layer of managers
 *                              once there is one (the rule before owner spans), else 2 to 1,000
 * @param productivityTail      Pareto tail index k of a technology's productivity: output is
 *                              {@code z} times what its {@code (a, b, beta)} give, with
 *                              {@code P(z > v) = v^-k}, {@code z >= 1}, fixed for the
 *                              technology's life; 0 for every firm at 1 (Axtell's), else 1.1 to 100
 * @param productivityMax       the highest productivity a technology can have: the Pareto of
 *                              {@code productivityTail} truncated at it; 0 for no bound, else 1 to
 *                              1,000
 * @param technologyRenewal     monthly probability that a firm's technology is replaced by a fresh
 *                              draw (its advantage lost to imitation, or its product superseded),
 *                              [0, 0.5]
 * @param policyInMedianPay     whether policy amounts given as a share of pay (the basic income,
 *                              benefits, assistance) are shares of the previous month's median
 *                              pay of employees rather than of the mean pay of firm members
 * @param policyInMoney         whether those amounts are in the model's money unit (output at price
 *                              1) instead of a share of pay; at most one of the two is true
 * @param softBudget            whether state firms have a soft budget constraint (Kornai 1986): the
 *                              state covers their losses, paying their producers at least the
 *                              previous month's mean pay of firm members, and they neither dismiss
 *                              workers nor refuse joiners on cost grounds
 */
public record LabourParameters(
        double ownerShare,
        double monitoring,
        int spanOfControl,
        double managerEffort,
        double skillSigma,
        double degreeShare,
        double degreeSkillCorrelation,
        double benefitReplacement,
        int benefitMonths,
        double assistanceReplacement,
        boolean benefitOnQuit,
        double jobSearchRate,
        int searchContacts,
        boolean dismissal,
        double firingCost,
        int dismissalHorizon,
        double separationRate,
        int precarityWindow,
        int precarityChanges,
        int precarityUnemployedMonths,
        double consumptionOfIncome,
        double consumptionOfWealth,
        double startupCapital,
        double startupCredit,
        double initialWealth,
        int largeFirmEmployees,
        int regions,
        double regionalFriendship,
        boolean goodsMarket,
        int marketStart,
        double demandSlack,
        double demandGrowth,
        double customerChurn,
        double valueWeight,
        double customerShock,
        boolean acquisitions,
        double acquisitionSearch,
        int acquisitionContacts,
        int valuationMonths,
        double independencePremium,
        double acquisitionCredit,
        double antitrustCap,
        double complianceFixed,
        double compliancePerEmployee,
        double ubi,
        double incomeTax,
        double profitTax,
        double wealthTax,
        boolean balancedBudget,
        double startupGrant,
        double coopConversion,
        double nationalisationRate,
        int nationalisationMinEmployees,
        double nationalisationCompensation,
        double privatisationRate,
        double privatisationPrice,
        boolean stateTrusts,
        boolean privateFounding,
        boolean elections,
        int politicsStart,
        int electionInterval,
        int forecastMonths,
        double forecastDiscount,
        double voteNoise,
        double turnout,
        double promiseBelief,
        boolean promisesBinding,
        boolean lockIn,
        double lockInThreshold,
        boolean ubiInChoices,
        double returnsCap,
        double returnsCapTail,
        double controlLoss,
        double coordinationCost,
        double thetaMin,
        double thetaMax,
        int planningMonths,
        boolean voteCountsWealth,
        double transferShare,
        double transferControlShare,
        int transferStart,
        int transferMonths,
        double transferReplacement,
        boolean transferLowIncome,
        int ownerSpan,
        double productivityTail,
        double productivityMax,
        double technologyRenewal,
        boolean policyInMedianPay,
        boolean policyInMoney,
        boolean softBudget) implements java.io.Serializable {

    /**
     * Every rule off: pay is the equal share of output, there are no managers, nobody is dismissed
     * and skills are equal. The model is then exactly Axtell's.
     */
    public static final LabourParameters AXTELL = new LabourParameters(
            0, 0, 0, 0.5, 0, 0, 0, 0, 6, 0, false, 0.25, 0, false, 0, 12, 0, 24, 3, 6, 0.9, 0.005, 0, 0, 0, 500, 1, 0.8,
            false, 120, 1, 0, 0.05, 0, 0,
            false, 0.04, 2, 36, 0.25, 0, 1, 0, 0,
            0, 0, 0, 0, false, 0, 0, 0, 1, 1, 0, 0, false, true,
            false, 240, 48, 24, 0.02, 0.1, 0.6, 1, false, false, 0.5, true,
            0, 0, 0, 0, 0, 1,
            120, true,
            0, 0, 240, 36, 0.4, false,
            0, 0, 0, 0,
            false, false, false);

    /** The US-like baseline; every default and its source is listed in {@code docs/MODEL.md}. */
    public static LabourParameters market() {
        return new LabourParameters(
                0.05, 0.9, 5, 0.5, 0.45, 0.14, 0.5, 0.4, 6, 0, false, 0.25, 2, true, 1.0, 12, 0.007, 24, 3, 6,
                0.9, 0.005, 3, 0, 6, 500, 50, 0.8,
                false, 120, 1, 0, 0.05, 0, 0.05,
                true, 0.01, 2, 36, 9, 0, 1, 0, 0,
                0, 0, 0, 0, false, 0, 0, 0, 1, 1, 0, 0, false, true,
                false, 240, 48, 24, 0.02, 0.1, 0.6, 1, false, false, 0.5, true,
                2, 0, 0.28, 0.02, 0.1, 1,
                120, true,
                0, 0, 240, 36, 0.4, false,
                10, 5.5, 8, 0.02,
                true, false, false);
    }

    /**
     * The keys a ruling platform, a policy schedule or a change during a run may change while a
     * run goes on: the state's instruments, and the constitutional rule on whether rulers may
     * suspend elections ({@code lock_in}, {@code lock_in_threshold}). Every other key shapes the
     * world itself and is fixed for a run.
     */
    public static final java.util.Set<String> POLICY_KEYS = java.util.Set.of(
            "ubi", "income_tax", "profit_tax", "wealth_tax", "balanced_budget",
            "benefit_replacement", "benefit_months", "assistance_replacement", "firing_cost",
            "startup_credit", "startup_grant", "coop_conversion", "antitrust_cap",
            "compliance_fixed", "compliance_per_employee", "nationalisation_rate",
            "nationalisation_min_employees", "nationalisation_compensation", "privatisation_rate",
            "privatisation_price", "state_trusts",
            "private_founding", "lock_in", "lock_in_threshold", "soft_budget");

    /** Whether the state can own firms under these rules (nationalisation or conversion on). */
    public boolean stateOwnership() {
        return nationalisationRate > 0 || coopConversion > 0 || privatisationRate > 0;
    }

    /** {@code 1 / returns_cap}, the technology's saturation; 0 for Axtell's unbounded returns. */
    public double saturation() {
        return returnsCap == 0 ? 0 : 1 / returnsCap;
    }

    /** Whether the unconditional-transfer trial runs ({@code transfer_share} above 0). */
    public boolean transferTrial() {
        return transferShare > 0;
    }

    /** The control group's share of persons: {@code transfer_control_share}, or the treated share when 0. */
    public double transferControl() {
        return transferControlShare == 0 ? transferShare : transferControlShare;
    }

    /** Whether any hierarchy is formed. */
    public boolean hierarchy() {
        return spanOfControl > 0;
    }

    /**
     * @return every violated bound as a message naming the parameter, its value and what is
     *     allowed; empty if valid
     */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        unit(out, "owner_share", ownerShare, 0, 0.9);
        unit(out, "monitoring", monitoring, 0, 1);
        if (spanOfControl != 0 && (spanOfControl < 2 || spanOfControl > 1000)) {
            out.add("span_of_control = " + spanOfControl + ": allowed 0 (no hierarchy) or 2 to 1000");
        }
        if (!(managerEffort >= 0 && managerEffort < 1)) {
            out.add("manager_effort = " + managerEffort + ": allowed [0, 1)");
        }
        unit(out, "skill_sigma", skillSigma, 0, 1.5);
        unit(out, "degree_share", degreeShare, 0, 1);
        unit(out, "degree_skill_correlation", degreeSkillCorrelation, -1, 1);
        unit(out, "benefit_replacement", benefitReplacement, 0, 2);
        whole(out, "benefit_months", benefitMonths, 0, 120);
        unit(out, "assistance_replacement", assistanceReplacement, 0, 2);
        if (!(jobSearchRate > 0 && jobSearchRate <= 1)) {
            out.add("job_search_rate = " + jobSearchRate + ": allowed (0, 1]");
        }
        whole(out, "search_contacts", searchContacts, 0, 16);
        unit(out, "firing_cost", firingCost, 0, 120);
        whole(out, "dismissal_horizon", dismissalHorizon, 1, 120);
        unit(out, "separation_rate", separationRate, 0, 0.2);
        whole(out, "precarity_window", precarityWindow, 1, 31);
        whole(out, "precarity_changes", precarityChanges, 1, Math.max(1, precarityWindow));
        whole(out, "precarity_unemployed_months", precarityUnemployedMonths, 1, Math.max(1, precarityWindow));
        unit(out, "consumption_of_income", consumptionOfIncome, 0, 1);
        unit(out, "consumption_of_wealth", consumptionOfWealth, 0, 1);
        unit(out, "startup_capital", startupCapital, 0, 1000);
        unit(out, "startup_credit", startupCredit, 0, 1);
        unit(out, "initial_wealth", initialWealth, 0, 1000);
        if (regions < 1 || regions > 100_000) {
            out.add("regions = " + regions + ": allowed 1 (none) to 100000");
        }
        unit(out, "regional_friendship", regionalFriendship, 0, 1);
        if (largeFirmEmployees < 1) {
            out.add("large_firm_employees = " + largeFirmEmployees + ": allowed 1 or more");
        }
        whole(out, "market_start", marketStart, 0, 100_000);
        if (!(demandSlack > 0 && demandSlack <= 10)) {
            out.add("demand_slack = " + demandSlack + ": allowed (0, 10]");
        }
        unit(out, "demand_growth", demandGrowth, -0.5, 0.5);
        if (!(customerChurn > 0 && customerChurn <= 1)) {
            out.add("customer_churn = " + customerChurn + ": allowed (0, 1]");
        }
        unit(out, "value_weight", valueWeight, 0, 10);
        unit(out, "customer_shock", customerShock, 0, 0.5);
        unit(out, "acquisition_search", acquisitionSearch, 0, 1);
        whole(out, "acquisition_contacts", acquisitionContacts, 0, 16);
        whole(out, "valuation_months", valuationMonths, 1, 600);
        unit(out, "independence_premium", independencePremium, 0, 10);
        unit(out, "acquisition_credit", acquisitionCredit, 0, 1);
        if (!(antitrustCap > 0 && antitrustCap <= 1)) {
            out.add("antitrust_cap = " + antitrustCap + ": allowed (0, 1], 1 for no cap");
        }
        unit(out, "compliance_fixed", complianceFixed, 0, 10);
        unit(out, "compliance_per_employee", compliancePerEmployee, 0, 1);
        unit(out, "ubi", ubi, 0, 2);
        unit(out, "income_tax", incomeTax, 0, 0.9);
        unit(out, "profit_tax", profitTax, 0, 0.9);
        unit(out, "wealth_tax", wealthTax, 0, 0.2);
        unit(out, "startup_grant", startupGrant, 0, 1);
        unit(out, "coop_conversion", coopConversion, 0, 1);
        unit(out, "nationalisation_rate", nationalisationRate, 0, 1);
        whole(out, "nationalisation_min_employees", nationalisationMinEmployees, 0, 1_000_000_000);
        unit(out, "nationalisation_compensation", nationalisationCompensation, 0, 1);
        unit(out, "privatisation_rate", privatisationRate, 0, 1);
        unit(out, "privatisation_price", privatisationPrice, 0, 1);
        whole(out, "politics_start", politicsStart, 2, 100_000);
        whole(out, "election_interval", electionInterval, 1, 1200);
        whole(out, "forecast_months", forecastMonths, 1, 240);
        if (!(forecastDiscount >= 0 && forecastDiscount < 1)) {
            out.add("forecast_discount = " + forecastDiscount + ": allowed [0, 1)");
        }
        unit(out, "vote_noise", voteNoise, 0, 10);
        unit(out, "turnout", turnout, 0, 1);
        unit(out, "promise_belief", promiseBelief, 0, 1);
        unit(out, "lock_in_threshold", lockInThreshold, 0, 1);
        if (returnsCap != 0 && !(returnsCap >= 0.01 && returnsCap <= 1000)) {
            out.add("returns_cap = " + returnsCap + ": allowed 0 (unbounded, Axtell's) or 0.01 to 1000");
        }
        if (returnsCapTail != 0 && !(returnsCapTail >= 0.5 && returnsCapTail <= 20)) {
            out.add("returns_cap_tail = " + returnsCapTail + ": allowed 0 (one bound for all firms) or 0.5 to 20");
        } else if (returnsCapTail != 0 && returnsCap == 0) {
            out.add("returns_cap_tail = " + returnsCapTail + " needs returns_cap above 0 (its scale)");
        }
        unit(out, "control_loss", controlLoss, 0, 0.5);
        unit(out, "coordination_cost", coordinationCost, 0, 0.2);
        if (!(thetaMin >= 0 && thetaMin < 1)) {
            out.add("theta_min = " + thetaMin + ": allowed 0 to below 1");
        } else if (!(thetaMax > thetaMin && thetaMax <= 1)) {
            out.add("theta_max = " + thetaMax + ": allowed above theta_min (" + thetaMin + ") to 1");
        }
        if (planningMonths < forecastMonths || planningMonths > 600) {
            out.add("planning_months = " + planningMonths + ": allowed forecast_months (" + forecastMonths
                    + ") to 600");
        }
        unit(out, "transfer_share", transferShare, 0, 1);
        unit(out, "transfer_control_share", transferControlShare, 0, 1);
        if (transferShare >= 0 && transferShare <= 1 && transferControlShare >= 0 && transferControlShare <= 1
                && transferShare + transferControl() > 1) {
            out.add("transfer_share = " + transferShare + " with transfer_control_share = " + transferControlShare
                    + ": the treated and control groups together must be at most all persons (sum at most 1)");
        }
        whole(out, "transfer_start", transferStart, 13, 100_000);
        whole(out, "transfer_months", transferMonths, 1, 1200);
        unit(out, "transfer_replacement", transferReplacement, 0, 2);
        if (ownerSpan != 0 && (ownerSpan < 2 || ownerSpan > 1000)) {
            out.add("owner_span = " + ownerSpan + ": allowed 0 (the owner directs the top layer only) or 2 to 1000");
        }
        if (productivityTail != 0 && !(productivityTail >= 1.1 && productivityTail <= 100)) {
            out.add("productivity_tail = " + productivityTail + ": allowed 0 (every technology at 1) or 1.1 to 100");
        }
        if (productivityMax != 0 && !(productivityMax >= 1 && productivityMax <= 1000)) {
            out.add("productivity_max = " + productivityMax + ": allowed 0 (no bound) or 1 to 1000");
        }
        unit(out, "technology_renewal", technologyRenewal, 0, 0.5);
        if (policyInMedianPay && policyInMoney) {
            out.add("policy_in_median_pay = true with policy_in_money = true: policy amounts are shares of"
                    + " one kind of pay or money, so at most one may be true");
        }
        return out;
    }

    /**
     * The owner's dismissal rule: a producing employee paid {@code pay} whose marginal revenue
     * product is {@code product} goes when the loss over the dismissal horizon exceeds the
     * severance, {@code H (pay - product) > F pay}.
     */
    public boolean dismisses(double pay, double product) {
        return dismissalHorizon * (pay - product) > firingCost * pay;
    }

    /**
     * The owner's hiring rule: a joiner is taken when they would add at least their pay,
     * {@code product >= pay}. Refusing costs the owner nothing, so the firing cost does not enter:
     * protection against dismissal makes an owner no less careful whom they take on.
     */
    public boolean hires(double pay, double product) {
        return product >= pay;
    }

    /** The owner's direct span: {@link #ownerSpan}, or the span of control when it is 0. */
    public int directSpan() {
        return ownerSpan == 0 ? spanOfControl : ownerSpan;
    }

    /** @throws IllegalArgumentException listing every violation, if there is any */
    public LabourParameters validated() {
        List<String> v = violations();
        if (!v.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", v));
        }
        return this;
    }

    private static void unit(List<String> out, String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            out.add(name + " = " + v + ": allowed " + lo + " to " + hi);
        }
    }

    private static void whole(List<String> out, String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            out.add(name + " = " + v + ": allowed " + lo + " to " + hi);
        }
    }
}
