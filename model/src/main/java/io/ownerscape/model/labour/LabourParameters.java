package io.ownerscape.model.labour;

import io.ownerscape.model.parameter.Parameter;
import io.ownerscape.model.parameter.ParameterSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that turn Axtell's teams into an economy of owners, employees, managers and the
 * unemployed: ownership and pay, skills and degrees, hierarchy, dismissal, unemployment, job
 * histories and wealth, the goods market firms sell into, acquisitions, the state and politics.
 * {@link #AXTELL} switches every rule off (the foundation model); {@link #market()} is the US-like
 * baseline.
 *
 * <p>Each component is declared once, by its {@link Parameter} annotation: key, unit, allowed
 * range, the two base presets' values, meaning, source and whether platforms may change it. The
 * presets, the range checks, the policy keys and the generated documents ({@code docs/PARAMETERS.md},
 * {@code docs/reference.yaml}, the key tables of {@code docs/MODEL.md}) all come from there
 * ({@link ParameterSet}). Amounts of money are in months of the previous month's mean pay of firm
 * members unless the parameter says otherwise; policy amounts are shares of the policy unit
 * ({@code docs/MODEL.md} §7.11), so that they keep their meaning whatever the technology.
 */
public record LabourParameters(
        @Parameter(section = "7.11",
                symbol = "σ",
                unit = "share of the producers' pool",
                range = "0 to 0.9",
                axtell = "0",
                market = "0.05",
                meaning = "share of the producers' pool the owner keeps as residual",
                source = "model's own, calibrated (see VALIDATION §5)")
        double ownerShare,
        @Parameter(section = "7.11",
                symbol = "κ",
                unit = "share of pay",
                range = "0 to 1",
                axtell = "0",
                market = "0.9",
                meaning = "share of pay tied to own contribution under full supervision",
                source = "model's own, calibrated with the limits of §7.16: below about 0.5 free-riding keeps "
                        + "nearly every firm under 10 (0.35: mean employer size 2.4, 39% self-employed); 0.9 gives "
                        + "mean employer size 21 and 42% of employees in firms of 500+ (VALIDATION §0). Without the"
                        + " limits of §7.16, 0.5 already let one firm take 37% of persons")
        double monitoring,
        @Parameter(section = "7.11",
                symbol = "s",
                unit = "people",
                range = "0 (no hierarchy) or 2 to 1000",
                axtell = "0",
                market = "5",
                meaning = "producers (or managers) one supervisor oversees; 0 switches the hierarchy off",
                source = "Gallup 2025 median 5-6")
        int spanOfControl,
        @Parameter(section = "7.11",
                unit = "share of time",
                range = "[0, 1)",
                axtell = "0.5",
                meaning = "effort a manager puts into supervising",
                source = "model's own")
        double managerEffort,
        @Parameter(section = "7.11",
                unit = "sd of log skill",
                range = "0 to 1.5",
                axtell = "0",
                market = "0.45",
                meaning = "standard deviation of log skill (mean skill 1)",
                source = "calibrated to the pay of employees, mean/median 1.2-1.8 (SSA 2023: 1.38): with 0.4 it "
                        + "was 1.19 (VALIDATION §0); the dispersion of log wages in the US is about 0.6, of which "
                        + "skill is one part beside effort, firm and layer")
        double skillSigma,
        @Parameter(section = "7.11",
                unit = "share of persons",
                range = "0 to 1",
                axtell = "0",
                market = "0.14",
                meaning = "share of persons with an advanced degree",
                source = "US Census, CPS 2022: about 14% of adults 25+ hold a master's, professional or doctoral "
                        + "degree")
        double degreeShare,
        @Parameter(section = "7.11",
                symbol = "ρ",
                unit = "correlation",
                range = "-1 to 1",
                axtell = "0",
                market = "0.5",
                meaning = "correlation of the degree's latent score with log skill",
                source = "model's own")
        double degreeSkillCorrelation,
        @Parameter(section = "7.11",
                unit = "share of the policy unit",
                range = "0 to 2",
                axtell = "0",
                market = "0.4",
                policy = true,
                meaning = "unemployment benefit as a share of the policy unit (§7.11)",
                source = "US UI replaces about 40-50% of prior wages")
        double benefitReplacement,
        @Parameter(section = "7.11",
                unit = "months",
                range = "0 to 120",
                axtell = "6",
                policy = true,
                meaning = "months a dismissed person draws the benefit",
                source = "US standard 26 weeks")
        int benefitMonths,
        @Parameter(section = "7.11",
                unit = "share of the policy unit",
                range = "0 to 2",
                axtell = "0",
                policy = true,
                meaning = "income of an unemployed person without the benefit (social assistance), as a share of "
                        + "the policy unit (§7.11)",
                source = "policy parameter (none in the US baseline)")
        double assistanceReplacement,
        @Parameter(section = "7.11",
                axtell = "false",
                meaning = "whether a person who quits is entitled to the benefit (and so may choose unemployment "
                        + "over work)",
                source = "US UI excludes voluntary quits")
        boolean benefitOnQuit,
        @Parameter(section = "7.11",
                unit = "probability per month",
                range = "(0, 1]",
                axtell = "0.25",
                meaning = "monthly probability that an unemployed person reconsiders",
                source = "model's own, calibrated: with 0.10 unemployment was 12% at κ = 0.9, with 0.25 it is 6.7%"
                        + " (VALIDATION §0)")
        double jobSearchRate,
        @Parameter(section = "7.12",
                unit = "firms",
                range = "0 to 16",
                axtell = "0",
                market = "2",
                meaning = "vacancies (firms whose customers would buy more than they make) drawn, weighted by room,"
                        + " in the person's region, that every activated person considers besides their friends' "
                        + "firms (goods market only)",
                source = "model's own")
        int searchContacts,
        @Parameter(section = "7.11",
                axtell = "false",
                market = "true",
                meaning = "whether owners dismiss workers paid above their marginal product")
        boolean dismissal,
        @Parameter(section = "7.11",
                symbol = "F",
                unit = "months of the worker's pay",
                range = "0 to 120",
                axtell = "0",
                market = "1",
                policy = true,
                meaning = "severance an owner pays on dismissal, in months of the worker's pay",
                source = "the worker-protection parameter")
        double firingCost,
        @Parameter(section = "7.11",
                symbol = "H",
                unit = "months",
                range = "1 to 120",
                axtell = "12",
                meaning = "months over which an owner weighs a worker's loss against the firing cost",
                source = "model's own")
        int dismissalHorizon,
        @Parameter(section = "7.11",
                symbol = "δ",
                unit = "probability per month",
                range = "0 to 0.2",
                axtell = "0",
                market = "0.007",
                meaning = "monthly probability that an employee's (not an owner's) job ends for a reason the model "
                        + "does not represent (a layoff the dismissal rule does not cause: reorganisation, "
                        + "relocation, the end of a contract); the person becomes unemployed with the benefit, no "
                        + "severance",
                source = "US layoffs and discharges are about 1.0-1.2% of employment a month (BLS JOLTS, 2019 and "
                        + "2023-2025); the model's own dismissals add about 0.6%, so 0.007 brings the total "
                        + "(`layoffs_rate`) to 1.3%")
        double separationRate,
        @Parameter(section = "7.11",
                unit = "months",
                range = "1 to 31",
                axtell = "24",
                meaning = "months of job history kept",
                source = "issue definition")
        int precarityWindow,
        @Parameter(section = "7.11",
                unit = "employer changes",
                range = "1 to precarity_window",
                axtell = "3",
                meaning = "employer changes within the window that make a person precarious",
                source = "issue definition")
        int precarityChanges,
        @Parameter(section = "7.11",
                unit = "months",
                range = "1 to precarity_window",
                axtell = "6",
                meaning = "months unemployed within the window that make a person precarious",
                source = "issue definition")
        int precarityUnemployedMonths,
        @Parameter(section = "7.11",
                unit = "share of income",
                range = "0 to 1",
                axtell = "0.9",
                meaning = "share of the month's income consumed",
                source = "model's own")
        double consumptionOfIncome,
        @Parameter(section = "7.11",
                unit = "share of wealth per month",
                range = "0 to 1",
                axtell = "0.005",
                meaning = "share of wealth consumed each month",
                source = "model's own")
        double consumptionOfWealth,
        @Parameter(section = "7.11",
                symbol = "K",
                unit = "months of mean pay",
                range = "0 to 1000",
                axtell = "0",
                market = "3",
                meaning = "capital a firm must invest before its first hire, in months of mean pay",
                source = "model's own")
        double startupCapital,
        @Parameter(section = "7.11",
                symbol = "χ",
                unit = "share of the start-up capital",
                range = "0 to 1",
                axtell = "0",
                policy = true,
                meaning = "share of the start-up capital a lender advances")
        double startupCredit,
        @Parameter(section = "7.11",
                unit = "months of mean pay",
                range = "0 to 1000",
                axtell = "0",
                market = "6",
                meaning = "mean initial wealth (exponentially distributed), months of mean pay",
                source = "model's own")
        double initialWealth,
        @Parameter(section = "7.11",
                unit = "employees",
                range = "at least 1",
                axtell = "500",
                meaning = "employees from which a firm's owner counts as a large owner",
                source = "SUSB's small-business line")
        int largeFirmEmployees,
        @Parameter(section = "7.11",
                unit = "regions",
                range = "1 to 100000",
                axtell = "1",
                market = "50",
                meaning = "local labour markets, Zipf-distributed in size; 1 for none; an economy uses at most "
                        + "persons / 100 of them",
                source = "model's own (the US has about 380 metropolitan areas; 50 keeps regions of at least 2,000"
                        + " persons at 1 million)")
        int regions,
        @Parameter(section = "7.11",
                unit = "share of friendships",
                range = "0 to 1",
                axtell = "0.8",
                meaning = "share of friendships formed within one's region",
                source = "model's own")
        double regionalFriendship,
        @Parameter(section = "7.12",
                axtell = "false",
                meaning = "whether firms sell into a finite market: revenue is capped by the firm's customer base "
                        + "(`docs/MODEL.md`, \"Goods market\")",
                source = "see VALIDATION §6")
        boolean goodsMarket,
        @Parameter(section = "7.12",
                unit = "month",
                range = "0 to 100000",
                axtell = "120",
                meaning = "month from which the goods market operates (firms form freely before it)",
                source = "model's own (the usual burn-in)")
        int marketStart,
        @Parameter(section = "7.12",
                unit = "multiple of total output",
                range = "(0, 10]",
                axtell = "1",
                meaning = "aggregate demand at the market's start as a multiple of total output then",
                source = "model's own")
        double demandSlack,
        @Parameter(section = "7.12",
                symbol = "g",
                unit = "rate per year",
                range = "-0.5 to 0.5",
                axtell = "0",
                meaning = "yearly growth rate of aggregate demand in money",
                source = "experiment variable (VALIDATION §7)")
        double demandGrowth,
        @Parameter(section = "7.12",
                symbol = "λ",
                unit = "share of customers per month",
                range = "(0, 1]",
                axtell = "0.05",
                meaning = "share of every firm's customers who choose a supplier afresh each month",
                source = "model's own; slow demand build-up of new plants (Foster, Haltiwanger & Syverson 2016)")
        double customerChurn,
        @Parameter(section = "7.12",
                symbol = "ψ",
                unit = "exponent",
                range = "0 to 10",
                axtell = "0",
                meaning = "how strongly re-choosing customers favour productive firms (the exponent of relative "
                        + "output per unit of effort)",
                source = "model's own; at 0.25 or more customers leave small firms faster than the labour market "
                        + "can move their workers and 94% of persons end self-employed (VALIDATION §6)")
        double valueWeight,
        @Parameter(section = "7.12",
                symbol = "σ",
                unit = "sd of a factor",
                range = "0 to 0.5",
                axtell = "0",
                market = "0.05",
                meaning = "size of each firm's idiosyncratic monthly demand shock: the standard deviation of the "
                        + "uniform factor (mean 1) applied to the customers it keeps",
                source = "model's own")
        double customerShock,
        @Parameter(section = "7.13",
                axtell = "false",
                market = "true",
                meaning = "whether owners buy other firms (`docs/MODEL.md`, \"Acquisitions\")")
        boolean acquisitions,
        @Parameter(section = "7.13",
                unit = "probability per month",
                range = "0 to 1",
                axtell = "0.04",
                market = "0.01",
                meaning = "monthly probability that an employer firm's owner looks for a firm to buy",
                source = "calibrated: about 2% of employer firms are bought per year (VALIDATION §5)")
        double acquisitionSearch,
        @Parameter(section = "7.13",
                unit = "firms",
                range = "0 to 16",
                axtell = "2",
                meaning = "firms of random persons of the owner's region considered besides the firms of the "
                        + "owner's friends",
                source = "model's own")
        int acquisitionContacts,
        @Parameter(section = "7.13",
                symbol = "H",
                unit = "months of profit",
                range = "1 to 600",
                axtell = "36",
                meaning = "months of profit at which buyer and seller value a firm",
                source = "model's own (small businesses sell for a few years' earnings)")
        int valuationMonths,
        @Parameter(section = "7.13",
                unit = "multiple of the valuation",
                range = "0 to 10",
                axtell = "0.25",
                market = "9",
                meaning = "how much more than their valuation an owner asks to sell",
                source = "calibrated with `acquisition_search`; the residual is only σ = 5% of revenue while an "
                        + "owner of a firm of n members earns about 1/n of it, so a premium of 9 values "
                        + "independence at a few tens of percent of a small owner's earnings, the order of the "
                        + "earnings entrepreneurs forgo in Hamilton (2000)")
        double independencePremium,
        @Parameter(section = "7.13",
                unit = "share of the price",
                range = "0 to 1",
                axtell = "0",
                meaning = "share of the price a lender advances to the buyer")
        double acquisitionCredit,
        @Parameter(section = "7.13",
                unit = "share of customers or regional employees",
                range = "(0, 1]",
                axtell = "1",
                policy = true,
                meaning = "largest share of customers (with a goods market) or of its region's employees an "
                        + "acquirer may hold after a merger; 1 for no cap",
                source = "policy parameter")
        double antitrustCap,
        @Parameter(section = "7.13",
                unit = "months of mean pay per month",
                range = "0 to 10",
                axtell = "0",
                policy = true,
                meaning = "compliance cost of every firm with employees, in months of mean pay per month",
                source = "policy parameter")
        double complianceFixed,
        @Parameter(section = "7.13",
                unit = "months of mean pay per employee and month",
                range = "0 to 1",
                axtell = "0",
                policy = true,
                meaning = "compliance cost per employee, in months of mean pay per month",
                source = "policy parameter")
        double compliancePerEmployee,
        @Parameter(section = "7.14",
                unit = "share of the policy unit per person and month",
                range = "0 to 2",
                axtell = "0",
                policy = true,
                meaning = "universal basic income the state pays every person each month, as a share of the policy "
                        + "unit (`policy_in_median_pay`, `policy_in_money`)")
        double ubi,
        @Parameter(section = "7.14",
                unit = "tax rate",
                range = "0 to 0.9",
                axtell = "0",
                policy = true,
                meaning = "tax rate on pay and benefits")
        double incomeTax,
        @Parameter(section = "7.14",
                unit = "tax rate",
                range = "0 to 0.9",
                axtell = "0",
                policy = true,
                meaning = "tax rate on owners' residuals")
        double profitTax,
        @Parameter(section = "7.14",
                unit = "tax rate per year",
                range = "0 to 0.2",
                axtell = "0",
                policy = true,
                meaning = "yearly tax rate on positive wealth")
        double wealthTax,
        @Parameter(section = "7.14",
                axtell = "false",
                policy = true,
                meaning = "whether a surcharge on the income tax closes last month's deficit (and repays a twelfth "
                        + "of the debt); otherwise the state borrows")
        boolean balancedBudget,
        @Parameter(section = "7.14",
                unit = "share of the start-up capital",
                range = "0 to 1",
                axtell = "0",
                policy = true,
                meaning = "share of a founder's start-up capital the state pays")
        double startupGrant,
        @Parameter(section = "7.14",
                unit = "probability per firm and month",
                range = "0 to 1",
                axtell = "0",
                policy = true,
                meaning = "monthly probability that a private employer firm is bought out by the state for its "
                        + "members (employee ownership)")
        double coopConversion,
        @Parameter(section = "7.14",
                unit = "probability per firm and month",
                range = "0 to 1",
                axtell = "0",
                policy = true,
                meaning = "monthly probability that a private firm in the programme's scope is taken over by the "
                        + "state")
        double nationalisationRate,
        @Parameter(section = "7.14",
                unit = "employees",
                range = "0 to 1000000000",
                axtell = "1",
                policy = true,
                meaning = "employees a private firm must have to fall in the programme's scope; 0 includes the "
                        + "self-employed")
        int nationalisationMinEmployees,
        @Parameter(section = "7.14",
                unit = "share of the firm's value",
                range = "0 to 1",
                axtell = "1",
                policy = true,
                meaning = "share of the firm's value paid to its owner when it is taken over; 0 is expropriation")
        double nationalisationCompensation,
        @Parameter(section = "7.14",
                unit = "probability per firm and month",
                range = "0 to 1",
                axtell = "0",
                policy = true,
                meaning = "monthly probability that a state firm is sold to one of its members")
        double privatisationRate,
        @Parameter(section = "7.14",
                unit = "share of the firm's value",
                range = "0 to 1",
                axtell = "0",
                policy = true,
                meaning = "share of the firm's value its new owner pays the state; 0 is a free hand-over to "
                        + "insiders")
        double privatisationPrice,
        @Parameter(section = "7.14",
                axtell = "false",
                policy = true,
                meaning = "whether the state merges its firms of each region into one trust")
        boolean stateTrusts,
        @Parameter(section = "7.14",
                axtell = "true",
                policy = true,
                meaning = "whether persons may found new private firms")
        boolean privateFounding,
        @Parameter(section = "7.15",
                axtell = "false",
                meaning = "whether elections decide the ruling platform")
        boolean elections,
        @Parameter(section = "7.15",
                unit = "month",
                range = "2 to 100000",
                axtell = "240",
                meaning = "month from which the ruling platform's policies apply and elections are held")
        int politicsStart,
        @Parameter(section = "7.15",
                unit = "months",
                range = "1 to 1200",
                axtell = "48",
                meaning = "months between elections")
        int electionInterval,
        @Parameter(section = "7.15",
                unit = "months",
                range = "1 to 240",
                axtell = "24",
                meaning = "months a voter's forecast simulates (a fork of the world under each platform)")
        int forecastMonths,
        @Parameter(section = "7.15",
                unit = "discount per month",
                range = "[0, 1)",
                axtell = "0.02",
                meaning = "monthly discount of the forecast (myopia)")
        double forecastDiscount,
        @Parameter(section = "7.15",
                unit = "sd of log value",
                range = "0 to 10",
                axtell = "0.1",
                meaning = "standard deviation of the noise on a voter's log value of a platform")
        double voteNoise,
        @Parameter(section = "7.15",
                unit = "probability",
                range = "0 to 1",
                axtell = "0.6",
                meaning = "probability that a person votes")
        double turnout,
        @Parameter(section = "7.15",
                unit = "share of the promise",
                range = "0 to 1",
                axtell = "1",
                meaning = "share of a promised basic income voters believe they will be paid")
        double promiseBelief,
        @Parameter(section = "7.15",
                axtell = "false",
                meaning = "whether rulers must pay what their platform promised")
        boolean promisesBinding,
        @Parameter(section = "7.15",
                axtell = "false",
                policy = true,
                meaning = "whether rulers suspend elections when countervailing power falls below "
                        + "`lock_in_threshold`")
        boolean lockIn,
        @Parameter(section = "7.15",
                unit = "countervailing power",
                range = "0 to 1",
                axtell = "0.5",
                policy = true,
                meaning = "countervailing power below which elections are suspended")
        double lockInThreshold,
        @Parameter(section = "7.15",
                axtell = "true",
                meaning = "whether persons count the basic income in their labour choices (its income effect on "
                        + "effort and on the value of working at all)")
        boolean ubiInChoices,
        @Parameter(section = "7.16",
                symbol = "K",
                unit = "output per unit of effort",
                range = "0 (unbounded, Axtell's) or 0.01 to 1000",
                axtell = "0",
                market = "2",
                meaning = "bound K on the increasing returns per unit of effort: output is `a x + b x^beta / (1 + "
                        + "x^(beta - 1) / K)`, so output per unit of effort rises with team effort towards `a + b "
                        + "K`; 0 for Axtell's unbounded `a x + b x^beta`, else 0.01 to 1,000 (needs `beta_max <= "
                        + "2`, where output stays convex)",
                source = "model's own, calibrated (VALIDATION §0b). Basu and Fernald (1997) for near-constant "
                        + "returns")
        double returnsCap,
        @Parameter(section = "7.16",
                symbol = "ξ",
                unit = "tail index",
                range = "0 (one bound for all firms) or 0.5 to 20",
                axtell = "0",
                meaning = "tail index xi of firms' own bounds: a firm's bound is Pareto, `returns_cap (1 - "
                        + "u)^(-1/xi)` (at most 1,000), so a few firms can grow large (Lucas 1978); 0 for one bound"
                        + " for all",
                source = "off: heterogeneous bounds concentrate employment in one firm (VALIDATION §0c)")
        double returnsCapTail,
        @Parameter(section = "7.16",
                symbol = "λ",
                unit = "share of output per layer",
                range = "0 to 0.5",
                axtell = "0",
                market = "0.28",
                meaning = "share of output lost per layer of management (Williamson 1967): a firm with `l` layers "
                        + "produces `(1 - loss)^l` of what its effort would give",
                source = "Williamson (1967), Calvo and Wellisz (1978); calibrated (VALIDATION §0): with "
                        + "productivity differences the loss per layer sets how fast pay per producer falls with "
                        + "size above the owner's span (elasticity about −0.25 with λ = 0.28, s = 5), and with it "
                        + "how far a productive firm grows. Net of the bounded increasing returns a large firm's "
                        + "output then rises with about 0.8 of its head count, the span-of-control returns of "
                        + "Atkeson & Kehoe (2005, 0.85) and Guner, Ventura & Xu (2008, 0.8). At 0.35 the largest "
                        + "firms stay too small (500+ employment 31%), at 0.30 or less one can take 8% of persons")
        double controlLoss,
        @Parameter(section = "7.16",
                symbol = "τ",
                unit = "share of effort per layer",
                range = "0 to 0.2",
                axtell = "0",
                market = "0.02",
                meaning = "share of every producer's effort spent communicating per layer of management (Garicano "
                        + "2000): effective effort is `max(0, 1 - tau l)` of effort",
                source = "Garicano (2000); model's own size")
        double coordinationCost,
        @Parameter(section = "7.16",
                unit = "preference weight",
                range = "[0, 1)",
                axtell = "0",
                market = "0.1",
                meaning = "lowest preference for income against leisure; theta is uniform on [thetaMin, thetaMax)",
                source = "Axtell's [0, 1) but for the floor, calibrated to self-employment (above)")
        double thetaMin,
        @Parameter(section = "7.16",
                unit = "preference weight",
                range = "(theta_min, 1]",
                axtell = "1",
                meaning = "highest preference for income, (thetaMin, 1]",
                source = "Axtell's [0, 1) but for the floor, calibrated to self-employment (above)")
        double thetaMax,
        @Parameter(section = "7.15",
                unit = "months",
                range = "forecast_months to 600",
                axtell = "120",
                meaning = "months over which a voter values a platform, from `forecast_months` to 600; the months "
                        + "beyond the simulated forecast are extrapolated from its last year, with the ownership "
                        + "programmes' hazard on any firm held (`docs/MODEL.md`, \"Elections\")")
        int planningMonths,
        @Parameter(section = "7.15",
                axtell = "true",
                meaning = "whether a voter's value of a platform counts their wealth now and the value of the firm "
                        + "or co-operative stake they would hold at the end of the planning horizon, besides what "
                        + "they receive; false counts income only (with `planningMonths = forecastMonths`, the vote"
                        + " before issue 17)")
        boolean voteCountsWealth,
        @Parameter(section = "7.17",
                unit = "share of persons",
                range = "0 to 1",
                axtell = "0",
                meaning = "share of persons who receive the unconditional-transfer trial's payments "
                        + "(`docs/MODEL.md` §7.17); 0 switches the trial off")
        double transferShare,
        @Parameter(section = "7.17",
                unit = "share of persons",
                range = "0 to 1",
                axtell = "0",
                meaning = "share of persons in the trial's control group; 0 for the same as `transfer_share`, [0, "
                        + "1]; the two groups together at most 1")
        double transferControlShare,
        @Parameter(section = "7.17",
                unit = "month",
                range = "13 to 100000",
                axtell = "240",
                meaning = "month of the trial's first payment, 13 to 100,000 (the twelve months before it measure "
                        + "each person's prior income)")
        int transferStart,
        @Parameter(section = "7.17",
                unit = "months",
                range = "1 to 1200",
                axtell = "36",
                meaning = "months the payments last")
        int transferMonths,
        @Parameter(section = "7.17",
                unit = "share of prior income",
                range = "0 to 2",
                axtell = "0.4",
                meaning = "monthly payment as a share of the person's own prior income")
        double transferReplacement,
        @Parameter(section = "7.17",
                axtell = "false",
                meaning = "whether only persons whose prior income is below the median of the trial's sample are "
                        + "enrolled (in both groups), as OpenResearch enrolled low-income adults")
        boolean transferLowIncome,
        @Parameter(section = "7.11",
                symbol = "S0",
                unit = "people",
                range = "0 (the owner directs the top layer only) or 2 to 1000",
                axtell = "0",
                market = "10",
                meaning = "producing employees an owner directs without a hired manager; with more, each hired "
                        + "manager directs up to `span_of_control` people and the owner keeps directing the rest of"
                        + " its `owner_span` slots; 0 for the owner directing only the top layer of managers once "
                        + "there is one (the rule before owner spans)",
                source = "model's own, calibrated to SUSB's classes of 10-19 and 20-99 employees (VALIDATION §0); "
                        + "with it the structure has no manager up to 10 producing employees, one layer up to 50, "
                        + "two up to 250, three up to 1,250, against CMRH's (2015) typical sizes of 5, 10, 54 and "
                        + "142 for 0-3 layers")
        int ownerSpan,
        @Parameter(section = "7.16",
                symbol = "k",
                unit = "tail index",
                range = "0 (every technology at 1) or 1.1 to 100",
                axtell = "0",
                market = "5.5",
                meaning = "Pareto tail index k of a technology's productivity: output is `z` times what its `(a, b,"
                        + " beta)` give, with `P(z > v) = v^-k`, `z >= 1`, fixed for the technology's life; 0 for "
                        + "every firm at 1 (Axtell's)",
                source = "calibrated to the SUSB classes and the Zipf tail (VALIDATION §0); productivity "
                        + "dispersion within US industries (Syverson 2004: 90/10 ratio about 2; with k = 5.5 the "
                        + "90th percentile is 1.52, the 99th 2.31)")
        double productivityTail,
        @Parameter(section = "7.16",
                unit = "productivity",
                range = "0 (no bound) or 1 to 1000",
                axtell = "0",
                market = "8",
                meaning = "the highest productivity a technology can have: the Pareto of `productivity_tail` "
                        + "truncated at it; 0 for no bound",
                source = "model's own: without a bound the rare technology above 8-10 (one in 100,000-300,000) "
                        + "grew one firm to 3-8% of persons (VALIDATION §0), where the largest US firm employs "
                        + "about 1.5% of employees")
        double productivityMax,
        @Parameter(section = "7.16",
                symbol = "h",
                unit = "probability per firm and month",
                range = "0 to 0.5",
                axtell = "0",
                market = "0.02",
                meaning = "monthly probability that a firm's technology is replaced by a fresh draw (its advantage "
                        + "lost to imitation, or its product superseded)",
                source = "calibrated (VALIDATION §0): 0.01 lets leading firms grow too many and too large, 0.02 "
                        + "keeps 78% of firms on their technology for a year, near the persistence of plant "
                        + "productivity (Foster, Haltiwanger & Syverson 2008)")
        double technologyRenewal,
        @Parameter(section = "7.14",
                axtell = "false",
                market = "true",
                meaning = "whether policy amounts given as a share of pay (the basic income, benefits, assistance) "
                        + "are shares of the previous month's median pay of employees rather than of the mean pay "
                        + "of firm members")
        boolean policyInMedianPay,
        @Parameter(section = "7.14",
                axtell = "false",
                meaning = "whether those amounts are in the model's money unit (output at price 1) instead of a "
                        + "share of pay; at most one of the two is true")
        boolean policyInMoney,
        @Parameter(section = "7.14",
                axtell = "false",
                policy = true,
                meaning = "whether state firms have a soft budget constraint (Kornai 1986): the state covers their "
                        + "losses, paying their producers at least the previous month's mean pay of firm members, "
                        + "and they neither dismiss workers nor refuse joiners on cost grounds /")
        boolean softBudget) implements java.io.Serializable {

    /** The declarations of every component, read once. */
    private static final ParameterSet<LabourParameters> DECLARED = ParameterSet.of(LabourParameters.class);

    /**
     * Every rule off: pay is the equal share of output, there are no managers, nobody is dismissed
     * and skills are equal. The model is then exactly Axtell's.
     */
    public static final LabourParameters AXTELL = DECLARED.preset(ParameterSet.Base.AXTELL).validated();

    /** The US-like baseline; every default and its source is declared on its component. */
    public static LabourParameters market() {
        return DECLARED.preset(ParameterSet.Base.MARKET);
    }

    /**
     * The keys a ruling platform, a policy schedule or a change during a run may change while a
     * run goes on (declared {@code policy = true}): the state's instruments, and the constitutional
     * rule on whether rulers may suspend elections ({@code lock_in}, {@code lock_in_threshold}).
     * Every other key shapes the world itself and is fixed for a run.
     */
    public static final java.util.Set<String> POLICY_KEYS = DECLARED.policyKeys();

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
        List<String> out = new ArrayList<>(DECLARED.violations(this));
        if (returnsCapTail != 0 && returnsCap == 0) {
            out.add("returns_cap_tail = " + returnsCapTail + " needs returns_cap above 0 (its scale)");
        }
        if (transferShare >= 0 && transferShare <= 1 && transferControlShare >= 0 && transferControlShare <= 1
                && transferShare + transferControl() > 1) {
            out.add("transfer_share = " + transferShare + " with transfer_control_share = " + transferControlShare
                    + ": the treated and control groups together must be at most all persons (sum at most 1)");
        }
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

}
