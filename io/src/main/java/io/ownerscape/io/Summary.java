package io.ownerscape.io;

import io.ownerscape.model.Election;
import io.ownerscape.model.LabourKeys;
import io.ownerscape.model.LabourParameters;
import io.ownerscape.model.Platform;
import io.ownerscape.model.State;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import io.ownerscape.model.MarketTally;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.model.MetricsRecorder;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.MonthlyMetrics;
import io.ownerscape.model.PersonClass;
import io.ownerscape.model.ReviewTally;
import io.ownerscape.model.SizeClass;
import io.ownerscape.model.TransferTrial;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds {@code summary.json}: the run's final metrics, parameters and provenance under stable
 * snake_case keys (documented in {@code docs/OUTPUTS.md}). Rates are means over the last 12 months.
 */
public final class Summary {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Months over which monthly rates are averaged. */
    public static final int RATE_WINDOW = 12;

    private Summary() {
    }

    /** The summary of a finished run as a JSON tree. */
    public static ObjectNode of(RunSettings settings, MetricsRecorder recorder, String stateHash,
                                double seconds, long columnBytes, long activations,
                                RunMetadata meta) {
        return of(settings, recorder, stateHash, seconds, columnBytes, activations, meta, Double.NaN);
    }

    /** As above, with the final wealth Gini coefficient. */
    public static ObjectNode of(RunSettings settings, MetricsRecorder recorder, String stateHash,
                                double seconds, long columnBytes, long activations,
                                RunMetadata meta, double wealthGini) {
        return of(settings, recorder, stateHash, seconds, columnBytes, activations, meta, wealthGini, Double.NaN);
    }

