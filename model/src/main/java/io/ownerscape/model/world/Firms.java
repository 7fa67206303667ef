package io.ownerscape.model.world;

import io.ownerscape.engine.ColumnHasher;
import io.ownerscape.engine.IdPool;
import io.ownerscape.engine.RandomStreams;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.hierarchy.Hierarchy;
import io.ownerscape.model.production.EffortSolver;
import io.ownerscape.model.production.Organisation;

import java.util.Arrays;

/**
 * The firms' columns. What a decision reads about a firm is packed into two longs, 16 bytes, so
 * that a firm costs one cache line (four firms share one) and the table stays small:
 *
 * <pre>
 * word 0  total member effort, fixed point (units of 2^-30)
 * word 1  size (high 32 bits) | technology seed (low 32 bits)
 * </pre>
 *
 * <p>A firm's technology {@code (a, b, beta)} is not stored but derived from its 32-bit seed,
 * drawn when the firm is founded: each coefficient takes 21 bits of {@code mix(seed)}, so it is
 * uniform on its range at a resolution of 2^-21 (about 5e-7) of the range. Cold data, read only
 * by metrics and panels (founding month, founder), lives in plain int columns.
 *
 * <p>Effort totals and sizes change only by integer additions, which commute: a phase that applies
 * many moves ends in the same state whatever order they were applied in. The economy gives each
 * firm to one thread per phase, so the additions need no atomic instructions. Ids of dead firms
 * are recycled through an {@link IdPool}; a dead firm's words are all zero.
 */
public final class Firms {
    /** One unit of effort is 2^30 fixed-point units. */
    public static final double EFFORT_UNIT = 1 << 30;
    public static final int WORDS = 2;
    private static final long TECHNOLOGY_SALT = 0x2545F4914F6CDD1DL;
    private static final double UNIT_21 = 0x1.0p-21;

    private final double aMin;
    private final double aRange;
    private final double bMin;
    private final double bRange;
    private final double betaMin;
    private final double betaRange;
    /** Bounded returns and the costs of layers: how effort becomes output. */
    private final Organisation organisation;
    private long[] words;
    /**
     * The firm's number, unique for the run: firms are numbered in the order they are founded and
     * a number is never reused, while ids are (a dissolved firm's id goes to the next firm
     * founded, and {@link #compact} renumbers ids). Outputs that follow a firm over time use it.
     */
    private int[] serial;
    /** The number the next firm founded gets. */
    private int nextSerial;
    private int[] foundedMonth;
    private int[] founder;
    /** The person who owns the firm now (its founder until they leave). */
    private int[] owner;
    /** Managers hired (low 29 bits), owner left, may hire, has invested its capital. */
    private int[] staff;
    /**
     * Sum of the pay premiums of the firm's managers ({@link Hierarchy#premium}), in single
     * precision (the review recomputes it each month for every firm with managers).
     */
    private float[] premiums;
    /**
     * Goods market only (empty arrays otherwise): the monthly spending of the customers attached
     * to each firm, and the price the firm got at the last review, {@code min(1, customers /
     * output)}, which its members and would-be members take as given.
     */
    private double[] customers;
    private float[] price;
    /**
     * Acquisitions only: members each firm took over by buying other firms. Empty until the first
     * purchase, so that the first years of a large world (a firm slot per person) do not carry it.
     */
    private int[] acquired;
    /** Whether firms may buy other firms ({@link #acquired} is kept, once needed). */
    private final boolean acquisitions;
    /** Set by the review once the market operates: revenue is capped by customers from then on. */
    public boolean marketOn;
    /** The price a new firm is taken to get until its first review (set by the market). */
    public float foundingPrice = 1f;
    /** The market's pool per unit of weight at the last review (set by the market). */
    public double poolPerWeight;
    /** The market's value weight psi. */
    public double valueWeight;
    private IdPool ids;
    /**
     * Who owns each firm beyond the default, a person ({@link #PRIVATE}): the state or the
     * members. Null until the first firm leaves private hands, so that worlds without a state
     * sector pay nothing for it.
     */
    private byte[] ownership;

