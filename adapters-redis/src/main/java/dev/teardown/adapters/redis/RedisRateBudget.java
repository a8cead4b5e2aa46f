package dev.teardown.adapters.redis;

import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.out.RateLimitFeedback;
import dev.teardown.ports.service.SlidingLogRateBudget;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token's rate budget shared by every instance on one Redis: the rules of
 * {@link SlidingLogRateBudget}, with its windows, its pause and what it learned from answers held in
 * Redis and updated atomically by a Lua script on the Redis server's clock, so that the instances'
 * clocks do not matter.
 *
 * <p>The {@code now} given to {@link #tryAcquire} and {@link #state} is not used for counting: the
 * server's clock is. The instants returned are on the caller's clock: the server's answer is moved by
 * the offset between the server's clock and {@code now} (a {@code Denied} at server time
 * {@code clock + 3 s} comes back as {@code now + 3 s}), so a caller compares them with its own clock.
 * Answers' {@code Retry-After} and {@code ratelimit-reset} are taken likewise, as durations after
 * the answer arrived.
 *
 * <p>When Redis is away (see {@link RedisTier}), this instance spends alone from an in-process
 * {@link SlidingLogRateBudget} with the config's fallback share, which hears every answer all along, so
 * that it knows the latest pause and remaining when it is needed. Thread-safe; the token itself is
 * never kept, only the hash that names the budget's keys.
 */
public final class RedisRateBudget implements RateBudget {

    /** A Retry-After beyond a day is a mistake; a pause is cut to it. */
    private static final long MAX_PAUSE_MICROS = Duration.ofDays(1).toNanos() / 1_000;

    private final RedisTier tier;
    private final RedisRateBudgetConfig config;
    private final BudgetKeys keys;
    private final SlidingLogRateBudget fallback;
    /** For tests only: each call's own instant stands for the server's clock, so that windows' edges can be tested exactly. */
    private final boolean callersTimeIsServerTime;
    private final String memberPrefix;
    private final AtomicLong permitSequence = new AtomicLong();
    /** This process's callers only: each instance counts its own. */
    private final AtomicLong waiting = new AtomicLong();
    private final String minuteMicros;
    private final String hourMicros;
    private final String allowedPerMinute;
    private final String allowedPerHour;

    private RedisRateBudget(RedisTier tier, BudgetKeys keys, RedisRateBudgetConfig config, boolean callersTimeIsServerTime) {
        this.tier = tier;
        this.config = Objects.requireNonNull(config, "config");
        this.keys = keys;
        this.fallback = SlidingLogRateBudget.of(config.fallbackLimits());
        this.callersTimeIsServerTime = callersTimeIsServerTime;
        this.memberPrefix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        this.minuteMicros = Long.toString(micros(config.minuteWindow()));
        this.hourMicros = Long.toString(micros(config.hourWindow()));
        this.allowedPerMinute = Integer.toString(config.limits().allowedPerMinute());
        this.allowedPerHour = Integer.toString(config.limits().allowedPerHour());
    }

    /** The budget of this token, shared through the tier's Redis with every instance that uses the same token and key prefix. */
    public static RedisRateBudget of(RedisTier tier, String apiToken, RedisRateBudgetConfig config) {
        return new RedisRateBudget(Objects.requireNonNull(tier, "tier"), keysOf(tier, apiToken), config, false);
    }

    /**
     * The same budget as {@link #of} for the token whose SHA-256 is {@code tokenSha256Hex} (64 hex digits,
     * such as {@code ApiToken.sha256Hex()} of the HTTP adapter gives), for a caller that holds no
     * readable token.
     *
     * @throws IllegalArgumentException when it is not 64 hex digits
     */
    public static RedisRateBudget ofTokenHash(RedisTier tier, String tokenSha256Hex, RedisRateBudgetConfig config) {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(tokenSha256Hex, "tokenSha256Hex");
        if (!tokenSha256Hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("tokenSha256Hex must be the 64 hex digits of a SHA-256, was "
                    + tokenSha256Hex.length() + " characters (not shown)");
        }
        return new RedisRateBudget(tier, BudgetKeys.ofTokenHash(tier.keyPrefix(), tokenSha256Hex.toLowerCase(Locale.ROOT)),
                config, false);
    }

    /** For tests of the script's edges only: the server's clock is replaced by each call's instant. */
    static RedisRateBudget onCallersClock(RedisTier tier, String apiToken, RedisRateBudgetConfig config) {
        return new RedisRateBudget(Objects.requireNonNull(tier, "tier"), keysOf(tier, apiToken), config, true);
    }

    private static BudgetKeys keysOf(RedisTier tier, String apiToken) {
        Objects.requireNonNull(apiToken, "apiToken");
        if (apiToken.isBlank()) {
            throw new IllegalArgumentException("apiToken must not be blank");
        }
        return BudgetKeys.of(tier.keyPrefix(), apiToken);
    }

