package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.RateLimitQuota;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpTeardownStatusSourceTest {

    private static final long DROPLET = 3164444;
    private static final DropletId DROPLET_ID = DropletId.of(DROPLET);
    /** Makes every full-jitter draw the middle of its range: nextDouble() is 0.5. */
    private static final RandomGenerator HALF = () -> Long.MIN_VALUE;

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private ManualClock clock;
    private HttpTeardownStatusSource source;

    @BeforeEach
    void newSource() {
        api.reset();
        clock = ManualClock.at("2026-11-29T10:00:00Z");
        source = sourceWith(api.config().build());
    }

    @AfterEach
    void closeSource() {
        source.close();
    }

    private HttpTeardownStatusSource sourceWith(HttpClientConfig config) {
        return HttpTeardownStatusSource.builder(config).clock(clock).sleeper(clock.sleeper()).jitter(HALF).build();
    }

    private static TeardownStatus someStatus() {
        return TeardownStatusBuilder.status(DROPLET)
                .dropletPending("web-1")
                .destroyed(dev.teardown.domain.ResourceKind.SNAPSHOT, "61486916", "nightly", "2026-11-29T09:59:00Z")
                .build();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertLookupFails() {
        return assertThatThrownBy(() -> source.statusOf(DROPLET_ID));
    }

    private void assertFailure(Consumer<TeardownApiException> requirements) {
        assertLookupFails().asInstanceOf(type(TeardownApiException.class)).satisfies(requirements);
    }

    // The request

    @Test
    void statusOf_anyDroplet_sendsTheDocumentedRequest() {
        api.serve(someStatus());

        source.statusOf(DROPLET_ID);

        assertThat(api.requests()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("GET");
            assertThat(request.getUrl()).isEqualTo("/v2/droplets/3164444/destroy_with_associated_resources/status");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ApiServer.TOKEN_TEXT);
            assertThat(request.getHeader("Accept")).isEqualTo("application/json");
            assertThat(request.getHeader("User-Agent")).matches("teardown/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java \\d+\\)");
            assertThat(request.getBody()).isEmpty();
        });
    }

    @Test
    void statusOf_baseUrlWithPathPrefix_keepsThePrefix() {
        api.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get("/proxy/do/v2/droplets/3164444/destroy_with_associated_resources/status")
                .willReturn(ApiServer.json(200, StatusDocuments.write(someStatus()))));
        try (HttpTeardownStatusSource prefixed = sourceWith(api.config().baseUrl(api.baseUrl() + "/proxy/do/").build())) {
            assertThat(prefixed.statusOf(DROPLET_ID)).contains(someStatus());
        }
    }

    // The answers

    @Test
    void statusOf_checkStatusDocExample_isTheDocumentedStatus() {
        api.answer(ReferenceExamples.DROPLET_ID.value(), ApiServer.json(200, ReferenceExamples.checkStatusDocJson()));

        assertThat(source.statusOf(ReferenceExamples.DROPLET_ID)).contains(ReferenceExamples.checkStatusDocStatus());
    }

    @Test
    void statusOf_openApiExample_isTheDocumentedStatus() {
        api.answer(ReferenceExamples.DROPLET_ID.value(), ApiServer.json(200, ReferenceExamples.openApiJson()));

        assertThat(source.statusOf(ReferenceExamples.DROPLET_ID)).contains(ReferenceExamples.openApiStatus());
    }

    @Test
    void statusOf_404WithoutBody_isEmpty() {
        api.answer(DROPLET, aResponse().withStatus(404));

        assertThat(source.statusOf(DROPLET_ID)).isEmpty();
    }

    @Test
    void statusOf_htmlPage404_isAnUnexpectedResponseNotAMissingTeardown() {
        api.answer(DROPLET, aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>404 Not Found</h1>nginx</body></html>"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(failure.httpStatus()).hasValue(404);
            assertThat(failure.getMessage()).contains("not the API's answer", "404 Not Found", "check the base URL");
        });
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
    }

    @Test
    void statusOf_404_isEmpty() {
        api.answer(DROPLET, ApiServer.error(404, "not_found", "The resource you were accessing could not be found.", "r-404"));

        assertThat(source.statusOf(DROPLET_ID)).isEmpty();
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
    }

    @Test
    void statusOf_401_failsWithAuthenticationAfterOneRequest() {
        api.answer(DROPLET, ApiServer.error(401, "unauthorized", "Unable to authenticate you.", "r-401"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
            assertThat(failure.getMessage()).contains("token missing, wrong or revoked", "HTTP 401");
            assertThat(failure.httpStatus()).hasValue(401);
            assertThat(failure.attempts()).isEqualTo(1);
        });
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void statusOf_403_failsWithPermissionNamingTheScope() {
        api.answer(DROPLET, ApiServer.error(403, "forbidden", "You do not have access for the attempted action.", "r-403"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.PERMISSION);
            assertThat(failure.getMessage()).contains("droplet:delete");
            assertThat(failure.attempts()).isEqualTo(1);
        });
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
    }

    @Test
    void statusOf_400_failsAsUnexpectedWithoutRetry() {
        api.answer(DROPLET, ApiServer.error(400, "bad_request", "Nope.", "r-400"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(failure.httpStatus()).hasValue(400);
        });
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
    }

    @Test
    void statusOf_418_failsAsUnexpected() {
        api.answer(DROPLET, aResponse().withStatus(418).withBody("I'm a teapot"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(failure.getMessage()).contains("HTTP 418", "I'm a teapot");
        });
    }

    @Test
    void statusOf_429Always_failsRateLimitedAfterAllAttempts() {
        api.answer(DROPLET, ApiServer.error(429, "too_many_requests", "API Rate limit exceeded.", "r-429"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(failure.attempts()).isEqualTo(3);
        });
        assertThat(api.requestsFor(DROPLET)).isEqualTo(3);
    }

    @Test
    void statusOf_500Always_failsWithServerErrorAfterThreeAttempts() {
        api.answer(DROPLET, ApiServer.error(500, "server_error", "Server was unable to give you a response.", "r-500"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertThat(failure.httpStatus()).hasValue(500);
            assertThat(failure.attempts()).isEqualTo(3);
        });
        assertThat(api.requestsFor(DROPLET)).isEqualTo(3);
    }

    @Test
    void statusOf_501_failsWithServerErrorWithoutRetry() {
        api.answer(DROPLET, aResponse().withStatus(501));

        assertFailure(failure -> assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR));
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
    }

    @Test
    void statusOf_502503504_areRetried() {
        api.answerInTurn(DROPLET, aResponse().withStatus(502), aResponse().withStatus(503),
                ApiServer.json(200, StatusDocuments.write(someStatus())));

        assertThat(source.statusOf(DROPLET_ID)).contains(someStatus());
        assertThat(api.requestsFor(DROPLET)).isEqualTo(3);

        api.reset();
        api.answerInTurn(DROPLET, aResponse().withStatus(504), ApiServer.json(200, StatusDocuments.write(someStatus())));
        assertThat(source.statusOf(DROPLET_ID)).contains(someStatus());
    }

    @Test
    void statusOf_408ThenStatus_isRetried() {
        api.answerInTurn(DROPLET, aResponse().withStatus(408), ApiServer.json(200, StatusDocuments.write(someStatus())));

        assertThat(source.statusOf(DROPLET_ID)).contains(someStatus());
        assertThat(api.requestsFor(DROPLET)).isEqualTo(2);
    }

    @Test
    void statusOf_redirect_isNotFollowed() {
        api.answer(DROPLET, aResponse().withStatus(302).withHeader("Location", api.baseUrl() + "/elsewhere"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(failure.getMessage()).contains("redirect");
        });
        assertThat(api.requests()).extracting(LoggedRequest::getUrl).noneMatch(url -> url.startsWith("/elsewhere"));
    }

    // Error bodies and request ids

    @Test
    void statusOf_errorBody_putsIdMessageAndRequestIdInTheFailure() {
        api.answer(DROPLET, ApiServer.error(401, "unauthorized", "Unable to authenticate you.", "4d9d8375-3c56-4925-a3e7-eb137fed17e9"));

        assertFailure(failure -> {
            assertThat(failure.getMessage()).contains("unauthorized: Unable to authenticate you.");
            assertThat(failure.requestId()).contains("4d9d8375-3c56-4925-a3e7-eb137fed17e9");
            assertThat(failure.getMessage()).contains("4d9d8375-3c56-4925-a3e7-eb137fed17e9");
        });
    }

    @Test
    void statusOf_requestIdOnlyInHeader_isTaken() {
        api.answer(DROPLET, aResponse().withStatus(403).withHeader("x-request-id", "from-header").withBody("Forbidden"));

        assertFailure(failure -> assertThat(failure.requestId()).contains("from-header"));
    }

    @Test
    void statusOf_requestIdInBodyAndHeader_prefersTheBody() {
        api.answer(DROPLET, ApiServer.error(403, "forbidden", "No.", "from-body").withHeader("x-request-id", "from-header"));

        assertFailure(failure -> assertThat(failure.requestId()).contains("from-body"));
    }

    @Test
    void statusOf_htmlErrorPage_quotesAShortPrintableExcerpt() {
        api.answer(DROPLET, aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html>\r\n<head><title>502 Bad Gateway</title></head>\n" + "x".repeat(5000) + "</html>"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertThat(failure.getMessage()).contains("<html> <head><title>502 Bad Gateway</title></head>")
                    .doesNotContain("\n", "\r", "x".repeat(200));
        });
    }

    // Retries, waits and deadlines

    @Test
    void statusOf_500500200_returnsTheStatusAfterTwoBackoffs() {
        api.answerInTurn(DROPLET, aResponse().withStatus(500), aResponse().withStatus(500),
                ApiServer.json(200, StatusDocuments.write(someStatus())));

        assertThat(source.statusOf(DROPLET_ID)).contains(someStatus());
        assertThat(api.requestsFor(DROPLET)).isEqualTo(3);
        // Full jitter drawn at one half: half of 0.5 s, then half of 1 s.
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void statusOf_429WithRetryAfterOneSecond_waitsOneSecondThenReturnsTheStatus() {
        api.answerInTurn(DROPLET, ApiServer.error(429, "too_many_requests", "Slow down.", "r").withHeader("Retry-After", "1"),
                ApiServer.json(200, StatusDocuments.write(someStatus())));

        assertThat(source.statusOf(DROPLET_ID)).contains(someStatus());
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void statusOf_429AskingForAnHour_failsAtOnceWithTheRetryInstant() {
        Instant start = clock.instant();
        api.answer(DROPLET, ApiServer.error(429, "too_many_requests", "Slow down.", "r").withHeader("Retry-After", "3600"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(failure.retryAllowedAt()).contains(start.plus(Duration.ofHours(1)));
            assertThat(failure.attempts()).isEqualTo(1);
        });
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void statusOf_retryAfterAsHttpDate_waitsUntilThatDate() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(3).atZone(ZoneOffset.UTC));
        api.answerInTurn(DROPLET, aResponse().withStatus(503).withHeader("Retry-After", inThreeSeconds),
                ApiServer.json(200, StatusDocuments.write(someStatus())));

        assertThat(source.statusOf(DROPLET_ID)).contains(someStatus());
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void statusOf_retryAfterMs_isHonouredBeforeRetryAfter() {
        api.answerInTurn(DROPLET,
                aResponse().withStatus(429).withHeader("retry-after-ms", "1500").withHeader("Retry-After", "2"),
                ApiServer.json(200, StatusDocuments.write(someStatus())));

        assertThat(source.statusOf(DROPLET_ID)).contains(someStatus());
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void statusOf_429WithOnlyRateLimitReset_waitsUntilTheReset() {
        long resetEpoch = clock.instant().plusSeconds(4).getEpochSecond();
        api.answerInTurn(DROPLET,
                aResponse().withStatus(429).withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-reset", Long.toString(resetEpoch)),
                ApiServer.json(200, StatusDocuments.write(someStatus())));

        assertThat(source.statusOf(DROPLET_ID)).contains(someStatus());
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void statusOf_429WithResetPastTheDeadline_failsAtOnceWithTheResetInstant() {
        Instant reset = clock.instant().plus(Duration.ofMinutes(40));
        api.answer(DROPLET, aResponse().withStatus(429).withHeader("ratelimit-limit", "5000")
                .withHeader("ratelimit-remaining", "0").withHeader("ratelimit-reset", Long.toString(reset.getEpochSecond())));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(failure.retryAllowedAt()).contains(reset);
        });
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
    }

    @Test
    void statusOf_backoffPastTheDeadline_failsWithoutWaiting() {
        HttpClientConfig config = api.config()
                .callDeadline(Duration.ofSeconds(1))
                .retryPolicy(RetryPolicy.of(5, Duration.ofSeconds(4), Duration.ofSeconds(8)))
                .build();
        api.answer(DROPLET, aResponse().withStatus(503));
        try (HttpTeardownStatusSource impatient = sourceWith(config)) {
            assertThatThrownBy(() -> impatient.statusOf(DROPLET_ID))
                    .asInstanceOf(type(TeardownApiException.class))
                    .satisfies(failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
                        assertThat(failure.attempts()).isEqualTo(1);
                        assertThat(failure.getMessage()).contains("deadline");
                        assertThat(failure.retryAllowedAt()).isEmpty();
                    });
        }
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void statusOf_retryPolicyNone_sendsOneRequest() {
        api.answer(DROPLET, aResponse().withStatus(500));
        try (HttpTeardownStatusSource once = sourceWith(api.config().retryPolicy(RetryPolicy.none()).build())) {
            assertThatThrownBy(() -> once.statusOf(DROPLET_ID)).isInstanceOf(TeardownApiException.class);
        }
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
    }

    @Test
    void statusOf_interruptedWhileWaitingToRetry_failsAndKeepsTheInterrupt() {
        api.answer(DROPLET, aResponse().withStatus(503));
        HttpTeardownStatusSource interrupted = HttpTeardownStatusSource.builder(api.config().build())
                .clock(clock)
                .sleeper(duration -> {
                    throw new InterruptedException("shutting down");
                })
                .build();
        try (interrupted) {
            assertThatThrownBy(() -> interrupted.statusOf(DROPLET_ID))
                    .asInstanceOf(type(TeardownApiException.class))
                    .satisfies(failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(failure.getCause()).isInstanceOf(InterruptedException.class);
                    });
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    // Rate-limit quota

    @Test
    void lastKnownQuota_beforeAnyResponse_isEmpty() {
        assertThat(source.lastKnownQuota()).isEmpty();
    }

    @Test
    void lastKnownQuota_afterAResponse_isWhatItsHeadersSaid() {
        api.answer(DROPLET, ApiServer.json(200, StatusDocuments.write(someStatus()))
                .withHeader("ratelimit-limit", "5000")
                .withHeader("ratelimit-remaining", "4321")
                .withHeader("ratelimit-reset", "1796032800"));

        source.statusOf(DROPLET_ID);

        assertThat(source.lastKnownQuota()).contains(
                new RateLimitQuota(5000, 4321, Optional.of(Instant.ofEpochSecond(1796032800)), clock.instant()));
    }

    @Test
    void lastKnownQuota_afterA429_isExhausted() {
        api.answer(DROPLET, aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "0"));

        assertThatThrownBy(() -> source.statusOf(DROPLET_ID)).isInstanceOf(TeardownApiException.class);

        assertThat(source.lastKnownQuota()).hasValueSatisfying(quota -> assertThat(quota.isExhausted()).isTrue());
    }

    // Security and lifecycle

    @Test
    void statusOf_selfSignedTls_failsWithoutRetry() {
        try (ApiServer tls = ApiServer.startWithHttps();
                HttpTeardownStatusSource overTls = sourceWith(tls.config().baseUrl(tls.httpsBaseUrl()).build())) {
            assertThatThrownBy(() -> overTls.statusOf(DROPLET_ID))
                    .asInstanceOf(type(TeardownApiException.class))
                    .satisfies(failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.NETWORK);
                        assertThat(failure.getMessage()).contains("TLS");
                        assertThat(failure.attempts()).isEqualTo(1);
                    });
            assertThat(tls.requests()).isEmpty();
        }
    }

    @Test
    void statusOf_afterClose_isRefused() {
        source.close();

        assertThatThrownBy(() -> source.statusOf(DROPLET_ID)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void close_twice_isHarmless() {
        source.close();
        source.close();

        assertThat(source.toString()).contains("closed");
    }
}