    /** {@link #ownership} kinds: a person owns the firm (its {@link #owner}). */
    public static final byte PRIVATE = 0;
    /** The state owns the firm; its residual goes to the budget; {@link #owner} is -1. */
    public static final byte STATE = 1;
    /** The members own the firm together and share its residual; {@link #owner} is -1. */
    public static final byte COOP = 2;

    /** {@link #staff()} bits: the number of hired managers. */
    public static final int STAFF_MANAGERS = (1 << 29) - 1;
    /** {@link #staff()} bit: the owner left this month; the review passes the firm on. */
    static final int STAFF_OWNER_LEFT = 1 << 29;
    /** {@link #staff()} bit: the owner can fund the start-up capital, so the firm may hire. */
    public static final int STAFF_MAY_HIRE = 1 << 30;
    /** {@link #staff()} bit: the firm has invested its start-up capital. */
    public static final int STAFF_CAPITALISED = 1 << 31;

    public Firms(int initialCapacity, ModelParameters params, boolean market) {
        this(initialCapacity, params, market, false, Organisation.NONE);
    }

    public Firms(int initialCapacity, ModelParameters params, boolean market, boolean acquisitions,
          Organisation organisation) {
        this.organisation = organisation;
        this.acquisitions = acquisitions;
        acquired = new int[0];
        customers = new double[market ? initialCapacity : 0];
        price = new float[market ? initialCapacity : 0];
        Arrays.fill(price, 1f);
        words = new long[WORDS * initialCapacity];
        serial = new int[initialCapacity];
        foundedMonth = new int[initialCapacity];
        founder = new int[initialCapacity];
        owner = new int[initialCapacity];
        staff = new int[initialCapacity];
        premiums = new float[initialCapacity];
        ids = new IdPool(0, 1024);
        aMin = params.aMin();
        aRange = params.aMax() - params.aMin();
        bMin = params.bMin();
        bRange = params.bMax() - params.bMin();
        betaMin = params.betaMin();
        betaRange = params.betaMax() - params.betaMin();
    }

    /** An independent deep copy, for forecasts: changing one never changes the other. */
    public Firms(Firms o) {
        organisation = o.organisation;
        acquisitions = o.acquisitions;
        aMin = o.aMin;
        aRange = o.aRange;
        bMin = o.bMin;
        bRange = o.bRange;
        betaMin = o.betaMin;
        betaRange = o.betaRange;
        words = o.words.clone();
        serial = o.serial.clone();
        nextSerial = o.nextSerial;
        foundedMonth = o.foundedMonth.clone();
        founder = o.founder.clone();
        owner = o.owner.clone();
        staff = o.staff.clone();
        premiums = o.premiums.clone();
        customers = o.customers.clone();
        price = o.price.clone();
        acquired = o.acquired.clone();
        ownership = o.ownership == null ? null : o.ownership.clone();
        marketOn = o.marketOn;
        foundingPrice = o.foundingPrice;
        poolPerWeight = o.poolPerWeight;
        valueWeight = o.valueWeight;
        ids = o.ids.copy();
    }

    /** Who owns the firm: {@link #PRIVATE}, {@link #STATE} or {@link #COOP}. */
    public byte ownership(int firm) {
        return ownership == null ? PRIVATE : ownership[firm];
    }

    /** Whether any firm has ever left private hands (the ownership column exists). */
    public boolean anyPublic() {
        return ownership != null;
    }

    /** Hands a private firm to the state or its members; the owner field becomes -1. */
    public void setOwnership(int firm, byte kind) {
        if (ownership == null) {
            ownership = new byte[founder.length];
        }
        ownership[firm] = kind;
        owner[firm] = kind == PRIVATE ? owner[firm] : -1;
    }

    /** Converts an effort in [0, 1] to fixed point. */
    public static int toFixed(double effort) {
        return (int) Math.round(effort * EFFORT_UNIT);
    }

    /** Converts fixed point back to an effort. */
    public static double fromFixed(long fixed) {
        return fixed / EFFORT_UNIT;
    }

