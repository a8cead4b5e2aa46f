package dev.teardown.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.StatusLookup;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.testkit.InMemoryTeardownStatusSource.Answer;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.JavaLogCapture;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CachingTeardownStatusSourceTest {

    private static final DropletId DROPLET = DropletId.of(3164444);
    private static final Duration ONE_NANO = Duration.ofNanos(1);

    private final FakeTicker ticker = new FakeTicker();
    private final InMemoryTeardownStatusSource upstream = new InMemoryTeardownStatusSource();
    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    // --- expiry by what was learned ---------------------------------------------------------------

    static Stream<Arguments> answersAndTheirDefaultTimeToLive() {
        return Stream.of(
                Arguments.of("succeeded", Answer.of(succeeded(DROPLET)), Duration.ofMinutes(10)),
                Arguments.of("completed with failures", Answer.of(completedWithFailures(DROPLET)), Duration.ofSeconds(30)),
                Arguments.of("in progress", Answer.of(inProgress(DROPLET)), Duration.ofSeconds(2)),
                Arguments.of("not found", Answer.notFound(), Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersAndTheirDefaultTimeToLive")
    void statusOf_justBeforeTheAnswerExpires_answersFromCache(String kind, Answer answer, Duration timeToLive) {
        upstream.script(DROPLET, answer);
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        Optional<TeardownStatus> first = cache.statusOf(DROPLET);

        ticker.advance(timeToLive.minus(ONE_NANO));

        assertThat(cache.statusOf(DROPLET)).isEqualTo(first);
        assertThat(upstream.lookups(DROPLET)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersAndTheirDefaultTimeToLive")
    void statusOf_whenTheAnswerExpires_asksUpstreamAgain(String kind, Answer answer, Duration timeToLive) {
        upstream.script(DROPLET, answer);
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        cache.statusOf(DROPLET);

        ticker.advance(timeToLive);
        cache.statusOf(DROPLET);

        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    @Test
    void statusOf_afterAnInProgressAnswerExpires_answersTheNewStatus() {
        upstream.script(DROPLET, Answer.of(inProgress(DROPLET)), Answer.of(succeeded(DROPLET)));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        cache.statusOf(DROPLET);

        ticker.advance(Duration.ofSeconds(2));

        assertThat(cache.statusOf(DROPLET)).contains(succeeded(DROPLET));
    }

    @Test
    void statusOf_answerASharedCacheKeptWithLessFreshnessLeft_isKeptNoLonger() {
        TeardownStatusSource sharedCache = new TeardownStatusSource() {
            @Override
            public Optional<TeardownStatus> statusOf(DropletId dropletId) {
                return lookUp(dropletId).status();
            }

            @Override
            public StatusLookup lookUp(DropletId dropletId) {
                return StatusLookup.kept(upstream.statusOf(dropletId), Duration.ofMillis(700));
            }
        };
        upstream.put(inProgress(DROPLET));
        CachingTeardownStatusSource cache = sameThreadCache(sharedCache, CacheConfig.defaults());
        cache.statusOf(DROPLET);

        ticker.advance(Duration.ofMillis(700).minus(ONE_NANO));
        cache.statusOf(DROPLET);
        assertThat(upstream.lookups(DROPLET)).isEqualTo(1);

        ticker.advance(ONE_NANO);
        cache.statusOf(DROPLET);
        assertThat(upstream.lookups(DROPLET)).as("kept no longer than the shared cache keeps it").isEqualTo(2);
    }

    @Test
    void statusOf_configuredTimeToLive_replacesTheDefault() {
        upstream.put(inProgress(DROPLET));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults().withInProgress(Duration.ofSeconds(7)));
        cache.statusOf(DROPLET);

        ticker.advance(Duration.ofSeconds(7).minus(ONE_NANO));
        cache.statusOf(DROPLET);
        assertThat(upstream.lookups(DROPLET)).isEqualTo(1);

        ticker.advance(ONE_NANO);
        cache.statusOf(DROPLET);
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    @Test
    void statusOf_zeroTimeToLive_asksUpstreamEveryTime() {
        upstream.put(succeeded(DROPLET));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults().withSucceeded(Duration.ZERO));

        cache.statusOf(DROPLET);
        cache.statusOf(DROPLET);

        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    // --- failures ---------------------------------------------------------------------------------

    @Test
    void statusOf_upstreamFails_throwsTheUpstreamExceptionItself() {
        TeardownApiException failure = rateLimited(DROPLET);
        upstream.failWith(DROPLET, failure);
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());

        assertThat(catchThrowable(() -> cache.statusOf(DROPLET))).isSameAs(failure);
    }

    @Test
    void statusOf_afterAFailure_asksUpstreamAgain() {
        upstream.script(DROPLET, Answer.failure(rateLimited(DROPLET)), Answer.of(succeeded(DROPLET)));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        catchThrowable(() -> cache.statusOf(DROPLET));

        Optional<TeardownStatus> second = cache.statusOf(DROPLET);

        assertThat(second).contains(succeeded(DROPLET));
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    @Test
    void statusOf_upstreamThrowsAnUnexpectedException_reachesTheCallerAndIsNotKept() {
        IllegalStateException bug = new IllegalStateException("a bug in the wrapped source");
        TeardownStatusSource broken = dropletId -> {
            upstream.statusOf(dropletId);
            throw bug;
        };
        CachingTeardownStatusSource cache = sameThreadCache(broken, CacheConfig.defaults());

        assertThat(catchThrowable(() -> cache.statusOf(DROPLET))).isSameAs(bug);
        assertThat(catchThrowable(() -> cache.statusOf(DROPLET))).isSameAs(bug);
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    @Test
    void statusOf_upstreamThrowsACheckedExceptionUndeclared_reachesTheCallerWrapped() {
        IOException hidden = new IOException("connection reset");
        CachingTeardownStatusSource cache = sameThreadCache(dropletId -> sneakyThrow(hidden), CacheConfig.defaults());

        assertThatThrownBy(() -> cache.statusOf(DROPLET))
                .isInstanceOf(UndeclaredThrowableException.class)
                .hasCause(hidden);
    }

    @Test
    void statusOf_upstreamAnswersNull_throwsNullPointerAndKeepsNothing() {
        TeardownStatusSource broken = dropletId -> {
            upstream.statusOf(dropletId);
            return null;
        };
        CachingTeardownStatusSource cache = sameThreadCache(broken, CacheConfig.defaults());

        assertThatThrownBy(() -> cache.statusOf(DROPLET))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("answered null for droplet " + DROPLET);
        catchThrowable(() -> cache.statusOf(DROPLET));
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    @Test
    void statusOf_concurrentWaitersOnAFailingCall_allGetItsFailureFromOneCall() throws Exception {
        TeardownApiException failure = rateLimited(DROPLET);
        upstream.script(DROPLET, Answer.failure(failure), Answer.of(succeeded(DROPLET)));
        GatedTeardownStatusSource slow = new GatedTeardownStatusSource(upstream);
        CachingTeardownStatusSource cache = threadedCache(slow, CacheConfig.defaults());

        List<Future<Throwable>> waiters = startAll(8, () -> catchThrowable(() -> cache.statusOf(DROPLET)));
        awaitWaiters(cache, 8);
        slow.open();

        for (Future<Throwable> waiter : waiters) {
            assertThat(waiter.get(30, TimeUnit.SECONDS)).isSameAs(failure);
        }
        assertThat(upstream.lookups(DROPLET)).isEqualTo(1);
        assertThat(cache.statusOf(DROPLET)).contains(succeeded(DROPLET));
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    @Test
    void statusOf_failedCallNotYetDroppedByTheCache_startsAFreshCall() throws Exception {
        upstream.script(DROPLET, Answer.failure(rateLimited(DROPLET)), Answer.of(succeeded(DROPLET)));
        HeldFirstTaskExecutor executor = new HeldFirstTaskExecutor();
        CachingTeardownStatusSource cache = CachingTeardownStatusSource.builder(upstream)
                .ticker(ticker)
                .executor(executor)
                .build();
        Future<Throwable> firstCaller = startAll(1, () -> catchThrowable(() -> cache.statusOf(DROPLET))).get(0);
        Runnable firstCall = executor.heldTask();
        awaitTrue(() -> cache.cache().asMap().get(DROPLET) != null);
        CompletableFuture<?> inFlight = cache.cache().asMap().get(DROPLET);
        // The cache's own clean-up callback and the first caller's wait are both registered.
        awaitTrue(() -> inFlight.getNumberOfDependents() >= 2);
        AtomicReference<Object> answerInBetween = new AtomicReference<>();
        // Registered last, so it runs first: the failed call is still in the cache when it asks.
        inFlight.whenComplete((value, error) -> answerInBetween.set(cache.statusOf(DROPLET)));

        firstCall.run();

        assertThat(firstCaller.get(30, TimeUnit.SECONDS)).isInstanceOf(TeardownApiException.class);
        assertThat(answerInBetween.get()).isEqualTo(Optional.of(succeeded(DROPLET)));
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    @Test
    void statusOf_interruptedWhileWaiting_throwsTimeoutAndKeepsTheInterrupt() throws Exception {
        upstream.put(succeeded(DROPLET));
        GatedTeardownStatusSource slow = new GatedTeardownStatusSource(upstream);
        CachingTeardownStatusSource cache = threadedCache(slow, CacheConfig.defaults());
        AtomicReference<Throwable> seen = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            seen.set(catchThrowable(() -> cache.statusOf(DROPLET)));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        awaitWaiters(cache, 1);

        waiter.interrupt();
        waiter.join(30_000);
        slow.open();

        assertThat(seen.get())
                .isInstanceOfSatisfying(TeardownApiException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(failure.dropletId()).isEqualTo(DROPLET);
                    assertThat(failure.getCause()).isInstanceOf(InterruptedException.class);
                });
        assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void statusOf_oneWaiterInterrupted_theCallGoesOnForTheOthers() throws Exception {
        upstream.put(succeeded(DROPLET));
        GatedTeardownStatusSource slow = new GatedTeardownStatusSource(upstream);
        CachingTeardownStatusSource cache = threadedCache(slow, CacheConfig.defaults());
        Thread interrupted = new Thread(() -> catchThrowable(() -> cache.statusOf(DROPLET)));
        interrupted.start();
        awaitWaiters(cache, 1);
        interrupted.interrupt();
        interrupted.join(30_000);

        Future<Optional<TeardownStatus>> other = startAll(1, () -> cache.statusOf(DROPLET)).get(0);
        awaitWaiters(cache, 1);
        slow.open();

        assertThat(other.get(30, TimeUnit.SECONDS)).contains(succeeded(DROPLET));
        assertThat(upstream.lookups(DROPLET)).isEqualTo(1);
    }

    // --- quiet in the host's logs -----------------------------------------------------------------

    private static final String[] LOGGERS = {
        "com.github.benmanes.caffeine", "com.github.benmanes.caffeine.cache.LocalAsyncCache",
        "com.github.benmanes.caffeine.cache.BoundedLocalCache", "dev.teardown"
    };

    static Stream<Arguments> failingSources() {
        TeardownApiException unavailable = rateLimited(DROPLET);
        IllegalStateException bug = new IllegalStateException("a bug in the wrapped source");
        IOException undeclared = new IOException("connection reset");
        return Stream.of(
                Arguments.of("unavailable", (TeardownStatusSource) id -> {
                    throw unavailable;
                }),
                Arguments.of("unexpected exception", (TeardownStatusSource) id -> {
                    throw bug;
                }),
                Arguments.of("undeclared checked exception", (TeardownStatusSource) id -> sneakyThrow(undeclared)),
                Arguments.of("null answer", (TeardownStatusSource) id -> null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingSources")
    void statusOf_upstreamFails_logsNothingAtWarningOrAbove(String kind, TeardownStatusSource failing) {
        try (JavaLogCapture logs = JavaLogCapture.of(LOGGERS)) {
            CachingTeardownStatusSource cache = sameThreadCache(failing, CacheConfig.defaults());

            for (long id = 1; id <= 20; id++) {
                DropletId dropletId = DropletId.of(id);
                assertThat(catchThrowable(() -> cache.statusOf(dropletId))).isNotNull();
                assertThat(catchThrowable(() -> cache.statusOf(dropletId))).isNotNull();
            }
            cache.cleanUp();

            assertThat(logs.atOrAbove(Level.WARNING)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingSources")
    void statusOf_concurrentWaitersOnAFailingCall_logNothingAtWarningOrAbove(String kind, TeardownStatusSource failing)
            throws Exception {
        try (JavaLogCapture logs = JavaLogCapture.of(LOGGERS)) {
            HeldFirstTaskExecutor executor = new HeldFirstTaskExecutor();
            CachingTeardownStatusSource cache = CachingTeardownStatusSource.builder(failing)
                    .ticker(ticker)
                    .executor(executor)
                    .build();
            List<Future<Throwable>> waiters = startAll(8, () -> catchThrowable(() -> cache.statusOf(DROPLET)));
            Runnable call = executor.heldTask();
            awaitWaiters(cache, 8);

            // Completes the call, and runs every callback registered on it, on this thread.
            call.run();

            for (Future<Throwable> waiter : waiters) {
                assertThat(waiter.get(30, TimeUnit.SECONDS)).isNotNull();
            }
            assertThat(logs.atOrAbove(Level.WARNING)).isEmpty();
        }
    }

    // --- single flight ----------------------------------------------------------------------------

    @Test
    void statusOf_64ThreadsWhileUpstreamIsSlow_makeOneCallAndAllGetTheStatus() throws Exception {
        TeardownStatus status = inProgress(DROPLET);
        upstream.put(status);
        GatedTeardownStatusSource slow = new GatedTeardownStatusSource(upstream);
        // Nothing is kept, so only the sharing of the call under way can spare upstream calls.
        CachingTeardownStatusSource cache = threadedCache(slow, CacheConfig.defaults().withInProgress(Duration.ZERO));

        List<Future<Optional<TeardownStatus>>> answers = startAll(64, () -> cache.statusOf(DROPLET));
        awaitWaiters(cache, 64);
        slow.open();

        for (Future<Optional<TeardownStatus>> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).contains(status);
        }
        assertThat(upstream.lookups(DROPLET)).isEqualTo(1);
        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(63, 1, 1, 0, 0));
    }

    // --- size bound -------------------------------------------------------------------------------

    @Test
    void statusOf_moreDropletsThanTheBound_keepsOnlyTheBound() {
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults().withMaximumSize(3));
        for (long id = 1; id <= 10; id++) {
            upstream.put(succeeded(DropletId.of(id)));
            cache.statusOf(DropletId.of(id));
        }

        cache.cleanUp();

        assertThat(cache.estimatedSize()).isEqualTo(3);
        assertThat(cache.statistics().evictions()).isEqualTo(7);
    }

    // --- invalidation -----------------------------------------------------------------------------

    @Test
    void invalidate_oneDroplet_asksUpstreamAgainForThatDropletOnly() {
        DropletId other = DropletId.of(3164445);
        upstream.put(succeeded(DROPLET)).put(succeeded(other));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        cache.statusOf(DROPLET);
        cache.statusOf(other);

        cache.invalidate(DROPLET);
        cache.statusOf(DROPLET);
        cache.statusOf(other);

        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
        assertThat(upstream.lookups(other)).isEqualTo(1);
    }

    @Test
    void invalidateAll_asksUpstreamAgainForEveryDroplet() {
        DropletId other = DropletId.of(3164445);
        upstream.put(succeeded(DROPLET));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        cache.statusOf(DROPLET);
        cache.statusOf(other);

        cache.invalidateAll();
        cache.statusOf(DROPLET);
        cache.statusOf(other);

        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
        assertThat(upstream.lookups(other)).isEqualTo(2);
    }

    @Test
    void invalidate_whileACallIsUnderWay_itsWaiterGetsItsAnswerAndTheNextLookupCallsAgain() throws Exception {
        upstream.script(DROPLET, Answer.of(inProgress(DROPLET)), Answer.of(succeeded(DROPLET)));
        GatedTeardownStatusSource slow = new GatedTeardownStatusSource(upstream);
        CachingTeardownStatusSource cache = threadedCache(slow, CacheConfig.defaults());
        Future<Optional<TeardownStatus>> before = startAll(1, () -> cache.statusOf(DROPLET)).get(0);
        awaitWaiters(cache, 1);

        cache.invalidate(DROPLET);
        Future<Optional<TeardownStatus>> after = startAll(1, () -> cache.statusOf(DROPLET)).get(0);
        awaitTrue(() -> cache.statistics().misses() == 2);
        slow.open();

        // Both upstream calls run once the gate opens; which of them takes the script's first answer is up to the scheduler.
        assertThat(List.of(before.get(30, TimeUnit.SECONDS).orElseThrow().outcome(),
                        after.get(30, TimeUnit.SECONDS).orElseThrow().outcome()))
                .containsExactlyInAnyOrder(TeardownOutcome.IN_PROGRESS, TeardownOutcome.SUCCEEDED);
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    // --- forgetting after a command -----------------------------------------------------------------

    @Test
    void forget_keptAnswer_theNextLookupAsksUpstreamAndSeesWhatTheCommandChanged() {
        upstream.script(DROPLET, Answer.of(completedWithFailures(DROPLET)), Answer.of(inProgress(DROPLET)));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        assertThat(cache.statusOf(DROPLET)).contains(completedWithFailures(DROPLET));
        assertThat(cache.statusOf(DROPLET)).contains(completedWithFailures(DROPLET));

        cache.forget(DROPLET);

        assertThat(cache.statusOf(DROPLET)).contains(inProgress(DROPLET));
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    @Test
    void forget_keptNotFound_theNextLookupAsksUpstream() {
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        assertThat(cache.statusOf(DROPLET)).isEmpty();
        upstream.put(inProgress(DROPLET));

        cache.forget(DROPLET);

        assertThat(cache.statusOf(DROPLET)).contains(inProgress(DROPLET));
    }

    @Test
    void forget_oneDroplet_keepsTheAnswersOfTheOthers() {
        DropletId other = DropletId.of(3164445);
        upstream.put(succeeded(DROPLET)).put(succeeded(other));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        cache.statusOf(DROPLET);
        cache.statusOf(other);

        cache.forget(DROPLET);
        cache.statusOf(other);

        assertThat(upstream.lookups(other)).isEqualTo(1);
    }

    @Test
    void forget_tellsTheSourceBehindTheCacheToForgetToo() {
        List<DropletId> forgotten = new ArrayList<>();
        TeardownStatusSource behind = new TeardownStatusSource() {
            @Override
            public Optional<TeardownStatus> statusOf(DropletId dropletId) {
                return upstream.statusOf(dropletId);
            }

            @Override
            public void forget(DropletId dropletId) {
                forgotten.add(dropletId);
            }
        };
        CachingTeardownStatusSource cache = sameThreadCache(behind, CacheConfig.defaults());

        cache.forget(DROPLET);

        assertThat(forgotten).containsExactly(DROPLET);
    }

    @Test
    void forget_whileACallStartedBeforeItIsUnderWay_itsAnswerReachesItsWaiterAndIsNotKept() throws Exception {
        upstream.script(DROPLET, Answer.of(completedWithFailures(DROPLET)), Answer.of(inProgress(DROPLET)));
        GatedTeardownStatusSource slow = new GatedTeardownStatusSource(upstream);
        CachingTeardownStatusSource cache = threadedCache(slow, CacheConfig.defaults());
        Future<Optional<TeardownStatus>> before = startAll(1, () -> cache.statusOf(DROPLET)).get(0);
        awaitWaiters(cache, 1);

        cache.forget(DROPLET);
        slow.open();

        assertThat(before.get(30, TimeUnit.SECONDS)).contains(completedWithFailures(DROPLET));
        assertThat(cache.statusOf(DROPLET)).contains(inProgress(DROPLET));
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    @Test
    void forget_nullDropletId_isRejected() {
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());

        assertThatThrownBy(() -> cache.forget(null)).isInstanceOf(NullPointerException.class);
    }

    // --- statistics -------------------------------------------------------------------------------

    @Test
    void statistics_newCache_countsNothing() {
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());

        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(0, 0, 0, 0, 0));
    }

    @Test
    void statistics_afterHitsMissesFailuresAndAnExpiry_countsEach() {
        DropletId failing = DropletId.of(3164445);
        upstream.put(inProgress(DROPLET)).failWith(failing, rateLimited(failing));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());

        cache.statusOf(DROPLET);
        cache.statusOf(DROPLET);
        cache.statusOf(DROPLET);
        catchThrowable(() -> cache.statusOf(failing));
        ticker.advance(Duration.ofSeconds(2));
        cache.cleanUp();

        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(2, 2, 2, 1, 1));
    }

    @Test
    void statistics_lookupOfAKeptAnswer_countsOneHitAndNoMiss() {
        upstream.put(succeeded(DROPLET));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        cache.statusOf(DROPLET);

        cache.statusOf(DROPLET);

        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(1, 1, 1, 0, 0));
    }

    @Test
    void statistics_lookupJustAfterTheAnswerExpired_countsAMissNotAHit() {
        upstream.put(succeeded(DROPLET));
        CachingTeardownStatusSource cache = sameThreadCache(CacheConfig.defaults());
        cache.statusOf(DROPLET);

        ticker.advance(Duration.ofMinutes(10));
        cache.statusOf(DROPLET);

        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(0, 2, 2, 0, 1));
    }

    @Test
    void statistics_lookupWhileTheCallIsUnderWay_waitsForItAndCountsAHit() throws Exception {
        upstream.put(succeeded(DROPLET));
        GatedTeardownStatusSource slow = new GatedTeardownStatusSource(upstream);
        CachingTeardownStatusSource cache = threadedCache(slow, CacheConfig.defaults());
        Future<Optional<TeardownStatus>> first = startAll(1, () -> cache.statusOf(DROPLET)).get(0);
        awaitWaiters(cache, 1);

        Future<Optional<TeardownStatus>> second = startAll(1, () -> cache.statusOf(DROPLET)).get(0);
        awaitWaiters(cache, 2);
        assertThat(second).isNotDone();
        slow.open();

        assertThat(first.get(30, TimeUnit.SECONDS)).contains(succeeded(DROPLET));
        assertThat(second.get(30, TimeUnit.SECONDS)).contains(succeeded(DROPLET));
        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(1, 1, 1, 0, 0));
    }

    static Stream<Arguments> callersOfAFailingCall() {
        return Stream.of(Arguments.of(2), Arguments.of(3), Arguments.of(8), Arguments.of(64));
    }

    @ParameterizedTest(name = "{0} callers")
    @MethodSource("callersOfAFailingCall")
    void statistics_callersThatJoinedACallThatFailed_areNotCountedAsHits(int callers) throws Exception {
        upstream.failWith(DROPLET, rateLimited(DROPLET));
        GatedTeardownStatusSource slow = new GatedTeardownStatusSource(upstream);
        CachingTeardownStatusSource cache = threadedCache(slow, CacheConfig.defaults());

        List<Future<Throwable>> waiters = startAll(callers, () -> catchThrowable(() -> cache.statusOf(DROPLET)));
        awaitWaiters(cache, callers);
        slow.open();
        for (Future<Throwable> waiter : waiters) {
            assertThat(waiter.get(30, TimeUnit.SECONDS)).isInstanceOf(TeardownApiException.class);
        }

        assertThat(upstream.lookups(DROPLET)).isEqualTo(1);
        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(0, callers, 1, 1, 0));
    }

    @Test
    void statistics_lookupThatFoundAFailedCallNotYetDropped_countsOneMissForItsOwnCall() throws Exception {
        upstream.script(DROPLET, Answer.failure(rateLimited(DROPLET)), Answer.of(succeeded(DROPLET)));
        HeldFirstTaskExecutor executor = new HeldFirstTaskExecutor();
        CachingTeardownStatusSource cache = CachingTeardownStatusSource.builder(upstream)
                .ticker(ticker)
                .executor(executor)
                .build();
        Future<Throwable> firstCaller = startAll(1, () -> catchThrowable(() -> cache.statusOf(DROPLET))).get(0);
        Runnable firstCall = executor.heldTask();
        awaitWaiters(cache, 1);
        CompletableFuture<?> inFlight = cache.cache().asMap().get(DROPLET);
        // Registered last, so it runs first: the failed call is still in the cache when it asks.
        inFlight.whenComplete((value, error) -> cache.statusOf(DROPLET));

        firstCall.run();
        firstCaller.get(30, TimeUnit.SECONDS);

        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(0, 2, 2, 1, 0));
    }

    // --- life cycle -------------------------------------------------------------------------------

    @Test
    void close_thenStatusOf_isRejected() {
        CachingTeardownStatusSource cache = CachingTeardownStatusSource.wrapping(upstream);
        cache.close();

        assertThatThrownBy(() -> cache.statusOf(DROPLET))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(upstream.totalLookups()).isZero();
    }

    @Test
    void close_givenExecutor_leavesItRunning() {
        ExecutorService executor = pool(1);
        CachingTeardownStatusSource cache = CachingTeardownStatusSource.builder(upstream).executor(executor).build();

        cache.close();

        assertThat(executor.isShutdown()).isFalse();
    }

    @Test
    void wrapping_defaults_answersFromItsOwnThreadsAndKeepsTheAnswer() {
        upstream.put(succeeded(DROPLET));
        try (CachingTeardownStatusSource cache = CachingTeardownStatusSource.wrapping(upstream)) {
            cache.statusOf(DROPLET);

            assertThat(cache.statusOf(DROPLET)).contains(succeeded(DROPLET));
            assertThat(upstream.lookups(DROPLET)).isEqualTo(1);
            assertThat(cache.config()).isEqualTo(CacheConfig.defaults());
        }
    }

    @Test
    void statusOf_answerPastItsTimeBeforeCaffeineHasDatedIt_asksAgain() {
        // Caffeine keeps a call under way as if for ever, and dates a finished one only in its callback on
        // the call, which may run after the call's waiters woke up. Here that callback is held until this
        // thread has looked again (or is blocked waiting for it), as a busy machine may hold it; meanwhile
        // the clock passes the answer's time, as a sleeper that advances the clock makes it pass at once.
        upstream.script(DROPLET, Answer.of(inProgress(DROPLET)), Answer.of(succeeded(DROPLET)));
        Thread caller = Thread.currentThread();
        AtomicBoolean firstAnswered = new AtomicBoolean();
        AtomicBoolean lookedAgain = new AtomicBoolean();
        AtomicBoolean held = new AtomicBoolean();
        LongSupplier holdingCaffeinesCallback = () -> {
            if (Thread.currentThread() != caller && inCaffeinesCallback() && held.compareAndSet(false, true)) {
                awaitTrue(() -> lookedAgain.get() || firstAnswered.get() && isBlocked(caller));
            }
            return ticker.getAsLong();
        };
        AtomicReference<CachingTeardownStatusSource> built = new AtomicReference<>();
        // The call answers once Caffeine has put it in the map and listens to it, as a call over a network does.
        TeardownStatusSource answersOnceCaffeineListens = dropletId -> {
            awaitWaiters(built.get(), 0);
            return upstream.statusOf(dropletId);
        };
        CachingTeardownStatusSource cache = CachingTeardownStatusSource.builder(answersOnceCaffeineListens)
                .ticker(holdingCaffeinesCallback)
                .executor(pool(2))
                .build();
        built.set(cache);
        // Asked on another thread, which (as a waiter helps do) may run Caffeine's callback itself.
        startAll(1, () -> cache.statusOf(DROPLET));
        awaitTrue(() -> {
            CompletableFuture<?> call = cache.cache().asMap().get(DROPLET);
            return call != null && call.isDone();
        });
        firstAnswered.set(true);

        ticker.advance(Duration.ofMinutes(10));
        Optional<TeardownStatus> again = cache.statusOf(DROPLET);
        lookedAgain.set(true);

        assertThat(again).contains(succeeded(DROPLET));
        assertThat(upstream.lookups(DROPLET)).isEqualTo(2);
    }

    private static boolean inCaffeinesCallback() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                frame -> frame.getMethodName().contains("handleCompletion")));
    }

    private static boolean isBlocked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    // --- fixtures ---------------------------------------------------------------------------------

    private CachingTeardownStatusSource sameThreadCache(CacheConfig config) {
        return sameThreadCache(upstream, config);
    }

    private CachingTeardownStatusSource sameThreadCache(TeardownStatusSource source, CacheConfig config) {
        return CachingTeardownStatusSource.builder(source)
                .config(config)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    private CachingTeardownStatusSource threadedCache(TeardownStatusSource source, CacheConfig config) {
        return CachingTeardownStatusSource.builder(source)
                .config(config)
                .ticker(ticker)
                .executor(pool(2))
                .build();
    }

    private ExecutorService pool(int threads) {
        // Caffeine may hand its upkeep to the pool just after a test ends; dropping it then is harmless.
        ExecutorService pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new ThreadPoolExecutor.DiscardPolicy());
        pools.add(pool);
        return pool;
    }

    /** Starts the task on that many threads at once. */
    private <T> List<Future<T>> startAll(int threads, Callable<T> task) {
        ExecutorService callers = pool(threads);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(callers.submit(task));
        }
        return futures;
    }

    /**
     * Waits until that many callers are blocked on the call under way for {@link #DROPLET}: each blocked
     * caller is a dependent of that call's future, and Caffeine adds one of its own to keep or drop what
     * the call answers. (The statistics cannot tell: a caller who joins a call is counted once it ends.)
     */
    private static void awaitWaiters(CachingTeardownStatusSource cache, int callers) {
        awaitTrue(() -> {
            CompletableFuture<?> call = cache.cache().asMap().get(DROPLET);
            return call != null && call.getNumberOfDependents() >= callers + 1;
        });
    }

    /** Waits, without sleeping, for something other threads are about to make true. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not become true within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    private static TeardownStatus succeeded(DropletId dropletId) {
        return TeardownStatusBuilder.status(dropletId)
                .completedAt("2026-11-29T10:00:09Z")
                .dropletDestroyedAt("web", "2026-11-29T10:00:08Z")
                .failures(0)
                .destroyed(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "data", "2026-11-29T10:00:03Z")
                .build();
    }

    private static TeardownStatus completedWithFailures(DropletId dropletId) {
        return TeardownStatusBuilder.status(dropletId)
                .completedAt("2026-11-29T10:00:09Z")
                .dropletDestroyedAt("web", "2026-11-29T10:00:08Z")
                .failures(1)
                .failed(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "data",
                        "volume is still attached to another droplet")
                .build();
    }

    private static TeardownStatus inProgress(DropletId dropletId) {
        return TeardownStatusBuilder.status(dropletId)
                .dropletPending("web")
                .failures(0)
                .pending(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "data")
                .build();
    }

    private static TeardownApiException rateLimited(DropletId dropletId) {
        return TeardownApiException
                .builder(Operation.CHECK_STATUS, Reason.RATE_LIMITED, dropletId, "the API answered 429 for droplet " + dropletId)
                .httpStatus(429)
                .attempts(1)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> Optional<TeardownStatus> sneakyThrow(Throwable failure) throws T {
        throw (T) failure;
    }

    /** Holds the first task until the test runs it; runs every later task on the calling thread. */
    private static final class HeldFirstTaskExecutor implements Executor {
        private final LinkedBlockingQueue<Runnable> held = new LinkedBlockingQueue<>();
        private boolean first = true;

        @Override
        public synchronized void execute(Runnable task) {
            if (first) {
                first = false;
                held.add(task);
            } else {
                task.run();
            }
        }

        Runnable heldTask() throws InterruptedException {
            Runnable task = held.poll(30, TimeUnit.SECONDS);
            assertThat(task).as("a call to the wrapped source was started").isNotNull();
            return task;
        }
    }
}
