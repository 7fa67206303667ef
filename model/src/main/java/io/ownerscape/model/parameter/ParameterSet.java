package io.ownerscape.model.parameter;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parameters a record type declares with {@link Parameter}, in declaration order, and what
 * follows from the declarations: the base presets, range checks, key lookup, parsing and the
 * policy keys. Every component of the record must be declared; {@link #of} refuses a record that
 * leaves one out, or whose declared defaults are not of the component's type or outside its range.
 *
 * @param <R> the record that holds the values
 */
public final class ParameterSet<R extends Record> {
    /** The base presets whose values a declaration gives. */
    public enum Base { AXTELL, MARKET }

    private static final Map<Class<?>, ParameterSet<?>> CACHE = new ConcurrentHashMap<>();

    private final Class<R> type;
    private final List<Declared> declared;
    private final Map<String, Declared> byKey = new LinkedHashMap<>();
    private final Constructor<R> constructor;
    private final java.lang.reflect.Method[] accessors;

    /**
     * One declared parameter.
     *
     * @param key         the scenario key (the component's name in snake_case)
     * @param type        {@code double.class}, {@code int.class} or {@code boolean.class}
     * @param declaration the annotation
     * @param range       the parsed allowed range
     * @param index       the component's position in the record
     */
    public record Declared(String key, Class<?> type, Parameter declaration, AllowedRange range, int index) {
        /** The value a base preset gives it. */
        public Object base(Base base) {
            String text = base == Base.MARKET && !declaration.market().isEmpty() ? declaration.market() : declaration.axtell();
            return parseValue(key, type, text);
        }

        /** Whether a ruling platform or the policy schedule may change it. */
        public boolean policy() {
            return declaration.policy();
        }
    }

    private ParameterSet(Class<R> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        List<Declared> list = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++) {
            RecordComponent c = components[k];
            types[k] = c.getType();
            Parameter p = c.getAnnotation(Parameter.class);
            if (p == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " has no @Parameter declaration");
            }
            if (c.getType() != double.class && c.getType() != int.class && c.getType() != boolean.class) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + ": a parameter is a double, int or boolean");
            }
            Declared d = new Declared(snake(c.getName()), c.getType(), p, AllowedRange.parse(p.range()), k);
            list.add(d);
            byKey.put(d.key(), d);
        }
        this.declared = List.copyOf(list);
        try {
            this.constructor = type.getDeclaredConstructor(types);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        this.accessors = new java.lang.reflect.Method[components.length];
        for (int k = 0; k < components.length; k++) {
            accessors[k] = components[k].getAccessor();
            accessors[k].setAccessible(true);
        }
        for (Declared d : declared) {
            for (String bound : d.range().boundKeys()) {
                if (!byKey.containsKey(bound)) {
                    throw new IllegalStateException(d.key() + ": its range names '" + bound + "', which is no key of "
                            + type.getSimpleName());
                }
            }
            for (Base b : Base.values()) {
                d.base(b);
            }
        }
        for (Base b : Base.values()) {
            List<String> outside = violations(preset(b));
            if (!outside.isEmpty()) {
                throw new IllegalStateException(type.getSimpleName() + ": the " + b.name().toLowerCase(java.util.Locale.ROOT)
                        + " default is outside its declared range: " + String.join("; ", outside));
            }
        }
    }

    /** The declarations of a record type (read once, then cached). */
    @SuppressWarnings("unchecked")
    public static <R extends Record> ParameterSet<R> of(Class<R> type) {
        ParameterSet<?> set = CACHE.get(type);
        if (set == null) {
            // The record's own static initialiser may ask for its declarations (to build its presets):
            // run it first, so that the set is built once, there.
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            set = CACHE.get(type);
            if (set == null) {
                CACHE.putIfAbsent(type, new ParameterSet<>(type));
                set = CACHE.get(type);
            }
        }
        return (ParameterSet<R>) set;
    }

    /** Every declared parameter, in the record's order. */
    public List<Declared> parameters() {
        return declared;
    }

    /** The keys, in the record's order. */
    public List<String> keys() {
        return new ArrayList<>(byKey.keySet());
    }

    public boolean isKey(String key) {
        return byKey.containsKey(key);
    }

    /** The declaration of a key; the exception lists the keys allowed. */
    public Declared get(String key) {
        Declared d = byKey.get(key);
        if (d == null) {
            throw new IllegalArgumentException("unknown key '" + key + "'; allowed keys: " + String.join(", ", byKey.keySet()));
        }
        return d;
    }

    /** The keys a ruling platform or the policy schedule may change, in the record's order. */
    public Set<String> policyKeys() {
        Set<String> out = new LinkedHashSet<>();
        for (Declared d : declared) {
            if (d.policy()) {
                out.add(d.key());
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The record with every value its base preset declares (not validated). */
    public R preset(Base base) {
        Object[] values = new Object[declared.size()];
        for (Declared d : declared) {
            values[d.index()] = d.base(base);
        }
        return construct(values);
    }

    /** The values as an ordered map of key to value. */
    public Map<String, Object> toMap(R record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Declared d : declared) {
            out.put(d.key(), read(accessors[d.index()], record));
        }
        return out;
    }

    /** One value by key. */
    public Object value(R record, String key) {
        return read(accessors[get(key).index()], record);
    }

    /**
     * The record with the given keys replaced; each value must already have its key's type
     * ({@link Double}, {@link Integer} or {@link Boolean}).
     */
    public R with(R base, Map<String, Object> overrides) {
        Object[] values = new Object[declared.size()];
        for (Declared d : declared) {
            values[d.index()] = read(accessors[d.index()], base);
        }
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            values[get(e.getKey()).index()] = e.getValue();
        }
        return construct(values);
    }

    /**
     * Every value outside its declared range, as a message naming the key, the value and what is
     * allowed: {@code ubi = 5.0: allowed 0.0 to 2.0}.
     */
    public List<String> violations(R record) {
        Map<String, Object> values = toMap(record);
        List<String> out = new ArrayList<>();
        for (Declared d : declared) {
            if (d.range().isAny()) {
                continue;
            }
            double v = ((Number) values.get(d.key())).doubleValue();
            if (!d.range().allows(v, k -> (Number) values.get(k))) {
                out.add(d.key() + " = " + values.get(d.key()) + ": allowed "
                        + d.range().describe(d.type(), k -> (Number) values.get(k)));
            }
        }
        return out;
    }

    /**
     * Parses a value given as text (a command-line {@code --set key=value}) to its key's type; the
     * exception names the key, the value and what is allowed.
     */
    public Object parse(String key, String text) {
        Declared d = get(key);
        return parseValue(key, d.type(), text);
    }

    /** How a value of the type is described in error messages. */
    public static String describe(Class<?> type) {
        return type == double.class ? "a number" : type == int.class ? "a whole number" : "true or false";
    }

    /** {@code ownerShare} to {@code owner_share}. */
    public static String snake(String camel) {
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

    private static Object parseValue(String key, Class<?> type, String text) {
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

    private R construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " " + Arrays.toString(values) + ": " + e.getMessage(), e);
        }
    }

    private static Object read(java.lang.reflect.Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
