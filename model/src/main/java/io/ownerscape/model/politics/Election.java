package io.ownerscape.model.politics;

import io.ownerscape.model.classes.PersonClass;

import java.util.List;

/**
 * An election that was due: held, or suspended because the rulers locked in.
 *
 * @param month              the month at whose end it was due; the winner rules from the next
 * @param held               false when suspended under lock-in
 * @param incumbent          the platform ruling before it ("" for none)
 * @param winner             the platform with the most votes (the incumbent when suspended)
 * @param platforms          the platforms' names, in the order of the vote columns
 * @param votes              votes per platform
 * @param votesByClass       votes per class ({@link PersonClass} order) and platform:
 *                           {@code votesByClass[class][platform]}
 * @param abstained          persons who did not vote
 * @param margin             the winner's share of votes cast less the runner-up's; NaN if suspended
 * @param decisive           votes for the winner that its promised basic income decided (they
 *                           would have voted otherwise without it), as a share of all votes cast;
 *                           0 without a promise
 * @param countervailingPower countervailing power when it was due
 * @param seconds            wall-clock seconds the forecasts took
 */
public record Election(int month, boolean held, String incumbent, String winner, List<String> platforms,
                       long[] votes, long[][] votesByClass, long abstained, double margin, double decisive,
                       double countervailingPower, double seconds) {

    /** Votes cast. */
    public long cast() {
        long c = 0;
        for (long v : votes) {
            c += v;
        }
        return c;
    }

    /** Each class's vote shares per platform (rows sum to 1 where the class voted). */
    public double[][] voteShareByClass() {
        double[][] out = new double[votesByClass.length][platforms.size()];
        for (int c = 0; c < votesByClass.length; c++) {
            long total = 0;
            for (long v : votesByClass[c]) {
                total += v;
            }
            for (int p = 0; p < platforms.size(); p++) {
                out[c][p] = total == 0 ? Double.NaN : (double) votesByClass[c][p] / total;
            }
        }
        return out;
    }
}
