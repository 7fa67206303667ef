package io.ownerscape.model.labour;

import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.classes.Classification;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.trial.TransferTrial;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.world.PersonRecord;
import io.ownerscape.model.world.World;

import java.util.Arrays;

/**
 * Pass 3 of the monthly review (MODEL.md §7.11, "The monthly review"): the staffing decisions the
 * pay pass has listed, with an outcome that does not depend on the thread count: separations and
 * dismissals on the calling thread in person order (the owner's
 * {@link LabourParameters#dismisses} test, weighed again against the firm as the earlier
 * dismissals left it); then, firm by firm, succession to the most suitable member and the managers
 * the hierarchy needs, in chunks of whole firms that run in parallel (a firm's members are its
 * own) and whose sums and touched persons merge in firm order; last, on the calling thread, the
 * class of every person these touched is taken again.
 *
 * <p>Writes the person records (firm, effort, role), the firm table (sizes, effort totals, owner,
 * managers and premiums), wealth (severance, a new owner's residual) and the class bytes of the
 * touched.
 */
final class Staffing {
    private static final int UNEMPLOYED = PersonClass.UNEMPLOYED.ordinal();

    private final World economy;
    private final int[] persons;
    private final int stride;
    /** The rules, the firms' rates and the trial's recording of the month under review. */
    private LabourParameters rules;
    private double[] rates;
    private TransferTrial recording;
    /** Persons whose class inputs the sequential steps changed this month (may repeat). */
    private int[] touched = new int[64];
    private int touchedCount;
    /** Listed persons a chunk of pass 3b takes, at least (a chunk ends with a firm). */
    static final int FIRM_PASS_CHUNK = 1 << 12;

    Staffing(World economy) {
        this.economy = economy;
        this.persons = economy.personRecords();
        this.stride = economy.stride();
    }

    /**
     * Starts the month's staffing with the rules in force, the firms' rates of the pay pass
     * (producers' mean pay first) and the transfer trial when it records this month, else null.
     */
    void begin(LabourParameters rules, double[] rates, TransferTrial recording) {
        this.rules = rules;
        this.rates = rates;
        this.recording = recording;
        this.touchedCount = 0;
    }

    /** Ends the month's staffing: the rates are the review's working array, not kept here. */
    void end() {
        this.rates = null;
        this.recording = null;
    }

    /**
     * Person {@code i} leaves firm {@code f} (taking {@code contribution} of its effort) for
     * unemployment. Not marked newly unemployed: this month was paid as work, so next month is
     * the first of the spell and pays the benefit (a quitter's month of quitting is the unpaid
     * one). They and the owner (whose firm is now smaller, which may make them a small owner or
     * self-employed) are classified again at the end of the review.
     */
    private void toUnemployment(int i, int f, long contribution) {
        Firms firms = economy.firms();
        touch(i);
        int owner = firms.owner(f);
        if (owner >= 0) {
            touch(owner);
        }
        firms.leave(f, contribution);
        int record = stride * i;
        persons[record + PersonRecord.PERSON_FIRM] = -1;
        persons[record + PersonRecord.PERSON_EFFORT] = 0;
        persons[record + PersonRecord.PERSON_ROLE] = (persons[record + PersonRecord.PERSON_ROLE] & PersonRecord.ROLE_DEGREE)
                | PersonRecord.ROLE_ELIGIBLE;
    }

    /**
     * Pass 3a, first: a separation (a job that ends for a reason the model does not represent),
     * applied in person order before the dismissals: the person leaves with the benefit and no
     * severance. The last member of a firm (one without an owner present) stays, so no firm
     * empties this way.
     */
    void separate(int i, ReviewTally total) {
        Firms firms = economy.firms();
        int record = stride * i;
        int f = persons[record + PersonRecord.PERSON_FIRM];
        if (firms.size(f) == 1) {
            return;
        }
        long contribution = economy.contributionFixed(i);
        int layer = persons[record + PersonRecord.PERSON_ROLE] & PersonRecord.ROLE_LAYER;
        if (layer != 0) {
            firms.removeManager(f, layer);
        }
        toUnemployment(i, f, contribution);
        total.separations++;
    }

