package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.util.Modules;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.redis.RedisRateBudgetConfig;
import dev.teardown.adapters.redis.RedisTeardownStatusSource;
import dev.teardown.adapters.redis.RedisTier;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.service.FreshnessPolicy;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Puts the shared cache on Redis in the source chain behind the in-process cache (Caffeine, then
 * Redis, then the origin), keeping answers by the bound {@link FreshnessPolicy}, else the
 * {@link CacheConfig}'s, else the defaults. {@link #withSharedRateBudget} puts the token's rate budget on
 * the same Redis too.
 */
public final class RedisTierModule extends AbstractModule {

    /** The shared cache's place in the chain: behind the in-process cache. */
    public static final int ORDER = 200;

    private final RedisConnectionModule connection;

    /**
     * A tier on this Redis with this key prefix, opened by the injector on its clock and closed with its
     * {@link Lifecycle}.
     *
     * @throws IllegalArgumentException when the URI is not a Redis URI or the prefix not one a tier takes;
     *     the message never shows the URI's password
     */
    public RedisTierModule(URI redisUri, String keyPrefix) {
        this.connection = new RedisConnectionModule(redisUri, keyPrefix);
    }

    /** A tier on this Redis with the default key prefix ({@value RedisTier#DEFAULT_KEY_PREFIX}). */
    public RedisTierModule(URI redisUri) {
        this(redisUri, RedisTier.DEFAULT_KEY_PREFIX);
    }

    /** A tier built by the caller, who closes it. */
    public RedisTierModule(RedisTier tier) {
        this.connection = new RedisConnectionModule(tier);
    }

    RedisTierModule(RedisConnectionModule connection) {
        this.connection = connection;
    }

    /**
     * This module and a {@link RedisRateBudgetModule}: the shared cache and the token's rate budget on one
     * Redis, with this config's limits and per-instance fallback share.
     */
    public Module withSharedRateBudget(RedisRateBudgetConfig config) {
        return Modules.combine(this, new RedisRateBudgetModule(config));
    }

    @Override
    protected void configure() {
        install(connection);
        install(new SourceChainModule());
        OptionalBinder.newOptionalBinder(binder(), FreshnessPolicy.class);
        OptionalBinder.newOptionalBinder(binder(), CacheConfig.class);
    }

    @ProvidesIntoSet
    StatusSourceDecorator sharedCache(RedisTier tier, Optional<FreshnessPolicy> freshness, Optional<CacheConfig> cache,
            Clock clock, Sleeper sleeper) {
        FreshnessPolicy policy = freshness.or(() -> cache.map(CacheConfig::freshness)).orElseGet(FreshnessPolicy::defaults);
        return StatusSourceDecorator.of(ORDER, inner -> RedisTeardownStatusSource.builder(tier, inner)
                .freshness(policy).clock(clock).sleeper(sleeper).build());
    }

    // Guice installs equal modules once; two tiers in one chain would collide on the order.
    @Override
    public boolean equals(Object other) {
        return other instanceof RedisTierModule module && connection.equals(module.connection);
    }

    @Override
    public int hashCode() {
        return connection.hashCode();
    }
}
