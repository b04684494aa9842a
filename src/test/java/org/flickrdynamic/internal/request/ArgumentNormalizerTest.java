package org.flickrdynamic.internal.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.testing.ScriptArray;
import org.junit.jupiter.api.Test;

class ArgumentNormalizerTest {

    /** Stands in for a Clojure keyword or a Groovy/JRuby symbol: prints as ":name". */
    private record Keyword(String name) {
        @Override
        public String toString() {
            return ":" + name;
        }
    }

    /** Stands in for JRuby's RubySymbol: a Ruby hash's {@code :tags} key prints as {@code tags}. */
    private record RubySymbol(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String one(Object value) {
        Problems p = new Problems();
        Map<String, Object> in = new HashMap<>();
        in.put("x", value);
        Map<String, String> out = ArgumentNormalizer.normalize(in, p);
        p.throwIfAny("m");
        return out.get("x");
    }

    private static FlickrArgumentException problem(Map<?, ?> args) {
        Problems p = new Problems();
        ArgumentNormalizer.normalize(args, p);
        return assertThrows(FlickrArgumentException.class, () -> p.throwIfAny("flickr.test.echo"));
    }

    @Test
    void stringsPassUnchanged() {
        assertEquals("a b&c=d#é😀", one("a b&c=d#é😀"));
        assertEquals("", one(""));
        assertEquals("sb", one(new StringBuilder("sb")));
    }

    @Test
    void integersArePlainDecimal() {
        assertEquals("5", one(5));
        assertEquals("-12", one(-12L));
        assertEquals("0", one(0));
        assertEquals("7", one((short) 7));
        assertEquals("123456789012345678901234567890", one(new BigInteger("123456789012345678901234567890")));
        assertEquals("42", one(new AtomicLong(42)));
    }

    @Test
    void floatingPointHasNoExponentAndNoTrailingZeros() {
        assertEquals("5", one(5.0));
        assertEquals("0.1", one(0.1f));
        assertEquals("51.5074", one(51.5074));
        assertEquals("100000000000000000000", one(1e20));
        assertEquals("0.0000001", one(1e-7));
        assertEquals("0", one(-0.0));
        assertEquals("1000", one(new BigDecimal("1E+3")));
        assertEquals("2.50", one(new BigDecimal("2.50")));
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("lat", Double.NaN);
        args.put("lon", Double.POSITIVE_INFINITY);
        FlickrArgumentException e = problem(args);
        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(0).contains("lat"));
        assertTrue(e.problems().get(1).contains("lon"));
    }

    @Test
    void booleansAreOneAndZero() {
        assertEquals("1", one(true));
        assertEquals("0", one(false));
    }