    /**
     * Pass 3a: a dismissal, applied in person order; the owner pays the severance. The owner
     * weighs each worker again against the firm as it stands after the dismissals before: in a
     * firm that makes more than its customers buy, every worker may test as surplus against the
     * start of the review, but only enough of them to bring output down to sales are.
     */
    void dismiss(int i, double pay, ReviewTally total) {
        Firms firms = economy.firms();
        double[] wealth = economy.wealthColumn();
        int record = stride * i;
        int f = persons[record + PersonRecord.PERSON_FIRM];
        long xFixed = economy.contributionFixed(i);
        long totalFixed = firms.effortFixed(f);
        double product = firms.revenueGain(f, Firms.expand(firms.technologySeed(f)),
                Firms.fromFixed(totalFixed - xFixed), Firms.fromFixed(totalFixed));
        if (!rules.dismisses(pay, product)) {
            return;
        }
        int owner = firms.owner(f);
        double severance = rules.firingCost() * pay;
        if (owner >= 0) {
            wealth[owner] -= severance;
            if (economy.forecastIncome() != null) {
                economy.forecastIncome().credit(owner, -severance);
            }
        } else {
            total.stateSeverance += severance;
        }
        wealth[i] += severance;
        if (economy.forecastIncome() != null) {
            economy.forecastIncome().credit(i, severance);
        }
        total.severance += severance;
        toUnemployment(i, f, xFixed);
        total.dismissals++;
    }

    /**
     * Pass 3b: for each firm with listed persons, in firm order: a firm whose owner left passes to
     * its most skilled producer (then manager; lowest id on ties), who also takes the month's
     * residual; then the owner's rule hires the fewest managers that supervise everyone
     * ({@link Hierarchy#managersNeeded}) from the most skilled degree-holding producing employees,
     * stands down the least skilled when fewer are needed, and ranks managers into layers.
     */
    void staffFirms(long[] listed, ReviewTally total) {
        Arrays.parallelSort(listed);
        int[] bounds = firmBounds(listed);
        FirmPass[] passes = new FirmPass[bounds.length - 1];
        economy.executor().forEachChunk(passes.length, c -> {
            FirmPass pass = new FirmPass();
            pass.run(listed, bounds[c], bounds[c + 1]);
            passes[c] = pass;
        });
        // In chunk order, so the sums and the touched list are those of one pass in firm order.
        for (FirmPass pass : passes) {
            pass.addTo(total);
            for (int k = 0; k < pass.touchedCount; k++) {
                touch(pass.touched[k]);
            }
        }
    }

    /**
     * Where pass 3b's chunks of the sorted list begin and end: about {@link #FIRM_PASS_CHUNK}
     * entries each, never splitting a firm's entries, so the chunks depend on the list alone.
     */
    static int[] firmBounds(long[] listed) {
        int[] bounds = new int[listed.length / FIRM_PASS_CHUNK + 2];
        int count = 0;
        int start = 0;
        while (start < listed.length) {
            bounds[count++] = start;
            int end = Math.min(listed.length, start + FIRM_PASS_CHUNK);
            while (end < listed.length && (listed[end] >>> 32) == (listed[end - 1] >>> 32)) {
                end++;
            }
            start = end;
        }
        bounds[count++] = listed.length;
        return Arrays.copyOf(bounds, count);
    }

    /** Sorts persons by skill, highest first, then by id. */
    private long rankKey(int i) {
        int bits = persons[stride * i + PersonRecord.PERSON_SKILL];
        return ((long) (Integer.MAX_VALUE - bits) << 32) | i;
    }

    /**
     * Pass 3b over one chunk of firms: each firm's members are its own, so chunks run in parallel;
     * what they add to the month's tally is kept in order and added by {@link #addTo}.
     */
    private final class FirmPass {
        private long[] order = new long[64];
        private int[] group = new int[64];
        private final long[] layerSizes = new long[Hierarchy.MAX_LAYERS + 1];
        private int[] touched = new int[16];
        private int touchedCount;
        private long appointments;
        private long demotions;
        private long ownershipTransfers;
        /** Each succession's residual, its profit tax and the new owner's consumption, in order. */
        private double[] transfers = new double[12];
        private int transferCount;

