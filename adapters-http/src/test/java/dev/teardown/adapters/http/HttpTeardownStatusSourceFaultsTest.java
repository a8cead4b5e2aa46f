package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a hostile or broken network does to a lookup: each case ends in the right failure, within the deadline. */
class HttpTeardownStatusSourceFaultsTest {

    private static final long DROPLET = 4177001;
    private static final DropletId DROPLET_ID = DropletId.of(DROPLET);
    private static final Duration DEADLINE = Duration.ofMillis(1200);
    /** Room for a slow machine above the deadline, far below what a hang would take. */
    private static final Duration SLACK = Duration.ofMillis(1500);

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private final List<Duration> sleeps = new ArrayList<>();
    private HttpTeardownStatusSource source;

    /**
     * The first exchange of a JVM loads WireMock's and HttpClient's classes, which can take longer than
     * {@link #DEADLINE}; whichever test ran first would fail for it.
     */
    @BeforeAll
    static void warmUp() {
        try (HttpTeardownStatusSource warm = HttpTeardownStatusSource.create(api.config().callDeadline(Duration.ofSeconds(30))
                .responseTimeout(Duration.ofSeconds(30)).build())) {
            assertThat(warm.statusOf(DropletId.of(DROPLET + 1))).isEmpty();
        }
    }

    @BeforeEach
    void newSource() {
        api.reset();
        source = sourceWith(api.config());
    }

    @AfterEach
    void closeSource() {
        source.close();
    }

    /** The real clock, so the deadline is real; the sleeper only records, so retries cost no time. */
    private HttpTeardownStatusSource sourceWith(HttpClientConfig.Builder config) {
        HttpClientConfig built = config
                .connectTimeout(Duration.ofMillis(500))
                .responseTimeout(Duration.ofMillis(500))
                .callDeadline(DEADLINE)
                .build();
        return HttpTeardownStatusSource.builder(built)
                .clock(Clock.systemUTC())
                .sleeper(sleeps::add)
                .build();
    }

    private static TeardownStatus status() {
        return TeardownStatusBuilder.status(DROPLET)
                .dropletPending("web")
                .pending(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "data")
                .build();
    }

