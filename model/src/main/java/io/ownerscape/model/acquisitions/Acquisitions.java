package io.ownerscape.model.acquisitions;

import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.Purpose;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.world.PersonRecord;
import io.ownerscape.model.world.Regions;
import io.ownerscape.model.world.World;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Owners buying firms ({@code docs/MODEL.md}, "Acquisitions"). Once a month, after the persons'
 * decisions and before the review, each employer firm's owner looks for a firm to buy with
 * probability {@code acquisition_search}, among the firms of their friends and of
 * {@code acquisition_contacts} random persons of their region. Both sides value a firm at
 * {@code H} months of its owner's profit, the residual
 * {@code r(R, P, Pi) = sigma R P / (P + (1 - sigma) Pi)} of its revenue {@code R} (net of
 * compliance costs), {@code P} producers and {@code Pi} the sum of its managers' premiums. The
 * buyer's value of target T is what its profit would gain,
 * {@code V = H (r(R_{A+T}, P_A + P_T, Pi_A + Pi_T) - r(R_A, P_A, Pi_A))}, where {@code R_{A+T}} is
 * the buyer's technology applied to the joint effort, capped by the joint customers when there is
 * a goods market; the seller asks {@code H r(R_T, P_T, Pi_T) (1 + independence_premium)}, and the
 * buyer offers exactly that. The buyer takes the target with the largest {@code V - price > 0}
 * that its owner can pay (own wealth plus the lender's share {@code acquisition_credit} of the
 * price). Deals are decided in parallel against the state at the start of the phase and applied
 * in the buyer's id order; a firm takes part in one deal a month at most, and a deal that would
 * give the buyer more than {@code antitrust_cap} of all customers or of its region's employees is
 * blocked. The target's members (its owner included, now an employee) and customers move to the
 * buyer with their efforts; its managers keep their posts until the buyer's next staffing.
 */
public final class Acquisitions {
    private static final int FIRM_CHUNK = 1 << 14;
    private static final int SEARCH_CHUNK = 1 << 10;

    private final World economy;
    private final double sigma;
    /** Firms that took part in a deal this month (one bit per firm id). */
    private final BitSet dealt = new BitSet();
    /** Firms bought this month (one bit per firm id), and the buyers of the targets in id order. */
    private final BitSet bought = new BitSet();
    private int[] sortedTargets = new int[0];
    private int[] buyerOfSorted = new int[0];
    private AcquisitionTally last = AcquisitionTally.NONE;

    public Acquisitions(World economy) {
        this.economy = economy;
        this.sigma = economy.labour().ownerShare();
    }

    /** A copy for a fork of the economy: only the last tally carries over between months. */
    public Acquisitions copyFor(World fork) {
        Acquisitions c = new Acquisitions(fork);
        c.last = last;
        return c;
    }

    public AcquisitionTally last() {
        return last;
    }

    public long bytes() {
        return (dealt.size() + bought.size()) / 8 + 4L * (sortedTargets.length + buyerOfSorted.length);
    }

    /** One offer: a buyer, its best target, the price and the buyer's surplus. */
    private record Offer(int buyer, int target, double price, double surplus) {
    }