    /** As above, with the employment-weighted mean of the regions' labour-market HHI. */
    public static ObjectNode of(RunSettings settings, MetricsRecorder recorder, String stateHash,
                                double seconds, long columnBytes, long activations,
                                RunMetadata meta, double wealthGini, double labourHhiMean) {
        ModelParameters p = settings.model();
        MonthlyMetrics last = recorder.last();
        ObjectNode root = JSON.createObjectNode();
        root.put("ownerscape_version", meta.version());
        root.put("git_commit", meta.gitCommit());
        root.put("jdk", meta.jdk());
        root.put("machine", meta.machine());
        root.put("persons", p.persons());
        root.put("months", settings.months());
        root.put("burn_in", settings.burnIn());
        root.put("seed", settings.seed());
        root.put("threads", settings.threads());
        root.put("preset", settings.preset().key());
        root.set("parameters", parameters(p));
        ObjectNode labour = root.putObject("labour_parameters");
        LabourKeys.toMap(settings.labour()).forEach((k, v) -> labour.putPOJO(k, v));
        root.put("initial_ruling_platform", settings.ruling() == null ? "" : settings.ruling());
        root.set("platform_definitions", platformDefinitions(settings.platforms()));
        root.set("policy_schedule", policySchedule(settings.schedule()));
        root.put("state_hash", stateHash);
        root.put("firms", last.firms());
        root.put("employer_firms", last.employerFirms());
        root.put("employees", last.employees());
        root.put("mean_employer_firm_size", last.meanEmployerFirmSize());
        root.put("median_employer_firm_size", last.medianEmployerFirmSize());
        putNumber(root, "zipf_alpha", last.zipfAlpha());
        root.put("zipf_smin", last.zipfSmin());
        root.put("zipf_tail_firms", last.zipfTailFirms());
        putNumber(root, "zipf_ks", last.zipfKs());
        root.put("largest_firm", last.largestFirm());
        root.put("singleton_share", last.singletonShare());
        ObjectNode classes = root.putObject("size_classes");
        for (int k = 0; k < SizeClass.SUSB.size(); k++) {
            SizeClass c = SizeClass.SUSB.get(k);
            ObjectNode o = classes.putObject(c.label());
            o.put("firm_share", last.sizeClassFirmShare()[k]);
            o.put("employment_share", last.sizeClassEmploymentShare()[k]);
            o.put("susb_firm_share", c.susbFirmShare());
            o.put("susb_employment_share", c.susbEmploymentShare());
        }
        root.put("job_to_job_rate", recorder.meanJobToJobRate(RATE_WINDOW));
        root.put("births_per_month", recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::births));
        root.put("deaths_per_month", recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::deaths));
        ReviewTally review = last.review();
        if (review != null) {
            root.put("managerial_share", recorder.meanOverLast(RATE_WINDOW, m -> m.review().managerialShare()));
            root.put("unemployment_rate", recorder.meanOverLast(RATE_WINDOW, m -> m.review().unemploymentRate()));
            ObjectNode shares = root.putObject("class_shares");
            double[] cs = last.classShares();
            for (PersonClass c : PersonClass.values()) {
                shares.put(c.key(), cs[c.ordinal()]);
            }
            ObjectNode bySize = root.putObject("managerial_share_by_size_class");
            ObjectNode layersBySize = root.putObject("mean_layers_by_size_class");
            double[] ms = review.managerialShareBySizeClass();
            double[] ls = review.meanLayersBySizeClass();
            for (int k = 0; k < SizeClass.SUSB.size(); k++) {
                bySize.put(SizeClass.SUSB.get(k).label(), ms[k]);
                layersBySize.put(SizeClass.SUSB.get(k).label(), ls[k]);
            }
            ObjectNode layers = root.putObject("firms_by_layers");
            long[] fl = review.firmsByLayers();
            double[] el = review.meanEmployeesByLayers();
            for (int k = 0; k < fl.length; k++) {
                if (fl[k] > 0) {
                    ObjectNode o = layers.putObject(Integer.toString(k));
                    o.put("firms", fl[k]);
                    o.put("mean_employees", el[k]);
                }
            }
            ReviewTally pooled = pooledAutonomy(recorder.history());
            putNumber(root, "autonomy_index", pooled.autonomyIndex());
            ObjectNode byClass = root.putObject("autonomy_by_class");
            double[] ab = pooled.autonomyByClass();
            for (PersonClass c : PersonClass.values()) {
                if (c != PersonClass.UNEMPLOYED) {
                    putNumber(byClass, c.key(), ab[c.ordinal()]);
                }
            }
            ObjectNode employers = root.putObject("employer_by_class");
            double[][] es = pooled.employerSharesByClass();
            for (PersonClass c : PersonClass.values()) {
                if (c == PersonClass.UNEMPLOYED) {
                    continue;
                }
                ObjectNode row = employers.putObject(c.key());
                for (int k = 0; k < ReviewTally.EMPLOYER_KINDS.size(); k++) {
                    putNumber(row, ReviewTally.EMPLOYER_KINDS.get(k), es[c.ordinal()][k]);
                }
            }
            ObjectNode components = root.putObject("autonomy_components");
            double[] comp = review.autonomyComponents();
            String[] names = {"exit", "bargaining", "protection", "ownership"};
            for (int k = 0; k < names.length; k++) {
                putNumber(components, names[k], comp[k]);
            }
            root.put("dismissals_per_month", recorder.meanOverLast(RATE_WINDOW, m -> m.review().dismissals()));
            root.put("separations_per_month", recorder.meanOverLast(RATE_WINDOW, m -> m.review().separations()));
            putNumber(root, "hires_rate", recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::hiresRate));
            putNumber(root, "quits_rate", recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::quitsRate));
            putNumber(root, "layoffs_rate", recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::layoffsRate));
            putNumber(root, "self_employed_share", recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::selfEmployedShare));
            putNumber(root, "employee_pay_mean", recorder.meanOverLast(RATE_WINDOW, m -> m.review().employeePayMean()));
            putNumber(root, "employee_pay_median", recorder.meanOverLast(RATE_WINDOW, m -> m.review().employeePayMedian()));
            putNumber(root, "pay_mean_to_median", recorder.meanOverLast(RATE_WINDOW,
                    m -> m.review().employeePayMean() / m.review().employeePayMedian()));
            putNumber(root, "pay_size_elasticity", recorder.meanOverLast(RATE_WINDOW, m -> m.review().paySizeElasticity()));
            putNumber(root, "large_firm_pay_premium", recorder.meanOverLast(RATE_WINDOW,
                    m -> m.review().largeFirmPayPremium()));
            root.put("mean_pay", last.meanPay());
            root.put("mean_wealth", last.meanWealth());
            putNumber(root, "wealth_gini", wealthGini);
            root.put("regions", Math.max(1, Math.min(settings.labour().regions(), settings.model().persons() / 100)));
            putNumber(root, "labour_hhi_mean", labourHhiMean);
            root.put("small_owner_share", recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::smallOwnersPerThousand));
            putNumber(root, "small_owner_share_trend", smallOwnerTrend(recorder.history(), settings.burnIn()));
            MarketTally g = review.market();
            if (g != null) {
                ObjectNode market = root.putObject("market");
                market.put("demand", g.demand());
                market.put("mean_price", recorder.meanOverLast(RATE_WINDOW, m -> marketOf(m).meanPrice()));
                market.put("capped_firm_share", recorder.meanOverLast(RATE_WINDOW, m -> marketOf(m).cappedShare()));
                market.put("unsold_output_share", recorder.meanOverLast(RATE_WINDOW,
                        m -> marketOf(m).output() > 0 ? marketOf(m).unsoldOutput() / marketOf(m).output() : 0));
                market.put("unmet_demand_share", recorder.meanOverLast(RATE_WINDOW,
                        m -> marketOf(m).demand() > 0 ? marketOf(m).unmetDemand() / marketOf(m).demand() : 0));
                market.put("entry_price", g.entryPrice());
                root.put("customer_hhi", recorder.meanOverLast(RATE_WINDOW, m -> marketOf(m).customerHhi()));
            }
        }
        if (settings.labour().acquisitions()) {
            root.put("acquisitions_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().deals()));
            root.put("acquired_persons_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().moved()));
            root.put("blocked_mergers_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().blocked()));
            ObjectNode bySize = root.putObject("acquisitions_by_acquirer_size");
            for (int k = 0; k < SizeClass.SUSB.size(); k++) {
                int size = k;
                ObjectNode o = bySize.putObject(SizeClass.SUSB.get(k).label());
                o.put("acquisitions_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().dealsByBuyerSize()[size]));
                o.put("acquired_persons_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().movedByBuyerSize()[size]));
            }
            putNumber(root, "large_firm_acquired_share", last.largeFirmAcquiredShare());
        }
        root.put("largest_firm_share", recorder.meanOverLast(RATE_WINDOW, m -> (double) m.largestFirm() / p.persons()));
        root.put("top1_employment_share", recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::topPercentEmploymentShare));
        root.put("top10_employment_share", recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::topTenEmploymentShare));
        root.put("mean_effort", last.meanEffort());
        root.put("output_per_person", last.outputPerPerson());
        root.put("bytes_per_person", (double) columnBytes / p.persons());
        root.put("activations", activations);
        root.put("seconds", seconds);
        root.put("activations_per_second", seconds > 0 ? activations / seconds : 0);
        return root;
    }

    /**
     * Adds the state and politics keys: the basic income promised and paid, the state's share of
     * employment and output, countervailing power, the budget, the elections held and suspended
     * with each one's vote shares by class, autonomy by year, and the policies in force at the end.
     */
    public static void addPolitics(ObjectNode root, MetricsRecorder recorder, State state, LabourParameters inForce) {
        List<MonthlyMetrics> history = recorder.history();
        if (history.isEmpty() || history.get(history.size() - 1).state() == null) {
            return;
        }
        root.put("ubi_promised", recorder.meanOverLast(RATE_WINDOW, m -> m.state().ubiPromised()));
        root.put("ubi_paid", recorder.meanOverLast(RATE_WINDOW, m -> m.state().ubiPaid()));
        double promisedMonths = 0;
        double paidMonths = 0;
        for (MonthlyMetrics m : history) {
            promisedMonths += m.state().ubiPromised();
            paidMonths += m.state().ubiPaid();
        }
        root.put("ubi_promised_months", promisedMonths);
        root.put("ubi_paid_months", paidMonths);
        root.put("state_employment_share", recorder.meanOverLast(RATE_WINDOW, m -> m.state().stateEmploymentShare()));
        root.put("state_output_share", recorder.meanOverLast(RATE_WINDOW, m -> m.state().stateOutputShare()));
        root.put("countervailing_power", recorder.meanOverLast(RATE_WINDOW, m -> m.state().countervailingPower()));
        root.put("coop_members_share", recorder.meanOverLast(RATE_WINDOW,
                m -> (double) m.state().coopMembers() / Math.max(1, m.review().members())));
        ObjectNode budget = root.putObject("state_budget");
        budget.put("revenue_per_month", recorder.meanOverLast(RATE_WINDOW, m -> m.state().revenue()));
        budget.put("spending_per_month", recorder.meanOverLast(RATE_WINDOW, m -> m.state().spending()));
        budget.put("debt", state.debt());
        MonthlyMetrics last = history.get(history.size() - 1);
        long persons = java.util.Arrays.stream(last.review().classCounts()).sum();
        double monthlyOutput = last.outputPerPerson() * persons;
        putNumber(budget, "debt_in_months_of_output", monthlyOutput > 0 ? state.debt() / monthlyOutput : Double.NaN);
        budget.put("nationalised_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.state().nationalised()));
        budget.put("converted_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.state().converted()));
        budget.put("privatised_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.state().privatised()));
        long held = state.elections().stream().filter(Election::held).count();
        root.put("elections_held", held);
        root.put("elections_suspended", state.elections().size() - held);
        Platform ruling = state.ruling();
        if (ruling == null) {
            root.putNull("ruling_platform");
        } else {
            root.put("ruling_platform", ruling.name());
        }
        ArrayNode platforms = root.putArray("platforms");
        for (Platform p : state.platforms()) {
            ObjectNode o = platforms.addObject();
            o.put("name", p.name());
            o.put("description", p.description());
            ObjectNode policy = o.putObject("policy");
            p.policy().forEach(policy::putPOJO);
        }
        ObjectNode inForceNode = root.putObject("policies_in_force");
        Map<String, Object> rules = LabourKeys.toMap(inForce);
        new java.util.TreeSet<>(LabourParameters.POLICY_KEYS).forEach(k -> inForceNode.putPOJO(k, rules.get(k)));
        ArrayNode votes = root.putArray("vote_share_by_class");
        for (Election e : state.elections()) {
            ObjectNode o = votes.addObject();
            o.put("month", e.month());
            o.put("held", e.held());
            o.put("incumbent", e.incumbent());
            o.put("winner", e.winner());
            o.put("votes_cast", e.cast());
            o.put("abstained", e.abstained());
            putNumber(o, "margin", e.margin());
            putNumber(o, "decisive", e.decisive());
            o.put("countervailing_power", e.countervailingPower());
            if (!e.held()) {
                continue;
            }
            ObjectNode total = o.putObject("vote_shares");
            for (int p = 0; p < e.platforms().size(); p++) {
                total.put(e.platforms().get(p), e.cast() == 0 ? 0 : (double) e.votes()[p] / e.cast());
            }
            ObjectNode byClass = o.putObject("by_class");
            double[][] shares = e.voteShareByClass();
            for (PersonClass c : PersonClass.values()) {
                ObjectNode row = byClass.putObject(c.key());
                for (int p = 0; p < e.platforms().size(); p++) {
                    putNumber(row, e.platforms().get(p), shares[c.ordinal()][p]);
                }
            }
        }
        ArrayNode autonomy = root.putArray("autonomy_over_time");
        for (int start = 0; start + RATE_WINDOW <= history.size(); start += RATE_WINDOW) {
            ReviewTally pooled = ReviewTally.pooledAutonomy(history.subList(start, start + RATE_WINDOW)
                    .stream().map(MonthlyMetrics::review).toList());
            ObjectNode o = autonomy.addObject();
            o.put("year", history.get(start + RATE_WINDOW - 1).month() / 12);
            putNumber(o, "autonomy_index", pooled.autonomyIndex());
        }
    }

    /**
     * Adds the unconditional-transfer trial's keys (MODEL.md §7.17, OUTPUTS.md §3) when the run
     * had one that paid: group sizes, payments, and each effect with its standard error and 95%
     * confidence interval, persons' means over the payment window taken as the unit.
     */
    public static void addTransferTrial(ObjectNode root, TransferTrial trial) {
        TransferTrial.Effects f = trial == null ? null : trial.effects();
        if (f == null) {
            return;
        }
        root.put("transfer_treated", f.treated());
        root.put("transfer_control", f.control());
        root.put("transfer_window_months", f.windowMonths());
        putNumber(root, "transfer_mean_payment", f.meanPayment());
        putNumber(root, "transfer_mean_prior_income", f.meanPriorIncome());
        root.put("transfer_without_prior_income", f.withoutPriorIncome());
        putEffect(root, "transfer_employment_effect", f.employment());
        putEffect(root, "transfer_effort_effect", f.effort());
        putEffect(root, "transfer_employed_effort_effect", f.employedEffort());
        putEffect(root, "transfer_earnings_effect", f.earnings());
        putEffect(root, "transfer_earnings_per_payment", f.earningsPerPayment());
        putEffect(root, "transfer_employment_before", f.employmentBefore());
        putNumber(root, "transfer_control_employment_rate", f.controlEmployment());
        putNumber(root, "transfer_control_effort", f.controlEffort());
        putNumber(root, "transfer_control_employed_effort", f.controlEmployedEffort());
        putNumber(root, "transfer_control_income", f.controlEarnings());
    }

    /** An effect as four keys: the estimate under {@code key}, then {@code _se}, {@code _ci_low}, {@code _ci_high}. */
    private static void putEffect(ObjectNode root, String key, TransferTrial.Effect e) {
        putNumber(root, key, e.estimate());
        putNumber(root, key + "_se", e.standardError());
        putNumber(root, key + "_ci_low", e.low());
        putNumber(root, key + "_ci_high", e.high());
    }

    /**
     * Adds {@code calibration}: every calibration target (io.ownerscape.calibration.Targets) with
     * this run's value, its band and its verdict for this one seed. Reads the keys written before,
     * so it comes last.
     */
    public static void addCalibration(ObjectNode root, long seed, List<MonthlyMetrics> history) {
        var values = io.ownerscape.calibration.Targets.measure(io.ownerscape.calibration.Observation.of(root, history));
        root.set("calibration", io.ownerscape.calibration.CalibrationTable.of(List.of(seed), List.of(values))
                .summaryJson());
    }

    /** A policy schedule as {month: {policy key: value}}, months in order. */
    static ObjectNode policySchedule(java.util.Map<Integer, java.util.Map<String, Object>> schedule) {
        ObjectNode o = JSON.createObjectNode();
        new java.util.TreeMap<>(schedule).forEach((month, changes) -> {
            ObjectNode c = o.putObject(Integer.toString(month));
            new java.util.TreeMap<>(changes).forEach((k, v) -> c.set(k, JSON.valueToTree(v)));
        });
        return o;
    }

    /** Every platform of a run as {name: {policy key: value}}, in order. */
    static ObjectNode platformDefinitions(List<Platform> platforms) {
        ObjectNode o = JSON.createObjectNode();
        for (Platform p : platforms) {
            ObjectNode policy = o.putObject(p.name());
            p.policy().forEach((k, v) -> policy.set(k, JSON.valueToTree(v)));
        }
        return o;
    }

    /** The month's market tally, or an empty one for months before the market started. */
    private static MarketTally marketOf(MonthlyMetrics m) {
        MarketTally g = m.review() == null ? null : m.review().market();
        return g != null ? g : new MarketTally(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    }

    /**
     * Trend of small owners per 1,000 persons, per year: the least-squares slope over the months
     * after the burn-in (all months if the run is no longer than its burn-in); NaN with fewer than
     * two months.
     */
    static double smallOwnerTrend(java.util.List<MonthlyMetrics> history, int burnIn) {
        long n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (MonthlyMetrics m : history) {
            if (m.month() > burnIn || history.size() <= burnIn) {
                double x = m.month() / 12.0;
                double y = m.smallOwnersPerThousand();
                n++;
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
        }
        double spread = n * sxx - sx * sx;
        return n < 2 || spread <= 0 ? Double.NaN : (n * sxy - sx * sy) / spread;
    }


    /** The autonomy samples of the last 12 months pooled (see {@link ReviewTally#pooledAutonomy}). */
    static ReviewTally pooledAutonomy(java.util.List<MonthlyMetrics> history) {
        return ReviewTally.pooledAutonomy(history.subList(Math.max(0, history.size() - RATE_WINDOW), history.size())
                .stream().map(MonthlyMetrics::review).toList());
    }

    /** The model parameters under their scenario-file keys. */
    public static ObjectNode parameters(ModelParameters p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("persons", p.persons());
        o.put("activation_rate", p.activationRate());
        o.put("substeps", p.substeps());
        o.put("sequential", p.sequential());
        o.put("a_min", p.aMin());
        o.put("a_max", p.aMax());
        o.put("b_min", p.bMin());
        o.put("b_max", p.bMax());
        o.put("beta_min", p.betaMin());
        o.put("beta_max", p.betaMax());
        o.put("friends_min", p.friendsMin());
        o.put("friends_max", p.friendsMax());
        return o;
    }

    static void write(ObjectNode summary, Path file) throws IOException {
        JSON.writeValue(file.toFile(), summary);
    }

    /** Puts a number, or null where it is NaN or infinite (which JSON cannot hold). */
    public static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
