package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.ReferenceExamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever happens to a call (its deadline passes while a connection is leased or opened, its thread
 * is interrupted before or during it), only the port's own exception leaves the adapter. An interrupt
 * ends the call at once, as the port's {@link Reason#TIMEOUT}, with the thread's interrupt flag kept.
 */
class InterruptsAndDeadlinesTest {

    private static final DropletId DROPLET_ID = ReferenceExamples.DROPLET_ID;
    /** Longer than any test may take: only an interrupt can end a call that waits on the server. */
    private static final Duration NEVER = Duration.ofMinutes(2);
    private static final byte[] ANSWER = RawServer.response(RawServer.head("HTTP/1.1 200 OK",
            "Content-Type: application/json", "Content-Length: " + ReferenceExamples.checkStatusDocJson().length),
            ReferenceExamples.checkStatusDocJson());

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(0, closeable);
        return closeable;
    }

    private HttpTeardownStatusSource source(RawServer server, Duration deadline, int poolSize) {
        HttpClientConfig config = HttpClientConfig.builder(ApiServer.TOKEN)
                .baseUrl(server.baseUrl())
                .connectTimeout(deadline.compareTo(NEVER) < 0 ? deadline : NEVER)
                .responseTimeout(deadline.compareTo(NEVER) < 0 ? deadline : NEVER)
                .callDeadline(deadline)
                .poolSize(poolSize)
                .build();
        // Retries wait for nothing, so that only the call's own work is measured.
        return closing(HttpTeardownStatusSource.builder(config).sleeper(duration -> { }).build());
    }

    /** What a lookup on another thread ended with, and whether that thread was still interrupted then. */
    private record Outcome(Object result, boolean stillInterrupted) {
    }

    private static Callable<Outcome> lookUp(HttpTeardownStatusSource source) {
        return () -> {
            Object result;
            try {
                result = source.statusOf(DROPLET_ID);
            } catch (RuntimeException e) {
                result = e;
            }
            return new Outcome(result, Thread.currentThread().isInterrupted());
        };
    }

    private static void assertInterruptedFailure(Outcome outcome, int attempts) {
        assertThat(outcome.result()).isInstanceOfSatisfying(TeardownApiException.class, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(failure.attempts()).isEqualTo(attempts);
            assertThat(failure.getMessage()).contains("interrupted");
            assertThat(failure.getCause()).isInstanceOf(InterruptedException.class);
        });
        assertThat(outcome.stillInterrupted()).isTrue();
    }

    // Already interrupted

    @ParameterizedTest(name = "pool of {0}")
    @ValueSource(ints = {1, 16})
    void statusOf_threadAlreadyInterrupted_failsAtOnceSendingNothing(int poolSize) {
        RawServer server = closing(RawServer.start(RawServer.answering(ANSWER)));
        HttpTeardownStatusSource source = source(server, Duration.ofSeconds(30), poolSize);
        // A pooled connection, as well as none: both ways must refuse.
        assertThat(source.statusOf(DROPLET_ID)).isPresent();

        for (int i = 0; i < 5; i++) {
            Thread.currentThread().interrupt();
            Outcome outcome;
            try {
                outcome = lookUp(source).call();
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                Thread.interrupted();
            }
            assertInterruptedFailure(outcome, 0);
        }
        assertThat(server.requestHeads()).hasSize(1);
    }

    // Interrupted during the call

    static Stream<Arguments> phasesOfACall() {
        return Stream.of(
                Arguments.of("waiting for the answer's head", false),
                Arguments.of("waiting for the rest of the body", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phasesOfACall")
    void statusOf_interruptedWhileTheServerIsSlow_endsAtOnceKeepingTheInterrupt(String phase, boolean headSent)
            throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        CountDownLatch released = closing(new ClosingLatch()).latch;
        RawServer server = closing(RawServer.start(connection -> {
            if (connection.readRequestHead() == null) {
                return;
            }
            if (headSent) {
                connection.write(RawServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                        "Content-Length: 100") + "{\"completed_at\": ");
            }
            requestArrived.countDown();
            released.await();
        }));
        HttpTeardownStatusSource source = source(server, NEVER, 16);
        ExecutorService caller = closing(new ClosingExecutor()).executor;
        AtomicReference<Thread> callerThread = new AtomicReference<>();
        Future<Outcome> call = caller.submit(() -> {
            callerThread.set(Thread.currentThread());
            return lookUp(source).call();
        });
        assertThat(requestArrived.await(30, TimeUnit.SECONDS)).isTrue();

        callerThread.get().interrupt();

        // Far below every timeout of the call: only the interrupt can have ended it.
        assertInterruptedFailure(call.get(20, TimeUnit.SECONDS), 1);
        assertThat(server.requestHeads()).hasSize(1);
    }

    @Test
    void statusOf_interruptedWhileWaitingForAPooledConnection_endsAtOnceKeepingTheInterrupt() throws Exception {
        CountDownLatch firstRequestArrived = new CountDownLatch(1);
        CountDownLatch released = closing(new ClosingLatch()).latch;
        RawServer server = closing(RawServer.start(connection -> {
            if (connection.readRequestHead() != null) {
                firstRequestArrived.countDown();
                released.await();
            }
        }));
        HttpTeardownStatusSource source = source(server, NEVER, 1);
        ExecutorService callers = closing(new ClosingExecutor()).executor;
        callers.submit(lookUp(source));
        assertThat(firstRequestArrived.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        CountDownLatch secondStarted = new CountDownLatch(1);
        Future<Outcome> second = callers.submit(() -> {
            secondThread.set(Thread.currentThread());
            secondStarted.countDown();
            return lookUp(source).call();
        });
        assertThat(secondStarted.await(30, TimeUnit.SECONDS)).isTrue();
        // The pool's one connection is taken: the only wait left to the second call is for it.
        awaitWaiting(secondThread.get());

        secondThread.get().interrupt();

        assertInterruptedFailure(second.get(20, TimeUnit.SECONDS), 1);
        assertThat(server.requestHeads()).hasSize(1);
    }

    private static void awaitWaiting(Thread thread) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime() - giveUp).as("the thread never waited").isNegative();
            Thread.onSpinWait();
        }
    }

    // Deadlines that pass while a connection is leased or opened

    @ParameterizedTest(name = "deadline {0} ms")
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void statusOf_deadlineOfMilliseconds_answersOrFailsWithThePortsException(int deadlineMillis) throws Exception {
        RawServer server = closing(RawServer.start(RawServer.answering(ANSWER)));
        HttpTeardownStatusSource source = source(server, Duration.ofMillis(deadlineMillis), 16);

        for (int i = 0; i < 300; i++) {
            assertAnswerOrPortsException(lookUp(source).call().result());
        }
    }

    @Test
    void statusOf_manyThreadsOnASmallPoolWithShortDeadlines_answerOrFailWithThePortsException() throws Exception {
        RawServer server = closing(RawServer.start(RawServer.answering(ANSWER)));
        List<HttpTeardownStatusSource> sources = List.of(
                source(server, Duration.ofMillis(1), 16), source(server, Duration.ofMillis(5), 16),
                source(server, Duration.ofMillis(20), 16), source(server, Duration.ofMillis(100), 16));
        ExecutorService threads = closing(new ClosingExecutor(64)).executor;
        List<Callable<List<Object>>> work = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            HttpTeardownStatusSource source = sources.get(t % sources.size());
            work.add(() -> {
                List<Object> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    results.add(lookUp(source).call().result());
                }
                return results;
            });
        }

        for (Future<List<Object>> results : threads.invokeAll(work, 120, TimeUnit.SECONDS)) {
            for (Object result : results.get()) {
                assertAnswerOrPortsException(result);
            }
        }
    }

    private static void assertAnswerOrPortsException(Object result) {
        if (result instanceof Optional<?> answer) {
            assertThat(answer).isPresent();
            return;
        }
        assertThat(result).isInstanceOfSatisfying(TeardownApiException.class,
                failure -> assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT));
    }

    /** A latch that {@link #close()} opens, so that servers waiting on it let go when the test ends. */
    private static final class ClosingLatch implements AutoCloseable {
        final CountDownLatch latch = new CountDownLatch(1);

        @Override
        public void close() {
            latch.countDown();
        }
    }

    private static final class ClosingExecutor implements AutoCloseable {
        final ExecutorService executor;

        ClosingExecutor() {
            this(2);
        }

        ClosingExecutor(int threads) {
            executor = Executors.newFixedThreadPool(threads);
        }

        @Override
        public void close() throws InterruptedException {
            executor.shutdownNow();
            executor.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
