package org.flickrdynamic.internal.request;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the arguments a script gives into the strings Flickr receives.
 *
 * <p>Keys: a {@code String}, any {@code CharSequence}, or a keyword/symbol object of a JVM language
 * whose string form starts with {@code :} (the colon is dropped), or whose class is a symbol or
 * keyword class printing its bare name (JRuby's {@code RubySymbol}). Values: strings as they are;
 * numbers in plain decimal (no exponent, no grouping); booleans as {@code 1}/{@code 0}; a collection
 * or array (a JavaScript array too) joined with commas; {@code Instant}/{@code Date} as Unix seconds; {@code LocalDateTime}
 * and {@code LocalDate} in Flickr's MySQL form; {@code null} means "not given". Falsy values are kept:
 * {@code 0}, {@code "0"}, {@code false} and {@code ""} are all sent. A keyword or symbol value
 * ({@code :relevance}) is sent as its name.
 */
public final class ArgumentNormalizer {
    private ArgumentNormalizer() {
    }

    /** Made when a LocalDateTime is first sent: building a pattern loads much of java.time's formatting. */
    private static final class MySql {
        static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    }

    /**
     * Normalizes a map of arguments. Problems (a key that is not a name, a value of an unusable type,
     * a name given twice) are added to {@code problems}; the offending entries are left out.
     *
     * @return the arguments as names and strings, in the order given; never {@code null}
     */
    public static Map<String, String> normalize(Map<?, ?> args, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (args == null) {
            return out;
        }
        for (Map.Entry<?, ?> e : args.entrySet()) {
            put(out, e.getKey(), e.getValue(), problems);
        }
        return out;
    }

    /**
     * Normalizes arguments given as alternating keys and values ({@code "tags", "cat", "per_page", 5}).
     * An odd count is a problem naming the key left without a value.
     */
    public static Map<String, String> normalizePairs(Object[] keysAndValues, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (keysAndValues == null) {
            return out;
        }
        if (keysAndValues.length % 2 != 0) {
            problems.add("arguments must come in key, value pairs; "
                    + describeKey(keysAndValues[keysAndValues.length - 1]) + " has no value");
        }
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            put(out, keysAndValues[i], keysAndValues[i + 1], problems);
        }
        return out;
    }

    private static void put(Map<String, String> out, Object rawKey, Object rawValue, Problems problems) {
        String key = keyName(rawKey);
        if (key == null) {
            problems.add("argument key " + describeKey(rawKey) + " is not a name: use a String or a keyword");
            return;
        }
        if (rawValue == null) {
            return; // null means "not given", as in the Scheme wrapper's #f defaults
        }
        String value = value(key, rawValue, problems);
        if (value == null) {
            return;
        }
        if (out.putIfAbsent(key, value) != null) {
            problems.add("argument " + key + " is given twice");
        }
    }

    /** The wire name of a key, or {@code null} when the key cannot name an argument. */
    static String keyName(Object key) {
        if (!(key instanceof CharSequence) && !isKeyword(key) && !isSymbol(key)) {
            return null;
        }
        String s = key.toString();
        if (s.startsWith(":")) {
            s = s.substring(1);
        }
        return s.isEmpty() ? null : s;
    }

    /** A keyword or symbol of a JVM language (Clojure, JRuby, Groovy, ...) prints as {@code :name}. */
    private static boolean isKeyword(Object key) {
        if (key == null || key instanceof Number || key instanceof Boolean || key instanceof Character) {
            return false;
        }
        String s = key.toString();
        return s != null && s.length() > 1 && s.charAt(0) == ':';
    }

    /**
     * A symbol or keyword whose string form is its bare name: JRuby's {@code RubySymbol} ({@code :tags}
     * in a Ruby hash prints as {@code tags}), Clojure's {@code Symbol}. Recognised by class name, so the
     * languages need not be on the class path.
     */
    private static boolean isSymbol(Object key) {
        if (key == null) {
            return false;
        }
        String name = key.getClass().getSimpleName();
        return name.endsWith("Symbol") || name.contains("Keyword");
    }

    /** The index of the first surrogate not part of a pair, or -1. */
    private static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String describeKey(Object key) {
        if (key == null) {
            return "null";
        }
        return "'" + key + "' (" + key.getClass().getSimpleName() + ")";
    }

    /** The string form of one value, or {@code null} after recording a problem. */
    static String value(String key, Object v, Problems problems) {
        if (v instanceof CharSequence || v instanceof Character) {
            String text = v.toString();
            int bad = loneSurrogate(text);
            if (bad >= 0) {
                // UTF-8 cannot carry it: it would arrive as U+FFFD, not as what was meant.
                problems.add("argument " + key + " holds a lone surrogate (U+" + Integer.toHexString(text.charAt(bad))
                        .toUpperCase(java.util.Locale.ROOT) + " at index " + bad + "), which is not Unicode text");
                return null;
            }
            return text;
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof Number n) {
            if (tooLong(n)) {
                problems.add("argument " + key + " is a number that would take more than " + MAX_DIGITS
                        + " digits in plain decimal; Flickr takes no exponents, so give a shorter one");
                return null;
            }
            String s = plainDecimal(n);
            if (s == null) {
                problems.add("argument " + key + " is " + n + ", which is not a finite number");
            }
            return s;
        }
        if (v instanceof Instant i) {
            return Long.toString(i.getEpochSecond());
        }
        if (v instanceof Date d) {
            return Long.toString(Math.floorDiv(d.getTime(), 1000L));
        }
        if (v instanceof ZonedDateTime z) {
            return Long.toString(z.toEpochSecond());
        }
        if (v instanceof OffsetDateTime o) {
            return Long.toString(o.toEpochSecond());
        }
        if (v instanceof LocalDateTime l) {
            return MySql.DATETIME.format(l);
        }
        if (v instanceof LocalDate l) {
            return l.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (isSymbol(v)) {
            // {:sort :relevance} in Clojure, sort: :relevance in Ruby: the symbol's name.
            String s = v.toString();
            return s.startsWith(":") ? s.substring(1) : s;
        }
        if (v instanceof Collection<?> c) {
            return join(key, c.toArray(), problems);
        }
        if (v instanceof Map<?, ?> m && isScriptArray(m)) {
            return join(key, m.values().toArray(), problems);
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            Object[] items = new Object[n];
            for (int i = 0; i < n; i++) {
                items[i] = Array.get(v, i);
            }
            return join(key, items, problems);
        }
        problems.add("argument " + key + " is a " + v.getClass().getName()
                + "; give a string, number, boolean, date, or a list of those");
        return null;
    }

    /**
     * A JavaScript array as Nashorn hands it over: a {@code Map} of its indexes (a {@code ScriptObjectMirror})
     * answering {@code isArray()} with true. Asked by reflection, so Nashorn need not be on the class path.
     */
    private static boolean isScriptArray(Map<?, ?> m) {
        try {
            java.lang.reflect.Method isArray = m.getClass().getMethod("isArray");
            return isArray.getReturnType() == boolean.class && (Boolean) isArray.invoke(m);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false; // not a script array: reported below as a value of an unusable type
        }
    }

    /**
     * The string form of one element of a list given as argument {@code key}, by the same rules as a
     * whole value, except that it may be neither {@code null} nor a list itself; or {@code null} after
     * recording the problem. Used where a list is joined otherwise than with commas (an upload's tags).
     */
    public static String element(String key, Object item, Problems problems) {
        if (item == null) {
            problems.add("argument " + key + " holds a null element");
            return null;
        }
        if (item instanceof Collection<?> || item.getClass().isArray()) {
            problems.add("argument " + key + " holds a nested list; give a flat list");
            return null;
        }
        return value(key, item, problems);
    }

    private static String join(String key, Object[] items, Problems problems) {
        StringBuilder sb = new StringBuilder();
        for (Object item : items) {
            String s = element(key, item, problems);
            if (s == null) {
                return null;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /**
     * The most digits a number may have written out in plain decimal. {@code 1e100000000} is a small
     * BigDecimal but a hundred million digits as text (and {@code 1e2147483647} cannot be written at all).
     */
    static final int MAX_DIGITS = 1000;

    /** Whether the plain decimal form of a number would exceed {@link #MAX_DIGITS}, found without writing it. */
    static boolean tooLong(Number n) {
        if (n instanceof BigDecimal bd) {
            return plainLength(bd) > MAX_DIGITS;
        }
        if (n instanceof BigInteger bi) {
            return bi.bitLength() > MAX_DIGITS * 3.33; // log2(10) bits per digit
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof Double || n instanceof Float) {
            return false; // at most a few hundred digits
        }
        try {
            return plainLength(new BigDecimal(n.toString())) > MAX_DIGITS;
        } catch (NumberFormatException notDecimal) {
            return false; // written through its double value, which is bounded
        }
    }

    /** The length of {@code toPlainString()} less sign and point, in long arithmetic so no scale overflows it. */
    private static long plainLength(BigDecimal bd) {
        long precision = bd.precision();
        long scale = bd.scale();
        return scale <= 0 ? precision - scale : Math.max(precision, scale + 1);
    }

    /** Plain decimal with no exponent and no grouping; {@code null} for NaN and infinities. */
    static String plainDecimal(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        if (n instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            // Float.toString keeps 0.1f as "0.1" rather than its binary expansion.
            BigDecimal bd = n instanceof Float ? new BigDecimal(n.toString()) : BigDecimal.valueOf(d);
            return stripZeros(bd);
        }
        // Other Number types (atomics, Clojure's BigInt and Ratio, ...): read their own text if it is
        // a decimal, else fall back to the double value.
        try {
            return new BigDecimal(n.toString()).toPlainString();
        } catch (NumberFormatException notDecimal) {
            double d = n.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : stripZeros(BigDecimal.valueOf(d));
        }
    }

    private static String stripZeros(BigDecimal bd) {
        if (bd.signum() == 0) {
            return "0";
        }
        return bd.stripTrailingZeros().toPlainString();
    }
}
