package io.ownerscape.model.classes;

/**
 * The class a person falls into in a month, from what the economy made of them. Exactly one
 * applies, taken in this order of precedence: the unemployed, then owners by the size of their
 * firm, then hired managers, then the precarious (by job history), then degree holders, then
 * everyone else.
 */
public enum PersonClass {
    /** Owns a firm with at least {@code large_firm_employees} employees. */
    LARGE_OWNER("large_owner"),
    /** Owns a firm with at least one employee, below the large-firm threshold. */
    SMALL_OWNER("small_owner"),
    /** Owns a firm with no employee. */
    SELF_EMPLOYED("self_employed"),
    /** A hired manager. */
    MANAGER("manager"),
    /** An employee with an advanced degree who is not a manager and not precarious. */
    PROFESSIONAL("professional"),
    /** An employee without a degree, not precarious. */
    WORKER("worker"),
    /** An employee whose recent job history is unstable ({@code precarity_*} parameters). */
    PRECARIOUS("precarious"),
    /** Not in any firm. */
    UNEMPLOYED("unemployed");

    private static final PersonClass[] ALL = values();
    private final String key;

    PersonClass(String key) {
        this.key = key;
    }

    /** The snake_case key used in outputs. */
    public String key() {
        return key;
    }

    /** The class of an ordinal, or null for a negative one (no class yet). */
    public static PersonClass of(int ordinal) {
        return ordinal < 0 ? null : ALL[ordinal];
    }

    public static int count() {
        return ALL.length;
    }
}
