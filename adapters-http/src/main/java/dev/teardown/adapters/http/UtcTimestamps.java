package dev.teardown.adapters.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the API's times. The API writes {@code 2020-04-01T18:11:49Z}; reading that shape by hand
 * costs a fraction of a {@link DateTimeFormatter} parse, which allocates a kilobyte or two per time
 * and runs for every resource of every status. Any other shape goes through ISO-8601 with an offset,
 * with RFC 3339's leap seconds and any number of fraction digits.
 */
final class UtcTimestamps {

    private static final int SECONDS_PER_DAY = 86_400;

    private UtcTimestamps() {
    }

    /** @throws DateTimeException when the text is not an ISO-8601 time with Z or an offset */
    static Instant parse(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second);
            }
        }
        return anyOffset(text);
    }

    /**
     * ISO-8601 with an offset, and two things RFC 3339 allows that {@link DateTimeFormatter} refuses:
     * more than nine fraction digits, which are truncated to nanoseconds, and a leap second.
     *
     * <p>{@code 23:59:60} UTC becomes {@code 23:59:59.999999999}, whatever its fraction. The time stays on
     * the day the API wrote and before every time of the second after it, so times keep their order: a
     * resource destroyed in the leap second still comes before a completion at {@code 00:00:00}. Taking
     * the next second instead would move it to the next day; dropping the {@code 60} to {@code 59}, as
     * {@link java.time.Instant#parse} does, would put {@code 23:59:60.5} before {@code 23:59:59.7}. A second
     * {@code 60} anywhere but at the end of a UTC day is no leap second, and is refused.
     */
    private static Instant anyOffset(String text) {
        String normalised = text;
        boolean leapSecond = false;
        int t = Math.max(text.indexOf('T'), text.indexOf('t'));
        // hh:mm:ss after the T, then maybe a fraction
        if (t > 0 && text.length() > t + 8 && text.charAt(t + 3) == ':' && text.charAt(t + 6) == ':') {
            int second = t + 7;
            int fraction = second + 2;
            if (fraction < text.length() && text.charAt(fraction) == '.') {
                int end = fraction + 1;
                while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                    end++;
                }
                if (end - fraction - 1 > 9) {
                    normalised = text.substring(0, fraction + 10) + text.substring(end);
                }
            }
            if (text.startsWith("60", second)) {
                leapSecond = true;
                normalised = normalised.substring(0, second) + "59" + normalised.substring(second + 2);
            }
        }
        Instant instant = OffsetDateTime.parse(normalised, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        if (!leapSecond) {
            return instant;
        }
        if (Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY) != SECONDS_PER_DAY - 1) {
            throw new DateTimeException("a leap second comes only at 23:59:60 UTC, not in '" + text + "'");
        }
        return Instant.ofEpochSecond(instant.getEpochSecond(), 999_999_999);
    }

    /** The number written by {@code length} ASCII digits from {@code start}, or -1 when one is not a digit. */
    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