    /** The 64 bits a technology seed expands to; {@link #a}, {@link #b}, {@link #beta} slice them. */
    public static long expand(int technologySeed) {
        return RandomStreams.mix(TECHNOLOGY_SALT + RandomStreams.GOLDEN_GAMMA * (technologySeed & 0xFFFFFFFFL));
    }

    /**
     * The constant-returns coefficient a of an expanded technology seed, times the technology's
     * productivity ({@link Organisation#productivity}): output is linear in a and b together.
     */
    public double a(long expanded) {
        return a(expanded, productivity(expanded));
    }

    /** The increasing-returns coefficient b of an expanded technology seed, times its productivity. */
    public double b(long expanded) {
        return b(expanded, productivity(expanded));
    }

    /**
     * The technology's productivity; with {@link #a(long, double)} and {@link #b(long, double)} it
     * lets a caller that needs both coefficients draw it once.
     */
    public double productivity(long expanded) {
        return organisation.productivity(expanded);
    }

    /** {@link #a(long)} given the technology's productivity {@code z}. */
    public double a(long expanded, double z) {
        return z * (aMin + aRange * (((expanded >>> 43) + 0.5) * UNIT_21));
    }

    /** {@link #b(long)} given the technology's productivity {@code z}. */
    public double b(long expanded, double z) {
        return z * (bMin + bRange * ((((expanded >>> 22) & 0x1FFFFF) + 0.5) * UNIT_21));
    }

    /** The returns exponent beta of an expanded technology seed. */
    public double beta(long expanded) {
        return betaMin + betaRange * (((expanded & 0x1FFFFF) + 0.5) * UNIT_21);
    }

    /** @return one more than the largest firm id ever used */
    public int capacity() {
        return ids.highWater();
    }

    public int size(int firm) {
        return (int) (words[WORDS * firm + 1] >> 32);
    }

    /** The month the firm was founded (0 for the initial firms). */
    public int foundedMonth(int firm) {
        return foundedMonth[firm];
    }

    public long effortFixed(int firm) {
        return words[WORDS * firm];
    }

    public double effort(int firm) {
        return fromFixed(words[WORDS * firm]);
    }

    /**
     * Replaces a live firm's technology by the one of {@code technologySeed}: its members, effort
     * and organisation stay, its {@code (a, b, beta)} and productivity are those of the new seed.
     */
    public void renewTechnology(int firm, int technologySeed) {
        int w = WORDS * firm + 1;
        words[w] = (words[w] & 0xFFFFFFFF00000000L) | (technologySeed & 0xFFFFFFFFL);
    }

    public int technologySeed(int firm) {
        return (int) words[WORDS * firm + 1];
    }

    public double a(int firm) {
        return a(expand(technologySeed(firm)));
    }

    public double b(int firm) {
        return b(expand(technologySeed(firm)));
    }

    public double beta(int firm) {
        return beta(expand(technologySeed(firm)));
    }

    /** The person who founded the firm. */
    public int founder(int firm) {
        return founder[firm];
    }

    /** The person who owns the firm. */
    public int owner(int firm) {
        return owner[firm];
    }

    public void setOwner(int firm, int person) {
        owner[firm] = person;
    }

    /** Managers the firm has hired. */
    public int managers(int firm) {
        return staff[firm] & STAFF_MANAGERS;
    }

    /** Whether the firm may take on a first employee. */
    public boolean mayHire(int firm) {
        return (staff[firm] & STAFF_MAY_HIRE) != 0;
    }

    /** Whether the firm has invested its start-up capital. */
    public boolean capitalised(int firm) {
        return (staff[firm] & STAFF_CAPITALISED) != 0;
    }

    /** Direct access for hot loops: managers and flags per firm. */
    public int[] staff() {
        return staff;
    }

    /** A manager of the given layer leaves or stands down; the caller owns the firm. */
    public void removeManager(int firm, int layer) {
        staff[firm] -= 1;
        premiums[firm] = (staff[firm] & STAFF_MANAGERS) == 0 ? 0 : (float) (premiums[firm] - Hierarchy.premium(layer));
    }

