package io.ownerscape.model;

import io.ownerscape.engine.RandomStreams;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds one election ({@code docs/MODEL.md}, "Elections"). For each platform the world is forked
 * and run {@code forecast_months} months under the platform's policies, with its promised basic
 * income paid at the share voters believe ({@code promise_belief}). Each person's forecast is the
 * log of their discounted mean net income over those months,
 * {@code V_p(i) = ln(sum_t d^t y_it / sum_t d^t)} with {@code d = 1 - forecast_discount}. A person
 * votes with probability {@code turnout}, for the platform with the highest
 * {@code V_p(i) + vote_noise z_ip}; the noise and turnout draws are keyed by (seed, month, person).
 * The platform with the most votes wins (the first in order on ties). When the winner promised a
 * basic income, one more fork runs its policies without it, to measure how many of its votes the
 * promise decided.
 */
final class ElectionRunner {
    private final Economy economy;
    private final State state;

    ElectionRunner(Economy economy, State state) {
        this.economy = economy;
        this.state = state;
    }

    Election hold(int month) {
        LabourParameters rules = economy.labour;
        List<Platform> platforms = state.platforms();
        int count = platforms.size();
        List<String> names = new ArrayList<>();
        platforms.forEach(p -> names.add(p.name()));
        String incumbent = state.ruling() == null ? "" : state.ruling().name();
        int classes = PersonClass.count();
        double power = state.countervailingPower();
        if (rules.lockIn() && power < rules.lockInThreshold()) {
            return new Election(month, false, incumbent, incumbent, names, new long[count],
                    new long[classes][count], 0, Double.NaN, Double.NaN, power, 0);
        }
        long t0 = System.nanoTime();
        double[][] value = new double[count][];
        for (int p = 0; p < count; p++) {
            Platform platform = platforms.get(p);
            double ubi = platform.promises() ? rules.promiseBelief() * platform.promisedUbi(economy.baseRules)
                    : economy.baseRules.ubi();
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
                noise[p] = sigma == 0 ? 0 : sigma * Economy.normal(noiseBase, (long) i * count + p);
            }
            int best = best(value, noise, i, -1, null);
            choice[i] = (byte) best;
            votes[best]++;
            int c = economy.personClass[i];
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
        double promised = platforms.get(winner).promises() ? platforms.get(winner).promisedUbi(economy.baseRules) : 0;
        if (promised > 0 && !rules.promisesBinding() && cast > 0 && count > 1) {
            double[] without = forecast(winner, 0);
            long flips = 0;
            for (int i = 0; i < n; i++) {
                if (choice[i] != winner) {
                    continue;
                }
                for (int p = 0; p < count; p++) {
                    noise[p] = sigma == 0 ? 0 : sigma * Economy.normal(noiseBase, (long) i * count + p);
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
     * Each person's forecast under platform p with the basic income paid at {@code ubi}: the log
     * of their discounted mean net income over the forecast's months in a fork of the world.
     */
    double[] forecast(int p, double ubi) {
        LabourParameters rules = economy.labour;
        Economy fork = economy.fork();
        fork.state.forecast(p, ubi);
        int n = economy.persons();
        fork.outcome = new double[n];
        double weight = 1;
        double total = 0;
        double d = 1 - rules.forecastDiscount();
        for (int h = 0; h < rules.forecastMonths(); h++) {
            fork.outcomeWeight = weight;
            fork.step();
            total += weight;
            weight *= d;
        }
        double floor = 1e-6 * Math.max(economy.meanPay, Double.MIN_NORMAL);
        double[] out = fork.outcome;
        for (int i = 0; i < n; i++) {
            out[i] = Math.log(Math.max(floor, out[i] / total));
        }
        return out;
    }
}
