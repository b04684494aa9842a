package org.flickrdynamic.internal.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): a number of seconds, or an HTTP-date
 * such as {@code Wed, 21 Oct 2015 07:28:00 GMT}. A value that is neither is ignored rather than
 * trusted, as is a negative number.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * How long the header asks to wait, seen from {@code now}.
     *
     * @param header the header's value, or {@code null}
     * @param now    the current time, to turn a date into a wait
     * @return the wait (zero for a date already past), or {@code null} when there is no usable value
     */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException tooLong) {
                return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