    /** Sets the number of managers and the sum of their premiums; the caller owns the firm. */
    public void setManagers(int firm, int managers, double premiumSum) {
        staff[firm] = (staff[firm] & ~STAFF_MANAGERS) | managers;
        premiums[firm] = managers == 0 ? 0 : (float) premiumSum;
    }

    /** The sum of the pay premiums of the firm's managers. */
    public double premiums(int firm) {
        return premiums[firm];
    }

    public void markOwnerLeft(int firm) {
        staff[firm] |= STAFF_OWNER_LEFT;
    }

    public boolean ownerLeft(int firm) {
        return (staff[firm] & STAFF_OWNER_LEFT) != 0;
    }

    public void setFlags(int firm, boolean mayHire, boolean capitalised) {
        setFlags(firm, staff[firm], mayHire, capitalised);
    }

    /**
     * As {@link #setFlags(int, boolean, boolean)}, given the firm's staff word as the caller read
     * it; writes only when the word changes, so that a month in which an owner's standing is
     * unchanged does not touch the firm's line.
     */
    public void setFlags(int firm, int current, boolean mayHire, boolean capitalised) {
        int updated = (current & STAFF_MANAGERS) | (mayHire ? STAFF_MAY_HIRE : 0)
                | (capitalised ? STAFF_CAPITALISED : 0);
        if (updated != current) {
            staff[firm] = updated;
        }
    }

    /** @return the firm's output {@code a E + b E^beta} */
    public double output(int firm) {
        return output(expand(technologySeed(firm)), effort(firm), size(firm), managers(firm));
    }

    /**
     * Output of expanded technology {@code t} at total effective effort {@code x} in a firm of
     * {@code members} with {@code managers} ({@link Organisation#output}).
     */
    public double output(long t, double x, int members, int managers) {
        return output(t, productivity(t), x, members, managers);
    }

    /** As {@link #output(long, double, int, int)}, given the technology's productivity {@code z}. */
    private double output(long t, double z, double x, int members, int managers) {
        return organisation.output(a(t, z), b(t, z), beta(t), organisation.saturation(t), x, members, managers);
    }

    /** The saturation {@code 1 / K_f} of expanded technology {@code t}'s bound on returns. */
    public double saturation(long t) {
        return organisation.saturation(t);
    }

    /** How effort becomes output in these firms. */
    public Organisation organisation() {
        return organisation;
    }

    /** Direct access for hot loops: the packed words (read-only outside apply phases). */
    public long[] words() {
        return words;
    }

