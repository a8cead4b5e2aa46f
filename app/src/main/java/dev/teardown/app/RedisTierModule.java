package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.redis.RedisTeardownStatusSource;
import dev.teardown.adapters.redis.RedisTier;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.service.FreshnessPolicy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the shared cache on Redis in the source chain behind the in-process cache (Caffeine, then
 * Redis, then the origin), keeping answers by the bound {@link FreshnessPolicy}, else the
 * {@link CacheConfig}'s, else the defaults. To share the rate budget too, build the {@link RedisTier}
 * yourself, give it here and to {@code RedisRateBudget.of} for a {@link RateBudgetModule}.
 */
public final class RedisTierModule extends AbstractModule {

    /** The shared cache's place in the chain: behind the in-process cache. */
    public static final int ORDER = 200;

    private final URI redisUri;
    private final String keyPrefix;
    private final RedisTier givenTier;

    /** A tier on this Redis with this key prefix, opened by the injector and closed with its {@link Lifecycle}. */
    public RedisTierModule(URI redisUri, String keyPrefix) {
        this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.givenTier = null;
    }

    /** A tier on this Redis with the default key prefix ({@value RedisTier#DEFAULT_KEY_PREFIX}). */
    public RedisTierModule(URI redisUri) {
        this(redisUri, RedisTier.DEFAULT_KEY_PREFIX);
    }

    /** A tier built by the caller, who closes it (it may serve a shared rate budget as well). */
    public RedisTierModule(RedisTier tier) {
        this.givenTier = Objects.requireNonNull(tier, "tier");
        this.redisUri = null;
        this.keyPrefix = null;
    }

    @Override
    protected void configure() {
        install(new SourceChainModule());
        OptionalBinder.newOptionalBinder(binder(), FreshnessPolicy.class);
        OptionalBinder.newOptionalBinder(binder(), CacheConfig.class);
    }

    @Provides
    @Singleton
    RedisTier tier(Lifecycle lifecycle) {
        return givenTier != null ? givenTier
                : lifecycle.register(RedisTier.builder(redisUri).keyPrefix(keyPrefix).build());
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
        return other instanceof RedisTierModule module && Objects.equals(redisUri, module.redisUri)
                && Objects.equals(keyPrefix, module.keyPrefix) && givenTier == module.givenTier;
    }

    @Override
    public int hashCode() {
        return Objects.hash(redisUri, keyPrefix, System.identityHashCode(givenTier));
    }
}
