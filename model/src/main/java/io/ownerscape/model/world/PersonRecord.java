package io.ownerscape.model.world;

import io.ownerscape.model.classes.Autonomy;

/**
 * The layout of a person's record in the economy's person column ({@code int[] persons}, one
 * record of {@code PERSON_FRIENDS + friendsMax} ints per person, ODD §2.1): what a decision reads
 * about a person lies on one or two cache lines. The offsets and the bits of the role word are
 * declared here once; every submodel that reads or writes a record uses them.
 */
public final class PersonRecord {
    /** The firm the person belongs to, -1 when unemployed. */
    public static final int PERSON_FIRM = 0;
    /** Effort in fixed point ({@link Firms#toFixed}). */
    public static final int PERSON_EFFORT = 1;
    /** The role word: the {@code ROLE_} bits below. */
    public static final int PERSON_ROLE = 2;
    /** Skill, as float bits. */
    public static final int PERSON_SKILL = 3;
    /** The first of the friends' ids (unused slots -1). */
    public static final int PERSON_FRIENDS = 4;

    /** Role bits: manager layer (0 = not a manager). */
    public static final int ROLE_LAYER = 0x7;
    /** Holds a degree. */
    public static final int ROLE_DEGREE = 1 << 3;
    /** Owns the firm. */
    public static final int ROLE_OWNER = 1 << 4;
    /** Entitled to the unemployment benefit while unemployed. */
    public static final int ROLE_ELIGIBLE = 1 << 5;
    /** Became unemployed this month: no benefit until next month. */
    public static final int ROLE_NEW_UNEMPLOYED = 1 << 6;
    /** Months of the current unemployment spell, capped at 255. */
    public static final int ROLE_MONTHS_SHIFT = 8;
    public static final int ROLE_MONTHS = 0xFF << ROLE_MONTHS_SHIFT;
    /** Good alternatives found at the last activation (see {@link Autonomy}), 0 to 15. */
    public static final int ROLE_EXITS_SHIFT = 16;
    public static final int ROLE_EXITS = 0xF << ROLE_EXITS_SHIFT;

    /** A person's contribution to their firm's effective effort, fixed point: skill x effort. */
    public static long contribution(int effortFixed, double skill) {
        return skill == 1.0 ? effortFixed : Math.round(effortFixed * skill);
    }

    private PersonRecord() {
    }
}
