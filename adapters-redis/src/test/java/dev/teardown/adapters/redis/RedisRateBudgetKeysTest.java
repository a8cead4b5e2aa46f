package dev.teardown.adapters.redis;

import static dev.teardown.testkit.RateLimitFeedbackBuilder.answerAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.ports.out.Permit;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the budget leaves in Redis: four keys named by a hash of the token, which never appear there itself. */
class RedisRateBudgetKeysTest {

    /** The extension gives each test a fresh server: only this test's keys are in it. */
    @RegisterExtension
    final RedisServerExtension redis = RedisServerExtension.create();

    private static final String TOKEN = "dop_v1_4d7c5f2b9e8a1c3d6f0b2a4c6e8d0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e";

    private final ManualClock clock = ManualClock.at("2026-11-30T10:00:00Z");
    private RedisTier tier;
    private RedisInspector inspector;

    @BeforeEach
    void connect() {
        tier = RedisTier.builder(redis.uri()).keyPrefix("platform-7:").clock(clock)
                .commandTimeout(Duration.ofSeconds(2)).build();
        inspector = RedisInspector.of(redis);
    }

    @AfterEach
    void close() {
        inspector.close();
        tier.close();
    }

    /** Every kind of key the budget writes: permits, a pause, a learned remaining and a learned limit. */
    private void useEveryKey() {
        RedisRateBudget budget = RedisRateBudget.of(tier, TOKEN, RedisRateBudgetConfig.digitalOcean(2));
        Instant now = clock.instant();
        budget.tryAcquire(now);
        budget.onAnswer(answerAt(now).limit(5000).remaining(4000).reset(now.plusSeconds(600)).build());
        budget.onAnswer(answerAt(now).tooManyRequests().retryAfter(now.plusSeconds(30)).build());
        budget.state(now);
        assertThat(tier.isAvailable()).isTrue();
    }

    @Test
    void keys_areThePrefixRateAndTheTokensHashInBraces() throws Exception {
        useEveryKey();

        String hash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        assertThat(inspector.keys()).containsExactlyInAnyOrder(
                "platform-7:rate:{" + hash + "}:permits",
                "platform-7:rate:{" + hash + "}:pause",
                "platform-7:rate:{" + hash + "}:learned",
                "platform-7:rate:{" + hash + "}:limit");
    }

    @Test
    void ofTokenHash_spendsFromTheSameKeysAsTheToken() throws Exception {
        String sha256 = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
        RedisRateBudget byToken = RedisRateBudget.of(tier, TOKEN, RedisRateBudgetConfig.digitalOcean(2));
        RedisRateBudget byHash = RedisRateBudget.ofTokenHash(tier, sha256.toUpperCase(), RedisRateBudgetConfig.digitalOcean(2));

        byToken.tryAcquire(clock.instant());
        byHash.tryAcquire(clock.instant());

        assertThat(byHash.state(clock.instant()).usedLastMinute()).isEqualTo(2);
        assertThat(byHash.toString()).isEqualTo(byToken.toString());
    }

    @Test
    void ofTokenHash_notAHash_isRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> RedisRateBudget.ofTokenHash(tier, TOKEN, RedisRateBudgetConfig.digitalOcean(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenSha256Hex must be the 64 hex digits of a SHA-256, was " + TOKEN.length()
                        + " characters (not shown)");
    }

    @Test
    void keysAndValues_neverHoldTheToken() {
        useEveryKey();

        List<String> keys = inspector.keys();
        assertThat(keys).hasSize(4).allSatisfy(key -> assertThat(key).doesNotContain(TOKEN).doesNotContain("dop_v1_"));
        for (String key : keys) {
            assertThat(inspector.contentsOf(key)).isNotEmpty().allSatisfy(
                    text -> assertThat(text).doesNotContain(TOKEN).doesNotContain("dop_v1_"));
        }
    }

    @Test
    void keys_allExpireWithinAnHourWhenIdle() {
        useEveryKey();

        for (String key : inspector.keys()) {
            assertThat(inspector.commands().pttl(key)).as("milliseconds left of %s", key).isBetween(1L, 3_600_000L);
        }
    }

    @Test
    void tryAcquire_scriptFlushedFromTheServer_isLoadedAgain() {
        RedisRateBudget budget = RedisRateBudget.of(tier, TOKEN, RedisRateBudgetConfig.digitalOcean(2));
        budget.tryAcquire(clock.instant());

        inspector.commands().scriptFlush();

        assertThat(budget.tryAcquire(clock.instant())).isInstanceOf(Permit.Granted.class);
        assertThat(tier.isAvailable()).isTrue();
        assertThat(inspector.commands().scriptExists(RateBudgetScript.SHA1)).containsExactly(true);
        assertThat(budget.state(clock.instant()).usedLastMinute()).isEqualTo(2);
    }
}
