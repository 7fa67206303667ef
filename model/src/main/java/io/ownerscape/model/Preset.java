package io.ownerscape.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Named sets of labour rules a run starts from; a scenario file or flags override single keys.
 */
public enum Preset {
    /** Axtell's endogenous firms: equal shares, no managers, nobody dismissed, equal skills. */
    AXTELL("axtell", "Axtell's endogenous firms, every labour rule off", LabourParameters.AXTELL),
    /** The US-like baseline: owners, skills, degrees, hierarchy, dismissal, benefits, wealth. */
    MARKET("market", "US-like baseline: owners, managers, dismissal, benefits, wealth",
            LabourParameters.market());

    private final String key;
    private final String description;
    private final LabourParameters labour;

    Preset(String key, String description, LabourParameters labour) {
        this.key = key;
        this.description = description;
        this.labour = labour;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public LabourParameters labour() {
        return labour;
    }

    /** The preset of a key; the exception names the key and what is allowed. */
    public static Preset of(String key) {
        for (Preset p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("preset = '" + key + "': allowed " + allowed());
    }

    /** The allowed keys, comma separated. */
    public static String allowed() {
        return Arrays.stream(values()).map(Preset::key).collect(Collectors.joining(", "));
    }
}
