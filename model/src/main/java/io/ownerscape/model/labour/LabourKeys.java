package io.ownerscape.model.labour;

import io.ownerscape.model.parameter.ParameterSet;

import java.util.List;
import java.util.Map;

/**
 * The labour rules under their scenario-file keys: each component of {@link LabourParameters} in
 * snake_case ({@code ownerShare} is {@code owner_share}), as its {@link io.ownerscape.model.parameter.Parameter}
 * declares it. Overrides are applied by key on top of a preset, so a new rule needs no code here.
 */
public final class LabourKeys {
    private static final ParameterSet<LabourParameters> DECLARED = ParameterSet.of(LabourParameters.class);

    private LabourKeys() {
    }

    /** The declarations themselves (unit, range, presets' values, meaning, source). */
    public static ParameterSet<LabourParameters> declarations() {
        return DECLARED;
    }

    /** Every key, in declaration order. */
    public static List<String> keys() {
        return DECLARED.keys();
    }

    public static boolean isKey(String key) {
        return DECLARED.isKey(key);
    }

    /** The Java type of a key's value: {@code double}, {@code int} or {@code boolean}. */
    public static Class<?> type(String key) {
        return DECLARED.get(key).type();
    }

    /** The rules as an ordered map of key to value. */
    public static Map<String, Object> toMap(LabourParameters p) {
        return DECLARED.toMap(p);
    }

    /**
     * The rules with the given keys replaced; each value must already have its key's type
     * ({@link Double}, {@link Integer} or {@link Boolean}).
     */
    public static LabourParameters with(LabourParameters base, Map<String, Object> overrides) {
        return DECLARED.with(base, overrides);
    }

    /**
     * Parses a value given as text (from a command-line {@code --set key=value}) to its key's
     * type; the exception names the key, the value and what is allowed.
     */
    public static Object parse(String key, String text) {
        return DECLARED.parse(key, text);
    }

    /** How a value of the type is described in error messages. */
    public static String describe(Class<?> type) {
        return ParameterSet.describe(type);
    }
}
