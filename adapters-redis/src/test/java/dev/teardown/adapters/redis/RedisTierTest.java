package dev.teardown.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.ports.out.Permit;
import dev.teardown.testkit.JavaLogCapture;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tier on a Redis that asks for a password: the password is used, and shown nowhere. */
class RedisTierTest {

    /** A command timeout far above any command here: a slow first command must not pass for an outage. */
    private static final Duration SLOW_MACHINE = Duration.ofSeconds(2);

    private static final String PASSWORD = "s3cret-Pa55word";
    private static final String WRONG_PASSWORD = "wr0ng-Pa55word";

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create().withPassword(PASSWORD);

    private final ManualClock clock = ManualClock.at("2026-11-30T10:00:00Z");
    private final String token = "dop_v1_" + UUID.randomUUID();

    private static URI withPassword(String password) {
        return URI.create("redis://:" + password + "@127.0.0.1:" + REDIS.port());
    }

    @Test
    void ask_passwordInTheUri_isUsedToConnect() {
        try (RedisTier tier = RedisTier.builder(withPassword(PASSWORD)).clock(clock).commandTimeout(SLOW_MACHINE).build();
                RedisInspector redis = RedisInspector.of(REDIS)) {
            RedisRateBudget budget = RedisRateBudget.of(tier, token, RedisRateBudgetConfig.digitalOcean(1));

            assertThat(budget.tryAcquire(clock.instant())).isInstanceOf(Permit.Granted.class);

            assertThat(tier.isAvailable()).isTrue();
            assertThat(redis.commands().zcard(BudgetKeys.of(RedisTier.DEFAULT_KEY_PREFIX, token).permits())).isEqualTo(1);
        }
    }

    @Test
    void toString_passwordInTheUri_isNotShown() {
        try (RedisTier tier = RedisTier.builder(withPassword(PASSWORD)).commandTimeout(SLOW_MACHINE).build()) {
            RedisRateBudget budget = RedisRateBudget.of(tier, token, RedisRateBudgetConfig.digitalOcean(1));

            assertThat(tier.toString())
                    .isEqualTo("RedisTier[redis://[redacted]@127.0.0.1:" + REDIS.port() + ", keyPrefix teardown:]");
            assertThat(budget.toString()).doesNotContain(PASSWORD).doesNotContain(token);
        }
    }

    @Test
    void ask_wrongPassword_fallsBackWithOneWarningThatShowsNoPassword() {
        try (JavaLogCapture log = JavaLogCapture.of("dev.teardown", "io.lettuce", "io.netty", "reactor");
                RedisTier tier = RedisTier.builder(withPassword(WRONG_PASSWORD)).clock(clock).build()) {
            RedisRateBudget budget = RedisRateBudget.of(tier, token, RedisRateBudgetConfig.digitalOcean(1));

            assertThat(budget.tryAcquire(clock.instant())).isInstanceOf(Permit.Granted.class);
            assertThat(budget.tryAcquire(clock.instant())).isInstanceOf(Permit.Granted.class);

            assertThat(tier.isAvailable()).isFalse();
            assertThat(log.linesAtOrAbove(Level.FINEST)).filteredOn(line -> line.startsWith("WARNING")).singleElement()
                    .asString()
                    .contains("Redis at redis://[redacted]@127.0.0.1:" + REDIS.port() + " does not answer")
                    .contains("WRONGPASS");
            // Lettuce's own FINEST protocol trace shows every command sent, AUTH included: that level is for debugging only
            assertThat(String.join("\n", log.linesAtOrAbove(Level.FINE)))
                    .doesNotContain(WRONG_PASSWORD)
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void build_notARedisUri_failsWithoutShowingThePassword() {
        assertThatThrownBy(() -> RedisTier.create(URI.create("http://:" + PASSWORD + "@127.0.0.1:6380")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Redis URI starts with redis:// or rediss://, was http://[redacted]@127.0.0.1:6380");
    }

    @Test
    void builder_hostJavaCannotParse_failsShowingItWithoutThePassword() {
        assertThatThrownBy(() -> RedisTier.builder(URI.create("redis://app:" + PASSWORD + "@redis_primary:6379/2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Redis URI names a host, redis://[redacted]@redis_primary:6379/2 does not");
    }

    @Test
    void shown_userAndPassword_areBothLeftOut() {
        assertThat(RedisTier.shown(URI.create("rediss://app:" + PASSWORD + "@cache.internal:6380/1")))
                .isEqualTo("rediss://[redacted]@cache.internal:6380/1");
        assertThat(RedisTier.shown(URI.create("redis://127.0.0.1"))).isEqualTo("redis://127.0.0.1");
    }

    @Test
    void build_redisThatIsAway_failsNothing() throws IOException {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = socket.getLocalPort();
        }
        try (RedisTier tier = RedisTier.builder(URI.create("redis://127.0.0.1:" + nobodyListens)).clock(clock).build()) {
            RedisRateBudget budget = RedisRateBudget.of(tier, token, RedisRateBudgetConfig.digitalOcean(1));

            assertThat(budget.tryAcquire(clock.instant())).isInstanceOf(Permit.Granted.class);
            assertThat(budget.state(clock.instant()).usedLastMinute()).isEqualTo(1);
            assertThat(tier.isAvailable()).isFalse();
        }
    }

    @Test
    void close_thenABudgetIsUsed_isRefused() {
        RedisTier tier = RedisTier.create(withPassword(PASSWORD));
        RedisRateBudget budget = RedisRateBudget.of(tier, token, RedisRateBudgetConfig.digitalOcean(1));

        tier.close();
        tier.close();

        assertThatThrownBy(() -> budget.tryAcquire(clock.instant()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this RedisTier is closed");
    }

    @Test
    void keyPrefix_withABrace_isRefused() {
        RedisTier.Builder builder = RedisTier.builder(withPassword(PASSWORD));

        assertThatThrownBy(() -> builder.keyPrefix("teardown:{prod}:")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without braces");
    }

    @Test
    void commandTimeout_zero_isRefused() {
        RedisTier.Builder builder = RedisTier.builder(withPassword(PASSWORD));

        assertThatThrownBy(() -> builder.commandTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commandTimeout must be positive, was PT0S");
    }
}
