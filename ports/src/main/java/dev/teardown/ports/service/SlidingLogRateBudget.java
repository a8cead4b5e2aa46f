package dev.teardown.ports.service;

import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.out.RateLimitFeedback;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rate budget of one process: it counts permits as DigitalOcean counts requests, and spends less
 * when an answer says less is left, never more.
 *
 * <p>A permit counts in the minute window for a minute and in the hour window for an hour from the
 * instant it was granted (a sliding log: no hour ever holds more than this client's share of the
 * limit). Answers teach it: a lower {@code ratelimit-limit} lowers the hourly allowance; a
 * {@code ratelimit-remaining} R caps what this client takes until {@code ratelimit-reset} at
 * {@code floor(R × share)}; a 429 pauses every permit until its {@code Retry-After}, else until the
 * reset, else for 60 s. docs/adr/0005-one-rate-budget-as-a-sliding-log.md says why.
 *
 * <p>Time never runs backwards inside the budget: an instant before one it has already seen is taken as
 * that one, so callers whose clock readings differ slightly are counted conservatively.
 */
public final class SlidingLogRateBudget implements RateBudget {

    /** How long a 429 without hints pauses, and a remaining without reset holds: DigitalOcean's shortest window. */
    private static final Duration NO_HINT = Duration.ofSeconds(60);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private final RateBudgetConfig config;
    private final PermitLog log;
    private final AtomicLong waiting = new AtomicLong();

    private Instant latest = Instant.MIN;
    private Instant pausedUntil = Instant.MIN;
    private long allowedPerHour;
    private Instant limitLearnedAt = Instant.MIN;
    private long learnedLeft;
    private Instant learnedUntil = Instant.MIN;

    private SlidingLogRateBudget(RateBudgetConfig config) {
        this.config = config;
        this.log = new PermitLog(config.allowedPerHour());
        this.allowedPerHour = config.allowedPerHour();
    }

    public static SlidingLogRateBudget of(RateBudgetConfig config) {
        return new SlidingLogRateBudget(Objects.requireNonNull(config, "config"));
    }

    /** DigitalOcean's limits, 80 % of them for this client. */
    public static SlidingLogRateBudget digitalOcean() {
        return of(RateBudgetConfig.digitalOcean());
    }

    public RateBudgetConfig config() {
        return config;
    }

    @Override
    public synchronized Permit tryAcquire(Instant now) {
        Instant at = advanceTo(now);
        Instant nextFree = nextFreeAt(at);
        if (nextFree.isAfter(at)) {
            return new Permit.Denied(nextFree);
        }
        log.add(at);
        if (learning(at)) {
            learnedLeft--;
        }
        return new Permit.Granted(at);
    }

    @Override
    public synchronized void onAnswer(RateLimitFeedback feedback) {
        Objects.requireNonNull(feedback, "feedback");
        Instant received = feedback.receivedAt();
        if (feedback.limit().isPresent() && !received.isBefore(limitLearnedAt)) {
            limitLearnedAt = received;
            allowedPerHour = Math.min(config.allowedPerHour(), config.allowedOf(feedback.limit().getAsLong()));
        }
        // no request counts longer than an hour, so a later reset is a clock skew or a mistake
        Optional<Instant> reset = feedback.reset()
                .filter(instant -> instant.isAfter(received))
                .map(instant -> earliest(instant, received.plus(HOUR)));
        if (feedback.rateLimited()) {
            Instant until = feedback.retryAfter().or(() -> reset).orElse(received.plus(NO_HINT));
            pausedUntil = latest(pausedUntil, until);
            // its remaining (0) is not learned: a burst 429 ends at its Retry-After, not at the hour's reset
            return;
        }
        if (feedback.remaining().isPresent()) {
            learnRemaining(feedback.remaining().getAsLong(), received, reset.orElse(received.plus(NO_HINT)));
        }
    }

    private void learnRemaining(long serverRemaining, Instant received, Instant until) {
        if (!until.isAfter(latest)) {
            return;
        }
        // R is the whole token's; others keep their share of it, and permits granted since it arrived are spent
        long left = config.shareOf(serverRemaining) - log.countSince(received);
        // before its reset no counted request expires, so the server's remaining cannot grow: the tighter answer holds
        boolean tighter = left < learnedLeft || (left == learnedLeft && until.isAfter(learnedUntil));
        if (!learning(latest) || tighter) {
            learnedLeft = left;
            learnedUntil = until;
        }
    }

    @Override
    public synchronized RateBudgetState state(Instant now) {
        Instant at = advanceTo(now);
        long usedLastMinute = log.countIn(MINUTE, at);
        long usedLastHour = log.countIn(HOUR, at);
        long remaining = Math.min(config.allowedPerMinute() - usedLastMinute, allowedPerHour - usedLastHour);
        if (learning(at)) {
            remaining = Math.min(remaining, learnedLeft);
        }
        if (paused(at)) {
            remaining = 0;
        }
        return new RateBudgetState(
                at,
                usedLastMinute,
                usedLastHour,
                config.allowedPerMinute(),
                allowedPerHour,
                Math.max(0, remaining),
                nextFreeAt(at),
                paused(at) ? Optional.of(pausedUntil) : Optional.empty(),
                learning(at) ? OptionalLong.of(Math.max(0, learnedLeft)) : OptionalLong.empty(),
                waiting.get());
    }

    @Override
    public void waitStarted() {
        waiting.incrementAndGet();
    }

    @Override
    public void waitEnded() {
        waiting.decrementAndGet();
    }

    private Instant advanceTo(Instant now) {
        Objects.requireNonNull(now, "now");
        latest = latest(latest, now);
        log.forgetExpired(latest, HOUR);
        return latest;
    }

    /** The earliest instant from {@code at} on when every limit has room: each only frees up as time passes. */
    private Instant nextFreeAt(Instant at) {
        Instant free = latest(at, pausedUntil);
        free = latest(free, log.nextRoom(at, MINUTE, config.allowedPerMinute()));
        free = latest(free, log.nextRoom(at, HOUR, allowedPerHour));
        if (learning(at) && learnedLeft <= 0) {
            free = latest(free, learnedUntil);
        }
        return free;
    }

    private boolean paused(Instant at) {
        return at.isBefore(pausedUntil);
    }

    private boolean learning(Instant at) {
        return at.isBefore(learnedUntil);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public synchronized String toString() {
        return "SlidingLogRateBudget" + config;
    }
}
