package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.domain.RateLimitQuota;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static BasicHttpResponse response(int status, String... headers) {
        BasicHttpResponse response = new BasicHttpResponse(status);
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        return response;
    }

    @Test
    void askedWait_retryAfterSeconds_isThatMany() {
        assertThat(ResponseHeaders.askedWait(response(503, "Retry-After", "29"), 503, NOW)).contains(Duration.ofSeconds(29));
    }

    @Test
    void askedWait_retryAfterHttpDate_isTheTimeUntilThen() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));

        assertThat(ResponseHeaders.askedWait(response(429, "retry-after", date), 429, NOW)).contains(Duration.ofSeconds(90));
    }

    @Test
    void askedWait_retryAfterDateInThePast_isZero() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(90).atZone(ZoneOffset.UTC));

        assertThat(ResponseHeaders.askedWait(response(429, "Retry-After", date), 429, NOW)).contains(Duration.ZERO);
    }

    @Test
    void askedWait_retryAfterMs_winsOverRetryAfter() {
        assertThat(ResponseHeaders.askedWait(response(429, "retry-after-ms", "250.5", "Retry-After", "9"), 429, NOW))
                .contains(Duration.ofNanos(250_500_000));
    }

    @Test
    void askedWait_garbage_isNotAWait() {
        assertThat(ResponseHeaders.askedWait(response(503, "Retry-After", "soon", "retry-after-ms", "-5"), 503, NOW)).isEmpty();
    }

    @Test
    void askedWait_absurdlyLong_isCapped() {
        assertThat(ResponseHeaders.askedWait(response(503, "Retry-After", "99999999999999999999"), 503, NOW))
                .contains(ResponseHeaders.LONGEST_WAIT);
    }

    @Test
    void askedWait_rateLimitResetOn429_isTheTimeUntilTheReset() {
        String reset = Long.toString(NOW.plusSeconds(42).getEpochSecond());

        assertThat(ResponseHeaders.askedWait(response(429, "ratelimit-reset", reset), 429, NOW)).contains(Duration.ofSeconds(42));
        assertThat(ResponseHeaders.askedWait(response(503, "ratelimit-reset", reset), 503, NOW)).isEmpty();
    }

    @Test
    void quota_allThreeHeaders_isTheQuota() {
        assertThat(ResponseHeaders.quota(response(200, "RateLimit-Limit", "5000", "ratelimit-remaining", "0",
                "rateLimit-reset", "1402425459"), NOW))
                .contains(new RateLimitQuota(5000, 0, Optional.of(Instant.ofEpochSecond(1402425459)), NOW));
    }

    @Test
    void quota_missingOrGarbledFigures_isUnknown() {
        assertThat(ResponseHeaders.quota(response(200, "ratelimit-limit", "5000"), NOW)).isEmpty();
        assertThat(ResponseHeaders.quota(response(200, "ratelimit-limit", "lots", "ratelimit-remaining", "1"), NOW)).isEmpty();
    }

    @Test
    void requestId_header_isTaken() {
        assertThat(ResponseHeaders.requestId(response(500, "X-Request-Id", "abc"))).contains("abc");
        assertThat(ResponseHeaders.requestId(response(500, "x-request-id", " "))).isEmpty();
    }
}
