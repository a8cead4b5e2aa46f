package dev.teardown.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.redis.RedisRateBudgetConfig;
import dev.teardown.adapters.redis.RedisTier;
import dev.teardown.domain.RateLimitQuota;
import dev.teardown.ports.in.AwaitTeardownUseCase;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.DestroyTeardownUseCase;
import dev.teardown.ports.in.ListResourcesUseCase;
import dev.teardown.ports.in.RetryTeardownUseCase;
import dev.teardown.ports.in.WatchTeardownsUseCase;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.out.RateLimitQuotaSource;
import dev.teardown.ports.out.Sleeper;
import java.net.URI;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The library's use cases over the DigitalOcean API behind a cache, for platforms that do not use
 * Guice. Build one per token, share it across threads, close it when done.
 *
 * <pre>{@code
 * try (Teardown teardown = Teardown.builder(HttpClientConfig.of(ApiToken.of(token))).build()) {
 *     StatusAnswer check = teardown.check().check(DropletId.of(61486916));
 * }
 * }</pre>
 */
public final class Teardown implements AutoCloseable {

    private final Injector injector;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Teardown(Injector injector) {
        this.injector = injector;
    }

    public static Builder builder(HttpClientConfig http) {
        return new Builder(http);
    }

    /** @throws IllegalStateException once closed; so does every use case it handed out */
    public CheckStatusUseCase check() {
        return open().getInstance(CheckStatusUseCase.class);
    }

    /** @throws IllegalStateException once closed; so does every use case it handed out */
    public AwaitTeardownUseCase await() {
        return open().getInstance(AwaitTeardownUseCase.class);
    }

    /** @throws IllegalStateException once closed; so does every use case it handed out */
    public ListResourcesUseCase resources() {
        return open().getInstance(ListResourcesUseCase.class);
    }

    /**
     * Destroys Droplets with their associated resources; each destroy is sent once, and the cache
     * forgets the Droplet's status.
     *
     * @throws IllegalStateException once closed; so does every use case it handed out
     */
    public DestroyTeardownUseCase destroy() {
        return open().getInstance(DestroyTeardownUseCase.class);
    }

    /**
     * Retries teardowns that completed with failures; each retry is sent once, and the cache forgets
     * the Droplet's status.
     *
     * @throws IllegalStateException once closed; so does every use case it handed out
     */
    public RetryTeardownUseCase retry() {
        return open().getInstance(RetryTeardownUseCase.class);
    }

    /**
     * Watches many teardowns at once on one thread, within the rate budget every call of this Teardown
     * spends from: {@link #await()}'s lookups and the watch's share one budget, so together they stay
     * under the token's limits. The watch waits for a free permit before each lookup and the request
     * takes it, so a request counts once and a lookup the cache answers takes none.
     *
     * @throws IllegalStateException once closed; so does every use case it handed out
     */
    public WatchTeardownsUseCase watch() {
        return open().getInstance(WatchTeardownsUseCase.class);
    }

    /**
     * What the API's latest answer said of the token's rate limit, for dashboards and to slow down
     * before a 429; empty until an answer carried it.
     *
     * @throws IllegalStateException once closed
     */
    public Optional<RateLimitQuota> lastKnownQuota() {
        return open().getInstance(RateLimitQuotaSource.class).lastKnownQuota();
    }

    /**
     * What the rate budget every call spends from has used and has left now, by this Teardown's clock:
     * for dashboards, and to see a {@code RATE_LIMITED} coming. Takes no permit.
     *
     * @throws IllegalStateException once closed
     */
    public RateBudgetState rateBudgetState() {
        Injector injector = open();
        return injector.getInstance(RateBudget.class).state(injector.getInstance(Clock.class).instant());
    }

    /** Closes the connection pool and the cache; every later call is refused. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    // The pool, its threads and the cache are built at first use: a closed Teardown must not build them.
    private Injector open() {
        if (closed.get()) {
            throw new IllegalStateException("this Teardown is closed");
        }
        return injector;
    }

    /**
     * Configures a {@link Teardown}: the HTTP source's settings, the cache's (or no cache), time, the
     * rate budget, a listener for every request and answer, what a platform's dashboards see, and a
     * shared tier on Redis.
     */
    public static final class Builder {
        private final HttpClientConfig http;
        private CacheConfig cache = CacheConfig.defaults();
        private boolean cached = true;
        private Clock clock;
        private Sleeper sleeper = Sleeper.system();
        private ExchangeListener exchangeListener = ExchangeListener.ignoring();
        private RateBudget rateBudget;
        private TeardownInstrumentation instrumentation;
        private RedisConnectionModule redis;
        private RedisRateBudgetConfig redisBudget;
        private Double budgetShare;

        private Builder(HttpClientConfig http) {
            this.http = Objects.requireNonNull(http, "http");
        }

