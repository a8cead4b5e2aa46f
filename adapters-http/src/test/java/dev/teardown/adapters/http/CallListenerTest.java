package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import dev.teardown.adapters.http.CallListener.Attempt;
import dev.teardown.adapters.http.CallListener.CallEnd;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A call listener hears each call's start, its attempts and its end, in order, on the calling thread. */
class CallListenerTest {

    private static final long DROPLET = 61486916;

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    /** What the listener heard, in order: "start:OP", attempts and ends. */
    private final List<Object> heard = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
    private HttpTransport transport;
    private HttpTeardownStatusSource source;

    private final CallListener recording = operation -> {
        heard.add("start:" + operation);
        threads.add(Thread.currentThread());
        return new CallListener.CallTrace() {
            @Override
            public void attemptEnded(Attempt attempt) {
                heard.add(attempt);
                threads.add(Thread.currentThread());
            }

            @Override
            public void callEnded(CallEnd end) {
                heard.add(end);
                threads.add(Thread.currentThread());
            }
        };
    };

    @BeforeEach
    void start() {
        api.reset();
        build(HttpTransport.builder(api.config().build()));
    }

    private void build(HttpTransport.Builder builder) {
        if (transport != null) {
            transport.close();
        }
        transport = builder.clock(clock).sleeper(clock.sleeper()).callListener(recording).build();
        source = HttpTeardownStatusSource.over(transport);
    }

    @AfterEach
    void stop() {
        transport.close();
    }

    @Test
    void callEnded_answeredAtOnce_isASuccessOfOneAttemptWithItsStatus() {
        api.answer(DROPLET, ApiServer.json(200, ReferenceExamples.checkStatusDocJson()));

        source.statusOf(DropletId.of(DROPLET));

        assertThat(heard).hasSize(3);
        assertThat(heard.get(0)).isEqualTo("start:CHECK_STATUS");
        assertThat(heard.get(1)).isInstanceOfSatisfying(Attempt.class, attempt -> {
            assertThat(attempt.number()).isEqualTo(1);
            assertThat(attempt.outcome()).isEqualTo(CallOutcome.SUCCESS);
            assertThat(attempt.status()).hasValue(200);
        });
        assertThat(heard.get(2)).isInstanceOfSatisfying(CallEnd.class, end -> {
            assertThat(end.operation()).isEqualTo(Operation.CHECK_STATUS);
            assertThat(end.outcome()).isEqualTo(CallOutcome.SUCCESS);
            assertThat(end.status()).hasValue(200);
            assertThat(end.attempts()).isEqualTo(1);
            assertThat(end.failure()).isEmpty();
        });
        assertThat(threads).containsOnly(Thread.currentThread());
    }

    @Test
    void callEnded_theApisNotFound_isNotFoundAndNoFailure() {
        source.statusOf(DropletId.of(DROPLET));

        assertThat(heard.get(heard.size() - 1)).isInstanceOfSatisfying(CallEnd.class, end -> {
            assertThat(end.outcome()).isEqualTo(CallOutcome.NOT_FOUND);
            assertThat(end.status()).hasValue(404);
            assertThat(end.failure()).isEmpty();
        });
    }

    @Test
    void attemptEnded_serverErrorThenAnswer_hearsBothAttemptsAndASuccessOfTwo() {
        api.answerInTurn(DROPLET,
                ApiServer.error(500, "server_error", "Unexpected server-side error", "r-1"),
                ApiServer.json(200, ReferenceExamples.checkStatusDocJson()));

        source.statusOf(DropletId.of(DROPLET));

        assertThat(heard).filteredOn(Attempt.class::isInstance).map(Attempt.class::cast)
                .extracting(Attempt::outcome, Attempt::status)
                .containsExactly(
                        tuple(CallOutcome.SERVER_ERROR, OptionalInt.of(500)),
                        tuple(CallOutcome.SUCCESS, OptionalInt.of(200)));
        assertThat(heard.get(heard.size() - 1)).isInstanceOfSatisfying(CallEnd.class, end -> {
            assertThat(end.outcome()).isEqualTo(CallOutcome.SUCCESS);
            assertThat(end.attempts()).isEqualTo(2);
        });
    }

    @Test
    void callEnded_failedCall_isItsReasonWithTheExceptionThrown() {
        api.answer(DROPLET, ApiServer.error(401, "unauthorized", "Unable to authenticate you.", "r-2"));

        Throwable thrown = catchThrowable(() -> source.statusOf(DropletId.of(DROPLET)));

        assertThat(thrown).isInstanceOf(TeardownApiException.class);
        assertThat(heard.get(heard.size() - 1)).isInstanceOfSatisfying(CallEnd.class, end -> {
            assertThat(end.outcome()).isEqualTo(CallOutcome.AUTHENTICATION);
            assertThat(end.status()).hasValue(401);
            assertThat(end.attempts()).isEqualTo(1);
            assertThat(end.failure()).containsSame(thrown);
        });
    }

    @Test
    void callEnded_noPermitBeforeTheDeadline_isRateLimitedAfterNoAttempt() {
        build(HttpTransport.builder(api.config().build())
                .rateBudget(SlidingLogRateBudget.of(new RateBudgetConfig(100, 1, 1.0))));
        api.answer(DROPLET, ApiServer.json(200, ReferenceExamples.checkStatusDocJson()));
        source.statusOf(DropletId.of(DROPLET));
        heard.clear();

        assertThatThrownBy(() -> source.statusOf(DropletId.of(DROPLET))).isInstanceOf(TeardownApiException.class);

        assertThat(heard).hasSize(2);
        assertThat(heard.get(1)).isInstanceOfSatisfying(CallEnd.class, end -> {
            assertThat(end.outcome()).isEqualTo(CallOutcome.RATE_LIMITED);
            assertThat(end.attempts()).isZero();
            assertThat(end.status()).isEmpty();
        });
    }

    @Test
    void callListener_ignoring_isToldNothingAndCallsStillAnswer() {
        transport.close();
        transport = HttpTransport.builder(api.config().build()).callListener(CallListener.ignoring()).build();
        api.answer(DROPLET, ApiServer.json(200, ReferenceExamples.checkStatusDocJson()));

        assertThat(HttpTeardownStatusSource.over(transport).statusOf(DropletId.of(DROPLET))).isPresent();
        assertThat(heard).isEmpty();
    }
}