        void run(long[] listed, int from, int to) {
            Firms firms = economy.firms();
            int start = from;
            while (start < to) {
                int f = (int) (listed[start] >>> 32);
                int end = start;
                int count = 0;
                while (end < to && (int) (listed[end] >>> 32) == f) {
                    int i = (int) listed[end];
                    if (economy.firmOf(i) == f) {
                        if (count == group.length) {
                            group = Arrays.copyOf(group, count * 2);
                            order = new long[count * 2];
                        }
                        group[count++] = i;
                    }
                    end++;
                }
                if (order.length < count) {
                    order = new long[count];
                }
                if (firms.ownerLeft(f)) {
                    passOwnership(f, group, count);
                }
                if (rules.hierarchy()) {
                    staff(f, group, count);
                }
                start = end;
            }
        }

        /** Adds this chunk's counts and, one by one in firm order, its successions' sums. */
        void addTo(ReviewTally total) {
            for (int k = 0; k < transferCount; k += 3) {
                total.memberPay += transfers[k];
                total.profitTaxes += transfers[k + 1];
                total.consumption += transfers[k + 2];
            }
            total.ownershipTransfers += ownershipTransfers;
            total.appointments += appointments;
            total.demotions += demotions;
        }

        private void touch(int person) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = person;
        }