    /** Reserves an id for a firm about to be founded; grows the columns if needed. */
    public int reserve() {
        int id = ids.acquire();
        if (id >= founder.length) {
            // An eighth more: at hundreds of millions of firms a quarter would cost gigabytes.
            int grown = Math.max(id + 1, founder.length + (founder.length >> 3));
            if ((long) WORDS * grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("firm table exceeds one Java array");
            }
            resize(grown);
        }
        // Numbered here, in the sequential order of reservations, not at founding, which the
        // founders' threads do in any order.
        if (nextSerial == Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " firms founded in one run");
        }
        serial[id] = nextSerial++;
        return id;
    }

    /**
     * Whether {@link #compact} is due: at least {@value #COMPACT_FREE} ids are free, and more than
     * a quarter as many as are in use. Ids of dissolved firms are
     * reused, but the first months of Axtell's start (every person founds a firm) leave the high
     * water at the population while about one firm in five survives: every firm column, and the
     * review's, would then hold five slots for each live firm, and the passes over firms and the
     * loads of a decision would touch five times the memory they need.
     */
    public boolean compactionDue() {
        int free = ids.freeCount();
        return free >= COMPACT_FREE && free > (capacity() - free) / 4;
    }

    /** Fewest free ids that make {@link #compact} due: small worlds are not renumbered every month. */
    static final int COMPACT_FREE = 1024;

    /**
     * Renumbers the live firms {@code 0, 1, ...} in the order of their ids and forgets the free
     * ids: the firms move down in place, and the columns shrink to the live firms (with an eighth to
     * spare) when that saves more than an eighth ({@link #shrink}). The firms' data, their
     * {@link #serial} numbers and their order are unchanged. The caller must renumber every firm
     * id it holds (the persons' records, the vacancies) with the returned map, in the same
     * sequential part of the month.
     *
     * @return for each old id its new one, -1 for a free id
     */
    public int[] compact() {
        int capacity = capacity();
        int[] newId = new int[capacity];
        for (int k = 0, free = ids.freeCount(); k < free; k++) {
            newId[ids.free(k)] = -1;
        }
        int live = 0;
        for (int f = 0; f < capacity; f++) {
            if (newId[f] == 0) {
                newId[f] = live++;
            }
        }
        // In place: a live firm's new id is never above its old one, so moving in increasing order
        // never overwrites a firm still to be moved, and no second set of columns is needed (at a
        // hundred million firms a second set would not fit beside the first).
        for (int f = 0; f < capacity; f++) {
            int g = newId[f];
            if (g < 0 || g == f) {
                continue;
            }
            words[WORDS * g] = words[WORDS * f];
            words[WORDS * g + 1] = words[WORDS * f + 1];
            serial[g] = serial[f];
            foundedMonth[g] = foundedMonth[f];
            founder[g] = founder[f];
            owner[g] = owner[f];
            staff[g] = staff[f];
            premiums[g] = premiums[f];
            if (ownership != null) {
                ownership[g] = ownership[f];
            }
            if (acquired.length > 0) {
                acquired[g] = acquired[f];
            }
            if (customers.length > 0) {
                customers[g] = customers[f];
                price[g] = price[f];
            }
        }
        // Ids from live up are free again.
        clear(live, capacity);
        shrink(live + (live >> 3) + 16);
        ids = new IdPool(live, 1024);
        return newId;
    }

    /** Sets the slots of ids {@code [from, to)} to a dissolved firm's: zeros, private, price 1. */
    private void clear(int from, int to) {
        Arrays.fill(words, WORDS * from, WORDS * to, 0L);
        Arrays.fill(serial, from, to, 0);
        Arrays.fill(foundedMonth, from, to, 0);
        Arrays.fill(founder, from, to, 0);
        Arrays.fill(owner, from, to, 0);
        Arrays.fill(staff, from, to, 0);
        Arrays.fill(premiums, from, to, 0f);
        if (ownership != null) {
            Arrays.fill(ownership, from, to, PRIVATE);
        }
        if (acquired.length > 0) {
            Arrays.fill(acquired, from, to, 0);
        }
        if (price.length > 0) {
            Arrays.fill(customers, from, to, 0);
            Arrays.fill(price, from, to, 1f);
        }
    }

    /**
     * Shortens the columns to {@code room} slots when that saves more than an eighth
     * ({@link #resize}).
     */
    private void shrink(int room) {
        if (founder.length - room > room >> 3) {
            resize(room);
        }
    }

    /**
     * Copies every column to {@code length} slots (new slots read as dissolved firms). One column
     * at a time and the widest last, so that when the table shrinks the memory the narrow columns
     * free is there when the widest is copied: the peak is one column's copy, not the table's.
     */
    private void resize(int length) {
        int old = founder.length;
        premiums = Arrays.copyOf(premiums, length);
        staff = Arrays.copyOf(staff, length);
        owner = Arrays.copyOf(owner, length);
        founder = Arrays.copyOf(founder, length);
        foundedMonth = Arrays.copyOf(foundedMonth, length);
        serial = Arrays.copyOf(serial, length);
        if (ownership != null) {
            ownership = Arrays.copyOf(ownership, length);
        }
        if (acquired.length > 0) {
            acquired = Arrays.copyOf(acquired, length);
        }
        if (price.length > 0) {
            price = Arrays.copyOf(price, length);
            customers = Arrays.copyOf(customers, length);
            if (length > old) {
                Arrays.fill(price, old, length, 1f);
            }
        }
        words = Arrays.copyOf(words, WORDS * length);
    }

    /**
     * The length of a per-firm working array (the review's rates, the goods market's outputs) for
     * firm ids below {@code capacity}: ids rarely pass their high-water mark by much, so a small
     * margin suffices.
     */
    public static int workingLength(int capacity) {
        return capacity + capacity / 64 + 1024;
    }

    /**
     * Whether a per-firm working array of {@code length} slots must be allocated again for firm ids
     * below {@code capacity}: too short, or more than twice the length wanted, as after a
     * renumbering ({@link #compact}).
     */
    public static boolean workingLengthStale(int length, int capacity) {
        return length < capacity || length > 2 * (capacity + 1024);
    }

    /** The firm's number, unique for the run and never reused ({@link #serial}). */
    public int serial(int firm) {
        return serial[firm];
    }

    /** Writes a founded firm. Only the founder's thread touches a reserved id. */
    public void found(int firm, int technologySeed, int founderId, int month, long effortFixed, boolean mayHire) {
        int w = WORDS * firm;
        words[w] = effortFixed;
        words[w + 1] = (1L << 32) | (technologySeed & 0xFFFFFFFFL);
        foundedMonth[firm] = month;
        founder[firm] = founderId;
        owner[firm] = founderId;
        staff[firm] = mayHire ? STAFF_MAY_HIRE : 0;
        if (price.length > 0) {
            price[firm] = foundingPrice;
        }
    }

    /** Adds a member with the given effort. The caller owns the firm in this phase. */
    public void join(int firm, long effortFixed) {
        words[WORDS * firm + 1] += 1L << 32;
        words[WORDS * firm] += effortFixed;
    }

    /** Removes a member with the given effort; returns the size left. The caller owns the firm. */
    public int leave(int firm, long effortFixed) {
        words[WORDS * firm] -= effortFixed;
        long after = words[WORDS * firm + 1] - (1L << 32);
        words[WORDS * firm + 1] = after;
        return (int) (after >> 32);
    }

    /** Changes a member's effort. The caller owns the firm in this phase. */
    public void changeEffort(int firm, long deltaFixed) {
        words[WORDS * firm] += deltaFixed;
    }

    /** Frees a firm whose last member has left; the caller releases ids in a fixed order. */
    public void dissolve(int firm) {
        int w = WORDS * firm;
        if ((words[w + 1] >> 32) != 0 || words[w] != 0) {
            throw new IllegalStateException("firm " + firm + " dissolved with members or effort left");
        }
        // The customers' spending returns to the market's pool at the next review.
        clear(firm, firm + 1);
        ids.release(firm);
    }

    /** @return bytes held by the firm columns and the id pool */
    public long bytes() {
        return 8L * words.length + 4L * serial.length + 4L * foundedMonth.length + 4L * founder.length
                + 4L * owner.length + 4L * staff.length + 4L * premiums.length
                + 8L * customers.length + 4L * price.length + 4L * acquired.length + ids.bytes()
                + (ownership == null ? 0 : ownership.length);
    }

    public void hashInto(ColumnHasher hasher) {
        int n = capacity();
        hasher.add(words, 0, WORDS * n);
        hasher.add(serial, 0, n);
        hasher.add(nextSerial);
        hasher.add(foundedMonth, 0, n);
        hasher.add(founder, 0, n);
        ids.hashInto(hasher);
    }

    /** Adds the columns the labour rules use (owners, managers, flags) to a fingerprint. */
    public void hashLabourInto(ColumnHasher hasher) {
        int n = capacity();
        hasher.add(owner, 0, n);
        hasher.add(staff, 0, n);
        for (int f = 0; f < n; f++) {
            hasher.add(premiums[f]);
        }
        for (int f = 0; f < Math.min(n, customers.length); f++) {
            hasher.add(customers[f]);
            hasher.add(price[f]);
        }
        if (acquired.length > 0) {
            hasher.add(acquired, 0, n);
        } else if (acquisitions) {
            // As the column of zeros it stands for, so that a fingerprint does not depend on it.
            for (int f = 0; f < n; f++) {
                hasher.add(0L);
            }
        }
        if (ownership != null) {
            for (int f = 0; f < n; f++) {
                hasher.add(ownership[f]);
            }
        }
    }

    /**
     * Firm {@code buyer} takes over firm {@code target}: its members and their effort, its
     * managers and their premiums, its customers. The target is left empty, to be dissolved once
     * its members' records point to the buyer. The caller owns both firms.
     */
    public void absorb(int buyer, int target) {
        absorb(buyer, target, true);
    }

    /**
     * As {@link #absorb(int, int)}; {@code acquisition} says whether the members count as taken
     * over by purchase ({@link #acquiredMembers}), which a merger of state firms does not.
     */
    public void absorb(int buyer, int target, boolean acquisition) {
        int wb = WORDS * buyer;
        int wt = WORDS * target;
        int moving = size(target);
        words[wb] += words[wt];
        words[wb + 1] += (long) moving << 32;
        words[wt] = 0;
        words[wt + 1] &= 0xFFFFFFFFL;
        int managers = managers(buyer) + managers(target);
        setManagers(buyer, managers, premiums[buyer] + (double) premiums[target]);
        setManagers(target, 0, 0);
        if (customers.length > 0) {
            customers[buyer] += customers[target];
            customers[target] = 0;
        }
        if (acquisitions && acquisition && moving > 0) {
            if (acquired.length == 0) {
                acquired = new int[founder.length];
            }
            acquired[buyer] += moving;
        }
    }

    /** Members the firm took over by buying other firms (0 without acquisitions). */
    public int acquiredMembers(int firm) {
        return acquired.length > 0 ? acquired[firm] : 0;
    }

    /** Whether the firms sell into a goods market (the customer columns exist). */
    public boolean market() {
        return price.length > 0;
    }

    /** The monthly spending of the firm's customers (0 without a goods market). */
    public double customers(int firm) {
        return customers.length > 0 ? customers[firm] : 0;
    }

    /** The price the firm got at the last review, in (0, 1]; 1 without a goods market. */
    public double price(int firm) {
        return price.length > 0 ? price[firm] : 1;
    }

    /** Direct access for the review's firm passes (goods market only). */
    public double[] customerColumn() {
        return customers;
    }

    /** Direct access for the review's firm passes and hot loops (goods market only). */
    public float[] priceColumn() {
        return price;
    }

    /**
     * The price a founder expects for a new firm of technology {@code t} at effective effort
     * {@code x}: {@code min(1, (Q / sum W) (g(x) / x)^psi)}, its share of the next review's pool
     * per unit of output; 1 before the market operates.
     */
    public double foundingPrice(long t, double x) {
        if (!marketOn) {
            return 1;
        }
        if (valueWeight == 0 || !(x > 0)) {
            return Math.min(1, poolPerWeight);
        }
        double z = productivity(t);
        double productivity = EffortSolver.output(a(t, z), b(t, z), beta(t), organisation.saturation(t), x) / x;
        return Math.min(1, poolPerWeight * Math.pow(productivity, valueWeight));
    }

    /** What the firm sells of {@code output}: all of it, or in a market at most its customers buy. */
    public double sold(int firm, double output) {
        return marketOn ? Math.min(output, customers[firm]) : output;
    }

    /** The revenue at effective effort {@code effort}: output, capped by customers in a market. */
    public double revenue(int firm, long t, double effort) {
        return sold(firm, output(t, effort, size(firm), managers(firm)));
    }

    /**
     * The revenue a change of effective effort from {@code before} to {@code after} brings, the
     * firm's organisation (its head count and layers) held as it is: the difference of output,
     * each capped by the firm's customers when the firm sells into a market ({@code min(g(X), C)}).
     */
    public double revenueGain(int firm, long t, double before, double after) {
        int n = size(firm);
        int m = managers(firm);
        // The productivity is the firm's own (a power): drawn once for both outputs.
        double z = productivity(t);
        return sold(firm, output(t, z, after, n, m)) - sold(firm, output(t, z, before, n, m));
    }
}
