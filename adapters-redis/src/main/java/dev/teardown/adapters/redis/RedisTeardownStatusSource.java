package dev.teardown.adapters.redis;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.FreshnessPolicy;
import io.lettuce.core.KeyValue;
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
 * <p><b>Single flight.</b> On a miss an instance takes the lock ({@code SET NX PX}, a value unique to
 * the call, expiring after the lock timeout), asks the wrapped source, writes the answer and releases
 * the lock with a script that deletes it only while it still holds its own value. Instances that found
 * the lock taken poll for the answer every poll interval (by the injected sleeper), and take the lock
 * themselves when it is gone without an answer: its owner failed, or was stuck past the lock timeout.
 * A waiter never waits past the deadline of {@link #statusOf(DropletId, Instant)}.
 *
 * <p><b>Forgetting after a command.</b> {@link #forget} deletes the kept answer and counts the forget
 * in {@code <prefix>forgets:{<id>}}, in one script, then tells the wrapped source. An owner reads that
 * count before it asks the wrapped source and writes its answer only while the count is unchanged (a
 * script compares and writes), so an answer asked for before a destroy or a retry is not kept after
 * it: it still answers its owner's caller, whose lookup began before the command. The count expires an
 * hour after the last forget, far longer than any lookup takes. Other instances' in-process caches are
 * not told: they serve what they keep until it expires by its freshness. When Redis is away, the kept
 * answer is not deleted and expires by its freshness too.
 *
 * <p><b>Failures are not kept, nor shared across instances.</b> The owner throws what the wrapped
 * source threw and releases the lock; a waiter then takes over and asks itself. An exception cannot
 * cross processes faithfully (its type, cause, request id and retry time would have to be rebuilt), and
 * a failure one instance saw, a timeout or a 429 of its own, may not be one another sees.
 *
 * <p><b>When Redis is away or slow</b> (see {@link RedisTier}), lookups go straight to the wrapped
 * source: nothing fails because of Redis, and the tier logs one warning per outage. Thread-safe; it does
 * not close the tier or the wrapped source.
 */
public final class RedisTeardownStatusSource implements TeardownStatusSource {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(25);
    public static final double DEFAULT_JITTER = 0.1;

    /** How long the count of forgets of a Droplet is kept after the last one: longer than any lookup takes. */
    static final Duration FORGET_MEMORY = Duration.ofHours(1);

    /** Deletes the kept answer (KEYS[1]) and counts the forget (KEYS[2]), which expires after ARGV[1] ms. */
    static final String FORGET_SCRIPT = "redis.call('DEL', KEYS[1]); redis.call('INCR', KEYS[2]); "
            + "redis.call('PEXPIRE', KEYS[2], ARGV[1]); return 1";

    /**
     * Keeps the answer ARGV[1] in KEYS[1] for ARGV[2] ms only while the count of forgets (KEYS[2]) is still
     * ARGV[3] (empty for none): an answer asked for before a forget is not kept after it.
     */
    static final String WRITE_SCRIPT = "if (redis.call('GET', KEYS[2]) or '') == ARGV[3] then "
            + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]); return 1 else return 0 end";

    /** Deletes the lock only while it holds this caller's value: a lock that expired and was taken by another stays. */
    static final String RELEASE_SCRIPT =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

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

    /** The key of the count of forgets of a Droplet, which an owner compares before it keeps its answer. */
    public static String forgetsKey(String keyPrefix, DropletId dropletId) {
        return keyPrefix + "forgets:{" + dropletId + "}";
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
        return lookUp(Objects.requireNonNull(dropletId, "dropletId"), null);
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
        return lookUp(Objects.requireNonNull(dropletId, "dropletId"), Objects.requireNonNull(deadline, "deadline"));
    }

    /**
     * Deletes the answer kept in Redis for this Droplet, so that no instance serves it again, keeps an
     * answer being asked for now from being kept, and tells the wrapped source to forget it too. Called
     * after a destroy or a retry of the Droplet. When Redis is away, it fails nothing: the kept answer
     * then expires by its freshness.
     *
     * @throws IllegalStateException when the tier is closed
     */
    @Override
    public void forget(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        if (!keepsNothing) {
            String[] keys = {statusKey(tier.keyPrefix(), dropletId), forgetsKey(tier.keyPrefix(), dropletId)};
            tier.ask(commands -> commands.<Long>eval(FORGET_SCRIPT, ScriptOutputType.INTEGER, keys,
                    Long.toString(FORGET_MEMORY.toMillis())));
        }
        upstream.forget(dropletId);
    }

    private Optional<TeardownStatus> lookUp(DropletId dropletId, Instant deadline) {
        if (keepsNothing) {
            return ask(dropletId, deadline);
        }
        String statusKey = statusKey(tier.keyPrefix(), dropletId);
        String lockKey = lockKey(tier.keyPrefix(), dropletId);
        Optional<String> kept = tier.ask(commands -> Optional.ofNullable(commands.get(statusKey))).orElse(null);
        if (kept == null) {
            return ask(dropletId, deadline);
        }
        while (true) {
            Optional<Optional<TeardownStatus>> answer = kept.flatMap(value -> StatusValues.read(dropletId, value));
            if (answer.isPresent()) {
                return answer.get();
            }
            String owner = ownerPrefix + calls.incrementAndGet();
            Optional<String> locked = tier.ask(commands -> Optional.ofNullable(
                    commands.set(lockKey, owner, SetArgs.Builder.nx().px(lockTimeout.toMillis())))).orElse(null);
            if (locked == null) {
                return ask(dropletId, deadline);
            }
            if (locked.isPresent()) {
                return askAndShare(dropletId, deadline, statusKey, lockKey, owner);
            }
            // another instance is asking: wait for its answer, or for its lock to go
            kept = awaitAnswerOrFreeLock(dropletId, deadline, statusKey, lockKey);
            if (kept == null) {
                return ask(dropletId, deadline);
            }
        }
    }

    /** As the owner of the lock: asks, keeps the answer, releases the lock; a failure releases it too. */
    private Optional<TeardownStatus> askAndShare(DropletId dropletId, Instant deadline, String statusKey,
            String lockKey, String owner) {
        try {
            // Read before asking: a forget after this read means the answer may predate a command.
            String forgetsKey = forgetsKey(tier.keyPrefix(), dropletId);
            Optional<String> forgets = tier.ask(commands -> Objects.requireNonNullElse(commands.get(forgetsKey), ""));
            Optional<TeardownStatus> answer = ask(dropletId, deadline);
            long ttl = expiryMillis(freshness.freshFor(answer));
            if (ttl > 0 && forgets.isPresent()) {
                String value = StatusValues.write(answer);
                tier.ask(commands -> commands.<Long>eval(WRITE_SCRIPT, ScriptOutputType.INTEGER,
                        new String[] {statusKey, forgetsKey}, value, Long.toString(ttl), forgets.get()));
            }
            return answer;
        } finally {
            tier.ask(commands -> commands.<Long>eval(RELEASE_SCRIPT, ScriptOutputType.INTEGER, new String[] {lockKey}, owner));
        }
    }

    /**
     * Polls until the answer is there (present), the lock is gone without one (empty), or Redis is
     * away (null).
     */
    private Optional<String> awaitAnswerOrFreeLock(DropletId dropletId, Instant deadline, String statusKey,
            String lockKey) {
        while (true) {
            pause(dropletId, deadline);
            List<KeyValue<String, String>> values = tier.ask(commands -> commands.mget(statusKey, lockKey)).orElse(null);
            if (values == null) {
                return null;
            }
            if (values.get(0).hasValue()) {
                return Optional.of(values.get(0).getValue());
            }
            if (!values.get(1).hasValue()) {
                return Optional.empty();
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