    public void run(int month) {
        Firms firms = economy.firms();
        int capacity = firms.capacity();
        ParallelExecutor executor = economy.executor();
        Regions regions = economy.regions();
        int firmChunks = ParallelExecutor.chunkCount(capacity, FIRM_CHUNK);
        long searchBase = economy.streams().base(Purpose.ACQUISITION_SEARCH, month);
        int[][] searchers = new int[firmChunks][];
        long[][] employment = new long[firmChunks][];
        executor.forEachChunk(firmChunks, c -> {
            int from = c * FIRM_CHUNK;
            int to = Math.min(capacity, from + FIRM_CHUNK);
            int[] found = new int[64];
            int count = 0;
            long[] byRegion = new long[regions.count()];
            for (int f = from; f < to; f++) {
                int n = firms.size(f);
                if (n < 2) {
                    continue;
                }
                byRegion[regions.of(firms.founder(f))] += n - 1;
                if (!firms.ownerLeft(f) && firms.ownership(f) == Firms.PRIVATE
                        && RandomStreams.toUnit(RandomStreams.at(searchBase, f)) < economy.labour().acquisitionSearch()) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, 2 * count);
                    }
                    found[count++] = f;
                }
            }
            searchers[c] = Arrays.copyOf(found, count);
            employment[c] = byRegion;
        });
        long[] regionEmployees = new long[regions.count()];
        int searching = 0;
        for (int c = 0; c < firmChunks; c++) {
            for (int r = 0; r < regionEmployees.length; r++) {
                regionEmployees[r] += employment[c][r];
            }
            searching += searchers[c].length;
        }
        int[] buyers = new int[searching];
        int at = 0;
        for (int[] s : searchers) {
            System.arraycopy(s, 0, buyers, at, s.length);
            at += s.length;
        }
        long contactBase = economy.streams().base(Purpose.ACQUISITION_CONTACT, month);
        int searchChunks = ParallelExecutor.chunkCount(buyers.length, SEARCH_CHUNK);
        Offer[][] offers = new Offer[searchChunks][];
        executor.forEachChunk(searchChunks, c -> {
            int from = c * SEARCH_CHUNK;
            int to = Math.min(buyers.length, from + SEARCH_CHUNK);
            Offer[] out = new Offer[to - from];
            for (int k = from; k < to; k++) {
                out[k - from] = bestOffer(buyers[k], contactBase);
            }
            offers[c] = out;
        });
        AcquisitionTally tally = new AcquisitionTally();
        long[] pairs = new long[16];
        int deals = 0;
        for (Offer[] chunk : offers) {
            for (Offer o : chunk) {
                if (o != null && apply(o, regionEmployees, tally)) {
                    if (deals == pairs.length) {
                        pairs = Arrays.copyOf(pairs, 2 * deals);
                    }
                    pairs[deals++] = ((long) o.target << 32) | o.buyer;
                }
            }
        }
        if (deals > 0) {
            Arrays.sort(pairs, 0, deals);
            sortedTargets = new int[deals];
            buyerOfSorted = new int[deals];
            for (int k = 0; k < deals; k++) {
                sortedTargets[k] = (int) (pairs[k] >>> 32);
                buyerOfSorted[k] = (int) pairs[k];
                bought.set(sortedTargets[k]);
            }
            movePersons();
            for (int t : sortedTargets) {
                firms.dissolve(t);
            }
            bought.clear();
        }
        dealt.clear();
        tally.searching = searching;
        last = tally;
    }

    /** The buyer's best affordable offer against the state at the start of the phase, or null. */
    private Offer bestOffer(int buyer, long contactBase) {
        Firms firms = economy.firms();
        int owner = firms.owner(buyer);
        int[] persons = economy.personRecords();
        int stride = economy.stride();
        Regions regions = economy.regions();
        int region = regions.of(owner);
        int first = regions.start(region);
        int width = regions.end(region) - first;
        int contacts = economy.labour().acquisitionContacts();
        int friends = stride - PersonRecord.PERSON_FRIENDS;
        int[] seen = new int[friends + contacts];
        int candidates = 0;
        for (int k = 0; k < friends + contacts; k++) {
            int g;
            if (k < friends) {
                int friend = persons[stride * owner + PersonRecord.PERSON_FRIENDS + k];
                if (friend < 0) {
                    continue;
                }
                g = persons[stride * friend + PersonRecord.PERSON_FIRM];
            } else {
                long bits = RandomStreams.at(contactBase, (long) buyer * contacts + (k - friends));
                g = persons[stride * (first + (int) ((bits >>> 33) % width)) + PersonRecord.PERSON_FIRM];
            }
            if (g >= 0 && g != buyer && !contains(seen, candidates, g)) {
                seen[candidates++] = g;
            }
        }
        if (candidates == 0) {
            return null;
        }
        double funds = economy.wealthColumn()[owner];
        double before = profit(buyer, firms.effort(buyer), firms.customers(buyer), 0, 0, 0);
        Offer best = null;
        for (int k = 0; k < candidates; k++) {
            int t = seen[k];
            if (firms.ownerLeft(t) || firms.ownership(t) != Firms.PRIVATE) {
                continue;
            }
            double price = ask(t);
            double gain = profit(buyer, firms.effort(buyer) + firms.effort(t),
                    firms.customers(buyer) + firms.customers(t), firms.size(t) - firms.managers(t),
                    firms.premiums(t), firms.size(t)) - before;
            double value = economy.labour().valuationMonths() * gain;
            double surplus = value - price;
            if (surplus > 0 && funds >= (1 - economy.labour().acquisitionCredit()) * price
                    && (best == null || surplus > best.surplus)) {
                best = new Offer(buyer, t, price, surplus);
            }
        }
        return best;
    }

    /** What the owner of firm t asks: {@code H r(R_t, P_t, Pi_t) (1 + premium)}. */
    private double ask(int t) {
        Firms firms = economy.firms();
        double r = residual(net(firms.revenue(t, Firms.expand(firms.technologySeed(t)), firms.effort(t)),
                firms.size(t), firms.managers(t)), firms.size(t) - firms.managers(t), firms.premiums(t));
        return economy.labour().valuationMonths() * r * (1 + economy.labour().independencePremium());
    }

    /**
     * The monthly profit of firm f with its technology at effort {@code effort}, customers
     * {@code customers}, and {@code extraProducers}, {@code extraPremiums}, {@code extraMembers}
     * added to its own.
     */
    private double profit(int f, double effort, double customers, int extraProducers, double extraPremiums,
                          int extraMembers) {
        Firms firms = economy.firms();
        long t = Firms.expand(firms.technologySeed(f));
        int members = firms.size(f) + extraMembers;
        int managers = firms.managers(f) + members - firms.size(f) - extraProducers;
        double output = firms.output(t, effort, members, managers);
        double revenue = firms.marketOn ? Math.min(output, customers) : output;
        return residual(net(revenue, members, managers),
                firms.size(f) - firms.managers(f) + extraProducers, firms.premiums(f) + extraPremiums);
    }

    /** Revenue net of the month's compliance cost for a firm of {@code members} with {@code managers}. */
    private double net(double revenue, int members, int managers) {
        return Math.max(0, revenue - economy.complianceCost(members, managers));
    }

    private double residual(double revenue, int producers, double premiums) {
        return producers <= 0 ? 0 : sigma * revenue * producers / (producers + (1 - sigma) * premiums);
    }

    /** Applies an offer if both firms are still free, the buyer can pay and no cap is hit. */
    private boolean apply(Offer o, long[] regionEmployees, AcquisitionTally tally) {
        Firms firms = economy.firms();
        int a = o.buyer;
        int t = o.target;
        if (dealt.get(a) || dealt.get(t) || firms.size(t) == 0 || firms.ownership(t) != Firms.PRIVATE
                || firms.ownership(a) != Firms.PRIVATE) {
            return false;
        }
        int buyerOwner = firms.owner(a);
        int sellerOwner = firms.owner(t);
        double[] wealth = economy.wealthColumn();
        if (wealth[buyerOwner] < (1 - economy.labour().acquisitionCredit()) * o.price) {
            return false;
        }
        int moving = firms.size(t);
        Regions regions = economy.regions();
        int ra = regions.of(firms.founder(a));
        int rt = regions.of(firms.founder(t));
        long regionAfter = regionEmployees[ra] + (ra == rt ? 1 : moving);
        long buyerAfter = firms.size(a) - 1 + moving;
        double cap = economy.labour().antitrustCap();
        double share = Math.max((double) buyerAfter / regionAfter, firms.marketOn
                ? (firms.customers(a) + firms.customers(t)) / economy.goodsMarket().demand() : 0);
        if (cap < 1 && share > cap) {
            tally.blocked++;
            tally.smallestBlockedShare = Math.min(tally.smallestBlockedShare, share);
            return false;
        }
        tally.largestDealShare = Math.max(tally.largestDealShare, share);
        regionEmployees[ra] = regionAfter;
        if (ra != rt) {
            regionEmployees[rt] -= moving - 1;
        }
        tally.record(firms.size(a) - 1, moving);
        dealt.set(a);
        dealt.set(t);
        wealth[buyerOwner] -= o.price;
        wealth[sellerOwner] += o.price;
        if (economy.forecastIncome() != null) {
            economy.forecastIncome().credit(buyerOwner, -o.price);
            economy.forecastIncome().credit(sellerOwner, o.price);
        }
        tally.paid += o.price;
        economy.setRole(sellerOwner, economy.role(sellerOwner) & ~PersonRecord.ROLE_OWNER);
        firms.absorb(a, t);
        return true;
    }

    /** Moves the members of every target to its buyer, in parallel chunks of persons. */
    private void movePersons() {
        int n = economy.persons();
        int[] persons = economy.personRecords();
        int stride = economy.stride();
        int chunks = ParallelExecutor.chunkCount(n, 1 << 16);
        economy.executor().forEachChunk(chunks, c -> {
            int to = Math.min(n, (c + 1) << 16);
            for (int i = c << 16; i < to; i++) {
                int f = persons[stride * i + PersonRecord.PERSON_FIRM];
                if (f >= 0 && bought.get(f)) {
                    persons[stride * i + PersonRecord.PERSON_FIRM] = buyerOfSorted[Arrays.binarySearch(sortedTargets, f)];
                }
            }
        });
    }

    private static boolean contains(int[] xs, int count, int x) {
        for (int k = 0; k < count; k++) {
            if (xs[k] == x) {
                return true;
            }
        }
        return false;
    }
}
