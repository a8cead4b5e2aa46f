package dev.teardown.sandbox;

import static dev.teardown.sandbox.SandboxApi.header;
import static dev.teardown.sandbox.SandboxApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** DigitalOcean's rate limits as the sandbox counts them: per token, sliding minute and hour, over real HTTP. */
class SandboxRateLimitsTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final long RESET = START.getEpochSecond() + 3600;

    private final ManualClock clock = new ManualClock(START);

    private static HttpResponse<byte[]> statusAs(SandboxApi api, String token) {
        return api.send("GET", SandboxApi.path(61486916, "status"), null, "Authorization", token);
    }

    /** Sends {@code count} status requests, each answered 200, and returns the last answer. */
    private static HttpResponse<byte[]> allowed(SandboxApi api, int count) {
        HttpResponse<byte[]> last = null;
        for (int i = 0; i < count; i++) {
            last = api.status(61486916);
            assertThat(last.statusCode()).as("request %d of %d", i + 1, count).isEqualTo(200);
        }
        return last;
    }

    private static void assertRefused(HttpResponse<byte[]> response, long retryAfter, long reset) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).get("id").asText()).isEqualTo("too_many_requests");
        assertThat(json(response).get("message").asText()).isEqualTo("API Rate limit exceeded.");
        assertThat(header(response, "Retry-After")).isEqualTo(Long.toString(retryAfter));
        assertThat(header(response, "ratelimit-remaining")).isEqualTo("0");
        assertThat(header(response, "ratelimit-reset")).isEqualTo(Long.toString(reset));
        assertThat(header(response, "x-request-id")).isNotBlank();
    }

    @Test
    void minute_250thAllowedThe251stRefusedUntilTheOldestLeavesTheMinute() {
        try (SandboxServer sandbox = SandboxServer.start(0, clock)) {
            SandboxApi api = new SandboxApi(sandbox);
            allowed(api, 100);
            clock.advance(Duration.ofSeconds(30));

            HttpResponse<byte[]> the250th = allowed(api, 150);
            assertThat(header(the250th, "ratelimit-limit")).isEqualTo("5000");
            assertThat(header(the250th, "ratelimit-remaining")).isEqualTo("4750");
            assertThat(header(the250th, "ratelimit-reset")).isEqualTo(Long.toString(RESET));
            assertRefused(api.status(61486916), 30, RESET);

            clock.advance(Duration.ofSeconds(29));
            assertRefused(api.status(61486916), 1, RESET);
            clock.advance(Duration.ofSeconds(1));
            // The 100 of the first second left the minute; the 150 of the 30th are still in it.
            HttpResponse<byte[]> again = allowed(api, 100);
            assertThat(header(again, "ratelimit-remaining")).isEqualTo("4650");
            assertRefused(api.status(61486916), 30, RESET);
            assertThat(sandbox.statistics().rateLimited()).isEqualTo(3);
        }
    }

    @Test
    void hour_smallLimitsRefuseUntilTheOldestLeavesTheHourAndRefusalsDoNotCount() {
        try (SandboxServer sandbox = SandboxServer.builder().clock(clock).rateLimits(3, 5).start()) {
            SandboxApi api = new SandboxApi(sandbox);
            assertThat(header(allowed(api, 1), "ratelimit-remaining")).isEqualTo("4");
            assertThat(header(allowed(api, 2), "ratelimit-remaining")).isEqualTo("2");
            assertRefused(api.status(61486916), 60, RESET);
            assertRefused(api.status(61486916), 60, RESET);

            clock.advance(Duration.ofSeconds(60));
            HttpResponse<byte[]> fifth = allowed(api, 2);
            assertThat(header(fifth, "ratelimit-limit")).isEqualTo("5");
            assertThat(header(fifth, "ratelimit-remaining")).isEqualTo("0");
            assertRefused(api.status(61486916), 3540, RESET);

            clock.advance(Duration.ofSeconds(3539));
            assertRefused(api.status(61486916), 1, RESET);
            clock.advance(Duration.ofSeconds(1));
            HttpResponse<byte[]> afterAnHour = allowed(api, 1);
            // Left in the hour: the two of minute 1 and this one.
            assertThat(header(afterAnHour, "ratelimit-remaining")).isEqualTo("2");
            assertThat(header(afterAnHour, "ratelimit-reset")).isEqualTo(Long.toString(START.getEpochSecond() + 60 + 3600));
        }
    }

    @Test
    void tokens_areCountedApart() {
        try (SandboxServer sandbox = SandboxServer.builder().clock(clock).rateLimits(1, 10).start()) {
            SandboxApi api = new SandboxApi(sandbox);
            assertThat(statusAs(api, "Bearer first").statusCode()).isEqualTo(200);
            assertRefused(statusAs(api, "Bearer first"), 60, RESET);

            HttpResponse<byte[]> second = statusAs(api, "Bearer second");

            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(header(second, "ratelimit-remaining")).isEqualTo("9");
        }
    }

    @Test
    void everyAnswer_countsAndCarriesTheHeadersErrorsToo() {
        try (SandboxServer sandbox = SandboxServer.builder().clock(clock).rateLimits(3, 10).start()) {
            SandboxApi api = new SandboxApi(sandbox);
            HttpResponse<byte[]> notFound = api.list(12345);
            HttpResponse<byte[]> wrongMethod = api.send("PUT", SandboxApi.path(61486916, "status"), "", "Authorization",
                    SandboxApi.TOKEN);
            HttpResponse<byte[]> accepted = api.dangerous(61486919);

            assertThat(header(notFound, "ratelimit-remaining")).isEqualTo("9");
            assertThat(header(wrongMethod, "ratelimit-remaining")).isEqualTo("8");
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(header(accepted, "ratelimit-remaining")).isEqualTo("7");
            assertThat(api.retry(61486919).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void statisticsEndpoint_isOutsideTheLimits() {
        try (SandboxServer sandbox = SandboxServer.builder().clock(clock).rateLimits(1, 1).start()) {
            SandboxApi api = new SandboxApi(sandbox);
            allowed(api, 1);

            for (int i = 0; i < 3; i++) {
                assertThat(api.send("GET", SandboxServer.STATISTICS_PATH, null).statusCode()).isEqualTo(200);
            }
            assertThat(api.status(61486916).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void builder_refusesLimitsBelowOne() {
        assertThatThrownBy(() -> SandboxServer.builder().rateLimits(0, 5000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate limits must be >= 1, were 0 a minute and 5000 an hour");
    }
}
