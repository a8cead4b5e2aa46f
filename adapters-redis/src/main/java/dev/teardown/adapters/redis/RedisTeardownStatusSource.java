package dev.teardown.adapters.redis;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.StatusLookup;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.FreshnessPolicy;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * A {@link TeardownStatusSource} that keeps the answers of another one in Redis, shared by every
 * instance on the same {@link RedisTier} and key prefix, for as long as the {@link FreshnessPolicy}
 * allows, and lets one instance ask when several miss the same Droplet at once.
 *
 * <p><b>Keys.</b> For a Droplet {@code <id>}: {@code <prefix>status:{<id>}} holds the answer ("no
 * teardown request known" is kept too) as compact UTF-8 text: the version tag {@code TS1}, then
 * {@code N} for not found, or a line {@code S}, completion time, failure count, and one line per entry
 * ({@code D} the droplet, {@code R} a resource, {@code O} an overruled IP entry) with kind, id, name,
 * destruction time and error message; fields are tab-separated, absent ones empty, and backslashes,
 * control characters and unpaired surrogates escaped (<code>&#92;&#92;</code>, <code>&#92;uXXXX</code>). The answer
 * expires after its freshness less up to the jitter (10 % by default), so that answers
 * fetched together do not all expire together; {@code <prefix>lock:{<id>}} is the single-flight lock.
 * The braces put both on one Redis Cluster slot.
 *
 * <p><b>Single flight.</b> One script reads the answer and, on a miss, takes the lock ({@code SET NX PX},
 * a value unique to the call, expiring after the lock timeout) in the same step, so that no instance
 * takes the lock just after another kept its answer. The owner asks the wrapped source, and writes the
 * answer and releases the lock in one script, only while the lock still holds its own value (so that an
 * answer fetched before a {@link #forget} is not kept). Instances that found
 * the lock taken look again every poll interval (by the injected sleeper), and take the lock
 * themselves when it is gone without an answer: its owner failed, or was stuck past the lock timeout.
 * A waiter never waits past the deadline of {@link #statusOf(DropletId, Instant)}.
 *
 * <p><b>Failures are not kept, nor shared across instances.</b> The owner throws what the wrapped
 * source threw and releases the lock; a waiter then takes over and asks itself. An exception cannot
 * cross processes faithfully (its type, cause, request id and retry time would have to be rebuilt), and
 * a failure one instance saw, a timeout or a 429 of its own, may not be one another sees.
 *
 * <p><b>Freshness across layers.</b> An answer served from Redis comes with what is left of its time
 * there ({@link #lookUp}), and the in-process cache in front keeps it no longer: no instance serves an
 * answer after it expired in Redis, so every instance's view of a Droplet is at most one freshness
 * window old.
 *
 * <p><b>When Redis is away or slow</b> (see {@link RedisTier}), lookups go straight to the wrapped
 * source: nothing fails because of Redis, and the tier logs one warning per outage. Thread-safe; it does
 * not close the tier or the wrapped source.
 */
public final class RedisTeardownStatusSource implements TeardownStatusSource {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(25);
    public static final double DEFAULT_JITTER = 0.1;

    /** Deletes the lock only while it holds this caller's value: a lock that expired and was taken by another stays. */
    static final String RELEASE_SCRIPT =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    /**
     * Keeps the answer (KEYS[1], ARGV[2], for ARGV[3] ms) and deletes the lock (KEYS[2]), only while the lock
     * still holds this caller's value (ARGV[1]); 1 when kept. A lock that expired and was taken by another,
     * or deleted by a forget, keeps this answer out.
     */
    static final String SHARE_SCRIPT = "if redis.call('GET', KEYS[2]) == ARGV[1] then "
            + "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]); redis.call('DEL', KEYS[2]); return 1 "
            + "else return 0 end";

    /**
     * The kept answer (KEYS[1]) and its milliseconds left; else, when nobody holds the lock (KEYS[2]), takes
     * it for this caller (ARGV[1], for ARGV[2] ms). One step, so that no caller takes the lock just after
     * another kept its answer and released it. Replies {value or false, ms left, 1 when the lock was taken}.
     */
    static final String FIND_OR_LOCK_SCRIPT = "local value = redis.call('GET', KEYS[1]) "
            + "if value then return {value, redis.call('PTTL', KEYS[1]), 0} end "
            + "if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {false, -2, 1} end "
            + "return {false, -2, 0}";

    private final RedisTier tier;
    private final TeardownStatusSource upstream;
    private final FreshnessPolicy freshness;
    private final double jitter;
    private final Duration lockTimeout;
    private final Duration pollInterval;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final boolean keepsNothing;
    private final String ownerPrefix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
    private final AtomicLong calls = new AtomicLong();

    private RedisTeardownStatusSource(Builder builder) {
        this.tier = builder.tier;
        this.upstream = builder.upstream;
        this.freshness = builder.freshness;
        this.jitter = builder.jitter;
        this.lockTimeout = builder.lockTimeout;
        this.pollInterval = builder.pollInterval;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        this.keepsNothing = freshness.succeeded().isZero() && freshness.completedWithFailures().isZero()
                && freshness.inProgress().isZero() && freshness.notFound().isZero();
    }

    /** A shared cache on this tier in front of this source; every other setting has a default. */
    public static Builder builder(RedisTier tier, TeardownStatusSource upstream) {
        return new Builder(tier, upstream);
    }

    /** The key of a Droplet's kept answer. */
    public static String statusKey(String keyPrefix, DropletId dropletId) {
        return keyPrefix + "status:{" + dropletId + "}";
    }

    /** The key of a Droplet's single-flight lock. */
    public static String lockKey(String keyPrefix, DropletId dropletId) {
        return keyPrefix + "lock:{" + dropletId + "}";
    }

    public FreshnessPolicy freshness() {
        return freshness;
    }

    /**
     * The kept answer when Redis has one, else the wrapped source's, asked by one instance for all.
     *
     * @throws TeardownApiException as the wrapped source threw it; also, with reason
     *     {@link Reason#TIMEOUT}, when this thread is interrupted while it waits for another instance's
     *     answer (its interrupt flag is set again)
     */
    @Override
    public Optional<TeardownStatus> statusOf(DropletId dropletId) {
        return lookUp(dropletId).status();
    }

    /**
     * As {@link #statusOf(DropletId)}; the wrapped source is given the deadline, and a wait for another
     * instance's answer ends by it.
     *
     * @throws TeardownApiException also, with reason {@link Reason#TIMEOUT}, when another instance's
     *     answer has not come by the deadline
     */
    @Override
    public Optional<TeardownStatus> statusOf(DropletId dropletId, Instant deadline) {
        return lookUp(dropletId, deadline).status();
    }

    /**
     * As {@link #statusOf(DropletId)}, with how much longer Redis keeps the answer: a cache in front of
     * this one keeps it no longer, so that every instance asks Redis again when it expires there.
     */
    @Override
    public StatusLookup lookUp(DropletId dropletId) {
        return find(Objects.requireNonNull(dropletId, "dropletId"), null);
    }

    /** As {@link #lookUp(DropletId)} and {@link #statusOf(DropletId, Instant)}. */
    @Override
    public StatusLookup lookUp(DropletId dropletId, Instant deadline) {
        return find(Objects.requireNonNull(dropletId, "dropletId"), Objects.requireNonNull(deadline, "deadline"));
    }

    /**
     * Deletes the Droplet's kept answer and lock, and tells the wrapped source to forget it too: the next
     * lookup of any instance asks the origin, and an answer another instance is fetching now is not kept
     * (it is kept only while its owner still holds the lock). While Redis is away only the wrapped source
     * forgets.
     */
    @Override
    public void forget(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        tier.ask(commands -> commands.del(statusKey(tier.keyPrefix(), dropletId), lockKey(tier.keyPrefix(), dropletId)));
        upstream.forget(dropletId);
    }

    private StatusLookup find(DropletId dropletId, Instant deadline) {
        if (keepsNothing) {
            return StatusLookup.fromOrigin(ask(dropletId, deadline));
        }
        String statusKey = statusKey(tier.keyPrefix(), dropletId);
        String lockKey = lockKey(tier.keyPrefix(), dropletId);
        for (boolean first = true; ; first = false) {
            if (!first) {
                // another instance is asking: wait for its answer, or for its lock to go
                pause(dropletId, deadline);
            }
            String owner = ownerPrefix + calls.incrementAndGet();
            Kept kept = findOrLock(statusKey, lockKey, owner);
            if (kept == null) {
                break;
            }
            Optional<StatusLookup> served = kept.served(dropletId);
            if (served.isPresent()) {
                return served.get();
            }
            if (kept.value() != null) {
                // a value this version cannot read (a later format, a damaged one): replaced like a miss
                Optional<String> locked = tier.ask(commands -> Optional.ofNullable(
                        commands.set(lockKey, owner, SetArgs.Builder.nx().px(lockTimeout.toMillis())))).orElse(null);
                if (locked == null) {
                    break;
                }
                if (locked.isPresent()) {
                    return askAndShare(dropletId, deadline, statusKey, lockKey, owner);
                }
                continue;
            }
            if (kept.lockedForThisCall()) {
                return askAndShare(dropletId, deadline, statusKey, lockKey, owner);
            }
        }
        // Redis is away: straight to the wrapped source, and the in-process cache keeps it by its own policy
        return StatusLookup.fromOrigin(ask(dropletId, deadline));
    }

    /**
     * In one step: the kept answer if there is one, else the lock for this call if nobody holds it;
     * null when Redis is away.
     */
    private Kept findOrLock(String statusKey, String lockKey, String owner) {
        return tier.ask(commands -> Kept.of(commands.<List<Object>>eval(FIND_OR_LOCK_SCRIPT, ScriptOutputType.MULTI,
                new String[] {statusKey, lockKey}, owner, Long.toString(lockTimeout.toMillis())))).orElse(null);
    }

    /**
     * As the owner of the lock: asks, then keeps the answer and releases the lock in one step, only while
     * the lock is still its own; a failure releases the lock too.
     */
    private StatusLookup askAndShare(DropletId dropletId, Instant deadline, String statusKey, String lockKey,
            String owner) {
        boolean released = false;
        try {
            Optional<TeardownStatus> answer = ask(dropletId, deadline);
            long ttl = expiryMillis(freshness.freshFor(answer));
            if (ttl <= 0) {
                return StatusLookup.fromOrigin(answer);
            }
            String value = StatusValues.write(answer);
            Optional<Long> shared = tier.ask(commands -> commands.<Long>eval(SHARE_SCRIPT, ScriptOutputType.INTEGER,
                    new String[] {statusKey, lockKey}, owner, value, Long.toString(ttl)));
            released = shared.isPresent();
            return shared.filter(kept -> kept == 1)
                    .map(kept -> StatusLookup.kept(answer, Duration.ofMillis(ttl)))
                    .orElseGet(() -> StatusLookup.fromOrigin(answer));
        } finally {
            if (!released) {
                tier.ask(commands -> commands.<Long>eval(RELEASE_SCRIPT, ScriptOutputType.INTEGER, new String[] {lockKey}, owner));
            }
        }
    }

    private void pause(DropletId dropletId, Instant deadline) {
        Duration wait = pollInterval;
        if (deadline != null) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw TeardownApiException.builder(Operation.CHECK_STATUS, Reason.TIMEOUT, dropletId,
                        "no status of droplet " + dropletId + " by the deadline: another instance is still asking for it")
                        .build();
            }
            wait = left.compareTo(wait) < 0 ? left : wait;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TeardownApiException.builder(Operation.CHECK_STATUS, Reason.TIMEOUT, dropletId,
                            "interrupted while waiting for another instance's status of droplet " + dropletId)
                    .cause(e)
                    .build();
        }
    }

    /**
     * What the find-or-lock script found: the value (null when none), how many milliseconds it has left
     * (negative when it has no expiry or is gone), and whether it took the lock for this call.
     */
    private record Kept(String value, long millisLeft, boolean lockedForThisCall) {

        static Kept of(List<Object> reply) {
            return new Kept((String) reply.get(0), (Long) reply.get(1), (Long) reply.get(2) == 1);
        }

        /** The kept answer with what is left of its freshness; empty when there is none, or none this version reads. */
        Optional<StatusLookup> served(DropletId dropletId) {
            if (value == null) {
                return Optional.empty();
            }
            return StatusValues.read(dropletId, value).map(answer -> millisLeft >= 0
                    ? StatusLookup.kept(answer, Duration.ofMillis(millisLeft))
                    : StatusLookup.fromOrigin(answer));
        }
    }

    private Optional<TeardownStatus> ask(DropletId dropletId, Instant deadline) {
        Optional<TeardownStatus> answer = deadline == null
                ? upstream.statusOf(dropletId) : upstream.statusOf(dropletId, deadline);
        return Objects.requireNonNull(answer,
                () -> "the wrapped source answered null for droplet " + dropletId + " instead of an Optional");
    }

    /** The freshness less up to the jitter, in whole milliseconds; at least 1 unless nothing is kept. */
    long expiryMillis(Duration fresh) {
        if (fresh.isZero()) {
            return 0;
        }
        long millis = fresh.toMillis();
        long cut = (long) Math.floor(millis * jitter * random.getAsDouble());
        return Math.max(1, millis - cut);
    }

    @Override
    public String toString() {
        return "RedisTeardownStatusSource[" + tier + "]";
    }

    /** Builds a {@link RedisTeardownStatusSource}; everything but the tier and the wrapped source has a default. */
    public static final class Builder {

        private final RedisTier tier;
        private final TeardownStatusSource upstream;
        private FreshnessPolicy freshness = FreshnessPolicy.defaults();
        private double jitter = DEFAULT_JITTER;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private InstantSource clock = InstantSource.system();
        private Sleeper sleeper = Sleeper.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(RedisTier tier, TeardownStatusSource upstream) {
            this.tier = Objects.requireNonNull(tier, "tier");
            this.upstream = Objects.requireNonNull(upstream, "upstream");
        }

        /** How long each kind of answer is kept (default {@link FreshnessPolicy#defaults()}), as the in-process cache keeps it. */
        public Builder freshness(FreshnessPolicy freshness) {
            this.freshness = Objects.requireNonNull(freshness, "freshness");
            return this;
        }

        /** The largest share of an answer's freshness cut off its expiry at random, from 0 to 0.5 (default 0.1). */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 0.5)) {
                throw new IllegalArgumentException("jitter must be from 0 to 0.5, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * How long the instance that asks holds the Droplet's lock at most (default 10 s): past it,
         * another instance takes over. Longer than a lookup of the wrapped source usually takes.
         */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = atLeastAMillisecond(lockTimeout, "lockTimeout");
            return this;
        }

        /** How often an instance waiting for another's answer looks for it (default 25 ms). */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = atLeastAMillisecond(pollInterval, "pollInterval");
            return this;
        }

        /** The clock deadlines are compared with (default: the system clock). */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How a waiter pauses between looks (default: sleeping the thread). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** For tests: the random number in [0, 1) that picks each expiry's jitter. */
        Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public RedisTeardownStatusSource build() {
            return new RedisTeardownStatusSource(this);
        }

        private static Duration atLeastAMillisecond(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.toMillis() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, was " + duration);
            }
            return duration;
        }
    }
}
