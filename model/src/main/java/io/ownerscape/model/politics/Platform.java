package io.ownerscape.model.politics;

import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A programme a government runs on: a name and the policies it puts in force, as values of
 * policy keys ({@link LabourParameters#POLICY_KEYS}) applied on top of the scenario's rules. A
 * platform's {@code ubi} is a promise: whether it is paid is the rulers' choice each month
 * ({@code docs/MODEL.md}, "Promises and lock-in").
 *
 * @param name        short name, lower case, as used in scenario files and outputs
 * @param description one line for reports
 * @param policy      policy key to value (Double, Integer or Boolean, of the key's type)
 */
public record Platform(String name, String description, Map<String, Object> policy) implements java.io.Serializable {

    public Platform {
        if (name == null || !name.matches("[a-z][a-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("platform name = '" + name
                    + "': allowed a lower-case letter then up to 39 letters, digits, '_' or '-'");
        }
        policy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policy));
        for (Map.Entry<String, Object> e : policy.entrySet()) {
            if (!LabourParameters.POLICY_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("platform " + name + ": " + e.getKey()
                        + " is not a policy key; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(LabourParameters.POLICY_KEYS)));
            }
        }
    }

    /**
     * Market: taxes like the US federal and state rates, no basic income; state firms are sold to
     * an insider (2% a month, at a quarter of their value, the mirror of centralise's
     * compensation). Every built-in platform balances its budget: the income tax moves to what its
     * spending needs.
     */
    public static final Platform MARKET = new Platform("market",
            "taxes on income and profit, no basic income, no state ownership", policy(
                    "income_tax", 0.25, "profit_tax", 0.21, "balanced_budget", true,
                    "privatisation_rate", 0.02, "privatisation_price", 0.25));

    /**
     * Centralise: a promised basic income, paid for by higher taxes and by the profits of firms
     * the state takes over, merged into regional trusts with a soft budget (Kornai 1986); owners
     * get a quarter of their firm's value.
     */
    public static final Platform CENTRALISE = new Platform("centralise",
            "basic income promised; firms nationalised and merged into trusts", policy(
                    "ubi", 0.25, "income_tax", 0.35, "profit_tax", 0.35,
                    "nationalisation_rate", 0.02, "nationalisation_min_employees", 1,
                    "nationalisation_compensation", 0.25, "state_trusts", true, "soft_budget", true,
                    "balanced_budget", true));

    /**
     * Distribute: ownership spread (start-up grants and credit, employee buy-outs, a tight
     * antitrust cap, a wealth tax) and workers protected (six months' severance).
     */
    public static final Platform DISTRIBUTE = new Platform("distribute",
            "start-up grants and credit, employee buy-outs, antitrust, severance", policy(
                    "income_tax", 0.25, "profit_tax", 0.21, "wealth_tax", 0.01,
                    "startup_grant", 0.5, "startup_credit", 0.5, "coop_conversion", 0.002,
                    "antitrust_cap", 0.1, "firing_cost", 6.0, "balanced_budget", true));

    /** The built-in platforms, in a fixed order. */
    public static List<Platform> builtIns() {
        return new ArrayList<>(List.of(MARKET, CENTRALISE, DISTRIBUTE));
    }

    /** The rules with this platform's policies applied to the scenario's. */
    public LabourParameters applyTo(LabourParameters base) {
        return LabourKeys.with(base, policy).validated();
    }

    /** Whether the platform sets a basic income: then it is a promise, else the scenario's law. */
    public boolean promises() {
        return policy.containsKey("ubi");
    }

    /** The basic income the platform promises (share of mean pay), under the given base rules. */
    public double promisedUbi(LabourParameters base) {
        Object v = policy.get("ubi");
        return v == null ? base.ubi() : ((Number) v).doubleValue();
    }

    private static Map<String, Object> policy(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keyValues.length; k += 2) {
            m.put((String) keyValues[k], keyValues[k + 1]);
        }
        return m;
    }
}
