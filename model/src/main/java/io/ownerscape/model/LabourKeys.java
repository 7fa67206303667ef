package io.ownerscape.model;


import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labour rules under their scenario-file keys: each component of {@link LabourParameters} in
 * snake_case ({@code ownerShare} is {@code owner_share}). Overrides are applied by key on top of a
 * preset, so a new rule needs no code here.
 */
public final class LabourKeys {
    private static final RecordComponent[] COMPONENTS = LabourParameters.class.getRecordComponents();
    private static final Map<String, Integer> INDEX = new LinkedHashMap<>();

    static {
        for (int k = 0; k < COMPONENTS.length; k++) {
            INDEX.put(snake(COMPONENTS[k].getName()), k);
        }
    }

    private LabourKeys() {
    }

    /** Every key, in declaration order. */
    public static List<String> keys() {
        return new ArrayList<>(INDEX.keySet());
    }

    public static boolean isKey(String key) {
        return INDEX.containsKey(key);
    }

    /** The Java type of a key's value: {@code double}, {@code int} or {@code boolean}. */
    public static Class<?> type(String key) {
        return COMPONENTS[INDEX.get(key)].getType();
    }

    /** The rules as an ordered map of key to value. */
    public static Map<String, Object> toMap(LabourParameters p) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : COMPONENTS) {
            out.put(snake(c.getName()), read(c, p));
        }
        return out;
    }

    /**
     * The rules with the given keys replaced; each value must already have its key's type
     * ({@link Double}, {@link Integer} or {@link Boolean}).
     */
    public static LabourParameters with(LabourParameters base, Map<String, Object> overrides) {
        Object[] values = new Object[COMPONENTS.length];
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        for (int k = 0; k < COMPONENTS.length; k++) {
            values[k] = read(COMPONENTS[k], base);
            types[k] = COMPONENTS[k].getType();
        }
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            Integer k = INDEX.get(e.getKey());
            if (k == null) {
                throw new IllegalArgumentException("unknown key '" + e.getKey() + "'; allowed keys: "
                        + String.join(", ", INDEX.keySet()));
            }
            values[k] = e.getValue();
        }
        try {
            Constructor<LabourParameters> ctor = LabourParameters.class.getDeclaredConstructor(types);
            return ctor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("labour rules " + Arrays.toString(values) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a value given as text (from a command-line {@code --set key=value}) to its key's
     * type; the exception names the key, the value and what is allowed.
     */
    public static Object parse(String key, String text) {
        Class<?> type = type(key);
        try {
            if (type == double.class) {
                return Double.valueOf(text);
            }
            if (type == int.class) {
                return Integer.valueOf(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + text + "': expected " + describe(type));
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(key + " = '" + text + "': expected " + describe(type));
    }

    /** How a value of the type is described in error messages. */
    public static String describe(Class<?> type) {
        return type == double.class ? "a number" : type == int.class ? "a whole number" : "true or false";
    }

    private static Object read(RecordComponent c, LabourParameters p) {
        try {
            return c.getAccessor().invoke(p);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
