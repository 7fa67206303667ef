package io.ownerscape.model.politics;

import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.world.PersonRecord;
import io.ownerscape.model.world.World;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds one election ({@code docs/MODEL.md}, "Elections"). For each platform the world is forked
 * and run {@code forecast_months} months under the platform's policies, with its promised basic
 * income paid at the share voters believe ({@code promise_belief}). Each person's value of it,
 * {@code V_p(i)}, is what {@link VoterValuation} makes of what they would receive and hold over
 * the planning horizon: the log of the monthly consumption it pays for. A person
 * votes with probability {@code turnout}, for the platform with the highest
 * {@code V_p(i) + vote_noise z_ip}; the noise and turnout draws are keyed by (seed, month, person).
 * The platform with the most votes wins (the first in order on ties). When the winner promised a
 * basic income, one more fork runs its policies without it, to measure how many of its votes the
 * promise decided.
 */
public final class ElectionRunner {
    private final World economy;
    private final List<Platform> platforms;
    private final Platform ruling;
    private final double countervailingPower;

    /**
     * An election in {@code economy} between {@code platforms}, with {@code ruling} in power (null
     * for none) and the countervailing power measured this month (lock-in suspends the election
     * below its threshold).
     */
    public ElectionRunner(World economy, List<Platform> platforms, Platform ruling, double countervailingPower) {
        this.economy = economy;
        this.platforms = platforms;
        this.ruling = ruling;
        this.countervailingPower = countervailingPower;
    }

    public Election hold(int month) {
        LabourParameters rules = economy.labour();
        int count = platforms.size();
        List<String> names = new ArrayList<>();
        platforms.forEach(p -> names.add(p.name()));
        String incumbent = ruling == null ? "" : ruling.name();
        int classes = PersonClass.count();
        double power = countervailingPower;
        if (rules.lockIn() && power < rules.lockInThreshold()) {
            return new Election(month, false, incumbent, incumbent, names, new long[count],
                    new long[classes][count], 0, Double.NaN, Double.NaN, power, 0);
        }
        long t0 = System.nanoTime();
        double[][] value = new double[count][];
        for (int p = 0; p < count; p++) {
            Platform platform = platforms.get(p);
            double ubi = platform.promises() ? rules.promiseBelief() * platform.promisedUbi(economy.baseRules())
                    : economy.baseRules().ubi();
            value[p] = forecast(p, ubi);
        }
        int n = economy.persons();
        byte[] choice = new byte[n];
        double[] noise = new double[count];
        long turnoutBase = economy.streams().base(Purpose.TURNOUT, month);
        long noiseBase = economy.streams().base(Purpose.VOTE_NOISE, month);
        long[] votes = new long[count];
        long[][] byClass = new long[classes][count];
        long abstained = 0;
        double sigma = rules.voteNoise();
        for (int i = 0; i < n; i++) {
            if (RandomStreams.toUnit(RandomStreams.at(turnoutBase, i)) >= rules.turnout()) {
                choice[i] = -1;
                abstained++;
                continue;
            }
            for (int p = 0; p < count; p++) {
                noise[p] = sigma == 0 ? 0 : sigma * RandomStreams.normal(noiseBase, (long) i * count + p);
            }
            int best = best(value, noise, i, -1, null);
            choice[i] = (byte) best;
            votes[best]++;
            int c = economy.classColumn()[i];
            byClass[Math.max(0, c)][best]++;
        }
        int winner = 0;
        int second = -1;
        for (int p = 1; p < count; p++) {
            if (votes[p] > votes[winner]) {
                winner = p;
            }
        }
        for (int p = 0; p < count; p++) {
            if (p != winner && (second < 0 || votes[p] > votes[second])) {
                second = p;
            }
        }
        long cast = n - abstained;
        double margin = cast == 0 ? 0 : (double) (votes[winner] - (second < 0 ? 0 : votes[second])) / cast;
        double decisive = 0;
        double promised = platforms.get(winner).promises() ? platforms.get(winner).promisedUbi(economy.baseRules()) : 0;
        if (promised > 0 && !rules.promisesBinding() && cast > 0 && count > 1) {
            double[] without = forecast(winner, 0);
            long flips = 0;
            for (int i = 0; i < n; i++) {
                if (choice[i] != winner) {
                    continue;
                }
                for (int p = 0; p < count; p++) {
                    noise[p] = sigma == 0 ? 0 : sigma * RandomStreams.normal(noiseBase, (long) i * count + p);
                }
                if (best(value, noise, i, winner, without) != winner) {
                    flips++;
                }
            }
            decisive = (double) flips / cast;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Election(month, true, incumbent, names.get(winner), names, votes, byClass, abstained,
                margin, decisive, power, seconds);
    }

    /** The platform with the highest noisy forecast; {@code replaced}'s values from {@code instead}. */
    private static int best(double[][] value, double[] noise, int i, int replaced, double[] instead) {
        int best = -1;
        double top = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < value.length; p++) {
            double v = (p == replaced ? instead[i] : value[p][i]) + noise[p];
            if (best < 0 || v > top) {
                best = p;
                top = v;
            }
        }
        return best;
    }