        public Builder cache(CacheConfig cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /** Asks the API on every lookup: nothing is cached, whatever {@link #cache(CacheConfig)} says. */
        public Builder withoutCache() {
            this.cached = false;
            return this;
        }

        /**
         * The clock that deadlines, waits and the cache's expiry follow (default: the system's UTC clock,
         * and {@link System#nanoTime()} for the cache).
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** What waits between lookups and retries (default: {@link Sleeper#system()}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Hears every request and answer, such as for a request log; it is never given the token. */
        public Builder exchangeListener(ExchangeListener exchangeListener) {
            this.exchangeListener = Objects.requireNonNull(exchangeListener, "exchangeListener");
            return this;
        }

        /**
         * The rate budget every call spends from, one permit per request, retries included (default: this
         * Teardown's own, 80 % of DigitalOcean's 250 requests a minute and 5,000 an hour). Give the
         * Teardowns of one token one budget, or a shared one such as Redis's across processes; a call
         * that finds no permit before its deadline fails with {@code RATE_LIMITED} without sending anything.
         */
        public Builder rateBudget(RateBudget rateBudget) {
            this.rateBudget = Objects.requireNonNull(rateBudget, "rateBudget");
            return this;
        }

        /**
         * What sees every call of the API, the cache and the rate budget, for a platform's dashboards and
         * traces: {@code TeardownMetrics} of {@code teardown-metrics} over Micrometer, or one of your own
         * (default: {@link TeardownInstrumentation#none()}, which records nothing and costs nothing).
         */
        public Builder instrumentation(TeardownInstrumentation instrumentation) {
            this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
            return this;
        }

        /**
         * Shares the cache and the rate budget with every instance on this Redis
         * ({@code redis://[:password@]host[:port][/database]}, or {@code rediss://}), under the key prefix
         * {@value RedisTier#DEFAULT_KEY_PREFIX}, with {@link RedisRateBudgetConfig#digitalOcean()}'s limits.
         *
         * @throws IllegalArgumentException when it is not a Redis URI; the message never shows its password
         * @see #redis(URI, String, RedisRateBudgetConfig)
         */
        public Builder redis(URI redisUri) {
            return redis(redisUri, RedisTier.DEFAULT_KEY_PREFIX);
        }

        /**
         * As {@link #redis(URI)}, under this key prefix (such as one per environment sharing a Redis).
         *
         * @throws IllegalArgumentException when it is not a Redis URI or the prefix is not visible ASCII
         *     without braces; the message never shows the URI's password
         */
        public Builder redis(URI redisUri, String keyPrefix) {
            return redis(redisUri, keyPrefix, RedisRateBudgetConfig.digitalOcean());
        }

        /**
         * Shares the cache and the rate budget with every instance on this Redis and key prefix: answers
         * are kept in Redis behind the in-process cache (by the same freshness), one instance asks the API
         * when several miss one Droplet at once, and every call spends from the token's budget held in
         * Redis (named by the token's SHA-256; the token never reaches Redis). While Redis is away or
         * slower than 200 ms, lookups go on with the in-process cache and each instance spends
         * {@code budget}'s fallback share; one warning is logged then, and one note when Redis is back
         * (tried every 5 s). Connects at first use: a Redis that is away now fails nothing. With
         * {@link #rateBudget(RateBudget)}, that budget is spent instead; with {@link #withoutCache()},
         * only the budget is shared.
         *
         * @throws IllegalArgumentException when it is not a Redis URI or the prefix is not visible ASCII
         *     without braces; the message never shows the URI's password
         */
        public Builder redis(URI redisUri, String keyPrefix, RedisRateBudgetConfig budget) {
            this.redisBudget = Objects.requireNonNull(budget, "budget");
            this.redis = new RedisConnectionModule(redisUri, keyPrefix);
            return this;
        }

        /** For tests on a busy machine: the Redis command timeout instead of 200 ms, and a connect timeout at least as long. */
        Builder redisForTests(URI redisUri, String keyPrefix, Duration commandTimeout) {
            this.redisBudget = RedisRateBudgetConfig.digitalOcean();
            this.redis = new RedisConnectionModule(redisUri, keyPrefix, commandTimeout);
            return this;
        }

        /**
         * The share of DigitalOcean's limits the default rate budget may use, in (0, 1] (default
         * {@value RateBudgetConfig#DEFAULT_SHARE}); the rest is left to the token's other users. A budget
         * given to {@link #rateBudget(RateBudget)} carries its own share, so the two do not go together; with
         * {@link #redis(URI)}, it is the share of the budget every instance spends from together.
         *
         * @throws IllegalArgumentException when the share is not above 0 and at most 1
         */
        public Builder budgetShare(double share) {
            RateBudgetConfig.digitalOcean().withShare(share);
            this.budgetShare = share;
            return this;
        }

        /** @throws IllegalStateException when both a rate budget and a budget share were given */
        public Teardown build() {
            if (rateBudget != null && budgetShare != null) {
                throw new IllegalStateException("budgetShare(" + budgetShare + ") sets the share of the default rate"
                        + " budget, and a rate budget was given: set the share on that budget's own configuration");
            }
            TimeModule time = clock == null
                    ? new TimeModule(Clock.systemUTC(), sleeper, System::nanoTime)
                    : new TimeModule(clock, sleeper);
            Module source = cached ? new CachingModule() : new UncachedModule();
            List<Module> modules = new ArrayList<>(List.of(new LifecycleModule(), time,
                    new ConfigurationModule(http, cache, exchangeListener), new HttpSourceModule(), source,
                    new UseCasesModule(), new CommandsModule(), new WatchModule()));
            if (redis != null) {
                // the shared cache only where there is a cache; the tier alone serves the budget
                modules.add(cached ? new RedisTierModule(redis) : redis);
            }
            if (rateBudget != null) {
                modules.add(new RateBudgetModule(rateBudget));
            } else if (redis != null) {
                // a share set here is the instances' share together; alone, none takes more than it either
                RedisRateBudgetConfig shared = budgetShare == null ? redisBudget : new RedisRateBudgetConfig(
                        redisBudget.limits().withShare(budgetShare), Math.min(redisBudget.fallbackShare(), budgetShare),
                        redisBudget.minuteWindow(), redisBudget.hourWindow());
                modules.add(new RedisRateBudgetModule(shared));
            } else if (budgetShare != null) {
                modules.add(new RateBudgetModule(
                        SlidingLogRateBudget.of(RateBudgetConfig.digitalOcean().withShare(budgetShare))));
            }
            if (instrumentation != null) {
                modules.add(new InstrumentationModule(instrumentation));
            }
            return new Teardown(Guice.createInjector(modules));
        }
    }
}
