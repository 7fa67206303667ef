package io.ownerscape.model.classes;

import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.world.PersonRecord;

/**
 * The class rule (MODEL.md §7.11, "Classes"): which {@link PersonClass} a person falls into in a
 * month, from their firm, role word, their employer's size and their job history.
 *
 * <p>The job history ({@code long[] history}, one word a person) keeps, in its low 32 bits, the
 * months of the window in which the person changed employer (bit 0 = this month) and, in its high
 * 32 bits, the months they were unemployed; the review shifts it by one month each month. A person
 * is precarious when either count within {@code precarity_window} months reaches its threshold.
 * The precarity parameters are not policy keys, so a classification made from the scenario's rules
 * holds for the whole run.
 */
public final class Classification {
    private static final int UNEMPLOYED = PersonClass.UNEMPLOYED.ordinal();
    private static final int LARGE_OWNER = PersonClass.LARGE_OWNER.ordinal();
    private static final int SMALL_OWNER = PersonClass.SMALL_OWNER.ordinal();
    private static final int SELF_EMPLOYED = PersonClass.SELF_EMPLOYED.ordinal();
    private static final int MANAGER = PersonClass.MANAGER.ordinal();
    private static final int PRECARIOUS = PersonClass.PRECARIOUS.ordinal();
    private static final int PROFESSIONAL = PersonClass.PROFESSIONAL.ordinal();
    private static final int WORKER = PersonClass.WORKER.ordinal();

    private final long window;
    private final int changes;
    private final int unemployedMonths;

    /** The classification under a scenario's rules. */
    public Classification(LabourParameters rules) {
        this.window = (1L << rules.precarityWindow()) - 1;
        this.changes = rules.precarityChanges();
        this.unemployedMonths = rules.precarityUnemployedMonths();
    }

    /** The months of the window, as a mask of the job history's low (or, shifted, high) half. */
    public long windowMask() {
        return window;
    }

    /** Whether a job history makes a person precarious. */
    public boolean precarious(long history) {
        return Long.bitCount(history & window) >= changes
                || Long.bitCount((history >>> 32) & window) >= unemployedMonths;
    }

    /**
     * A person's class (precedence as in {@link PersonClass}): the unemployed; owners by their
     * firm's employees ({@code large} employees or more make a large owner); hired managers; the
     * precarious; degree holders; everyone else. Returns the class's ordinal.
     */
    public static int classOf(int firm, int role, int employees, boolean precarious, int large) {
        if (firm < 0) {
            return UNEMPLOYED;
        }
        if ((role & PersonRecord.ROLE_OWNER) != 0) {
            return employees == 0 ? SELF_EMPLOYED : employees >= large ? LARGE_OWNER : SMALL_OWNER;
        }
        if ((role & PersonRecord.ROLE_LAYER) != 0) {
            return MANAGER;
        }
        if (precarious) {
            return PRECARIOUS;
        }
        return (role & PersonRecord.ROLE_DEGREE) != 0 ? PROFESSIONAL : WORKER;
    }
}
