package dev.teardown.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.testkit.RateBudgetContract;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The script against a real redis-server, on the test's instants instead of the server's clock (the
 * package-private hook), so that windows' edges are exact. The fallback is a single permit, so a test
 * that Redis did not answer fails.
 */
class RedisRateBudgetContractTest extends RateBudgetContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create();

    private static RedisTier tier;

    @BeforeAll
    static void connect() {
        // A command timeout far above any command here: a slow first command must not pass for an outage.
        tier = RedisTier.builder(REDIS.uri()).commandTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void close() {
        tier.close();
    }

    @Override
    protected RateBudget budget(RateBudgetConfig config) {
        RedisRateBudgetConfig shared = RedisRateBudgetConfig.of(config, 1).withFallbackShare(0.0001);
        return RedisRateBudget.onCallersClock(tier, "dop_v1_" + UUID.randomUUID(), shared);
    }

    @AfterEach
    void redisAnsweredEveryCall() {
        assertThat(tier.isAvailable()).as("Redis answered every call").isTrue();
    }
}
