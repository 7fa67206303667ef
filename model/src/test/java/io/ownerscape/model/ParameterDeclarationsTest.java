package io.ownerscape.model;

import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.parameter.AllowedRange;
import io.ownerscape.model.parameter.Parameter;
import io.ownerscape.model.parameter.ParameterSet;
import io.ownerscape.model.parameter.ParameterSet.Base;
import io.ownerscape.model.parameter.ParameterSet.Declared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parameters' declarations: one contract over every declared record, the range syntax and its
 * messages, and the presets and policy keys derived from them.
 */
class ParameterDeclarationsTest {
    private static final Function<String, Number> NO_KEYS = k -> {
        throw new AssertionError("no key expected: " + k);
    };

    /** The contract every declared record meets. */
    @ParameterizedTest
    @ValueSource(classes = {ModelParameters.class, LabourParameters.class})
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyComponentDeclaredSensiblyAndBothPresetsInRange(Class<?> type) {
        ParameterSet set = ParameterSet.of((Class) type);
        assertEquals(type.getRecordComponents().length, set.parameters().size());
        for (Object o : set.parameters()) {
            Declared d = (Declared) o;
            Parameter p = d.declaration();
            assertFalse(p.meaning().isBlank(), d.key() + ": a meaning");
            assertTrue(p.section().matches("2\\.5|7\\.1[1-7]"), d.key() + ": a section of MODEL.md, not " + p.section());
            assertEquals(d.type() == boolean.class, d.range().isAny(), d.key() + ": a range exactly when not a switch");
            assertFalse(p.meaning().matches(".*`[a-z]+[A-Z]\\w*`.*"), d.key() + ": keys in the meaning are snake_case");
            if (!p.market().isEmpty()) {
                assertFalse(p.market().equals(p.axtell()), d.key() + ": market given only where it differs");
            }
        }
        for (Base b : Base.values()) {
            Record preset = set.preset(b);
            assertEquals(Set.of(), Set.copyOf(set.violations(preset)), b + ": every declared default in its range");
        }
    }

    @Test
    void thePresetsAreTheDeclaredValues() {
        assertEquals(LabourParameters.AXTELL, LabourKeys.declarations().preset(Base.AXTELL));
        assertEquals(LabourParameters.market(), LabourKeys.declarations().preset(Base.MARKET));
        assertTrue(LabourParameters.AXTELL.violations().isEmpty());
        assertTrue(LabourParameters.market().violations().isEmpty());
        // a few values a reader can check against MODEL.md by eye
        assertEquals(0.05, LabourParameters.market().ownerShare());
        assertEquals(0.0, LabourParameters.AXTELL.ownerShare());
        assertEquals(10, LabourParameters.market().ownerSpan());
        assertEquals(0.28, LabourParameters.market().controlLoss());
        assertEquals(0.04, ModelParameters.defaults(100).activationRate());
        assertEquals(100, ModelParameters.defaults(100).persons());
        assertEquals(ModelParameters.MIN_PERSONS + " to " + ModelParameters.MAX_PERSONS,
                ParameterSet.of(ModelParameters.class).get("persons").range().toString(),
                "the persons range is the constants'");
    }

    @Test
    void policyKeysAreTheStatesInstrumentsAndTheLockIn() {
        assertEquals(Set.of("ubi", "income_tax", "profit_tax", "wealth_tax", "balanced_budget",
                "benefit_replacement", "benefit_months", "assistance_replacement", "firing_cost",
                "startup_credit", "startup_grant", "coop_conversion", "antitrust_cap",
                "compliance_fixed", "compliance_per_employee", "nationalisation_rate",
                "nationalisation_min_employees", "nationalisation_compensation", "privatisation_rate",
                "privatisation_price", "state_trusts", "private_founding", "lock_in", "lock_in_threshold",
                "soft_budget"), LabourParameters.POLICY_KEYS);
        assertTrue(ParameterSet.of(ModelParameters.class).policyKeys().isEmpty());
    }