    private void assertFailsWithin(HttpTeardownStatusSource lookedUp, Consumer<TeardownApiException> requirements) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> lookedUp.statusOf(DROPLET_ID))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> assertThat(failure.dropletId()).isEqualTo(DROPLET_ID))
                .satisfies(requirements);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(SLACK));
    }

    private void assertFailsWithin(Consumer<TeardownApiException> requirements) {
        assertFailsWithin(source, requirements);
    }

    private static Consumer<TeardownApiException> retriedNetworkFailure() {
        return failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.NETWORK);
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.getCause()).isInstanceOf(IOException.class);
        };
    }

    @Test
    void statusOf_connectionRefused_failsWithNetworkAfterRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (HttpTeardownStatusSource refused = sourceWith(api.config().baseUrl("http://127.0.0.1:" + closedPort))) {
            assertFailsWithin(refused, failure -> {
                assertThat(failure.reason()).isEqualTo(Reason.NETWORK);
                assertThat(failure.getMessage()).contains("could not connect");
                assertThat(failure.attempts()).isEqualTo(3);
                assertThat(failure.httpStatus()).isEmpty();
            });
        }
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void statusOf_connectionReset_failsWithNetworkAfterRetries() {
        api.answer(DROPLET, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertFailsWithin(retriedNetworkFailure());
        assertThat(api.requestsFor(DROPLET)).isEqualTo(3);
    }

    @Test
    void statusOf_emptyResponse_failsWithNetworkAfterRetries() {
        api.answer(DROPLET, aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertFailsWithin(retriedNetworkFailure());
    }

    @Test
    void statusOf_garbageThenClose_failsWithBadResponseWithoutRetry() {
        // WireMock's "random" data is one fixed line of garbage: a malformed status line, not a network failure.
        api.answer(DROPLET, aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

        assertFailsWithin(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.getMessage()).contains("not valid HTTP");
        });
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
    }

    @Test
    void statusOf_malformedChunk_failsWithNetworkAfterRetries() {
        api.answer(DROPLET, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        assertFailsWithin(retriedNetworkFailure());
    }

    @Test
    void statusOf_resetOnceThenStatus_returnsTheStatus() {
        api.answerInTurn(DROPLET, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                ApiServer.json(200, StatusDocuments.write(status())));

        assertThat(source.statusOf(DROPLET_ID)).contains(status());
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void statusOf_bodyDribblingPastTheDeadline_failsWithTimeoutAtTheDeadline() {
        // Each chunk comes well within the response timeout, so only the call's deadline can stop it.
        api.answer(DROPLET, ApiServer.json(200, StatusDocuments.write(status())).withChunkedDribbleDelay(50, 5_000));

        assertFailsWithin(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(failure.getMessage()).contains("deadline");
        });
    }

    @Test
    void statusOf_noAnswerWithinTheResponseTimeout_failsWithTimeout() {
        api.answer(DROPLET, ApiServer.json(200, StatusDocuments.write(status())).withFixedDelay(5_000));

        assertFailsWithin(failure -> assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void statusOf_bodyOverTheLimitWithLength_failsWithBadResponseWithoutRetry() {
        api.answer(DROPLET, ApiServer.json(200, bigDocument()));

        try (HttpTeardownStatusSource limited = sourceWith(api.config().maxBodyBytes(1024))) {
            assertFailsWithin(limited, tooLarge());
        }
        assertThat(api.requestsFor(DROPLET)).isEqualTo(1);
    }

    @Test
    void statusOf_chunkedBodyOverTheLimit_failsWithBadResponseRatherThanTruncating() {
        api.answer(DROPLET, ApiServer.json(200, bigDocument()).withChunkedDribbleDelay(8, 80));

        try (HttpTeardownStatusSource limited = sourceWith(api.config().maxBodyBytes(1024))) {
            assertFailsWithin(limited, tooLarge());
        }
    }

    @Test
    void statusOf_bodyExactlyAtTheLimit_isRead() {
        byte[] document = StatusDocuments.write(status());
        api.answer(DROPLET, ApiServer.json(200, document).withChunkedDribbleDelay(3, 30));

        try (HttpTeardownStatusSource limited = sourceWith(api.config().maxBodyBytes(document.length))) {
            assertThat(limited.statusOf(DROPLET_ID)).contains(status());
        }
    }

    @Test
    void statusOf_htmlWith200_failsWithBadResponseQuotingTheBody() {
        api.answer(DROPLET, aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html>\n<html><body>Maintenance</body></html>"));

        assertFailsWithin(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.httpStatus()).hasValue(200);
            assertThat(failure.getMessage()).contains("HTTP 200", "not valid JSON", "<!DOCTYPE html> <html><body>Maintenance");
        });
    }

    @Test
    void statusOf_truncatedJson_failsWithBadResponse() {
        byte[] whole = StatusDocuments.write(status());
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        api.answer(DROPLET, ApiServer.json(200, truncated));

        assertFailsWithin(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(failure.attempts()).isEqualTo(1);
        });
    }

    @Test
    void statusOf_wrongTypes_failsWithBadResponseNamingTheField() {
        api.answer(DROPLET, ApiServer.json(200, "{\"failures\": \"many\"}".getBytes(StandardCharsets.UTF_8)));

        assertFailsWithin(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(failure.getMessage()).contains("failures must be a whole number, is a string");
        });
    }

    @Test
    void statusOf_emptyBodyWith200_failsWithBadResponse() {
        api.answer(DROPLET, aResponse().withStatus(200));

        assertFailsWithin(failure -> assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE));
    }

    @Test
    void statusOf_nestingBeyondTheLimit_failsWithBadResponse() {
        String deep = "{\"resources\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";
        api.answer(DROPLET, ApiServer.json(200, deep.getBytes(StandardCharsets.US_ASCII)));

        assertFailsWithin(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(failure.getMessage()).contains("nesting depth");
        });
    }

    @Test
    void statusOf_gzippedBody_isRead() {
        api.answer(DROPLET, ApiServer.json(200, StatusDocuments.write(status())).withGzipDisabled(false));

        assertThat(source.statusOf(DROPLET_ID)).contains(status());
    }

    private static Consumer<TeardownApiException> tooLarge() {
        return failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(failure.getMessage()).contains("larger than the limit of 1024 bytes");
            assertThat(failure.attempts()).isEqualTo(1);
        };
    }

    private static byte[] bigDocument() {
        TeardownStatusBuilder builder = TeardownStatusBuilder.status(DROPLET);
        for (int i = 0; i < 100; i++) {
            builder.pending(ResourceKind.SNAPSHOT, Integer.toString(i), "snapshot-" + i);
        }
        return StatusDocuments.write(builder.build());
    }
}