    public RedisRateBudgetConfig config() {
        return config;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The permit is counted at the Redis server's time; a {@code Denied} says when one is free on the
     * caller's clock ({@code now} plus the server's wait).
     */
    @Override
    public Permit tryAcquire(Instant now) {
        Objects.requireNonNull(now, "now");
        String member = memberPrefix + permitSequence.incrementAndGet();
        Optional<List<Long>> reply = tier.ask(commands -> RateBudgetScript.run(
                commands, keys.all(), "acquire", serverTime(now), minuteMicros, hourMicros, allowedPerMinute,
                allowedPerHour, member));
        if (reply.isEmpty()) {
            return fallback.tryAcquire(now);
        }
        List<Long> values = reply.get();
        long clock = values.get(0);
        return values.get(2) == 1
                ? new Permit.Granted(onCallersClock(now, clock, values.get(1)))
                : new Permit.Denied(onCallersClock(now, clock, values.get(3)));
    }

    @Override
    public void onAnswer(RateLimitFeedback feedback) {
        Objects.requireNonNull(feedback, "feedback");
        fallback.onAnswer(feedback);
        Instant received = feedback.receivedAt();
        double share = config.limits().share();
        long hour = micros(config.hourWindow());
        long limitAllowed = feedback.limit().isPresent() ? Shares.allowedOf(share, feedback.limit().getAsLong()) : -1;
        long remainingShare = feedback.remaining().isPresent() ? Shares.shareOf(share, feedback.remaining().getAsLong()) : -1;
        // no request counts longer than an hour, so a later reset is a clock skew or a mistake
        long resetIn = feedback.reset()
                .filter(reset -> reset.isAfter(received))
                .map(reset -> microsBetween(received, reset, hour))
                .orElse(-1L);
        long retryIn = feedback.retryAfter()
                .map(retryAfter -> microsBetween(received, retryAfter, MAX_PAUSE_MICROS))
                .orElse(-1L);
        long age = callersTimeIsServerTime ? 0 : ageOf(received);
        tier.ask(commands -> RateBudgetScript.run(
                commands, keys.all(), "answer", serverTime(received), minuteMicros, hourMicros, allowedPerMinute,
                allowedPerHour, Long.toString(limitAllowed), Long.toString(remainingShare), Long.toString(resetIn),
                Long.toString(retryIn), feedback.rateLimited() ? "1" : "0", Long.toString(age), minuteMicros));
    }

    /** How long ago the answer arrived, on the tier's clock: permits granted since then are not in its remaining. */
    private long ageOf(Instant received) {
        return microsBetween(received, tier.clock().instant(), micros(config.minuteWindow()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Counted on the Redis server's clock; {@code at} is {@code now}, and the other instants are on the
     * caller's clock as in {@link #tryAcquire}. While Redis is away, the state of this instance's fallback.
     */
    @Override
    public RateBudgetState state(Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<List<Long>> reply = tier.ask(commands -> RateBudgetScript.run(
                commands, keys.all(), "state", serverTime(now), minuteMicros, hourMicros, allowedPerMinute,
                allowedPerHour));
        if (reply.isEmpty()) {
            return fallback.state(now).withWaitingCallers(waiting.get());
        }
        List<Long> values = reply.get();
        long clock = values.get(0);
        long pausedUntil = values.get(7);
        long learnedLeft = values.get(8);
        return new RateBudgetState(
                now,
                values.get(2),
                values.get(3),
                config.limits().allowedPerMinute(),
                values.get(4),
                values.get(5),
                onCallersClock(now, clock, values.get(6)),
                pausedUntil < 0 ? Optional.empty() : Optional.of(onCallersClock(now, clock, pausedUntil)),
                learnedLeft < 0 ? OptionalLong.empty() : OptionalLong.of(learnedLeft),
                waiting.get());
    }

    /** {@inheritDoc} Counted in this process, not shared through Redis. */
    @Override
    public void waitStarted() {
        waiting.incrementAndGet();
    }

    @Override
    public void waitEnded() {
        waiting.decrementAndGet();
    }

    private String serverTime(Instant callersInstant) {
        return callersTimeIsServerTime ? Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, callersInstant)) : "";
    }

    /** A server time as an instant on the caller's clock: {@code now} plus how far it is from the server's clock reading. */
    private static Instant onCallersClock(Instant now, long serverClock, long serverTime) {
        return now.plus(serverTime - serverClock, ChronoUnit.MICROS);
    }

    /** Microseconds from {@code from} to {@code to}, within [0, cap]. */
    private static long microsBetween(Instant from, Instant to, long cap) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return to.isAfter(from.plus(cap, ChronoUnit.MICROS)) ? cap : micros(Duration.between(from, to));
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    @Override
    public String toString() {
        return "RedisRateBudget[" + keys.permits() + ", " + config + "]";
    }
}