    @Test
    void falsyValuesAreKeptOnlyNullIsDropped() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("a", 0);
        in.put("b", "0");
        in.put("c", false);
        in.put("d", "");
        in.put("e", null);
        Map<String, String> out = ArgumentNormalizer.normalize(in, new Problems());
        assertEquals(Map.of("a", "0", "b", "0", "c", "0", "d", ""), out);
        assertFalse(out.containsKey("e"));
    }

    @Test
    void collectionsAndArraysJoinWithCommas() {
        assertEquals("cat,dog", one(List.of("cat", "dog")));
        assertEquals("a,b", one(new TreeSet<>(Set.of("b", "a"))));
        assertEquals("1,2,3", one(new int[] {1, 2, 3}));
        assertEquals("x,1,1", one(new Object[] {"x", 1, true}));
        assertEquals("", one(List.of()));
    }

    @Test
    void nestedOrNullElementsAreRefused() {
        assertTrue(problem(Map.of("tags", List.of(List.of("a")))).getMessage().contains("nested"));
        assertTrue(problem(Map.of("tags", Arrays.asList("a", null))).getMessage().contains("null element"));
    }

    @Test
    void datesAreUnixSeconds() {
        assertEquals("1100897479", one(Instant.ofEpochSecond(1100897479)));
        assertEquals("1100897479", one(new Date(1100897479_999L)));
        assertEquals("-1", one(new Date(-1L)), "before 1970 rounds down, not toward zero");
        assertEquals("1100897479", one(ZonedDateTime.ofInstant(Instant.ofEpochSecond(1100897479), ZoneOffset.ofHours(2))));
    }

    @Test
    void localDatesUseFlickrsMysqlForm() {
        assertEquals("2004-11-19 12:51:19", one(LocalDateTime.of(2004, 11, 19, 12, 51, 19)));
        assertEquals("2004-11-19", one(LocalDate.of(2004, 11, 19)));
    }

    @Test
    void keywordKeysLoseTheirColon() {
        Map<Object, Object> in = new LinkedHashMap<>();
        in.put(new Keyword("tags"), "cat");
        in.put(":per_page", 5);
        in.put(new StringBuilder("page"), 2);
        assertEquals(List.of("tags", "per_page", "page"),
                List.copyOf(ArgumentNormalizer.normalize(in, new Problems()).keySet()));
    }

    @Test
    void symbolKeysPrintingTheirBareNameAreNames() {
        Map<Object, Object> in = new LinkedHashMap<>();
        in.put(new RubySymbol("tags"), "cat");
        in.put(new RubySymbol("per_page"), 5L);
        assertEquals(Map.of("tags", "cat", "per_page", "5"), ArgumentNormalizer.normalize(in, new Problems()));
        Map<Object, Object> twice = new LinkedHashMap<>();
        twice.put(new RubySymbol("tags"), "a");
        twice.put("tags", "b");
        assertTrue(problem(twice).getMessage().contains("tags is given twice"));
    }

    @Test
    void symbolValuesAreSentAsTheirName() {
        assertEquals("relevance", one(new Keyword("relevance")));
        assertEquals("relevance", one(new RubySymbol("relevance")));
        assertEquals("url_o,url_m", one(List.of(new Keyword("url_o"), new RubySymbol("url_m"))));
    }

    @Test
    void javaScriptArraysJoinWithCommas() {
        assertEquals("1,2.5,x", one(new ScriptArray(1, 2.5, "x")));
        assertEquals("5", one(new ScriptArray(5.0)), "a whole double inside an array too");
        FlickrArgumentException e = problem(Map.of("extras", Map.of("a", "b")));
        assertTrue(e.getMessage().contains("argument extras is a java.util."), "a plain map is no list: " + e.getMessage());
    }

    @Test
    void keysThatAreNotNamesAreReportedTogether() {
        Map<Object, Object> in = new LinkedHashMap<>();
        in.put(5, "five");
        in.put(null, "nothing");
        in.put("ok", "fine");
        FlickrArgumentException e = problem(in);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'5' (Integer)"));
    }

    @Test
    void unusableValueTypesNameTheArgument() {
        FlickrArgumentException e = problem(Map.of("extras", new Object()));
        assertTrue(e.getMessage().contains("argument extras is a java.lang.Object"), e.getMessage());
    }

    @Test
    void sameNameTwiceIsAProblem() {
        Map<Object, Object> in = new LinkedHashMap<>();
        in.put("tags", "a");
        in.put(new Keyword("tags"), "b");
        assertTrue(problem(in).getMessage().contains("tags is given twice"));
    }

    @Test
    void pairsKeepOrderAndReportAnOddCount() {
        Problems p = new Problems();
        assertEquals(List.of("foo", "n"),
                List.copyOf(ArgumentNormalizer.normalizePairs(new Object[] {"foo", "bar", "n", 5}, p).keySet()));
        assertFalse(p.any());
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> {
            Problems q = new Problems();
            ArgumentNormalizer.normalizePairs(new Object[] {"foo", "bar", "lonely"}, q);
            q.throwIfAny("m");
        });
        assertTrue(e.getMessage().contains("'lonely' (String) has no value"), e.getMessage());
    }

    @Test
    void nullMapMeansNoArguments() {
        assertTrue(ArgumentNormalizer.normalize(null, new Problems()).isEmpty());
        assertTrue(ArgumentNormalizer.normalizePairs(null, new Problems()).isEmpty());
    }
}
