package io.ownerscape.model;

import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Named sets of labour rules a run starts from, with the platform that rules from
 * {@code politics_start} (if any); a scenario file or flags override single keys.
 */
public enum Preset {
    /** Axtell's endogenous firms: equal shares, no managers, nobody dismissed, equal skills. */
    AXTELL("axtell", "Axtell's endogenous firms, every labour rule off", LabourParameters.AXTELL, null),
    /** The US-like baseline: owners, skills, degrees, hierarchy, dismissal, benefits, wealth. */
    MARKET("market", "US-like baseline: owners, managers, dismissal, benefits, wealth",
            LabourParameters.market(), null),
    /** The market with high compliance costs, which only firms with managers do in house. */
    MANAGERIAL_CAPITALISM("managerial-capitalism",
            "market with acquisitions and high compliance costs done by managers",
            with(LabourParameters.market(), "compliance_fixed", 0.2, "compliance_per_employee", 0.05), null),
    /**
     * The Centralise platform rules from month 240: a promised basic income, nationalisation into
     * trusts; elections every four years, which the rulers suspend once countervailing power is
     * below one half.
     */
    CENTRALISATION("centralisation",
            "Centralise platform from month 240: basic income promised, nationalisation; elections with lock-in",
            with(LabourParameters.market(), "elections", true, "lock_in", true), "centralise"),
    /** The Distribute platform rules from month 240, without elections. */
    DISTRIBUTISM("distributism",
            "Distribute platform from month 240: grants, buy-outs, antitrust, severance; no elections",
            LabourParameters.market(), "distribute"),
    /** Elections from month 240 decide among the platforms; no lock-in. */
    OPEN_POLITICS("open-politics", "elections from month 240 decide among the platforms",
            with(LabourParameters.market(), "elections", true), null);

    private final String key;
    private final String description;
    private final LabourParameters labour;
    private final String ruling;

    Preset(String key, String description, LabourParameters labour, String ruling) {
        this.key = key;
        this.description = description;
        this.labour = labour;
        this.ruling = ruling;
    }

    private static LabourParameters with(LabourParameters base, Object... keyValues) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int k = 0; k < keyValues.length; k += 2) {
            m.put((String) keyValues[k], keyValues[k + 1]);
        }
        return LabourKeys.with(base, m);
    }

    /** The platform that rules from {@code politics_start}, or null for none. */
    public String ruling() {
        return ruling;
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
