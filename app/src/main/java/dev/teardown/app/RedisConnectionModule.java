package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.adapters.redis.RedisTier;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Binds the injector's one {@link RedisTier}: built on the bound {@link Clock} and closed with the
 * {@link Lifecycle}, or given by the caller, who closes it. {@link RedisTierModule} installs it; a
 * {@link RedisRateBudgetModule} without the shared cache needs it alone.
 */
final class RedisConnectionModule extends AbstractModule {

    private final URI redisUri;
    private final String keyPrefix;
    private final RedisTier givenTier;
    private final Duration commandTimeout;

    /** @throws IllegalArgumentException when the URI or the key prefix is not one a tier takes (the password is not shown) */
    RedisConnectionModule(URI redisUri, String keyPrefix) {
        this(redisUri, keyPrefix, RedisTier.DEFAULT_COMMAND_TIMEOUT);
    }

    /** For tests on a busy machine: command and connect timeouts longer than a scheduling hiccup. */
    RedisConnectionModule(URI redisUri, String keyPrefix, Duration commandTimeout) {
        this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.givenTier = null;
        // fails now, while the caller configures, rather than at the first lookup; connects to nothing
        RedisTier.builder(redisUri).keyPrefix(keyPrefix).commandTimeout(commandTimeout);
    }

    RedisConnectionModule(RedisTier tier) {
        this.givenTier = Objects.requireNonNull(tier, "tier");
        this.redisUri = null;
        this.keyPrefix = null;
        this.commandTimeout = null;
    }

    @Provides
    @Singleton
    RedisTier tier(Lifecycle lifecycle, Clock clock) {
        return givenTier != null ? givenTier
                : lifecycle.register(RedisTier.builder(redisUri).keyPrefix(keyPrefix).commandTimeout(commandTimeout)
                        .connectTimeout(max(commandTimeout, RedisTier.DEFAULT_CONNECT_TIMEOUT)).clock(clock).build());
    }

    private static Duration max(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    // Guice installs equal modules once: the cache and the budget may both ask for the same tier.
    @Override
    public boolean equals(Object other) {
        return other instanceof RedisConnectionModule module && Objects.equals(redisUri, module.redisUri)
                && Objects.equals(keyPrefix, module.keyPrefix) && Objects.equals(commandTimeout, module.commandTimeout)
                && givenTier == module.givenTier;
    }

    @Override
    public int hashCode() {
        return Objects.hash(redisUri, keyPrefix, commandTimeout, System.identityHashCode(givenTier));
    }

    @Override
    public String toString() {
        return "RedisConnectionModule[" + (givenTier != null ? givenTier : RedisTier.shown(redisUri) + ", keyPrefix " + keyPrefix) + "]";
    }
}
