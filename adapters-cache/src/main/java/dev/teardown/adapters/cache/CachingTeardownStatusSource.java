package dev.teardown.adapters.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.StatusLookup;
import dev.teardown.ports.out.TeardownStatusSource;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Instant;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A {@link TeardownStatusSource} that keeps the answers of another one for as long as what they say
 * allows ({@link CacheConfig}), and makes concurrent lookups of one Droplet share a single call.
 *
 * <p>Failures are never kept: every caller waiting on a failed call gets its exception, and the next
 * lookup calls again. A failure is handed to its callers and logged nowhere, so that an outage of the
 * API does not fill the host's logs with a stack trace per lookup. It does not close the source it wraps.
 */
public final class CachingTeardownStatusSource implements TeardownStatusSource, AutoCloseable {

    private final TeardownStatusSource upstream;
    private final CacheConfig config;
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private final LongSupplier ticker;
    private final AsyncCache<DropletId, Call> cache;
    private final ConcurrentMap<DropletId, CompletableFuture<Call>> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder loadFailures = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final ExecutorService ownedExecutor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CachingTeardownStatusSource(Builder builder) {
        this.upstream = builder.upstream;
        this.config = builder.config;
        this.ticker = builder.ticker;
        this.ownedExecutor = builder.executor == null ? loaderThreads() : null;
        Executor executor = builder.executor == null ? afterCloseOnTheCaller(ownedExecutor) : builder.executor;
        // Caffeine's statistics would count a caller who joined a call as a hit before the call ended,
        // failed or not; the counters are ours, and Caffeine only tells of evictions.
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.maximumSize())
                .expireAfter(Expiry.writing((DropletId dropletId, Call call) -> call.timeToLive()))
                .ticker(builder.ticker::getAsLong)
                .executor(executor)
                .evictionListener((DropletId dropletId, Call call, RemovalCause cause) -> {
                    if (call instanceof Call.Answered) {
                        evictions.increment();
                    }
                })
                .buildAsync();
        this.entries = cache.asMap();
    }

    /** Wraps the source with the default {@link CacheConfig}, the system ticker and threads of its own. */
    public static CachingTeardownStatusSource wrapping(TeardownStatusSource upstream) {
        return builder(upstream).build();
    }

    public static Builder builder(TeardownStatusSource upstream) {
        return new Builder(upstream);
    }

    /**
     * The kept answer when there is one, else the answer of the wrapped source, shared with every
     * concurrent lookup of the same Droplet.
     *
     * @throws TeardownApiException as the wrapped source threw it; also, with reason
     *     {@link Reason#TIMEOUT}, when this thread is interrupted while waiting (its interrupt flag is
     *     set again, and the call goes on for the other callers)
     * @throws IllegalStateException when this source was closed
     */
    @Override
    public Optional<TeardownStatus> statusOf(DropletId dropletId) {
        return statusOf(dropletId, Optional.empty());
    }

    /**
     * As {@link #statusOf(DropletId)}; a call to the wrapped source that this lookup starts is given the
     * deadline, and concurrent lookups of the same Droplet share that call.
     */
    @Override
    public Optional<TeardownStatus> statusOf(DropletId dropletId, Instant deadline) {
        return statusOf(dropletId, Optional.of(Objects.requireNonNull(deadline, "deadline")));
    }

    private Optional<TeardownStatus> statusOf(DropletId dropletId, Optional<Instant> deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        if (closed.get()) {
            throw new IllegalStateException("the caching teardown status source is closed");
        }
        // A hit on an answer that arrived allocates nothing: asMap().get tells the eviction policy
        // about the read as get(key, function) does. A failed or unfinished call takes the path below,
        // which replaces or shares it.
        CompletableFuture<Call> kept = entries.get(dropletId);
        if (kept != null && kept.getNow(null) instanceof Call.Answered answered) {
            if (isFresh(answered)) {
                hits.increment();
                return answered.status();
            }
            // Caffeine gives a finished call its expiry only once its callback on the call has run, which
            // may be after the call's waiters woke up (and, on a clock that sleeps move, after minutes of
            // that clock): until then it keeps the call as if for ever. What the answer says decides.
            entries.remove(dropletId, kept);
        }
        Lookup lookup = lookUp(dropletId, deadline);
        if (!lookup.started() && isOver(lookup.call().getNow(null))) {
            // A finished call expires only once Caffeine's callback on it has run, which may be after
            // its waiters woke up; a caller arriving in between must not be handed a failure, or an
            // answer, that is already over.
            entries.remove(dropletId, lookup.call());
            lookup = lookUp(dropletId, deadline);
        }
        if (lookup.started()) {
            misses.increment();
            return await(dropletId, lookup.call()).answer();
        }
        // A caller who joined a call under way is a hit only once that call answered.
        Call ended = null;
        try {
            ended = await(dropletId, lookup.call());
        } finally {
            (ended instanceof Call.Answered ? hits : misses).increment();
        }
        return ended.answer();
    }

    /** Forgets what is kept for this Droplet; a call already under way still answers its waiters. */
    public void invalidate(DropletId dropletId) {
        cache.synchronous().invalidate(Objects.requireNonNull(dropletId, "dropletId"));
    }

    /**
     * Forgets what is kept for this Droplet and tells the source behind this cache to forget it too, so
     * that the next lookup asks the origin; a call already under way still answers the callers waiting
     * for it, and is not kept. Called after a destroy or a retry of the Droplet.
     */
    @Override
    public void forget(DropletId dropletId) {
        invalidate(dropletId);
        upstream.forget(dropletId);
    }

    /** Forgets everything kept; calls already under way still answer their waiters. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    /** What this source has done since it was built: hits, misses, loads, load failures, evictions. */
    public CacheStatistics statistics() {
        // Failures first: each is counted after its load, so that no snapshot has more failures than loads.
        long failures = loadFailures.sum();
        return new CacheStatistics(hits.sum(), misses.sum(), loads.sum(), failures, evictions.sum());
    }

    public CacheConfig config() {
        return config;
    }

    /** Forgets everything kept and stops the threads it started; a source given an executor leaves it running. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            invalidateAll();
            if (ownedExecutor != null) {
                ownedExecutor.shutdown();
            }
        }
    }

    /** Runs pending evictions now, so that tests see the size bound without waiting for them. */
    void cleanUp() {
        cache.synchronous().cleanUp();
    }

    /**
     * About how many Droplets' answers are kept now, for a dashboard's gauge: answers past their time
     * and calls under way may be counted until the cache's upkeep removes them.
     */
    public long estimatedSize() {
        return cache.synchronous().estimatedSize();
    }

    /** The cache itself, for tests that need to act between two of its steps. */
    AsyncCache<DropletId, Call> cache() {
        return cache;
    }

    /** Whether this answer is still within what it says it may be kept for, by this source's ticker. */
    private boolean isFresh(Call.Answered answered) {
        return ticker.getAsLong() - answered.answeredAt() < answered.freshNanos();
    }

    /** A finished call that a caller arriving now must not be handed: a failure, or an answer past its time. */
    private boolean isOver(Call call) {
        return call instanceof Call.Failed || call instanceof Call.Answered answered && !isFresh(answered);
    }

    private Lookup lookUp(DropletId dropletId, Optional<Instant> deadline) {
        // The mapping function runs on this thread, inside the call, so a plain array is safe here.
        boolean[] started = {false};
        CompletableFuture<Call> call = cache.get(dropletId, (id, executor) -> {
            started[0] = true;
            return CompletableFuture.supplyAsync(() -> fetch(id, deadline), executor);
        });
        return new Lookup(call, started[0]);
    }

    /** Asks the wrapped source; what it throws becomes the call's value, which Caffeine does not log. */
    private Call fetch(DropletId dropletId, Optional<Instant> deadline) {
        loads.increment();
        try {
            StatusLookup lookup = deadline.isPresent()
                    ? upstream.lookUp(dropletId, deadline.get()) : upstream.lookUp(dropletId);
            Objects.requireNonNull(lookup,
                    () -> "the wrapped source answered null for droplet " + dropletId + " instead of a lookup");
            Optional<TeardownStatus> answer = lookup.status();
            // An answer a shared cache kept is kept here no longer than there: no older than the policy allows.
            Duration fresh = lookup.keepAtMost(config.freshness().freshFor(answer));
            // Dated and given its time once, so that a hit only compares two numbers.
            return new Call.Answered(answer, nanosAtMostMax(fresh), ticker.getAsLong());
        } catch (Throwable failure) {
            // Not swallowed: every caller waiting on this call throws it.
            loadFailures.increment();
            return new Call.Failed(failure);
        }
    }

    private static Call await(DropletId dropletId, CompletableFuture<Call> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TeardownApiException
                    .builder(Operation.CHECK_STATUS, Reason.TIMEOUT, dropletId,
                            "interrupted while waiting for the status of droplet " + dropletId)
                    .cause(e)
                    .build();
        } catch (ExecutionException e) {
            // A call ends with a value; only a failure to run it at all lands here.
            throw asUnchecked(e.getCause());
        }
    }

    /** The failure of the wrapped source as it threw it, whatever the futures wrapped it in. */
    private static RuntimeException asUnchecked(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new UndeclaredThrowableException(cause, "the wrapped source threw a checked exception");
    }

    /**
     * Caffeine may hand over upkeep (expiring, evicting) after {@link #close()} shut the threads down; it
     * would log the refusal as a WARNING with a stack trace in the host's logs, so that late upkeep runs
     * on the calling thread instead.
     */
    private static Executor afterCloseOnTheCaller(ExecutorService threads) {
        return task -> {
            try {
                threads.execute(task);
            } catch (RejectedExecutionException shutDown) {
                task.run();
            }
        };
    }

    /** A policy may keep an answer longer than a long of nanoseconds holds: that is as good as for ever. */
    private static long nanosAtMostMax(Duration duration) {
        return duration.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }

    private static ExecutorService loaderThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "teardown-cache-" + count.incrementAndGet());
            // Daemon threads: a program that forgets close() still exits.
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The call a lookup waits on, and whether this lookup started it. */
    private record Lookup(CompletableFuture<Call> call, boolean started) {
    }

    /**
     * How one call to the wrapped source ended. A failure is a value rather than a failed future:
     * Caffeine logs every load that fails at WARNING with its stack trace, once per failed lookup.
     */
    sealed interface Call {

        /** The answer, or the failure thrown as the wrapped source threw it. */
        Optional<TeardownStatus> answer();

        /** How long Caffeine keeps it: an answer as long as it is worth, a failure not at all. */
        Duration timeToLive();

        /**
         * @param freshNanos how long the answer may be served, by the freshness policy
         * @param answeredAt the ticker's reading when the answer arrived
         */
        record Answered(Optional<TeardownStatus> status, long freshNanos, long answeredAt) implements Call {
            @Override
            public Optional<TeardownStatus> answer() {
                return status;
            }

            @Override
            public Duration timeToLive() {
                return Duration.ofNanos(freshNanos);
            }
        }

        record Failed(Throwable failure) implements Call {
            @Override
            public Optional<TeardownStatus> answer() {
                throw asUnchecked(failure);
            }

            @Override
            public Duration timeToLive() {
                return Duration.ZERO;
            }
        }
    }

    /** Builds a {@link CachingTeardownStatusSource}; everything but the wrapped source has a default. */
    public static final class Builder {
        private final TeardownStatusSource upstream;
        private CacheConfig config = CacheConfig.defaults();
        private LongSupplier ticker = System::nanoTime;
        private Executor executor;

        private Builder(TeardownStatusSource upstream) {
            this.upstream = Objects.requireNonNull(upstream, "upstream");
        }

        public Builder config(CacheConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The time source, in nanoseconds like {@link System#nanoTime()}; tests pass one they move by hand. */
        public Builder ticker(LongSupplier nanoTime) {
            this.ticker = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * Where calls to the wrapped source and the cache's upkeep run; the caller keeps it and shuts it
         * down. Without one, the source starts daemon threads of its own and stops them on close.
         * {@code Runnable::run} makes tests run everything on the calling thread.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public CachingTeardownStatusSource build() {
            return new CachingTeardownStatusSource(this);
        }
    }
}
