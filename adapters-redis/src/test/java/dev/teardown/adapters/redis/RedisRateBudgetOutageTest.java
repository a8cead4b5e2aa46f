package dev.teardown.adapters.redis;

import static dev.teardown.testkit.RateLimitFeedbackBuilder.answerAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.testkit.JavaLogCapture;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stopped, hung and brought back in the middle of a run: permits keep coming within this
 * instance's fallback share, the host's log gets one warning and one note, and the shared budget is
 * used again once Redis answers a probe.
 */
class RedisRateBudgetOutageTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create();

    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    /** DigitalOcean's limits for four instances: 200 a minute together, 50 for one alone. */
    /** The command timeout of the test of a hung Redis. */
    private static final Duration HUNG = Duration.ofMillis(500);

    private static final RedisRateBudgetConfig CONFIG = RedisRateBudgetConfig.digitalOcean(4);

    private final ManualClock clock = ManualClock.at("2026-11-30T10:00:00Z");
    private final String token = "dop_v1_" + UUID.randomUUID();
    private final BudgetKeys keys = BudgetKeys.of(RedisTier.DEFAULT_KEY_PREFIX, token);
    private JavaLogCapture log;
    private RedisTier tier;
    private RedisRateBudget budget;

    @BeforeEach
    void start() {
        log = JavaLogCapture.of("dev.teardown", "io.lettuce", "io.netty", "reactor");
        // A command timeout far above any command here: a slow first command must not pass for an outage.
        tier = RedisTier.builder(REDIS.uri()).clock(clock).probeInterval(PROBE_INTERVAL)
                .commandTimeout(Duration.ofSeconds(2)).build();
        budget = RedisRateBudget.of(tier, token, CONFIG);
    }

    @AfterEach
    void stop() {
        try {
            tier.close();
            assertThat(log.linesAtOrAbove(Level.INFO)).as("Lettuce and Netty stay quiet, closing included")
                    .allMatch(line -> line.contains(" dev.teardown.adapters.redis.RedisTier: "));
        } finally {
            log.close();
        }
    }

    private static int takeAll(RateBudget budget, Instant at) {
        int granted = 0;
        while (budget.tryAcquire(at) instanceof Permit.Granted) {
            granted++;
        }
        return granted;
    }

    /** Permits the shared budget in Redis holds, read with a client of the test's own. */
    private static long permitsInRedis(BudgetKeys keys) {
        try (RedisInspector redis = RedisInspector.of(REDIS)) {
            return redis.commands().zcard(keys.permits());
        }
    }

    @Test
    void tryAcquire_redisStopsAndComesBack_permitsKeepComingWithOneWarningAndOneNote() {
        for (int i = 0; i < 10; i++) {
            assertThat(budget.tryAcquire(clock.instant())).isInstanceOf(Permit.Granted.class);
        }
        assertThat(permitsInRedis(keys)).isEqualTo(10);

        REDIS.stop();

        assertThat(takeAll(budget, clock.instant())).as("this instance's share of a minute").isEqualTo(50);
        assertThat(tier.isAvailable()).isFalse();
        assertThat(budget.state(clock.instant()).allowedPerMinute()).isEqualTo(50);
        for (int second = 0; second < 20; second++) {
            clock.advance(Duration.ofSeconds(1));
            budget.tryAcquire(clock.instant());
        }
        assertThat(log.linesAtOrAbove(Level.INFO)).singleElement().asString()
                .startsWith("WARNING dev.teardown.adapters.redis.RedisTier: Redis at " + REDIS.uri() + " does not answer (");

        REDIS.start();
        clock.advance(PROBE_INTERVAL);

        assertThat(budget.tryAcquire(clock.instant())).isInstanceOf(Permit.Granted.class);
        assertThat(tier.isAvailable()).isTrue();
        assertThat(permitsInRedis(keys)).as("the restarted Redis holds the new permit").isEqualTo(1);
        assertThat(budget.state(clock.instant()).allowedPerMinute()).isEqualTo(200);
        assertThat(log.linesAtOrAbove(Level.INFO)).hasSize(2).last().asString()
                .isEqualTo("INFO dev.teardown.adapters.redis.RedisTier: Redis at " + REDIS.uri()
                        + " answers again after 25 s; the shared cache and rate budget are used again");
    }

    @Test
    void tryAcquire_redisBackBeforeTheProbeInterval_isAskedOnlyWhenItHasPassed() {
        budget.tryAcquire(clock.instant());
        REDIS.stop();
        budget.tryAcquire(clock.instant());
        REDIS.start();

        clock.advance(PROBE_INTERVAL.minusMillis(1));
        budget.tryAcquire(clock.instant());
        assertThat(tier.isAvailable()).isFalse();
        assertThat(permitsInRedis(keys)).isZero();

        clock.advance(Duration.ofMillis(1));
        budget.tryAcquire(clock.instant());
        assertThat(tier.isAvailable()).isTrue();
        assertThat(permitsInRedis(keys)).isEqualTo(1);
    }

    @Test
    void tryAcquire_redisStillAwayAtTheProbe_staysOnTheFallbackWithoutAnotherWarning() {
        budget.tryAcquire(clock.instant());
        REDIS.stop();
        budget.tryAcquire(clock.instant());

        for (int probe = 0; probe < 3; probe++) {
            clock.advance(PROBE_INTERVAL);
            assertThat(budget.tryAcquire(clock.instant())).isInstanceOf(Permit.Granted.class);
        }

        assertThat(tier.isAvailable()).isFalse();
        assertThat(log.linesAtOrAbove(Level.INFO)).hasSize(1);
    }

    @Test
    void tryAcquire_redisHangs_fallsBackWithinTheCommandTimeout() {
        tier.close();
        tier = RedisTier.builder(REDIS.uri()).clock(clock).probeInterval(PROBE_INTERVAL).commandTimeout(HUNG).build();
        budget = RedisRateBudget.of(tier, token, CONFIG);
        budget.tryAcquire(clock.instant());
        REDIS.suspend();
        try {
            long started = System.nanoTime();
            Permit first = budget.tryAcquire(clock.instant());
            Duration firstTook = Duration.ofNanos(System.nanoTime() - started);
            started = System.nanoTime();
            Permit second = budget.tryAcquire(clock.instant());
            Duration secondTook = Duration.ofNanos(System.nanoTime() - started);

            assertThat(first).isInstanceOf(Permit.Granted.class);
            assertThat(second).isInstanceOf(Permit.Granted.class);
            assertThat(firstTook).isGreaterThanOrEqualTo(HUNG);
            assertThat(secondTook).as("Redis is not asked again before the probe").isLessThan(HUNG);
            assertThat(log.linesAtOrAbove(Level.INFO)).singleElement().asString()
                    .contains("does not answer (RedisCommandTimeoutException: Command timed out after 500 millisecond(s))");
        } finally {
            REDIS.resume();
        }
    }

    @Test
    void tryAcquire_redisGoesAwayDuringA429Pause_theFallbackKeepsThePause() {
        Instant now = clock.instant();
        budget.onAnswer(answerAt(now).tooManyRequests().retryAfter(now.plusSeconds(30)).build());

        REDIS.stop();

        assertThat(budget.tryAcquire(now)).isEqualTo(new Permit.Denied(now.plusSeconds(30)));
        assertThat(tier.isAvailable()).isFalse();
    }

    @Test
    void onAnswer_whileRedisIsAway_isNotLostToTheFallback() {
        REDIS.stop();
        Instant now = clock.instant();

        budget.onAnswer(answerAt(now).remaining(20).reset(now.plusSeconds(600)).build());

        assertThat(takeAll(budget, now)).as("a fallback share of 0.2 of 20").isEqualTo(4);
    }
}