    /**
     * Each person's value of platform p with the basic income paid at {@code ubi}, from
     * {@link #outcomes}; nothing here or there reads a person's class.
     */
    double[] forecast(int p, double ubi) {
        return valuation().values(outcomes(p, ubi));
    }

    /** The valuation under the rules in force. */
    VoterValuation valuation() {
        LabourParameters rules = economy.labour();
        return new VoterValuation(rules.forecastMonths(), rules.planningMonths(), rules.forecastDiscount(),
                rules.voteCountsWealth(), economy.meanPay());
    }

    /**
     * What a forecast under platform p says about each person: a fork of the world runs
     * {@code forecast_months} months under p, adding up what each person receives and, when the
     * valuation needs them, their regular income of the last year and what they hold at the end.
     */
    VoterValuation.Outcomes outcomes(int p, double ubi) {
        LabourParameters rules = economy.labour();
        VoterValuation valuation = valuation();
        World fork = economy.fork();
        fork.forecastUnder(p, ubi);
        int n = economy.persons();
        int months = rules.forecastMonths();
        boolean holdings = valuation.needsHoldings();
        int recentFrom = months - valuation.recentMonths();
        ForecastIncome income = new ForecastIncome(n, holdings);
        fork.addUpForecast(income);
        double weight = 1;
        double d = 1 - rules.forecastDiscount();
        for (int h = 0; h < months; h++) {
            income.month(weight, h >= recentFrom ? 1 : 0);
            fork.step();
            weight *= d;
        }
        if (!holdings) {
            return new VoterValuation.Outcomes(income.total, null, null, null, null, null, null, null);
        }
        double[] value = new double[n];
        double[] ownResidual = new double[n];
        double[] hazard = new double[n];
        double[] paid = new double[n];
        holdings(fork, value, ownResidual, hazard, paid);
        return new VoterValuation.Outcomes(income.total, income.recent, income.recentResidual,
                value, ownResidual, hazard, paid, economy.wealthColumn().clone());
    }

    /**
     * What each person holds at the end of a forecast, under the rules then in force: the owner
     * of a private firm its value {@code H r} (MODEL.md §7.13), its residual after the profit tax,
     * the monthly hazard that nationalisation or an employee buy-out takes it and the expected
     * share of its value paid per month it is held; a co-operative member their share of its value.
     */
    private static void holdings(World fork, double[] value, double[] ownResidual, double[] hazard, double[] paid) {
        LabourParameters rules = fork.labour();
        Firms firms = fork.firms();
        int[] persons = fork.personRecords();
        int stride = fork.stride();
        for (int i = 0, n = fork.persons(); i < n; i++) {
            int f = persons[stride * i + PersonRecord.PERSON_FIRM];
            if (f < 0) {
                continue;
            }
            byte ownership = firms.ownership(f);
            if (ownership == Firms.COOP) {
                value[i] = fork.firmValue(f) / firms.size(f);
            } else if (ownership == Firms.PRIVATE && firms.owner(f) == i && !firms.ownerLeft(f)) {
                double v = fork.firmValue(f);
                value[i] = v;
                ownResidual[i] = (1 - rules.profitTax()) * v / rules.valuationMonths();
                int employees = firms.size(f) - 1;
                boolean inScope = rules.nationalisationMinEmployees() == 0
                        || employees >= rules.nationalisationMinEmployees();
                double nationalise = inScope ? rules.nationalisationRate() : 0;
                double buyOut = employees > 0 ? (1 - nationalise) * rules.coopConversion() : 0;
                hazard[i] = nationalise + buyOut;
                paid[i] = nationalise * rules.nationalisationCompensation() + buyOut;
            }
        }
    }
}
