package dev.teardown.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.StatusLookup;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.FreshnessPolicy;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.InMemoryTeardownStatusSource.Answer;
import dev.teardown.testkit.JavaLogCapture;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.TeardownStatusBuilder;
import dev.teardown.testkit.redis.RedisServerExtension;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared cache on a real redis-server: freshness by outcome, single flight across instances, and Redis away. */
class RedisTeardownStatusSourceTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create();

    private static final DropletId ID = DropletId.of(4242);
    private static final TeardownStatus IN_PROGRESS = TeardownStatusBuilder.status(ID).dropletPending("web")
            .pending(ResourceKind.VOLUME, "v1", "data").build();
    private static final TeardownStatus SUCCEEDED = TeardownStatusBuilder.status(ID).completedAt("2026-11-29T10:00:09Z")
            .dropletDestroyedAt("web", "2026-11-29T10:00:08Z").failures(0).build();
    private static final TeardownStatus WITH_FAILURES = TeardownStatusBuilder.status(ID).completedAt("2026-11-29T10:00:09Z")
            .dropletDestroyedAt("web", "2026-11-29T10:00:08Z").failures(1)
            .failed(ResourceKind.VOLUME, "v1", "data", "volume is still attached").build();

    private final String prefix = "test-" + UUID.randomUUID() + ":";
    private final List<RedisTier> tiers = new ArrayList<>();
    private final ManualClock clock = ManualClock.at("2026-11-30T10:00:00Z");
    private RedisInspector redis;
    private JavaLogCapture log;

    @BeforeEach
    void open() {
        redis = RedisInspector.of(REDIS);
        // the side client reconnects noisily while Redis is stopped; what teardown logs is asserted
        log = JavaLogCapture.of("dev.teardown", "io.lettuce", "io.netty", "reactor");
    }

    @AfterEach
    void close() {
        tiers.forEach(RedisTier::close);
        if (redis != null) {
            redis.close();
        }
        log.close();
    }

    private RedisTier tier() {
        // A command timeout far above any command here: a slow first command on a busy machine must not
        // pass for an outage, which would send every lookup upstream.
        RedisTier tier = RedisTier.builder(REDIS.uri()).keyPrefix(prefix).clock(clock)
                .commandTimeout(Duration.ofSeconds(2)).build();
        tiers.add(tier);
        return tier;
    }

    private RedisTeardownStatusSource.Builder cache(TeardownStatusSource upstream) {
        return RedisTeardownStatusSource.builder(tier(), upstream).random(() -> 0.0).pollInterval(Duration.ofMillis(5));
    }

    private String statusKey() {
        return RedisTeardownStatusSource.statusKey(prefix, ID);
    }

    private String lockKey() {
        return RedisTeardownStatusSource.lockKey(prefix, ID);
    }

    private static TeardownApiException serverError() {
        return TeardownApiException.builder(Operation.CHECK_STATUS, Reason.SERVER_ERROR, ID, "the API answered 503").build();
    }

    @Test
    void statusOf_eachOutcome_isKeptForItsFreshnessInMilliseconds() {
        FreshnessPolicy policy = new FreshnessPolicy(Duration.ofMinutes(10), Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        List<Optional<TeardownStatus>> answers = List.of(Optional.of(SUCCEEDED), Optional.of(WITH_FAILURES),
                Optional.of(IN_PROGRESS), Optional.empty());
        for (Optional<TeardownStatus> answer : answers) {
            redis.commands().del(statusKey());
            InMemoryTeardownStatusSource upstream = new InMemoryTeardownStatusSource()
                    .script(ID, answer.map(Answer::of).orElseGet(Answer::notFound));
            RedisTeardownStatusSource cache = cache(upstream).freshness(policy).build();

            assertThat(cache.statusOf(ID)).isEqualTo(answer);
            long pttl = redis.commands().pttl(statusKey());
            assertThat(cache.statusOf(ID)).isEqualTo(answer);

            long fresh = policy.freshFor(answer).toMillis();
            assertThat(pttl).as("%s", answer).isBetween(fresh - 1_000, fresh);
            assertThat(upstream.lookups(ID)).as("the second lookup is answered by Redis").isEqualTo(1);
        }
    }

    @Test
    void statusOf_withJitter_cutsUpToItsShareOffTheExpiry() {
        RedisTeardownStatusSource cache = cache(InMemoryTeardownStatusSource.of(SUCCEEDED))
                .jitter(0.1).random(() -> 0.999_999).build();

        cache.statusOf(ID);

        assertThat(redis.commands().pttl(statusKey())).isBetween(539_000L, 540_001L);
        assertThat(cache.expiryMillis(Duration.ofSeconds(10))).isEqualTo(9_001);
        assertThat(cache.expiryMillis(Duration.ZERO)).isZero();
    }

    @Test
    void statusOf_aZeroFreshness_keepsNothing() {
        InMemoryTeardownStatusSource upstream = InMemoryTeardownStatusSource.of(IN_PROGRESS);
        RedisTeardownStatusSource cache = cache(upstream).freshness(FreshnessPolicy.defaults().withInProgress(Duration.ZERO)).build();

        cache.statusOf(ID);
        cache.statusOf(ID);

        assertThat(upstream.lookups(ID)).isEqualTo(2);
        assertThat(redis.commands().exists(statusKey(), lockKey())).isZero();
    }

    @Test
    void lookUp_answerFromRedis_saysWhatIsLeftOfItsTime() {
        FreshnessPolicy policy = FreshnessPolicy.defaults().withInProgress(Duration.ofSeconds(30));
        InMemoryTeardownStatusSource upstream = InMemoryTeardownStatusSource.of(IN_PROGRESS);
        RedisTeardownStatusSource owner = cache(upstream).freshness(policy).build();
        RedisTeardownStatusSource other = cache(upstream).freshness(policy).build();

        StatusLookup fetched = owner.lookUp(ID);
        redis.commands().pexpire(statusKey(), 12_000);
        StatusLookup served = other.lookUp(ID, clock.instant().plusSeconds(5));

        assertThat(fetched).isEqualTo(StatusLookup.kept(Optional.of(IN_PROGRESS), Duration.ofSeconds(30)));
        assertThat(served.status()).contains(IN_PROGRESS);
        assertThat(served.freshFor()).hasValueSatisfying(left -> assertThat(left)
                .isGreaterThan(Duration.ofSeconds(10)).isLessThanOrEqualTo(Duration.ofSeconds(12)));
        assertThat(upstream.lookups(ID)).isEqualTo(1);
        assertThat(redis.commands().exists(lockKey())).as("a hit takes no lock").isZero();
    }

    @Test
    void forget_deletesTheKeptAnswerForEveryInstance() {
        InMemoryTeardownStatusSource upstream = new InMemoryTeardownStatusSource()
                .script(ID, Answer.notFound(), Answer.of(IN_PROGRESS));
        RedisTeardownStatusSource one = cache(upstream).build();
        RedisTeardownStatusSource other = cache(upstream).build();
        assertThat(one.statusOf(ID)).isEmpty();

        one.forget(ID);

        assertThat(redis.commands().exists(statusKey())).isZero();
        assertThat(other.statusOf(ID)).contains(IN_PROGRESS);
        assertThat(upstream.lookups(ID)).isEqualTo(2);
    }

    @Test
    void forget_whileAnotherInstanceAsks_keepsNotItsAnswer() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch forgotten = new CountDownLatch(1);
        TeardownStatusSource origin = dropletId -> {
            asking.countDown();
            await(forgotten);
            return Optional.empty();
        };
        RedisTeardownStatusSource owner = cache(origin).build();
        RedisTeardownStatusSource commander = cache(InMemoryTeardownStatusSource.of(IN_PROGRESS)).build();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<StatusLookup> owners = thread.submit(() -> owner.lookUp(ID));
            await(asking);

            commander.forget(ID);
            forgotten.countDown();

            assertThat(owners.get(10, TimeUnit.SECONDS)).as("its caller still gets the answer, as new")
                    .isEqualTo(StatusLookup.fromOrigin(Optional.empty()));
        } finally {
            thread.shutdownNow();
        }
        assertThat(redis.commands().exists(statusKey(), lockKey())).as("nothing kept, no lock left").isZero();
    }

    @Test
    void statusOf_keys_carryThePrefixAndTheDropletInBraces() {
        cache(InMemoryTeardownStatusSource.of(SUCCEEDED)).build().statusOf(ID);

        assertThat(redis.keys()).filteredOn(key -> key.startsWith(prefix)).containsExactly(prefix + "status:{4242}");
        assertThat(redis.commands().get(statusKey())).startsWith("TS1\nS\t2026-11-29T10:00:09Z\t0\n");
    }

    @Test
    void statusOf_fourInstancesMissingAtOnce_askUpstreamOnceAndAllGetItsAnswer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TeardownStatusSource slowOrigin = dropletId -> {
            calls.incrementAndGet();
            pauseReally(Duration.ofMillis(300));
            return Optional.of(IN_PROGRESS);
        };
        List<RedisTeardownStatusSource> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(cache(slowOrigin).sleeper(Sleeper.system()).build());
        }
        CyclicBarrier together = new CyclicBarrier(instances.size());
        ExecutorService threads = Executors.newFixedThreadPool(instances.size());
        try {
            List<Callable<Optional<TeardownStatus>>> lookups = new ArrayList<>();
            for (RedisTeardownStatusSource instance : instances) {
                lookups.add(() -> {
                    together.await();
                    return instance.statusOf(ID);
                });
            }
            for (Future<Optional<TeardownStatus>> answer : threads.invokeAll(lookups, 30, TimeUnit.SECONDS)) {
                assertThat(answer.get()).contains(IN_PROGRESS);
            }
            for (RedisTeardownStatusSource instance : instances) {
                assertThat(instance.statusOf(ID)).contains(IN_PROGRESS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(calls).as("one upstream call in the freshness window").hasValue(1);
        assertThat(redis.commands().exists(lockKey())).as("the lock is released").isZero();
    }

    @Test
    void statusOf_ownerStuckPastItsLock_aWaiterTakesOver() {
        redis.commands().set(lockKey(), "a stuck instance", SetArgs.Builder.px(300));
        InMemoryTeardownStatusSource upstream = InMemoryTeardownStatusSource.of(SUCCEEDED);
        RedisTeardownStatusSource waiter = cache(upstream).sleeper(Sleeper.system()).build();

        long started = System.nanoTime();
        assertThat(waiter.statusOf(ID)).contains(SUCCEEDED);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(upstream.lookups(ID)).isEqualTo(1);
        assertThat(redis.commands().get(statusKey())).startsWith("TS1\n");
    }

    @Test
    void release_aLockTakenByAnother_leavesIt() {
        redis.commands().set(lockKey(), "another");

        Long deleted = redis.commands().eval(RedisTeardownStatusSource.RELEASE_SCRIPT, ScriptOutputType.INTEGER,
                new String[] {lockKey()}, "mine");

        assertThat(deleted).isZero();
        assertThat(redis.commands().get(lockKey())).isEqualTo("another");
    }

    @Test
    void statusOf_whileAnotherAsks_waitsNoLongerThanTheDeadline() {
        redis.commands().set(lockKey(), "another instance", SetArgs.Builder.px(60_000));
        InMemoryTeardownStatusSource upstream = InMemoryTeardownStatusSource.of(SUCCEEDED);
        RedisTeardownStatusSource waiter = cache(upstream).clock(clock).sleeper(clock.sleeper())
                .pollInterval(Duration.ofMillis(40)).build();

        assertThatThrownBy(() -> waiter.statusOf(ID, clock.instant().plusMillis(100)))
                .isInstanceOfSatisfying(TeardownApiException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(failure.dropletId()).isEqualTo(ID);
                });
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(40), Duration.ofMillis(40), Duration.ofMillis(20));
        assertThat(upstream.lookups(ID)).isZero();
    }

    @Test
    void statusOf_aFailure_isThrownAsTheSourceThrewItAndNotKept() {
        TeardownApiException failure = serverError();
        InMemoryTeardownStatusSource upstream = new InMemoryTeardownStatusSource()
                .script(ID, Answer.failure(failure), Answer.of(SUCCEEDED));
        RedisTeardownStatusSource cache = cache(upstream).build();

        assertThatThrownBy(() -> cache.statusOf(ID)).isSameAs(failure);
        assertThat(redis.commands().exists(statusKey(), lockKey())).as("nothing kept, lock released").isZero();
        assertThat(cache.statusOf(ID)).contains(SUCCEEDED);
        assertThat(upstream.lookups(ID)).isEqualTo(2);
    }

    @Test
    void statusOf_ownerFails_aWaiterAsksItself() throws Exception {
        CountDownLatch waiterWaits = new CountDownLatch(1);
        TeardownApiException failure = serverError();
        AtomicInteger calls = new AtomicInteger();
        TeardownStatusSource origin = dropletId -> {
            if (calls.incrementAndGet() == 1) {
                await(waiterWaits);
                throw failure;
            }
            return Optional.of(SUCCEEDED);
        };
        RedisTeardownStatusSource owner = cache(origin).build();
        RedisTeardownStatusSource waiter = cache(origin).sleeper(duration -> {
            waiterWaits.countDown();
            Thread.sleep(duration.toMillis());
        }).build();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<TeardownStatus>> owners = thread.submit(() -> owner.statusOf(ID));
            awaitLock();

            assertThat(waiter.statusOf(ID)).contains(SUCCEEDED);
            assertThatThrownBy(owners::get).hasCause(failure);
        } finally {
            thread.shutdownNow();
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void statusOf_redisStoppedMidRun_answersFromUpstreamWithOneWarning() {
        InMemoryTeardownStatusSource upstream = InMemoryTeardownStatusSource.of(SUCCEEDED);
        RedisTeardownStatusSource cache = cache(upstream).build();
        assertThat(cache.statusOf(ID)).contains(SUCCEEDED);

        // the side client would reconnect, and log it, while Redis is away
        redis.close();
        redis = null;
        REDIS.stop();
        for (int i = 0; i < 5; i++) {
            assertThat(cache.statusOf(ID)).contains(SUCCEEDED);
        }

        assertThat(upstream.lookups(ID)).isEqualTo(6);
        assertThat(warnings()).singleElement().satisfies(line -> assertThat(line).contains("does not answer")
                .contains("lookups skip the shared cache").contains("its own share of the rate budget"));
    }

    @Test
    void statusOf_redisHung_answersFromUpstreamWithinTheCommandTimeout() {
        InMemoryTeardownStatusSource upstream = InMemoryTeardownStatusSource.of(SUCCEEDED);
        RedisTier tier = RedisTier.builder(REDIS.uri()).keyPrefix(prefix).clock(clock)
                .commandTimeout(Duration.ofMillis(100)).build();
        tiers.add(tier);
        RedisTeardownStatusSource cache = RedisTeardownStatusSource.builder(tier, upstream).build();
        assertThat(cache.statusOf(ID)).contains(SUCCEEDED);
        redis.commands().del(statusKey());

        REDIS.suspend();
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(cache.statusOf(ID)).contains(SUCCEEDED);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(upstream.lookups(ID)).isEqualTo(6);
        assertThat(warnings()).hasSize(1);
        REDIS.resume();
    }

    // Forgetting after a command

    @Test
    void forget_keptAnswer_isDeletedAndTheNextLookupAsksUpstream() {
        InMemoryTeardownStatusSource upstream = new InMemoryTeardownStatusSource()
                .script(ID, Answer.of(WITH_FAILURES), Answer.of(IN_PROGRESS));
        RedisTeardownStatusSource cache = cache(upstream).build();
        assertThat(cache.statusOf(ID)).contains(WITH_FAILURES);
        assertThat(redis.commands().exists(statusKey())).isOne();

        cache.forget(ID);

        assertThat(redis.commands().exists(statusKey())).isZero();
        assertThat(cache.statusOf(ID)).contains(IN_PROGRESS);
        assertThat(upstream.lookups(ID)).isEqualTo(2);
    }

    @Test
    void forget_byOneInstance_isSeenByEveryInstanceOnTheTier() {
        InMemoryTeardownStatusSource upstream = new InMemoryTeardownStatusSource()
                .script(ID, Answer.of(WITH_FAILURES), Answer.of(IN_PROGRESS));
        RedisTeardownStatusSource first = cache(upstream).build();
        RedisTeardownStatusSource second = cache(upstream).build();
        assertThat(first.statusOf(ID)).contains(WITH_FAILURES);
        assertThat(second.statusOf(ID)).contains(WITH_FAILURES);

        second.forget(ID);

        assertThat(first.statusOf(ID)).contains(IN_PROGRESS);
        assertThat(upstream.lookups(ID)).isEqualTo(2);
    }

    @Test
    void forget_whileAnOwnerIsAsking_itsAnswerReachesItsCallerAndIsNotKept() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch forgotten = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        TeardownStatusSource origin = dropletId -> {
            if (calls.incrementAndGet() == 1) {
                // the owner's answer is from before the command, and arrives after it
                asking.countDown();
                await(forgotten);
                return Optional.of(WITH_FAILURES);
            }
            return Optional.of(IN_PROGRESS);
        };
        RedisTeardownStatusSource owner = cache(origin).build();
        RedisTeardownStatusSource commander = cache(origin).build();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<TeardownStatus>> owners = thread.submit(() -> owner.statusOf(ID));
            await(asking);

            commander.forget(ID);
            forgotten.countDown();

            assertThat(owners.get(10, TimeUnit.SECONDS)).contains(WITH_FAILURES);
        } finally {
            thread.shutdownNow();
        }
        assertThat(redis.commands().exists(statusKey())).as("the stale answer is not kept").isZero();
        assertThat(redis.commands().exists(lockKey())).as("the lock is released").isZero();
        assertThat(commander.statusOf(ID)).contains(IN_PROGRESS);
        assertThat(owner.statusOf(ID)).contains(IN_PROGRESS);
        assertThat(calls).hasValue(2);
    }

    @Test
    void forget_afterForgets_answersAreKeptAgain() {
        InMemoryTeardownStatusSource upstream = InMemoryTeardownStatusSource.of(SUCCEEDED);
        RedisTeardownStatusSource cache = cache(upstream).build();
        cache.forget(ID);

        cache.statusOf(ID);
        cache.statusOf(ID);

        assertThat(redis.commands().get(statusKey())).startsWith("TS1\n");
        assertThat(upstream.lookups(ID)).isEqualTo(1);
    }

    @Test
    void forget_tellsTheWrappedSource() {
        List<DropletId> forgotten = new ArrayList<>();
        TeardownStatusSource origin = new TeardownStatusSource() {
            @Override
            public Optional<TeardownStatus> statusOf(DropletId dropletId) {
                return Optional.empty();
            }

            @Override
            public void forget(DropletId dropletId) {
                forgotten.add(dropletId);
            }
        };

        cache(origin).build().forget(ID);
        cache(origin).freshness(FreshnessPolicy.defaults().withSucceeded(Duration.ZERO).withCompletedWithFailures(Duration.ZERO)
                .withInProgress(Duration.ZERO).withNotFound(Duration.ZERO)).build().forget(ID);

        assertThat(forgotten).containsExactly(ID, ID);
    }

    @Test
    void forget_redisStopped_failsNothingAndTellsTheWrappedSource() {
        List<DropletId> forgotten = new ArrayList<>();
        TeardownStatusSource origin = new TeardownStatusSource() {
            @Override
            public Optional<TeardownStatus> statusOf(DropletId dropletId) {
                return Optional.of(SUCCEEDED);
            }

            @Override
            public void forget(DropletId dropletId) {
                forgotten.add(dropletId);
            }
        };
        RedisTeardownStatusSource cache = cache(origin).build();
        redis.close();
        redis = null;
        REDIS.stop();

        cache.forget(ID);

        assertThat(forgotten).containsExactly(ID);
        assertThat(warnings()).hasSize(1);
    }

    @Test
    void forget_nullDropletId_isRejected() {
        RedisTeardownStatusSource cache = cache(InMemoryTeardownStatusSource.of(SUCCEEDED)).build();

        assertThatThrownBy(() -> cache.forget(null)).isInstanceOf(NullPointerException.class);
    }

    private List<String> warnings() {
        return log.linesAtOrAbove(Level.WARNING).stream().filter(line -> line.contains(" dev.teardown.")).toList();
    }

    private void awaitLock() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (redis.commands().exists(lockKey()) == 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the owner never took the lock");
            }
            Thread.sleep(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the waiter never waited");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void pauseReally(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
