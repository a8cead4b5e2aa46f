package dev.teardown.adapters.http;

import dev.teardown.domain.RateLimitQuota;
import dev.teardown.ports.out.RateLimitFeedback;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** What the API's response headers say about rate limits, waits and the request's id. */
final class ResponseHeaders {

    /** A server asking for longer than this is taken to mean "not soon"; it also keeps the arithmetic finite. */
    static final Duration LONGEST_WAIT = Duration.ofDays(7);

    private ResponseHeaders() {
    }

    static Optional<String> requestId(HttpResponse response) {
        return value(response, "x-request-id").filter(id -> !id.isBlank());
    }

    /** The quota from {@code ratelimit-limit} and {@code ratelimit-remaining} (and {@code ratelimit-reset}), when both are there. */
    static Optional<RateLimitQuota> quota(HttpResponse response, Instant now) {
        Optional<Long> limit = value(response, "ratelimit-limit").flatMap(ResponseHeaders::count);
        Optional<Long> remaining = value(response, "ratelimit-remaining").flatMap(ResponseHeaders::count);
        if (limit.isEmpty() || remaining.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimitQuota(
                (int) Math.min(Integer.MAX_VALUE, limit.get()),
                (int) Math.min(Integer.MAX_VALUE, remaining.get()),
                resetAt(response),
                now));
    }

    /**
     * What this answer said about the rate limit, for the rate budget: the headers that can be read, and
     * whether it was a 429. {@code Retry-After} (or {@code retry-after-ms}) becomes the instant it names.
     */
    static RateLimitFeedback feedback(HttpResponse response, Instant now) {
        OptionalLong limit = optionalLong(value(response, "ratelimit-limit").flatMap(ResponseHeaders::count)
                .filter(n -> n >= 1));
        OptionalLong remaining = optionalLong(value(response, "ratelimit-remaining").flatMap(ResponseHeaders::count));
        Optional<Instant> retryAfter = serverWait(response, now).map(now::plus);
        return new RateLimitFeedback(now, limit, remaining, resetAt(response), retryAfter, response.getCode() == 429);
    }

    /**
     * How long the server asked us to wait before retrying: {@code retry-after-ms}, else
     * {@code Retry-After} (seconds or an HTTP date), else for a 429 the time until {@code ratelimit-reset}.
     */
    static Optional<Duration> askedWait(HttpResponse response, int status, Instant now) {
        Optional<Duration> asked = serverWait(response, now);
        if (asked.isEmpty() && status == 429) {
            asked = resetAt(response).filter(reset -> reset.isAfter(now)).map(reset -> Duration.between(now, reset));
        }
        return asked.map(wait -> wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }

    /** {@code retry-after-ms}, else {@code Retry-After}; at most {@link #LONGEST_WAIT}. */
    private static Optional<Duration> serverWait(HttpResponse response, Instant now) {
        return value(response, "retry-after-ms")
                .flatMap(ResponseHeaders::decimal)
                .map(ms -> ms.movePointLeft(3))
                .map(ResponseHeaders::seconds)
                .or(() -> value(response, "Retry-After").flatMap(text -> retryAfter(text, now)))
                .map(wait -> wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }

    private static OptionalLong optionalLong(Optional<Long> value) {
        return value.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    private static Optional<Instant> resetAt(HttpResponse response) {
        return value(response, "ratelimit-reset")
                .flatMap(ResponseHeaders::decimal)
                .filter(epoch -> epoch.signum() > 0 && epoch.compareTo(BigDecimal.valueOf(Instant.MAX.getEpochSecond())) < 0)
                .map(epoch -> Instant.ofEpochSecond(epoch.longValue()));
    }

    private static Optional<Duration> retryAfter(String text, Instant now) {
        Optional<BigDecimal> seconds = decimal(text);
        if (seconds.isPresent()) {
            return seconds.map(ResponseHeaders::seconds);
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static Duration seconds(BigDecimal seconds) {
        if (seconds.compareTo(BigDecimal.valueOf(LONGEST_WAIT.getSeconds())) > 0) {
            return LONGEST_WAIT;
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    private static Optional<Long> count(String text) {
        return decimal(text).filter(n -> n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0)
                .map(n -> n.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue());
    }

    /** A non-negative decimal number of at most 30 characters, as header values carry them. */
    private static Optional<BigDecimal> decimal(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 30) {
            return Optional.empty();
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new BigDecimal(trimmed));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null || header.getValue() == null ? Optional.empty() : Optional.of(header.getValue().strip());
    }
}
