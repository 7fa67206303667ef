package io.ownerscape.model.state;

import io.ownerscape.engine.ColumnHasher;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.classes.Autonomy;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.politics.Election;
import io.ownerscape.model.politics.ElectionRunner;
import io.ownerscape.model.politics.Platform;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.world.PersonRecord;
import io.ownerscape.model.world.Regions;
import io.ownerscape.model.world.World;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The state ({@code docs/MODEL.md}, "The state" and "Politics"): a budget, the ownership
 * programmes, the ruling platform, elections decided by voters' forecasts, and the rulers' monthly
 * choice whether to pay the basic income they promised.
 *
 * <p>At the end of each month, after the review has paid everyone and collected the taxes:
 * <ol>
 *   <li>nationalisation and employee buy-outs, firm by firm in id order, each with a draw keyed by
 *       (seed, month, firm); then, with trusts, the state firms of each region are merged into
 *       its largest one;</li>
 *   <li>the budget closes: {@code debt += spending - revenue};</li>
 *   <li>countervailing power is measured;</li>
 *   <li>when an election is due it is held (or suspended under lock-in); the winner's policies
 *       apply from the next month;</li>
 *   <li>the rulers decide the basic income paid next month, and with a balanced-budget rule the
 *       surcharge on the income tax.</li>
 * </ol>
 * Everything runs on the calling thread in a fixed order, or through the economy's forks, which
 * are deterministic: the outcome does not depend on the thread count.
 */
public final class State {
    private final World economy;
    private final List<Platform> platforms;
    /** The platform in force from {@code politics_start} before any election; -1 for none. */
    private final int initialRuling;
    /** The ruling platform's index; -1 while the scenario's own rules apply. */
    private int ruling = -1;
    private double debt;
    /** Basic income paid per person this month, as a share of the pay unit ({@code Economy.policyPay()}). */
    private double ubiRate;
    /** Surcharge on the income tax this month (balanced-budget rule). */
    double surcharge;
    /** Set on a forecast's fork: no elections, and the basic income fixed at what voters believe. */
    private boolean forecasting;
    /** The last election held under the current rulers: its margin and the share the promise swung. */
    private double lastMargin = Double.NaN;
    private double lastDecisive = Double.NaN;
    private double countervailingPower = 1;
    private StateTally last;
    private final List<Election> elections;
    /** Month to the policy changes in force from its start (law, under any platform). */
    private java.util.NavigableMap<Integer, java.util.Map<String, Object>> schedule = new java.util.TreeMap<>();

    public State(World economy, List<Platform> platforms, String ruling) {
        this.economy = economy;
        this.platforms = List.copyOf(platforms);
        if (this.platforms.isEmpty()) {
            throw new IllegalArgumentException("platforms: at least one is needed");
        }
        for (int a = 0; a < this.platforms.size(); a++) {
            for (int b = a + 1; b < this.platforms.size(); b++) {
                if (this.platforms.get(a).name().equals(this.platforms.get(b).name())) {
                    throw new IllegalArgumentException("platforms: '" + this.platforms.get(a).name()
                            + "' is defined twice");
                }
            }
            this.platforms.get(a).applyTo(economy.baseRules());
        }
        this.initialRuling = ruling == null ? -1 : indexOf(ruling);
        this.ubiRate = economy.baseRules().ubi();
        this.elections = new ArrayList<>();
    }

    private State(State o, World fork) {
        this.economy = fork;
        this.platforms = o.platforms;
        this.initialRuling = o.initialRuling;
        this.ruling = o.ruling;
        this.debt = o.debt;
        this.ubiRate = o.ubiRate;
        this.surcharge = o.surcharge;
        this.forecasting = o.forecasting;
        this.lastMargin = o.lastMargin;
        this.lastDecisive = o.lastDecisive;
        this.countervailingPower = o.countervailingPower;
        this.last = o.last;
        this.elections = new ArrayList<>(o.elections);
        this.schedule = o.knownSchedule();
    }