    @Test
    void rangesAllowWhatTheySay() {
        AllowedRange closed = AllowedRange.parse("0 to 0.9");
        assertTrue(closed.allows(0, NO_KEYS) && closed.allows(0.9, NO_KEYS));
        assertFalse(closed.allows(-1e-9, NO_KEYS) || closed.allows(0.9000001, NO_KEYS) || closed.allows(Double.NaN, NO_KEYS));
        AllowedRange halfOpen = AllowedRange.parse("(0, 1]");
        assertFalse(halfOpen.allows(0, NO_KEYS));
        assertTrue(halfOpen.allows(1, NO_KEYS) && halfOpen.allows(1e-12, NO_KEYS));
        AllowedRange open = AllowedRange.parse("[0, 1)");
        assertTrue(open.allows(0, NO_KEYS));
        assertFalse(open.allows(1, NO_KEYS));
        AllowedRange alternatives = AllowedRange.parse("0 (no hierarchy) or 2 to 1000");
        assertTrue(alternatives.allows(0, NO_KEYS) && alternatives.allows(2, NO_KEYS) && alternatives.allows(1000, NO_KEYS));
        assertFalse(alternatives.allows(1, NO_KEYS) || alternatives.allows(1001, NO_KEYS));
        AllowedRange atLeast = AllowedRange.parse("at least 1");
        assertTrue(atLeast.allows(1e9, NO_KEYS));
        assertFalse(atLeast.allows(0, NO_KEYS));
        AllowedRange keyed = AllowedRange.parse("forecast_months to 600");
        assertEquals(java.util.List.of("forecast_months"), keyed.boundKeys());
        assertTrue(keyed.allows(24, k -> 24));
        assertFalse(keyed.allows(23, k -> 24));
        assertTrue(AllowedRange.parse("").allows(Double.NaN, NO_KEYS));
    }

    @Test
    void messagesNameKeyValueAndWhatIsAllowed() {
        assertEquals("ubi = 5.0: allowed 0.0 to 2.0", only(LabourKeys.with(LabourParameters.market(), Map.of("ubi", 5.0))));
        assertEquals("span_of_control = 1: allowed 0 (no hierarchy) or 2 to 1000",
                only(LabourKeys.with(LabourParameters.market(), Map.of("span_of_control", 1))));
        assertEquals("customer_churn = 0.0: allowed (0, 1]",
                only(LabourKeys.with(LabourParameters.market(), Map.of("customer_churn", 0.0))));
        assertEquals("planning_months = 12: allowed forecast_months (24) to 600",
                only(LabourKeys.with(LabourParameters.market(), Map.of("planning_months", 12))));
        assertEquals("theta_max = 0.1: allowed (theta_min (0.1), 1]",
                only(LabourKeys.with(LabourParameters.market(), Map.of("theta_max", 0.1))));
        assertEquals("large_firm_employees = 0: allowed at least 1",
                only(LabourKeys.with(LabourParameters.market(), Map.of("large_firm_employees", 0))));
    }

    @Test
    void badDeclarationsAreRefusedWhenRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllowedRange.parse("0 - 1"));
        assertTrue(e.getMessage().contains("'0 - 1'"), e.getMessage());
        IllegalStateException undeclared = assertThrows(IllegalStateException.class, () -> ParameterSet.of(Undeclared.class));
        assertTrue(undeclared.getMessage().contains("Undeclared.rate has no @Parameter"), undeclared.getMessage());
        IllegalStateException outside = assertThrows(IllegalStateException.class, () -> ParameterSet.of(DefaultOutside.class));
        assertTrue(outside.getMessage().contains("rate = 2.0"), outside.getMessage());
        IllegalStateException badKey = assertThrows(IllegalStateException.class, () -> ParameterSet.of(UnknownBound.class));
        assertTrue(badKey.getMessage().contains("'ceiling'"), badKey.getMessage());
        IllegalArgumentException badDefault = assertThrows(IllegalArgumentException.class, () -> ParameterSet.of(BadDefault.class));
        assertTrue(badDefault.getMessage().contains("rate = 'lots': expected a number"), badDefault.getMessage());
    }

    @Test
    void parsingTextGivesTheKeysType() {
        assertEquals(3, LabourKeys.parse("benefit_months", "3"));
        assertEquals(0.5, LabourKeys.parse("ubi", "0.5"));
        assertEquals(true, LabourKeys.parse("lock_in", "true"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabourKeys.parse("benefit_months", "3.5"));
        assertEquals("benefit_months = '3.5': expected a whole number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LabourKeys.with(LabourParameters.market(), Map.of("no_such", 1)));
        assertTrue(e.getMessage().startsWith("unknown key 'no_such'; allowed keys: owner_share, "), e.getMessage());
    }

    private static String only(LabourParameters p) {
        var v = p.violations();
        assertEquals(1, v.size(), v::toString);
        return v.get(0);
    }

    record Undeclared(double rate) {
    }

    record DefaultOutside(@Parameter(section = "7.11", meaning = "m", range = "0 to 1", axtell = "2") double rate) {
    }

    record UnknownBound(@Parameter(section = "7.11", meaning = "m", range = "0 to ceiling", axtell = "0") double rate) {
    }

    record BadDefault(@Parameter(section = "7.11", meaning = "m", range = "0 to 1", axtell = "lots") double rate) {
    }
}
