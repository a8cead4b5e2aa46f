package dev.teardown.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.adapters.redis.RedisTier;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;
import dev.teardown.testkit.JavaLogCapture;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.TeardownStatusBuilder;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Teardown.builder(…).redis(…)}: the cache and the rate budget shared through a real redis-server. */
class TeardownRedisTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create();

    private static final String TOKEN = "dop_v1_9b1de3f7a0c24e6b8d5f1a3c7e9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5";
    private static final String PASSWORD = "s3cret-Pa55word";
    /** A command timeout far above any command here: a slow command on a busy machine must not pass for an outage. */
    private static final Duration SLOW_MACHINE = Duration.ofSeconds(2);

    private final String prefix = "app-" + UUID.randomUUID() + ":";
    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private Teardown.Builder builder() {
        return Teardown.builder(HttpClientConfig.builder(ApiToken.of(TOKEN)).baseUrl(api.baseUrl()).build());
    }

    private void answerSucceeded(long... dropletIds) {
        for (long id : dropletIds) {
            api.stubFor(get(urlPathEqualTo(path(id))).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(StatusDocuments.write(TeardownStatusBuilder.status(id).completedAt("2026-11-30T10:00:09Z")
                            .dropletDestroyedAt("web", "2026-11-30T10:00:08Z").failures(0).build()))));
        }
    }

    private static String path(long dropletId) {
        return "/v2/droplets/" + dropletId + "/destroy_with_associated_resources/status";
    }

    private int asked(long dropletId) {
        return api.countRequestsMatching(getRequestedFor(urlPathEqualTo(path(dropletId))).build()).getCount();
    }

    private List<String> keysOfThisTest() {
        return REDIS.keys().stream().filter(key -> key.startsWith(prefix)).toList();
    }

    private static String tokenHash() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 32);
    }

    @Test
    void redis_twoInstances_shareTheCacheAndTheRateBudget() throws Exception {
        answerSucceeded(101);
        try (Teardown one = builder().redis(REDIS.uri(), prefix).build();
                Teardown two = builder().redisForTests(REDIS.uri(), prefix, SLOW_MACHINE).build()) {
            one.check().check(DropletId.of(101));
            two.check().check(DropletId.of(101));

            assertThat(asked(101)).as("the second instance is answered by Redis").isEqualTo(1);
            assertThat(two.rateBudgetState().usedLastMinute()).as("one budget: the permit the first spent").isEqualTo(1);
        }

        String budget = prefix + "rate:{" + tokenHash() + "}:";
        assertThat(keysOfThisTest()).contains(prefix + "status:{101}", budget + "permits")
                .allSatisfy(key -> assertThat(key).doesNotContain(TOKEN).doesNotContain("dop_v1_"));
        assertThat(REDIS.get(prefix + "status:{101}")).hasValueSatisfying(value -> assertThat(value).startsWith("TS1\n"));
    }

    @Test
    void redis_withoutAPrefix_usesTheDefaultOne() {
        answerSucceeded(102);
        try (Teardown teardown = builder().redis(REDIS.uri()).build()) {
            teardown.check().check(DropletId.of(102));
        }

        assertThat(REDIS.keys()).contains(RedisTier.DEFAULT_KEY_PREFIX + "status:{102}");
    }

    @Test
    void redis_withARateBudgetOfItsOwn_spendsThatOneAndSharesTheCache() {
        answerSucceeded(103);
        try (Teardown teardown = builder().redisForTests(REDIS.uri(), prefix, SLOW_MACHINE)
                .rateBudget(SlidingLogRateBudget.of(RateBudgetConfig.digitalOcean())).build()) {
            teardown.check().check(DropletId.of(103));

            assertThat(teardown.rateBudgetState().usedLastMinute()).isEqualTo(1);
        }

        assertThat(keysOfThisTest()).containsExactly(prefix + "status:{103}");
    }

    @Test
    void redis_withoutCache_sharesOnlyTheRateBudget() throws Exception {
        answerSucceeded(104);
        try (Teardown one = builder().withoutCache().redisForTests(REDIS.uri(), prefix, SLOW_MACHINE).build();
                Teardown two = builder().withoutCache().redisForTests(REDIS.uri(), prefix, SLOW_MACHINE).build()) {
            one.check().check(DropletId.of(104));
            two.check().check(DropletId.of(104));

            assertThat(asked(104)).isEqualTo(2);
            assertThat(one.rateBudgetState().usedLastMinute()).isEqualTo(2);
        }

        assertThat(keysOfThisTest()).containsExactly(prefix + "rate:{" + tokenHash() + "}:permits");
    }

    @Test
    void redis_notARedisUri_failsWithoutShowingThePassword() {
        Teardown.Builder builder = builder();

        assertThatThrownBy(() -> builder.redis(URI.create("http://app:" + PASSWORD + "@127.0.0.1:6379")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Redis URI starts with redis:// or rediss://, was http://[redacted]@127.0.0.1:6379");
        assertThatThrownBy(() -> builder.redis(REDIS.uri(), "with {braces}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without braces");
    }

    @Test
    void redis_awayFromTheStart_lookupsGoOnWithOneWarningThatShowsNoPassword() throws IOException {
        answerSucceeded(105, 106);
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = socket.getLocalPort();
        }
        URI away = URI.create("redis://:" + PASSWORD + "@127.0.0.1:" + nobodyListens);
        try (JavaLogCapture log = JavaLogCapture.of("dev.teardown");
                Teardown teardown = builder().redis(away, prefix).build()) {
            teardown.check().check(DropletId.of(105));
            teardown.check().check(DropletId.of(106));

            assertThat(asked(105) + asked(106)).isEqualTo(2);
            assertThat(redisLines(log, Level.WARNING)).singleElement().asString()
                    .contains("Redis at redis://[redacted]@127.0.0.1:" + nobodyListens + " does not answer")
                    .doesNotContain(PASSWORD);
            assertThat(String.join("\n", log.linesAtOrAbove(Level.ALL))).doesNotContain(PASSWORD);
        }
    }

    @Test
    void redis_stoppedMidRun_lookupsGoOnWithOneWarningEachAndTheSharedTierIsUsedAgainOnceBack() {
        answerSucceeded(111, 112, 113, 114);
        ManualClock clock = ManualClock.at("2026-11-30T10:00:00Z");
        try (JavaLogCapture log = JavaLogCapture.of("dev.teardown");
                Teardown one = builder().clock(clock).sleeper(clock.sleeper())
                        .redisForTests(REDIS.uri(), prefix, SLOW_MACHINE).build();
                Teardown two = builder().clock(clock).sleeper(clock.sleeper())
                        .redisForTests(REDIS.uri(), prefix, SLOW_MACHINE).build()) {
            one.check().check(DropletId.of(111));
            two.check().check(DropletId.of(111));
            assertThat(asked(111)).isEqualTo(1);

            REDIS.stop();
            for (long id : new long[] {112, 113}) {
                one.check().check(DropletId.of(id));
                two.check().check(DropletId.of(id));
            }

            assertThat(asked(112) + asked(113)).as("each instance asks for itself").isEqualTo(4);
            assertThat(redisLines(log, Level.WARNING)).as("one warning per instance, not per lookup").hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("does not answer")
                            .contains("lookups skip the shared cache and each instance spends only its own share"));

            REDIS.start();
            clock.advance(RedisTier.DEFAULT_PROBE_INTERVAL);
            one.check().check(DropletId.of(114));
            two.check().check(DropletId.of(114));

            assertThat(asked(114)).as("shared again").isEqualTo(1);
            assertThat(redisLines(log, Level.INFO)).hasSize(4).filteredOn(line -> line.startsWith("INFO")).hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("answers again"));
        }
        api.verify(6, anyRequestedFor(anyUrl()));
    }

    private static List<String> redisLines(JavaLogCapture log, Level level) {
        return log.linesAtOrAbove(level).stream().filter(line -> line.contains("RedisTier")).toList();
    }
}
