package io.ownerscape.model.acquisitions;

import io.ownerscape.model.metrics.SizeClass;

/**
 * What one month's acquisitions did ({@link Acquisitions}): deals, the persons who moved with the
 * firms bought, deals by the buyer's size class (employees before the deal, {@link SizeClass#SUSB}
 * classes, with 0 employees counted in the first), deals the antitrust cap blocked, and the money
 * paid.
 */
public final class AcquisitionTally {
    /** No acquisitions (the rules have none, or before the first month). */
    public static final AcquisitionTally NONE = new AcquisitionTally();

    long deals;
    long moved;
    long blocked;
    long searching;
    double paid;
    /**
     * The largest share (of the region's employees, or of all customers, whichever is larger) a
     * buyer held after a deal this month, and the smallest such share a blocked deal would have
     * given; the antitrust cap lies between them.
     */
    double largestDealShare;
    double smallestBlockedShare = Double.POSITIVE_INFINITY;
    final long[] dealsByBuyerSize = new long[SizeClass.SUSB.size()];
    final long[] movedByBuyerSize = new long[SizeClass.SUSB.size()];

    void record(int buyerEmployees, int movedPersons) {
        int k = Math.max(0, SizeClass.indexOf(Math.max(1, buyerEmployees)));
        deals++;
        moved += movedPersons;
        dealsByBuyerSize[k]++;
        movedByBuyerSize[k] += movedPersons;
    }

    public long deals() {
        return deals;
    }

    /** Persons who moved with the firms bought (their former owners included). */
    public long moved() {
        return moved;
    }

    public long blocked() {
        return blocked;
    }

    /** Owners who looked for a firm to buy. */
    public long searching() {
        return searching;
    }

    /** See the field: the largest post-deal share among this month's deals (0 without deals). */
    public double largestDealShare() {
        return largestDealShare;
    }

    /** The smallest post-deal share among this month's blocked deals (infinity without any). */
    public double smallestBlockedShare() {
        return smallestBlockedShare;
    }

    public double paid() {
        return paid;
    }

    public long[] dealsByBuyerSize() {
        return dealsByBuyerSize.clone();
    }

    public long[] movedByBuyerSize() {
        return movedByBuyerSize.clone();
    }
}
