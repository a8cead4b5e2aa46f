package dev.teardown.adapters.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.TeardownStatusSource;
import dev.teardown.ports.TeardownStatusUnavailableException;
import dev.teardown.ports.TeardownStatusUnavailableException.Reason;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A {@link TeardownStatusSource} that keeps the answers of another one for as long as what they say
 * allows ({@link CacheConfig}), and makes concurrent lookups of one Droplet share a single call.
 *
 * <p>Failures are never kept: every caller waiting on a failed call gets its exception, and the next
 * lookup calls again. It does not close the source it wraps.
 */
public final class CachingTeardownStatusSource implements TeardownStatusSource, AutoCloseable {

    private final TeardownStatusSource upstream;
    private final CacheConfig config;
    private final AsyncCache<DropletId, Optional<TeardownStatus>> cache;
    private final ConcurrentMap<DropletId, CompletableFuture<Optional<TeardownStatus>>> entries;
    private final StatsCounter stats = new ConcurrentStatsCounter();
    private final ExecutorService ownedExecutor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CachingTeardownStatusSource(Builder builder) {
        this.upstream = builder.upstream;
        this.config = builder.config;
        this.ownedExecutor = builder.executor == null ? loaderThreads() : null;
        Executor executor = builder.executor == null ? ownedExecutor : builder.executor;
        CacheConfig expiries = builder.config;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.maximumSize())
                .expireAfter(Expiry.writing(
                        (DropletId dropletId, Optional<TeardownStatus> learned) -> expiries.timeToLive(learned)))
                .ticker(builder.ticker::getAsLong)
                .executor(executor)
                // Our own counter, so that a hit on the fast path is counted where Caffeine counts.
                .recordStats(() -> stats)
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
     * @throws TeardownStatusUnavailableException as the wrapped source threw it; also, with reason
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
        // A hit on an answer that arrived and did not fail allocates nothing: asMap().get tells the
        // eviction policy about the read as get(key, function) does, but counts nothing, so the hit is
        // counted here. A failed or unfinished call takes the path below, which replaces or shares it.
        CompletableFuture<Optional<TeardownStatus>> kept = entries.get(dropletId);
        if (kept != null && kept.isDone() && !kept.isCompletedExceptionally()) {
            stats.recordHits(1);
            return kept.join();
        }
        Lookup lookup = lookUp(dropletId, deadline);
        if (!lookup.started() && lookup.answer().isCompletedExceptionally()) {
            // Caffeine drops a failed call in a callback that may run after the waiters wake up; a
            // caller arriving in between must not be handed a failure that is already over.
            cache.asMap().remove(dropletId, lookup.answer());
            lookup = lookUp(dropletId, deadline);
        }
        return await(dropletId, lookup.answer());
    }

    /** Forgets what is kept for this Droplet; a call already under way still answers its waiters. */
    public void invalidate(DropletId dropletId) {
        cache.synchronous().invalidate(Objects.requireNonNull(dropletId, "dropletId"));
    }

    /** Forgets everything kept; calls already under way still answer their waiters. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    public CacheStatistics statistics() {
        CacheStats stats = cache.synchronous().stats();
        return new CacheStatistics(stats.hitCount(), stats.missCount(), stats.loadCount(),
                stats.loadFailureCount(), stats.evictionCount());
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

    long estimatedSize() {
        return cache.synchronous().estimatedSize();
    }

    /** The cache itself, for tests that need to act between two of its steps. */
    AsyncCache<DropletId, Optional<TeardownStatus>> cache() {
        return cache;
    }

    private Lookup lookUp(DropletId dropletId, Optional<Instant> deadline) {
        // The mapping function runs on this thread, inside the call, so a plain array is safe here.
        boolean[] started = {false};
        CompletableFuture<Optional<TeardownStatus>> answer = cache.get(dropletId, (id, executor) -> {
            started[0] = true;
            return CompletableFuture.supplyAsync(() -> fetch(id, deadline), executor);
        });
        return new Lookup(answer, started[0]);
    }

    private Optional<TeardownStatus> fetch(DropletId dropletId, Optional<Instant> deadline) {
        Optional<TeardownStatus> answer = deadline.isPresent()
                ? upstream.statusOf(dropletId, deadline.get()) : upstream.statusOf(dropletId);
        return Objects.requireNonNull(answer,
                () -> "the wrapped source answered null for droplet " + dropletId + " instead of an Optional");
    }

    private static Optional<TeardownStatus> await(
            DropletId dropletId, CompletableFuture<Optional<TeardownStatus>> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TeardownStatusUnavailableException
                    .builder(Reason.TIMEOUT, dropletId,
                            "interrupted while waiting for the status of droplet " + dropletId)
                    .cause(e)
                    .build();
        } catch (ExecutionException e) {
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

    private static ExecutorService loaderThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "teardown-cache-" + count.incrementAndGet());
            // Daemon threads: a program that forgets close() still exits.
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The answer a lookup waits on, and whether this lookup started the call behind it. */
    private record Lookup(CompletableFuture<Optional<TeardownStatus>> answer, boolean started) {
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
