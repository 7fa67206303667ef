package io.ownerscape.io;

import io.ownerscape.model.politics.Election;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.politics.Platform;
import io.ownerscape.model.state.State;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import io.ownerscape.model.goods.MarketTally;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.model.metrics.MetricsRecorder;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.metrics.MonthlyMetrics;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.metrics.SizeClass;
import io.ownerscape.model.trial.TransferTrial;

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
        root.put(SummaryKey.OWNERSCAPE_VERSION.key(), meta.version());
        root.put(SummaryKey.GIT_COMMIT.key(), meta.gitCommit());
        root.put(SummaryKey.JDK.key(), meta.jdk());
        root.put(SummaryKey.MACHINE.key(), meta.machine());
        root.put(SummaryKey.PERSONS.key(), p.persons());
        root.put(SummaryKey.MONTHS.key(), settings.months());
        root.put(SummaryKey.BURN_IN.key(), settings.burnIn());
        root.put(SummaryKey.SEED.key(), settings.seed());
        root.put(SummaryKey.THREADS.key(), settings.threads());
        root.put(SummaryKey.PRESET.key(), settings.preset().key());
        root.set(SummaryKey.PARAMETERS.key(), parameters(p));
        ObjectNode labour = root.putObject(SummaryKey.LABOUR_PARAMETERS.key());
        LabourKeys.toMap(settings.labour()).forEach((k, v) -> labour.putPOJO(k, v));
        root.put(SummaryKey.INITIAL_RULING_PLATFORM.key(), settings.ruling() == null ? "" : settings.ruling());
        root.set(SummaryKey.PLATFORM_DEFINITIONS.key(), platformDefinitions(settings.platforms()));
        root.set(SummaryKey.POLICY_SCHEDULE.key(), policySchedule(settings.schedule()));
        root.put(SummaryKey.STATE_HASH.key(), stateHash);
        root.put(SummaryKey.FIRMS.key(), last.firms());
        root.put(SummaryKey.EMPLOYER_FIRMS.key(), last.employerFirms());
        root.put(SummaryKey.EMPLOYEES.key(), last.employees());
        root.put(SummaryKey.MEAN_EMPLOYER_FIRM_SIZE.key(), last.meanEmployerFirmSize());
        root.put(SummaryKey.MEDIAN_EMPLOYER_FIRM_SIZE.key(), last.medianEmployerFirmSize());
        putNumber(root, SummaryKey.ZIPF_ALPHA.key(), last.zipfAlpha());
        root.put(SummaryKey.ZIPF_SMIN.key(), last.zipfSmin());
        root.put(SummaryKey.ZIPF_TAIL_FIRMS.key(), last.zipfTailFirms());
        putNumber(root, SummaryKey.ZIPF_KS.key(), last.zipfKs());
        root.put(SummaryKey.LARGEST_FIRM.key(), last.largestFirm());
        root.put(SummaryKey.SINGLETON_SHARE.key(), last.singletonShare());
        ObjectNode classes = root.putObject(SummaryKey.SIZE_CLASSES.key());
        for (int k = 0; k < SizeClass.SUSB.size(); k++) {
            SizeClass c = SizeClass.SUSB.get(k);
            ObjectNode o = classes.putObject(c.label());
            o.put("firm_share", last.sizeClassFirmShare()[k]);
            o.put("employment_share", last.sizeClassEmploymentShare()[k]);
            o.put("susb_firm_share", c.susbFirmShare());
            o.put("susb_employment_share", c.susbEmploymentShare());
        }
        root.put(SummaryKey.JOB_TO_JOB_RATE.key(), recorder.meanJobToJobRate(RATE_WINDOW));
        root.put(SummaryKey.BIRTHS_PER_MONTH.key(), recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::births));
        root.put(SummaryKey.DEATHS_PER_MONTH.key(), recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::deaths));
        ReviewTally review = last.review();
        if (review != null) {
            root.put(SummaryKey.MANAGERIAL_SHARE.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.review().managerialShare()));
            root.put(SummaryKey.UNEMPLOYMENT_RATE.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.review().unemploymentRate()));
            ObjectNode shares = root.putObject(SummaryKey.CLASS_SHARES.key());
            double[] cs = last.classShares();
            for (PersonClass c : PersonClass.values()) {
                shares.put(c.key(), cs[c.ordinal()]);
            }
            ObjectNode bySize = root.putObject(SummaryKey.MANAGERIAL_SHARE_BY_SIZE_CLASS.key());
            ObjectNode layersBySize = root.putObject(SummaryKey.MEAN_LAYERS_BY_SIZE_CLASS.key());
            double[] ms = review.managerialShareBySizeClass();
            double[] ls = review.meanLayersBySizeClass();
            for (int k = 0; k < SizeClass.SUSB.size(); k++) {
                bySize.put(SizeClass.SUSB.get(k).label(), ms[k]);
                layersBySize.put(SizeClass.SUSB.get(k).label(), ls[k]);
            }
            ObjectNode layers = root.putObject(SummaryKey.FIRMS_BY_LAYERS.key());
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
            putNumber(root, SummaryKey.AUTONOMY_INDEX.key(), pooled.autonomyIndex());
            ObjectNode byClass = root.putObject(SummaryKey.AUTONOMY_BY_CLASS.key());
            double[] ab = pooled.autonomyByClass();
            for (PersonClass c : PersonClass.values()) {
                if (c != PersonClass.UNEMPLOYED) {
                    putNumber(byClass, c.key(), ab[c.ordinal()]);
                }
            }
            ObjectNode employers = root.putObject(SummaryKey.EMPLOYER_BY_CLASS.key());
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
            ObjectNode components = root.putObject(SummaryKey.AUTONOMY_COMPONENTS.key());
            double[] comp = review.autonomyComponents();
            String[] names = {"exit", "bargaining", "protection", "ownership"};
            for (int k = 0; k < names.length; k++) {
                putNumber(components, names[k], comp[k]);
            }
            root.put(SummaryKey.DISMISSALS_PER_MONTH.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.review().dismissals()));
            root.put(SummaryKey.SEPARATIONS_PER_MONTH.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.review().separations()));
            putNumber(root, SummaryKey.HIRES_RATE.key(), recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::hiresRate));
            putNumber(root, SummaryKey.QUITS_RATE.key(), recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::quitsRate));
            putNumber(root, SummaryKey.LAYOFFS_RATE.key(), recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::layoffsRate));
            putNumber(root, SummaryKey.SELF_EMPLOYED_SHARE.key(), recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::selfEmployedShare));
            putNumber(root, SummaryKey.EMPLOYEE_PAY_MEAN.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.review().employeePayMean()));
            putNumber(root, SummaryKey.EMPLOYEE_PAY_MEDIAN.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.review().employeePayMedian()));
            putNumber(root, SummaryKey.PAY_MEAN_TO_MEDIAN.key(), recorder.meanOverLast(RATE_WINDOW,
                    m -> m.review().employeePayMean() / m.review().employeePayMedian()));
            putNumber(root, SummaryKey.PAY_SIZE_ELASTICITY.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.review().paySizeElasticity()));
            putNumber(root, SummaryKey.LARGE_FIRM_PAY_PREMIUM.key(), recorder.meanOverLast(RATE_WINDOW,
                    m -> m.review().largeFirmPayPremium()));
            root.put(SummaryKey.MEAN_PAY.key(), last.meanPay());
            root.put(SummaryKey.MEAN_WEALTH.key(), last.meanWealth());
            putNumber(root, SummaryKey.WEALTH_GINI.key(), wealthGini);
            root.put(SummaryKey.REGIONS.key(), Math.max(1, Math.min(settings.labour().regions(), settings.model().persons() / 100)));
            putNumber(root, SummaryKey.LABOUR_HHI_MEAN.key(), labourHhiMean);
            root.put(SummaryKey.SMALL_OWNER_SHARE.key(), recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::smallOwnersPerThousand));
            putNumber(root, SummaryKey.SMALL_OWNER_SHARE_TREND.key(), smallOwnerTrend(recorder.history(), settings.burnIn()));
            MarketTally g = review.market();
            if (g != null) {
                ObjectNode market = root.putObject(SummaryKey.MARKET.key());
                market.put("demand", g.demand());
                market.put("mean_price", recorder.meanOverLast(RATE_WINDOW, m -> marketOf(m).meanPrice()));
                market.put("capped_firm_share", recorder.meanOverLast(RATE_WINDOW, m -> marketOf(m).cappedShare()));
                market.put("unsold_output_share", recorder.meanOverLast(RATE_WINDOW,
                        m -> marketOf(m).output() > 0 ? marketOf(m).unsoldOutput() / marketOf(m).output() : 0));
                market.put("unmet_demand_share", recorder.meanOverLast(RATE_WINDOW,
                        m -> marketOf(m).demand() > 0 ? marketOf(m).unmetDemand() / marketOf(m).demand() : 0));
                market.put("entry_price", g.entryPrice());
                root.put(SummaryKey.CUSTOMER_HHI.key(), recorder.meanOverLast(RATE_WINDOW, m -> marketOf(m).customerHhi()));
            }
        }
        if (settings.labour().acquisitions()) {
            root.put(SummaryKey.ACQUISITIONS_PER_YEAR.key(), 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().deals()));
            root.put(SummaryKey.ACQUIRED_PERSONS_PER_YEAR.key(), 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().moved()));
            root.put(SummaryKey.BLOCKED_MERGERS_PER_YEAR.key(), 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().blocked()));
            ObjectNode bySize = root.putObject(SummaryKey.ACQUISITIONS_BY_ACQUIRER_SIZE.key());
            for (int k = 0; k < SizeClass.SUSB.size(); k++) {
                int size = k;
                ObjectNode o = bySize.putObject(SizeClass.SUSB.get(k).label());
                o.put("acquisitions_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().dealsByBuyerSize()[size]));
                o.put("acquired_persons_per_year", 12 * recorder.meanOverLast(RATE_WINDOW, m -> m.acquisitions().movedByBuyerSize()[size]));
            }
            putNumber(root, SummaryKey.LARGE_FIRM_ACQUIRED_SHARE.key(), last.largeFirmAcquiredShare());
        }
        root.put(SummaryKey.LARGEST_FIRM_SHARE.key(), recorder.meanOverLast(RATE_WINDOW, m -> (double) m.largestFirm() / p.persons()));
        root.put(SummaryKey.TOP1_EMPLOYMENT_SHARE.key(), recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::topPercentEmploymentShare));
        root.put(SummaryKey.TOP10_EMPLOYMENT_SHARE.key(), recorder.meanOverLast(RATE_WINDOW, MonthlyMetrics::topTenEmploymentShare));
        root.put(SummaryKey.MEAN_EFFORT.key(), last.meanEffort());
        root.put(SummaryKey.OUTPUT_PER_PERSON.key(), last.outputPerPerson());
        root.put(SummaryKey.BYTES_PER_PERSON.key(), (double) columnBytes / p.persons());
        root.put(SummaryKey.ACTIVATIONS.key(), activations);
        root.put(SummaryKey.SECONDS.key(), seconds);
        root.put(SummaryKey.ACTIVATIONS_PER_SECOND.key(), seconds > 0 ? activations / seconds : 0);
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
        root.put(SummaryKey.UBI_PROMISED.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.state().ubiPromised()));
        root.put(SummaryKey.UBI_PAID.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.state().ubiPaid()));
        double promisedMonths = 0;
        double paidMonths = 0;
        for (MonthlyMetrics m : history) {
            promisedMonths += m.state().ubiPromised();
            paidMonths += m.state().ubiPaid();
        }
        root.put(SummaryKey.UBI_PROMISED_MONTHS.key(), promisedMonths);
        root.put(SummaryKey.UBI_PAID_MONTHS.key(), paidMonths);
        root.put(SummaryKey.STATE_EMPLOYMENT_SHARE.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.state().stateEmploymentShare()));
        root.put(SummaryKey.STATE_OUTPUT_SHARE.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.state().stateOutputShare()));
        root.put(SummaryKey.COUNTERVAILING_POWER.key(), recorder.meanOverLast(RATE_WINDOW, m -> m.state().countervailingPower()));
        root.put(SummaryKey.COOP_MEMBERS_SHARE.key(), recorder.meanOverLast(RATE_WINDOW,
                m -> (double) m.state().coopMembers() / Math.max(1, m.review().members())));
        ObjectNode budget = root.putObject(SummaryKey.STATE_BUDGET.key());
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
        root.put(SummaryKey.ELECTIONS_HELD.key(), held);
        root.put(SummaryKey.ELECTIONS_SUSPENDED.key(), state.elections().size() - held);
        Platform ruling = state.ruling();
        if (ruling == null) {
            root.putNull(SummaryKey.RULING_PLATFORM.key());
        } else {
            root.put(SummaryKey.RULING_PLATFORM.key(), ruling.name());
        }
        ArrayNode platforms = root.putArray(SummaryKey.PLATFORMS.key());
        for (Platform p : state.platforms()) {
            ObjectNode o = platforms.addObject();
            o.put("name", p.name());
            o.put("description", p.description());
            ObjectNode policy = o.putObject("policy");
            p.policy().forEach(policy::putPOJO);
        }
        ObjectNode inForceNode = root.putObject(SummaryKey.POLICIES_IN_FORCE.key());
        Map<String, Object> rules = LabourKeys.toMap(inForce);
        new java.util.TreeSet<>(LabourParameters.POLICY_KEYS).forEach(k -> inForceNode.putPOJO(k, rules.get(k)));
        ArrayNode votes = root.putArray(SummaryKey.VOTE_SHARE_BY_CLASS.key());
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
        ArrayNode autonomy = root.putArray(SummaryKey.AUTONOMY_OVER_TIME.key());
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
        root.put(SummaryKey.TRANSFER_TREATED.key(), f.treated());
        root.put(SummaryKey.TRANSFER_CONTROL.key(), f.control());
        root.put(SummaryKey.TRANSFER_WINDOW_MONTHS.key(), f.windowMonths());
        putNumber(root, SummaryKey.TRANSFER_MEAN_PAYMENT.key(), f.meanPayment());
        putNumber(root, SummaryKey.TRANSFER_MEAN_PRIOR_INCOME.key(), f.meanPriorIncome());
        root.put(SummaryKey.TRANSFER_WITHOUT_PRIOR_INCOME.key(), f.withoutPriorIncome());
        putEffect(root, SummaryKey.TRANSFER_EMPLOYMENT_EFFECT.key(), f.employment());
        putEffect(root, SummaryKey.TRANSFER_EFFORT_EFFECT.key(), f.effort());
        putEffect(root, SummaryKey.TRANSFER_EMPLOYED_EFFORT_EFFECT.key(), f.employedEffort());
        putEffect(root, SummaryKey.TRANSFER_EARNINGS_EFFECT.key(), f.earnings());
        putEffect(root, SummaryKey.TRANSFER_EARNINGS_PER_PAYMENT.key(), f.earningsPerPayment());
        putEffect(root, SummaryKey.TRANSFER_EMPLOYMENT_BEFORE.key(), f.employmentBefore());
        putNumber(root, SummaryKey.TRANSFER_CONTROL_EMPLOYMENT_RATE.key(), f.controlEmployment());
        putNumber(root, SummaryKey.TRANSFER_CONTROL_EFFORT.key(), f.controlEffort());
        putNumber(root, SummaryKey.TRANSFER_CONTROL_EMPLOYED_EFFORT.key(), f.controlEmployedEffort());
        putNumber(root, SummaryKey.TRANSFER_CONTROL_INCOME.key(), f.controlEarnings());
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
        root.set(SummaryKey.CALIBRATION.key(), io.ownerscape.calibration.CalibrationTable.of(List.of(seed), List.of(values))
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

    /** The model parameters under their scenario-file keys, as declared ({@code ModelParameters}). */
    public static ObjectNode parameters(ModelParameters p) {
        ObjectNode o = JSON.createObjectNode();
        io.ownerscape.model.parameter.ParameterSet.of(ModelParameters.class).toMap(p)
                .forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
        return o;
    }

    static void write(ObjectNode summary, Path file) throws IOException {
        JSON.writeValue(file.toFile(), summary);
    }

    /** Puts a number, or null where it is NaN or infinite (which JSON cannot hold). */
    public static void putNumber(ObjectNode o, String key, double v) {
        Formats.putNumber(o, key, v);
    }
}
