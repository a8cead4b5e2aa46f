package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.redis.RedisRateBudget;
import dev.teardown.adapters.redis.RedisRateBudgetConfig;
import dev.teardown.adapters.redis.RedisTier;
import dev.teardown.ports.out.RateBudget;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * Puts the token's rate budget on Redis in place of {@link HttpSourceModule}'s default: one budget for
 * every instance that uses the same token and key prefix, named by the token's SHA-256 (the token itself
 * never reaches Redis), with the config's per-instance fallback share while Redis is away. Needs the
 * {@link RedisTier} that {@link RedisTierModule} binds; {@link RedisTierModule#withSharedRateBudget}
 * installs both. Not beside a {@link RateBudgetModule}: there is one budget.
 */
public final class RedisRateBudgetModule extends AbstractModule {

    private final RedisRateBudgetConfig config;

    public RedisRateBudgetModule(RedisRateBudgetConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), RateBudget.class).setBinding().to(RedisRateBudget.class);
    }

    @Provides
    @Singleton
    RedisRateBudget budget(RedisTier tier, HttpClientConfig http) {
        return RedisRateBudget.ofTokenHash(tier, http.token().sha256Hex(), config);
    }
}