        private void passOwnership(int f, int[] group, int count) {
            Firms firms = economy.firms();
            int best = -1;
            for (int k = 0; k < count; k++) {
                int i = group[k];
                if (best < 0 || economy.takesOverBefore(i, best)) {
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            // The month's residual, at the head count it was earned with, goes to the new owner.
            double sigma = rules.ownerShare();
            if (sigma > 0) {
                double residual = sigma / (1 - sigma) * Math.abs(rates[2 * f]) * (firms.size(f) - firms.managers(f));
                double tax = rules.profitTax() * residual;
                double consumed = Wealth.settle(rules, economy.wealthColumn(), best, residual - tax);
                if (transferCount + 3 > transfers.length) {
                    transfers = Arrays.copyOf(transfers, 2 * transfers.length);
                }
                transfers[transferCount++] = residual;
                transfers[transferCount++] = tax;
                transfers[transferCount++] = consumed;
                if (recording != null && recording.indexOf(best) >= 0) {
                    recording.addIncome(recording.indexOf(best), residual);
                }
                if (economy.forecastIncome() != null) {
                    economy.forecastIncome().credit(best, residual - tax);
                }
            }
            int layer = economy.role(best) & PersonRecord.ROLE_LAYER;
            if (layer != 0) {
                economy.setRole(best, economy.role(best) & ~PersonRecord.ROLE_LAYER);
                firms.removeManager(f, layer);
                firms.changeEffort(f, economy.contributionFixed(best));
            }
            economy.setRole(best, economy.role(best) | PersonRecord.ROLE_OWNER);
            touch(best);
            firms.setOwner(f, best);
            firms.setFlags(f, firms.mayHire(f), firms.capitalised(f));
            ownershipTransfers++;
        }

        private void staff(int f, int[] group, int count) {
            Firms firms = economy.firms();
            Hierarchy structure = economy.hierarchy();
            int n = firms.size(f);
            int owner = firms.owner(f);
            int managers = firms.managers(f);
            // Supervisors for the producers, plus administrators for the compliance work.
            int needed = structure.managersNeeded(n) + economy.administrativePosts(n);
            if (needed > managers) {
                int candidates = 0;
                for (int k = 0; k < count; k++) {
                    int i = group[k];
                    int r = economy.role(i);
                    if (i != owner && (r & PersonRecord.ROLE_LAYER) == 0 && (r & PersonRecord.ROLE_DEGREE) != 0) {
                        order[candidates++] = rankKey(i);
                    }
                }
                Arrays.sort(order, 0, candidates);
                int hire = Math.min(needed - managers, candidates);
                int effort = Firms.toFixed(rules.managerEffort());
                for (int k = 0; k < hire; k++) {
                    int i = (int) order[k];
                    firms.changeEffort(f, -economy.contributionFixed(i));
                    persons[stride * i + PersonRecord.PERSON_EFFORT] = effort;
                    economy.setRole(i, economy.role(i) | 1);
                    touch(i);
                    appointments++;
                }
                managers += hire;
            } else if (needed < managers) {
                int current = 0;
                for (int k = 0; k < count; k++) {
                    int i = group[k];
                    if ((economy.role(i) & PersonRecord.ROLE_LAYER) != 0) {
                        order[current++] = rankKey(i);
                    }
                }
                Arrays.sort(order, 0, current);
                for (int k = current - 1; k >= Math.max(0, current - (managers - needed)); k--) {
                    int i = (int) order[k];
                    economy.setRole(i, economy.role(i) & ~PersonRecord.ROLE_LAYER);
                    touch(i);
                    firms.changeEffort(f, economy.contributionFixed(i));
                    demotions++;
                }
                managers = needed;
            }
            int ranked = 0;
            for (int k = 0; k < count; k++) {
                int i = group[k];
                if ((economy.role(i) & PersonRecord.ROLE_LAYER) != 0) {
                    order[ranked++] = rankKey(i);
                }
            }
            Arrays.sort(order, 0, ranked);
            double premiums = 0;
            // Administrators (compliance work) are the first layer's; the rest form the supervision
            // structure, the most skilled at its top.
            int admins = economy.administrators(n, ranked);
            int top = structure.layerSizes(n, ranked - admins, layerSizes);
            layerSizes[1] += admins;
            for (int k = 0; k < ranked; k++) {
                int i = (int) order[k];
                int layer = Hierarchy.layerOfRank(k, layerSizes, top);
                economy.setRole(i, (economy.role(i) & ~PersonRecord.ROLE_LAYER) | layer);
                premiums += Hierarchy.premium(layer);
            }
            firms.setManagers(f, ranked, premiums);
        }
    }

    private void touch(int person) {
        if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = person;
    }

    /**
     * Pass 3c: the class of each person the dismissals and staffing decisions touched, taken again
     * as the review ends; counts and transitions move from the class the pay pass gave. Returns
     * the dismissed who search next month, in person order.
     */
    int[] reclassifyTouched(ReviewTally total, long searchBase) {
        byte[] classes = economy.classColumn();
        Firms firms = economy.firms();
        int large = rules.largeFirmEmployees();
        int[] searching = new int[16];
        int count = 0;
        for (int k = 0; k < touchedCount; k++) {
            int i = touched[k];
            int code = classes[i] & 0xFF;
            int old = code & ReviewClassByte.CLASS_BITS;
            int f = persons[stride * i + PersonRecord.PERSON_FIRM];
            int role = persons[stride * i + PersonRecord.PERSON_ROLE];
            int employees = f >= 0 && (role & PersonRecord.ROLE_OWNER) != 0 ? firms.size(f) - 1 : 0;
            int c = Classification.classOf(f, role, employees, (code & ReviewClassByte.PRECARIOUS_BIT) != 0, large);
            if (c == old) {
                continue;
            }
            total.classCounts[old]--;
            total.classCounts[c]++;
            int before = (code >>> ReviewClassByte.BEFORE_SHIFT) - 1;
            if (before >= 0) {
                total.transitions[before * ReviewTally.CLASSES + old]--;
                total.transitions[before * ReviewTally.CLASSES + c]++;
            }
            // Nobody finds work during the review (staffing keeps only members of the firm), so
            // the only change involving unemployment is into it, by a dismissal.
            if (c == UNEMPLOYED) {
                total.unemployed++;
                if (RandomStreams.toUnit(RandomStreams.at(searchBase, i)) < rules.jobSearchRate()) {
                    if (count == searching.length) {
                        searching = Arrays.copyOf(searching, count * 2);
                    }
                    searching[count++] = i;
                }
            }
            classes[i] = (byte) ((code & ~ReviewClassByte.CLASS_BITS) | c);
        }
        int[] out = Arrays.copyOf(searching, count);
        Arrays.sort(out);
        return out;
    }
}
