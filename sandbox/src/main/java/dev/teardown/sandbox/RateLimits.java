package dev.teardown.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DigitalOcean's rate limits as it counts them, per token: at most {@code perMinute} requests in any
 * minute and {@code perHour} in any hour, each request counting from the instant it was made until one
 * minute (one hour) later. A refused request does not count, so a client that waits as told is served
 * again as soon as the oldest counted request leaves its window.
 */
final class RateLimits {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration HOUR = Duration.ofHours(1);
    /** Past this many tokens, those with nothing counted any more are forgotten. */
    private static final int SWEEP_ABOVE = 10_000;

    /** How one request was taken. */
    sealed interface Decision {
        /** When the oldest counted request leaves the hour, in whole epoch seconds rounded up. */
        long resetEpochSecond();
    }

    /** Served and counted, leaving {@code remaining} requests in the hour. */
    record Allowed(int remaining, long resetEpochSecond) implements Decision {
    }

    /** Refused with 429, not counted; a request is allowed again after {@code retryAfterSeconds}. */
    record Refused(long retryAfterSeconds, long resetEpochSecond) implements Decision {
    }

    private final int perMinute;
    private final int perHour;
    private final Map<String, Log> logs = new ConcurrentHashMap<>();

    RateLimits(int perMinute, int perHour) {
        if (perMinute < 1 || perHour < 1) {
            throw new IllegalArgumentException(
                    "rate limits must be >= 1, were " + perMinute + " a minute and " + perHour + " an hour");
        }
        this.perMinute = perMinute;
        this.perHour = perHour;
    }

    int perMinute() {
        return perMinute;
    }

    int perHour() {
        return perHour;
    }

    /** Counts a request of this token at {@code now}, or refuses it. */
    Decision admit(String token, Instant now) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(now, "now");
        if (logs.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Decision[] decision = new Decision[1];
        logs.compute(token, (key, log) -> {
            Log counted = log == null ? new Log() : log;
            decision[0] = counted.admit(now);
            return counted;
        });
        return decision[0];
    }

    private void sweep(Instant now) {
        for (String token : logs.keySet()) {
            logs.computeIfPresent(token, (key, log) -> log.isEmptyAt(now) ? null : log);
        }
    }

    /** One token's counted requests, oldest first; guarded by the map's lock on its key. */
    private final class Log {

        private final ArrayDeque<Instant> lastMinute = new ArrayDeque<>();
        private final ArrayDeque<Instant> lastHour = new ArrayDeque<>();
        private Instant latest = Instant.MIN;

        Decision admit(Instant asked) {
            // Time never runs backwards here: a reading before one already seen counts as that one.
            Instant now = asked.isBefore(latest) ? latest : asked;
            latest = now;
            expire(now);
            boolean minuteFull = lastMinute.size() >= perMinute;
            boolean hourFull = lastHour.size() >= perHour;
            if (minuteFull || hourFull) {
                Instant allowedAt = now;
                if (minuteFull) {
                    allowedAt = later(allowedAt, lastMinute.peekFirst().plus(MINUTE));
                }
                if (hourFull) {
                    allowedAt = later(allowedAt, lastHour.peekFirst().plus(HOUR));
                }
                return new Refused(Math.max(1, secondsUp(Duration.between(now, allowedAt))), reset());
            }
            lastMinute.addLast(now);
            lastHour.addLast(now);
            return new Allowed(perHour - lastHour.size(), reset());
        }

        boolean isEmptyAt(Instant now) {
            expire(now.isBefore(latest) ? latest : now);
            return lastHour.isEmpty();
        }

        /** A request made at t counts while now < t + window. */
        private void expire(Instant now) {
            while (!lastMinute.isEmpty() && !lastMinute.peekFirst().plus(MINUTE).isAfter(now)) {
                lastMinute.removeFirst();
            }
            while (!lastHour.isEmpty() && !lastHour.peekFirst().plus(HOUR).isAfter(now)) {
                lastHour.removeFirst();
            }
        }

        private long reset() {
            Instant expires = lastHour.peekFirst().plus(HOUR);
            return expires.getEpochSecond() + (expires.getNano() > 0 ? 1 : 0);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static long secondsUp(Duration duration) {
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }
}