    /**
     * The schedule as known during the current month: a forecast made now cannot see a change
     * announced after this month's end (see {@link #ANNOUNCED}).
     */
    private java.util.NavigableMap<Integer, java.util.Map<String, Object>> knownSchedule() {
        int now = economy.month();
        boolean all = schedule.values().stream().allMatch(c -> announcedAt(c) < now);
        if (all) {
            return schedule;
        }
        java.util.TreeMap<Integer, java.util.Map<String, Object>> known = new java.util.TreeMap<>();
        schedule.forEach((month, c) -> {
            if (announcedAt(c) < now) {
                known.put(month, c);
            }
        });
        return java.util.Collections.unmodifiableNavigableMap(known);
    }

    /**
     * Reserved key of a schedule month: the month after whose end its changes became known
     * (0, the default: known from the start). Forecasts made before then, such as voters' at an
     * election, do not see them. A change made during a run after month {@code m} is announced at
     * {@code m} and applies from {@code m + 2}, so a value is allowed from 0 to the month less 2.
     */
    public static final String ANNOUNCED = "announced";

    static int announcedAt(java.util.Map<String, Object> changes) {
        return changes.get(ANNOUNCED) instanceof Integer a ? a : 0;
    }

    /** The policy changes of a schedule month, without its {@link #ANNOUNCED} key. */
    static java.util.Map<String, Object> policyOf(java.util.Map<String, Object> changes) {
        if (!changes.containsKey(ANNOUNCED)) {
            return changes;
        }
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>(changes);
        out.remove(ANNOUNCED);
        return out;
    }

    public State copyFor(World fork) {
        return new State(this, fork);
    }

    /** The index of a platform by name; the exception lists the names allowed. */
    int indexOf(String name) {
        for (int k = 0; k < platforms.size(); k++) {
            if (platforms.get(k).name().equals(name)) {
                return k;
            }
        }
        List<String> names = new ArrayList<>();
        platforms.forEach(p -> names.add(p.name()));
        throw new IllegalArgumentException("ruling_platform = '" + name + "': allowed " + String.join(", ", names));
    }

    public List<Platform> platforms() {
        return platforms;
    }

    /** The ruling platform, or null while the scenario's own rules apply. */
    public Platform ruling() {
        return ruling < 0 ? null : platforms.get(ruling);
    }

    /** The state's debt: every deficit since the start, less every surplus. */
    public double debt() {
        return debt;
    }

    /** Countervailing power at the end of the last month, in [0, 1] (see {@link StateTally}). */
    public double countervailingPower() {
        return countervailingPower;
    }

    /** The last month's accounts and measures; null before the first month. */
    public StateTally last() {
        return last;
    }

    /** Every election due so far, held or suspended, in order. */
    public List<Election> elections() {
        return Collections.unmodifiableList(elections);
    }

