package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A caller's deadline earlier than the source's own call deadline cuts the lookup at the caller's. */
class HttpTeardownStatusSourceDeadlineTest {

    private static final long DROPLET = 4177002;
    private static final DropletId DROPLET_ID = DropletId.of(DROPLET);
    private static final Duration CALLER_ALLOWS = Duration.ofSeconds(1);
    /** Far below the hangs (15 s) and the source's own deadline (20 s), room for a slow machine above the caller's. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private final List<Duration> sleeps = new ArrayList<>();
    private HttpTeardownStatusSource source;

    @BeforeEach
    void newSource() {
        api.reset();
        // The real clock, so the deadline is real; long timeouts of its own, so only the caller's deadline can cut.
        source = HttpTeardownStatusSource.builder(api.config()
                        .responseTimeout(Duration.ofSeconds(10))
                        .callDeadline(Duration.ofSeconds(20))
                        .build())
                .clock(Clock.systemUTC())
                .sleeper(sleeps::add)
                .build();
    }

    @AfterEach
    void closeSource() {
        source.close();
    }

    private static TeardownStatus status() {
        return TeardownStatusBuilder.status(DROPLET)
                .dropletPending("web")
                .pending(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "data")
                .build();
    }

    static Stream<Arguments> hangs() {
        byte[] document = StatusDocuments.write(status());
        return Stream.of(
                Arguments.of("no answer at all", ApiServer.json(200, document).withFixedDelay(15_000)),
                Arguments.of("a body that dribbles in", ApiServer.json(200, document).withChunkedDribbleDelay(50, 15_000)),
                Arguments.of("an error that comes late", ApiServer.error(503, "unavailable", "later", "r-1")
                        .withFixedDelay(15_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hangs")
    void statusOf_callerDeadlineBeforeTheCallDeadline_failsWithTimeoutAtTheCallersDeadline(
            String kind, ResponseDefinitionBuilder hang) {
        api.answer(DROPLET, hang);
        long start = System.nanoTime();

        assertThatThrownBy(() -> source.statusOf(DROPLET_ID, Instant.now().plus(CALLER_ALLOWS)))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CALLER_ALLOWS.plus(SLACK));
    }

    @Test
    void statusOf_retryAfterPastTheCallersDeadline_failsAtOnceSayingWhenTheApiAllowsTheNext() {
        api.answer(DROPLET, ApiServer.error(429, "too_many_requests", "slow down", "r-2").withHeader("Retry-After", "5"));

        assertThatThrownBy(() -> source.statusOf(DROPLET_ID, Instant.now().plus(CALLER_ALLOWS)))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
                    assertThat(failure.retryAllowedAt()).isPresent();
                    assertThat(failure.attempts()).isEqualTo(1);
                });
        assertThat(sleeps).isEmpty();
    }

    @Test
    void statusOf_callerDeadlineAlreadyPassed_sendsNothing() {
        api.serve(status());

        assertThatThrownBy(() -> source.statusOf(DROPLET_ID, Instant.now().minusSeconds(1)))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(failure.attempts()).isZero();
                });
        assertThat(api.requestsFor(DROPLET)).isZero();
    }

    @ParameterizedTest
    @MethodSource("absurdCallDeadlines")
    void statusOf_absurdlyLongCallDeadline_answersWithoutOverflowing(Duration callDeadline) {
        api.serve(status());

        try (HttpTeardownStatusSource patient = HttpTeardownStatusSource.builder(
                api.config().callDeadline(callDeadline).build()).build()) {
            assertThat(patient.statusOf(DROPLET_ID)).contains(status());
            assertThat(patient.statusOf(DROPLET_ID, Instant.now().plus(CALLER_ALLOWS.multipliedBy(10)))).contains(status());
        }
    }

    static Stream<Duration> absurdCallDeadlines() {
        return Stream.of(Duration.ofNanos(Long.MAX_VALUE), Duration.ofHours(3_000_000), Duration.ofDays(365L * 1_000_000),
                Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
    }

    @Test
    void statusOf_callerDeadlineLaterThanTheCallDeadline_answers() {
        api.serve(status());

        assertThat(source.statusOf(DROPLET_ID, Instant.MAX)).contains(status());
    }
}
