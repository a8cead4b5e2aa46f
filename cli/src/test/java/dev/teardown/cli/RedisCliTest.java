package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --redis} and {@code TEARDOWN_REDIS_URL}: command runs share the cache through a real redis-server. */
class RedisCliTest {

    /** A fresh server for each test: runs of one test share only what that test put there. */
    @RegisterExtension
    final RedisServerExtension redis = RedisServerExtension.create();

    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";
    private static final String PATH = "/v2/droplets/61486916/destroy_with_associated_resources/status";
    private static final String PASSWORD = "s3cret-Pa55word";

    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        // succeeded: fresh for ten minutes, in Redis as in each process
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ReferenceExamples.checkStatusDocJson())));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private Map<String, String> environment() {
        return Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl());
    }

    private static int nobodyListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void status_twoRunsWithRedis_theSecondAsksTheApiNothing() {
        CliRun first = CliRun.of(environment(), "status", "61486916", "--redis", redis.uri().toString());
        CliRun second = CliRun.of(environment(), "status", "61486916", "--redis", redis.uri().toString());

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(first.err() + second.err()).isEmpty();
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
        assertThat(redis.keys()).contains("teardown:status:{61486916}");
    }

    @Test
    void status_redisUrlFromTheEnvironment_isUsed() {
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("TEARDOWN_REDIS_URL", redis.uri().toString());

        CliRun first = CliRun.of(environment, "status", "61486916");
        CliRun second = CliRun.of(environment, "status", "61486916", "--json");

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void watch_twoRunsWithRedis_theSecondAsksTheApiNothing() {
        CliRun first = CliRun.of(environment(), "watch", "61486916", "--redis", redis.uri().toString());
        CliRun second = CliRun.of(environment(), "watch", "61486916", "--redis", redis.uri().toString());

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void status_notARedisUrl_isAUsageErrorThatShowsNoPassword() {
        CliRun wrongScheme = CliRun.of(environment(), "status", "61486916",
                "--redis", "http://app:" + PASSWORD + "@127.0.0.1:6379");
        CliRun notAUrl = CliRun.of(environment(), "status", "61486916",
                "--redis", "redis://:" + PASSWORD + "@cache host:6379");
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("TEARDOWN_REDIS_URL", "redis://:" + PASSWORD + "@redis_primary:6379");
        CliRun badVariable = CliRun.of(environment, "status", "61486916");

        assertThat(wrongScheme.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(wrongScheme.err()).isEqualTo("teardown: --redis: a Redis URI starts with redis:// or rediss://,"
                + " was http://[redacted]@127.0.0.1:6379\n");
        assertThat(notAUrl.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(notAUrl.err()).isEqualTo("teardown: --redis is not a URL: redis://[redacted]@cache host:6379"
                + " (expected redis://[:password@]host[:port][/db])\n");
        assertThat(badVariable.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badVariable.err()).isEqualTo("teardown: TEARDOWN_REDIS_URL: a Redis URI names a host,"
                + " redis://[redacted]@redis_primary:6379 does not\n");
        assertThat(wrongScheme.out() + notAUrl.out() + badVariable.out()).isEmpty();
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void status_redisAway_answersWithOneWarningThatShowsNoPassword() throws IOException {
        int port = nobodyListens();

        CliRun run = CliRun.of(environment(), "status", "61486916", "--redis",
                "redis://:" + PASSWORD + "@127.0.0.1:" + port);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Droplet 61486916: succeeded");
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("teardown: warning: Redis at redis://[redacted]@127.0.0.1:" + port + " does not answer (")
                .endsWith("until it does, lookups skip the shared cache and each instance spends only its own share"
                        + " of the rate budget (next try in 5000 ms)");
        assertThat(run.err()).doesNotContain(PASSWORD);
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void status_withSandbox_readsNoRedisUrlFromTheEnvironment() throws IOException {
        Map<String, String> environment = Map.of("TEARDOWN_REDIS_URL", "redis://127.0.0.1:" + nobodyListens());

        CliRun run = CliRun.of(environment, "status", "61486916", "--sandbox");

        assertThat(run.exitCode()).isEqualTo(ExitCode.IN_PROGRESS);
        assertThat(run.err()).isEmpty();
    }
}