    /**
     * A policy schedule: from the start of each month given, the scenario's rules take the
     * policy values given (a ruling platform's own policies still apply on top). Changes for month
     * 1 apply at once. Only policy keys ({@link LabourParameters#POLICY_KEYS}) may be scheduled;
     * the exception names the month, key and value.
     */
    public void schedule(java.util.Map<Integer, java.util.Map<String, Object>> changes) {
        if (economy.month() > 0) {
            throw new IllegalStateException("schedule: set before the first month");
        }
        List<String> bad = scheduleViolations(economy.baseRules(), changes, Integer.MAX_VALUE);
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", bad));
        }
        java.util.TreeMap<Integer, java.util.Map<String, Object>> sorted = new java.util.TreeMap<>();
        changes.forEach((month, c) -> sorted.put(month, java.util.Map.copyOf(c)));
        schedule = java.util.Collections.unmodifiableNavigableMap(sorted);
        java.util.Map<String, Object> first = sorted.get(1);
        if (first != null) {
            applyScheduled(first);
        }
    }

    /**
     * What is wrong with a policy schedule on top of {@code base}, each message naming the month,
     * key and value: months outside 1 to {@code lastMonth} + 1 (a change for the month after the
     * last is read at the end of the last month, so it shapes the final state), keys that are not
     * policy keys, values out of range once the changes before them apply, and an
     * {@link #ANNOUNCED} month out of range; empty if it is valid.
     */
    public static List<String> scheduleViolations(LabourParameters base,
                                                  java.util.Map<Integer, java.util.Map<String, Object>> changes,
                                                  int lastMonth) {
        List<String> out = new ArrayList<>();
        LabourParameters check = base;
        for (var e : new java.util.TreeMap<>(changes).entrySet()) {
            if (e.getKey() < 1 || (lastMonth < Integer.MAX_VALUE && e.getKey() > lastMonth + 1)) {
                out.add("schedule: month " + e.getKey() + ": allowed 1 to "
                        + (lastMonth == Integer.MAX_VALUE ? "any later month"
                        : "months + 1 (" + (lastMonth + 1) + ", read at the end of the last month)"));
            }
            boolean policy = true;
            Object announced = e.getValue().get(ANNOUNCED);
            int latest = Math.max(0, e.getKey() - 2);
            if (announced != null && !(announced instanceof Integer a && a >= 0 && a <= latest)) {
                out.add("schedule." + e.getKey() + "." + ANNOUNCED + " = " + announced + ": allowed a whole number from 0 to "
                        + latest + " (a change announced after month A applies from month A + 2 at the earliest)");
            }
            for (String key : e.getValue().keySet()) {
                if (key.equals(ANNOUNCED)) {
                    continue;
                }
                if (!LabourParameters.POLICY_KEYS.contains(key)) {
                    out.add("schedule." + e.getKey() + "." + key + ": not a policy key; allowed: "
                            + String.join(", ", new java.util.TreeSet<>(LabourParameters.POLICY_KEYS)));
                    policy = false;
                }
            }
            if (!policy) {
                continue;
            }
            try {
                check = LabourKeys.with(check, policyOf(e.getValue())).validated();
            } catch (IllegalArgumentException bad) {
                out.add("schedule." + e.getKey() + ": " + bad.getMessage());
            }
        }
        return out;
    }

    /**
     * The first month from which a change asked for now can take effect: month 1 before the first
     * month has run, otherwise the month after next. Rules change only at the turn of a month,
     * where the state settles its accounts and a scheduled change is read, and the turn into next
     * month has already been read; so a change made during a run is the same event as the same
     * change in a scenario's schedule, and the run it gives can be replayed from that schedule.
     */
    public int nextChangeMonth() {
        return economy.month() == 0 ? 1 : economy.month() + 2;
    }

    /**
     * Adds policy changes to the schedule from {@link #nextChangeMonth()}, merged key by key with
     * any change already scheduled for that month (these win). Before the first month they apply
     * at once, as a schedule's month 1 does. The exception names the key, the value and what is
     * allowed; nothing changes then.
     *
     * @return the month from which the changes apply
     */
    public int scheduleChange(java.util.Map<String, Object> changes) {
        if (changes.containsKey(ANNOUNCED)) {
            throw new IllegalArgumentException(ANNOUNCED + ": set by the state, not by a change");
        }
        int month = nextChangeMonth();
        int now = economy.month();
        java.util.Map<String, Object> existing = schedule.getOrDefault(month, java.util.Map.of());
        if (!existing.isEmpty() && month > 1 && announcedAt(existing) != now) {
            throw new IllegalArgumentException("month " + month + " already holds scheduled changes known from month "
                    + announcedAt(existing) + " (" + String.join(", ", new java.util.TreeSet<>(policyOf(existing).keySet()))
                    + "); a change announced now cannot join them, since a replay could not tell what voters knew"
                    + " when; make it a month later");
        }
        java.util.Map<String, Object> merged = new java.util.LinkedHashMap<>(existing);
        merged.putAll(changes);
        if (month > 1) {
            merged.put(ANNOUNCED, now);
        }
        // Checked on the rules as they will stand: those in force, then this month's changes,
        // then every later scheduled one.
        java.util.TreeMap<Integer, java.util.Map<String, Object>> pending = new java.util.TreeMap<>(schedule.tailMap(month, false));
        pending.put(month, month == 1 ? changes : merged);
        // (For month 1 only the new changes are checked: the earlier ones are in force already.)
        List<String> bad = scheduleViolations(economy.baseRules(), pending, Integer.MAX_VALUE);
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", bad));
        }
        java.util.TreeMap<Integer, java.util.Map<String, Object>> sorted = new java.util.TreeMap<>(schedule);
        sorted.put(month, java.util.Collections.unmodifiableMap(merged));
        schedule = java.util.Collections.unmodifiableNavigableMap(sorted);
        if (month == 1) {
            applyScheduled(changes);
        }
        return month;
    }

    /** The policy schedule, month to changes. */
    public java.util.NavigableMap<Integer, java.util.Map<String, Object>> policySchedule() {
        return schedule;
    }

    /** Changes the scenario's rules by a scheduled change and re-applies the ruling platform. */
    private void applyScheduled(java.util.Map<String, Object> changes) {
        economy.changeBaseRules(LabourKeys.with(economy.baseRules(), policyOf(changes)).validated());
        putInForce();
        if (ruling < 0) {
            ubiRate = economy.labour().ubi();
        }
    }

    /**
     * Puts the ruling platform's policies on the scenario's rules in force. Under a balanced
     * budget the surcharge is reset so that the income tax people pay does not jump at the
     * change; the budget rule moves it from there.
     */
    private void putInForce() {
        double effective = effectiveIncomeTax();
        economy.applyRules(ruling < 0 ? economy.baseRules() : platforms.get(ruling).applyTo(economy.baseRules()));
        LabourParameters now = economy.labour();
        surcharge = now.balancedBudget() ? surchargeFor(now, effective) : 0;
    }

    /** Puts a platform in force from the next month (its policies on the scenario's rules). */
    void impose(int platform) {
        ruling = platform;
        putInForce();
        lastMargin = Double.NaN;
        lastDecisive = Double.NaN;
    }

    public void hashInto(ColumnHasher h) {
        if (!engaged()) {
            return;
        }
        h.add(debt).add(ubiRate).add(surcharge).add(ruling).add(elections.size());
    }

    /** Whether the state does anything beyond paying benefits under these rules. */
    private boolean engaged() {
        LabourParameters r = economy.baseRules();
        // Only schedule months already read count: a change still waiting does not engage the state.
        return initialRuling >= 0 || !schedule.headMap(economy.month() + 1, true).isEmpty() || r.elections() || r.ubi() > 0 || r.incomeTax() > 0
                || r.profitTax() > 0 || r.wealthTax() > 0 || r.startupGrant() > 0 || r.stateOwnership() || r.balancedBudget()
                || !r.privateFounding();
    }

    public void run(int month) {
        LabourParameters rules = economy.labour();
        ReviewTally review = economy.lastReview();
        StateTally t = new StateTally();
        t.month = month;
        t.platform = ruling < 0 ? "" : platforms.get(ruling).name();
        t.ubiPromised = ruling < 0 || !platforms.get(ruling).promises() ? rules.ubi()
                : platforms.get(ruling).promisedUbi(economy.baseRules());
        t.ubiPaid = ubiRate;
        t.surcharge = surcharge;
        t.incomeTaxes = review.incomeTaxes;
        t.profitTaxes = review.profitTaxes;
        t.wealthTaxes = review.wealthTaxes;
        t.stateFirmProfit = review.stateFirmProfit;
        t.stateFirmPay = review.stateFirmPay;
        t.stateManagerPay = review.stateManagerPay;
        t.ubiSpending = review.ubi;
        t.transfers = review.transfers;
        t.benefits = review.benefits;
        t.grants = review.grants;
        t.severance = review.stateSeverance;
        if (rules.nationalisationRate() > 0 || rules.coopConversion() > 0) {
            ownershipProgrammes(month, rules, t);
        }
        if (rules.privatisationRate() > 0 && economy.firms().anyPublic()) {
            privatise(month, rules, t);
        }
        if (rules.stateTrusts() && economy.firms().anyPublic()) {
            mergeTrusts(t);
        }
        debt += t.spending() - t.revenue();
        t.debt = debt;
        measurePower(review, t);
        countervailingPower = t.countervailingPower;
        java.util.Map<String, Object> scheduled = schedule.get(month + 1);
        if (scheduled != null) {
            applyScheduled(scheduled);
            t.scheduledChange = true;
        }
        if (!forecasting) {
            int next = month + 1;
            int sinceStart = next - rules.politicsStart();
            if (sinceStart == 0 && initialRuling >= 0) {
                impose(initialRuling);
            }
            if (economy.baseRules().elections() && sinceStart >= 0 && sinceStart % rules.electionInterval() == 0
                    && (sinceStart > 0 || initialRuling < 0)) {
                Election e = new ElectionRunner(economy, platforms(), ruling(), countervailingPower()).hold(month);
                elections.add(e);
                t.election = e;
                if (e.held()) {
                    int winner = indexOf(e.winner());
                    if (winner != ruling) {
                        impose(winner);
                    }
                    lastMargin = e.margin();
                    lastDecisive = e.decisive();
                }
            }
            ubiRate = decideUbi(economy.labour());
        }
        surcharge = nextSurcharge(economy.labour(), review, t);
        last = t;
    }

    /**
     * The rulers' choice of the basic income paid next month. With binding promises they pay what
     * they promised. Otherwise keeping the promise costs its bill and buys only votes, so they
     * keep it exactly when cutting it risks the next election: elections are held, not about to
     * be suspended, and at the last election the voters whose choice the promise decided were at
     * least half the winning margin (before any election under them, the risk is taken as real).
     * Without a ruling platform, or under one that does not set a basic income, the scenario's
     * own basic income is law and always paid.
     */
    private double decideUbi(LabourParameters rules) {
        if (ruling < 0 || !platforms.get(ruling).promises()) {
            // The scenario's own basic income is law, not a promise.
            return rules.ubi();
        }
        double promised = platforms.get(ruling).promisedUbi(economy.baseRules());
        if (promised == 0 || rules.promisesBinding()) {
            return promised;
        }
        if (!economy.baseRules().elections()) {
            return 0;
        }
        if (rules.lockIn() && countervailingPower < rules.lockInThreshold()) {
            return 0;
        }
        if (Double.isNaN(lastDecisive)) {
            return promised;
        }
        return lastDecisive >= lastMargin / 2 ? promised : 0;
    }

    /**
     * Balanced budget: next month's income tax is this month's effective rate plus what covers
     * this month's deficit and a twelfth of the debt (or, as a rebate, hands back a surplus and a
     * twelfth of the state's savings), over this month's taxable pay and benefits; the surcharge
     * is that rate less the rules' income tax, and the rate stays within [0, 0.9].
     */
    private double nextSurcharge(LabourParameters rules, ReviewTally review, StateTally t) {
        if (!rules.balancedBudget() || review.incomeBase <= 0) {
            return 0;
        }
        double needed = review.incomeTaxes / review.incomeBase
                + (t.spending() - t.revenue() + debt / 12) / review.incomeBase;
        return surchargeFor(rules, needed);
    }

    /** Highest income-tax rate, surcharge included. */
    static final double MAX_INCOME_TAX = 0.9;

    /**
     * The income-tax rate persons pay now: the rules' rate plus the balanced-budget surcharge,
     * within [0, {@value #MAX_INCOME_TAX}]. Every use of the rate goes through here.
     */
    public double effectiveIncomeTax() {
        return Math.max(0, Math.min(MAX_INCOME_TAX, economy.labour().incomeTax() + surcharge));
    }

    /** The surcharge that brings the rules' income tax to {@code rate}, within the same bounds. */
    private static double surchargeFor(LabourParameters rules, double rate) {
        return Math.max(-rules.incomeTax(), Math.min(MAX_INCOME_TAX - rules.incomeTax(), rate - rules.incomeTax()));
    }

    /**
     * Nationalisation and employee buy-outs, in firm-id order. A private firm whose owner stays
     * is taken over with probability {@code nationalisation_rate} when it has at least
     * {@code nationalisation_min_employees} employees (at least one unless that is 0); its owner
     * receives {@code nationalisation_compensation} of its value, {@code H} months of its owner's
     * residual, and becomes an employee. Otherwise an employer firm is bought out for its members
     * with probability {@code coop_conversion}, the state paying the owner the full value.
     */
    private void ownershipProgrammes(int month, LabourParameters rules, StateTally t) {
        Firms firms = economy.firms();
        long nationaliseBase = economy.streams().base(Purpose.NATIONALISATION, month);
        long coopBase = economy.streams().base(Purpose.COOP_CONVERSION, month);
        int minEmployees = rules.nationalisationMinEmployees();
        int capacity = firms.capacity();
        for (int f = 0; f < capacity; f++) {
            int size = firms.size(f);
            if (size == 0 || firms.ownership(f) != Firms.PRIVATE || firms.ownerLeft(f)) {
                continue;
            }
            int employees = size - 1;
            boolean inScope = minEmployees == 0 || employees >= minEmployees;
            if (rules.nationalisationRate() > 0 && inScope
                    && RandomStreams.toUnit(RandomStreams.at(nationaliseBase, f)) < rules.nationalisationRate()) {
                double paid = rules.nationalisationCompensation() * value(f, rules);
                transfer(f, Firms.STATE, paid);
                t.nationalised++;
                t.compensation += paid;
            } else if (rules.coopConversion() > 0 && employees > 0
                    && RandomStreams.toUnit(RandomStreams.at(coopBase, f)) < rules.coopConversion()) {
                double paid = value(f, rules);
                transfer(f, Firms.COOP, paid);
                t.converted++;
                t.compensation += paid;
            }
        }
    }

    /**
     * Privatisation, in firm-id order: a state firm is sold with probability
     * {@code privatisation_rate} (stream {@code PRIVATISATION}) to its most skilled producing
     * member (a manager if none produces; lowest id on ties), who pays the state
     * {@code privatisation_price} of its value (from wealth, which may go negative: the state
     * lends the rest) and becomes its owner. Firms sold are found in one pass over the firms,
     * their buyers in one pass over the persons.
     */
    private void privatise(int month, LabourParameters rules, StateTally t) {
        Firms firms = economy.firms();
        long base = economy.streams().base(Purpose.PRIVATISATION, month);
        int capacity = firms.capacity();
        int[] buyer = null;
        for (int f = 0; f < capacity; f++) {
            if (firms.size(f) > 0 && firms.ownership(f) == Firms.STATE
                    && RandomStreams.toUnit(RandomStreams.at(base, f)) < rules.privatisationRate()) {
                if (buyer == null) {
                    buyer = new int[capacity];
                    Arrays.fill(buyer, -2);
                }
                buyer[f] = -1;
            }
        }
        if (buyer == null) {
            return;
        }
        int[] persons = economy.personRecords();
        int stride = economy.stride();
        for (int i = 0, n = economy.persons(); i < n; i++) {
            int f = persons[stride * i + PersonRecord.PERSON_FIRM];
            if (f >= 0 && buyer[f] != -2 && (buyer[f] < 0 || economy.takesOverBefore(i, buyer[f]))) {
                buyer[f] = i;
            }
        }
        for (int f = 0; f < capacity; f++) {
            int owner = buyer[f];
            if (owner < 0) {
                continue;
            }
            double price = rules.privatisationPrice() * value(f, rules);
            economy.wealthColumn()[owner] -= price;
            if (economy.forecastIncome() != null) {
                economy.forecastIncome().credit(owner, -price);
            }
            int layer = economy.role(owner) & PersonRecord.ROLE_LAYER;
            if (layer != 0) {
                // The new owner stops managing and produces, as an heir does (MonthlyReview).
                economy.setRole(owner, economy.role(owner) & ~PersonRecord.ROLE_LAYER);
                firms.removeManager(f, layer);
                firms.changeEffort(f, economy.contributionFixed(owner));
            }
            economy.setRole(owner, economy.role(owner) | PersonRecord.ROLE_OWNER);
            firms.setOwnership(f, Firms.PRIVATE);
            firms.setOwner(f, owner);
            t.privatised++;
            t.sales += price;
        }
    }

    /**
     * A firm's value under the rules in force: {@code H} months of its owner's residual at its
     * current revenue (MODEL.md §7.13), the valuation of acquisitions and of the ownership
     * programmes, and what a voter's forecast counts for a firm or co-operative held.
     */
    public double firmValue(int f) {
        return value(f, economy.labour());
    }

    /** A firm's value to its owner: H months of the residual at its current revenue. */
    private double value(int f, LabourParameters rules) {
        Firms firms = economy.firms();
        int size = firms.size(f);
        double revenue = Math.max(0, firms.sold(f, firms.output(f)) - economy.complianceCost(size, firms.managers(f)));
        int producers = size - firms.managers(f);
        double sigma = rules.ownerShare();
        double residual = producers <= 0 ? 0
                : sigma * revenue * producers / (producers + (1 - sigma) * firms.premiums(f));
        return rules.valuationMonths() * residual;
    }

    private void transfer(int f, byte kind, double paid) {
        Firms firms = economy.firms();
        int owner = firms.owner(f);
        economy.wealthColumn()[owner] += paid;
        if (economy.forecastIncome() != null) {
            economy.forecastIncome().credit(owner, paid);
        }
        economy.setRole(owner, economy.role(owner) & ~PersonRecord.ROLE_OWNER);
        firms.setOwnership(f, kind);
        firms.setFlags(f, true, true);
    }

    /**
     * Merges the state firms of each region into the region's largest (lowest id on ties): its
     * members, effort, managers and customers move over; the others are dissolved in id order.
     */
    private void mergeTrusts(StateTally t) {
        Firms firms = economy.firms();
        Regions regions = economy.regions();
        int[] trust = new int[regions.count()];
        Arrays.fill(trust, -1);
        int capacity = firms.capacity();
        for (int f = 0; f < capacity; f++) {
            if (firms.size(f) > 0 && firms.ownership(f) == Firms.STATE) {
                int r = regions.of(firms.founder(f));
                if (trust[r] < 0 || firms.size(f) > firms.size(trust[r])) {
                    trust[r] = f;
                }
            }
        }
        int[] into = new int[capacity];
        Arrays.fill(into, -1);
        int merged = 0;
        for (int f = 0; f < capacity; f++) {
            if (firms.size(f) > 0 && firms.ownership(f) == Firms.STATE) {
                int target = trust[regions.of(firms.founder(f))];
                if (target != f) {
                    firms.absorb(target, f, false);
                    into[f] = target;
                    merged++;
                }
            }
        }
        if (merged == 0) {
            return;
        }
        int[] persons = economy.personRecords();
        int stride = economy.stride();
        for (int i = 0, n = economy.persons(); i < n; i++) {
            int f = persons[stride * i + PersonRecord.PERSON_FIRM];
            if (f >= 0 && into[f] >= 0) {
                persons[stride * i + PersonRecord.PERSON_FIRM] = into[f];
            }
        }
        for (int f = 0; f < capacity; f++) {
            if (into[f] >= 0) {
                firms.dissolve(f);
                economy.countDeath();
            }
        }
        t.mergedIntoTrusts = merged;
    }

    /**
     * Countervailing power: the mean of three shares, each in [0, 1]: employment outside state
     * firms (of all firm members), output outside state firms, and the exit component of the
     * employed persons' autonomy (alternatives they could take, {@link Autonomy}).
     */
    private void measurePower(ReviewTally review, StateTally t) {
        Firms firms = economy.firms();
        long members = 0;
        long stateMembers = 0;
        double output = 0;
        double stateOutput = 0;
        if (firms.anyPublic()) {
            for (int f = 0, capacity = firms.capacity(); f < capacity; f++) {
                int size = firms.size(f);
                if (size == 0) {
                    continue;
                }
                double o = firms.output(f);
                members += size;
                output += o;
                if (firms.ownership(f) == Firms.STATE) {
                    stateMembers += size;
                    stateOutput += o;
                } else if (firms.ownership(f) == Firms.COOP) {
                    t.coopMembers += size;
                }
            }
        }
        t.stateEmploymentShare = members == 0 ? 0 : (double) stateMembers / members;
        t.stateOutputShare = output == 0 ? 0 : stateOutput / output;
        long sampled = review.autonomySampled();
        t.exitOptions = sampled == 0 ? 0 : review.autonomyComponents()[0];
        t.countervailingPower = ((1 - t.stateEmploymentShare) + (1 - t.stateOutputShare) + t.exitOptions) / 3;
    }

    /** Basic income paid per person this month, as a share of the pay unit ({@code Economy.policyPay()}). */
    public double ubiRate() {
        return ubiRate;
    }

    /** Marks this state as a forecast's: no elections, the basic income fixed at {@code ubi}. */
    public void forecast(int platform, double ubi) {
        forecasting = true;
        impose(platform);
        ubiRate = ubi;
    }
}
