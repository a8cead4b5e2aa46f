package dev.teardown.adapters.redis;

import static dev.teardown.testkit.RateLimitFeedbackBuilder.answerAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two instances, each with a Lettuce client of its own, on one real redis-server and its clock. */
class RedisRateBudgetSharingTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create();

    /** A year away from the server's clock: the budget must not care. */
    private final ManualClock clock = ManualClock.at("2031-06-01T08:00:00Z");
    private final String token = "dop_v1_" + UUID.randomUUID();
    private final List<RedisTier> tiers = new ArrayList<>();

    private RedisTier tier(String keyPrefix, InstantSource clock) {
        RedisTier tier = RedisTier.builder(REDIS.uri()).keyPrefix(keyPrefix).clock(clock)
                .commandTimeout(Duration.ofSeconds(2)).build();
        tiers.add(tier);
        return tier;
    }

    private RedisRateBudget instance(RedisRateBudgetConfig config) {
        return RedisRateBudget.of(tier(RedisTier.DEFAULT_KEY_PREFIX, clock), token, config);
    }

    private RedisRateBudget instance() {
        return instance(RedisRateBudgetConfig.digitalOcean(2));
    }

    @AfterEach
    void closeTiers() {
        for (RedisTier tier : tiers) {
            assertThat(tier.isAvailable()).as("Redis answered every call of %s", tier).isTrue();
            tier.close();
        }
    }

    private static int take(RateBudget budget, Instant at, int most) {
        int granted = 0;
        while (granted < most && budget.tryAcquire(at) instanceof Permit.Granted) {
            granted++;
        }
        return granted;
    }

    @Test
    void tryAcquire_twoInstancesOneToken_shareOneMinuteAllowance() {
        RedisRateBudget first = instance();
        RedisRateBudget second = instance();

        assertThat(take(first, clock.instant(), 120)).isEqualTo(120);
        assertThat(take(second, clock.instant(), 1_000)).isEqualTo(80);
        assertThat(first.tryAcquire(clock.instant())).isInstanceOf(Permit.Denied.class);
    }

    @Test
    void tryAcquire_twoInstancesRacingOnFourThreads_grantExactlyTheMinuteAllowanceTogether() throws Exception {
        List<RedisRateBudget> budgets = List.of(instance(), instance());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> counts = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                RedisRateBudget budget = budgets.get(thread % 2);
                counts.add(pool.submit(() -> {
                    start.await();
                    int granted = 0;
                    for (int attempt = 0; attempt < 100; attempt++) {
                        if (budget.tryAcquire(clock.instant()) instanceof Permit.Granted) {
                            granted++;
                        }
                    }
                    return granted;
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Integer> count : counts) {
                granted += count.get(30, TimeUnit.SECONDS);
            }

            assertThat(granted).isEqualTo(200);
            assertThat(budgets.get(0).state(clock.instant()).usedLastMinute()).isEqualTo(200);
            assertThat(budgets.get(1).state(clock.instant()).usedLastMinute()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tryAcquire_anotherToken_hasABudgetOfItsOwn() {
        RedisRateBudget first = instance();
        RedisRateBudget other = RedisRateBudget.of(
                tier(RedisTier.DEFAULT_KEY_PREFIX, clock), "dop_v1_" + UUID.randomUUID(), RedisRateBudgetConfig.digitalOcean(2));

        take(first, clock.instant(), 1_000);

        assertThat(take(other, clock.instant(), 1_000)).isEqualTo(200);
    }

    @Test
    void tryAcquire_anotherKeyPrefix_hasABudgetOfItsOwn() {
        RedisRateBudget first = instance();
        RedisRateBudget staging = RedisRateBudget.of(tier("staging:", clock), token, RedisRateBudgetConfig.digitalOcean(2));

        take(first, clock.instant(), 1_000);

        assertThat(take(staging, clock.instant(), 1_000)).isEqualTo(200);
    }

    @Test
    void state_afterPermitsOfBothInstances_isTheSameSeenFromEither() {
        RedisRateBudget first = instance();
        RedisRateBudget second = instance();
        take(first, clock.instant(), 3);
        take(second, clock.instant(), 2);

        RateBudgetState seenByFirst = first.state(clock.instant());
        RateBudgetState seenBySecond = second.state(clock.instant());

        assertThat(seenByFirst.usedLastMinute()).isEqualTo(5);
        assertThat(seenByFirst.usedLastHour()).isEqualTo(5);
        assertThat(seenByFirst.remaining()).isEqualTo(195);
        assertThat(seenBySecond.usedLastMinute()).isEqualTo(5);
        assertThat(seenBySecond.at()).isEqualTo(clock.instant());
    }

    @Test
    void onAnswer_remainingHeardByOneInstance_limitsTheOther() {
        RedisRateBudget first = instance();
        RedisRateBudget second = instance();
        Instant now = clock.instant();

        first.onAnswer(answerAt(now).remaining(10).reset(now.plusSeconds(600)).build());

        assertThat(take(second, now, 1_000)).isEqualTo(8);
        assertThat(second.state(now).learnedRemaining()).hasValue(0);
    }

    @Test
    void onAnswer_limitHeardByOneInstance_lowersTheHourlyAllowanceOfTheOther() {
        RedisRateBudget first = instance();
        RedisRateBudget second = instance();

        first.onAnswer(answerAt(clock.instant()).limit(1200).build());

        assertThat(second.state(clock.instant()).allowedPerHour()).isEqualTo(960);
    }

    @Test
    void onAnswer_429HeardByOneInstance_pausesTheOtherUntilItsRetryAfterOnTheOthersClock() {
        RedisRateBudget first = instance();
        RedisRateBudget second = instance();
        Instant now = clock.instant();

        first.onAnswer(answerAt(now).tooManyRequests().retryAfter(now.plusSeconds(30)).build());
        Permit permit = second.tryAcquire(now);

        // the server's clock moved on a little between the two calls; the caller's did not
        assertThat(permit).isInstanceOf(Permit.Denied.class);
        assertThat(((Permit.Denied) permit).nextFreeAt()).isBetween(now.plusSeconds(28), now.plusSeconds(30));
        assertThat(second.state(now).pausedUntil()).hasValueSatisfying(
                until -> assertThat(until).isBetween(now.plusSeconds(28), now.plusSeconds(30)));
    }

    @Test
    void tryAcquire_minuteSpent_isDeniedUntilAnInstantOnTheCallersClock() {
        RedisRateBudget budget = instance(RedisRateBudgetConfig.of(new RateBudgetConfig(5000, 2, 1.0), 2));
        Instant now = clock.instant();
        take(budget, now, 2);

        Permit permit = budget.tryAcquire(now);

        assertThat(permit).isInstanceOf(Permit.Denied.class);
        assertThat(((Permit.Denied) permit).nextFreeAt()).isBetween(now.plusSeconds(58), now.plusSeconds(60));
    }

    @Test
    void tryAcquire_windowsOfOneAndTwoSeconds_freeAsTheServersClockMoves() throws InterruptedException {
        // real time, kept short: the only way to watch the server's own clock free permits
        InstantSource system = InstantSource.system();
        RedisRateBudgetConfig config = RedisRateBudgetConfig.of(new RateBudgetConfig(3, 2, 1.0), 1)
                .withWindows(Duration.ofSeconds(1), Duration.ofSeconds(2));
        RedisRateBudget budget = RedisRateBudget.of(tier(RedisTier.DEFAULT_KEY_PREFIX, system), token, config);

        assertThat(take(budget, system.instant(), 10)).isEqualTo(2);
        Permit minuteSpent = budget.tryAcquire(system.instant());
        assertThat(minuteSpent).isInstanceOf(Permit.Denied.class);
        Instant minuteFree = ((Permit.Denied) minuteSpent).nextFreeAt();
        assertThat(minuteFree).isBetween(system.instant(), system.instant().plusSeconds(1));

        sleepUntil(system, minuteFree);
        assertThat(take(budget, system.instant(), 10)).as("the hour window allows one more").isEqualTo(1);
        Permit hourSpent = budget.tryAcquire(system.instant());
        assertThat(hourSpent).isInstanceOf(Permit.Denied.class);
        Instant hourFree = ((Permit.Denied) hourSpent).nextFreeAt();
        assertThat(hourFree).isAfter(minuteFree.plusMillis(900));

        sleepUntil(system, hourFree);
        assertThat(budget.tryAcquire(system.instant())).isInstanceOf(Permit.Granted.class);
    }

    private static void sleepUntil(InstantSource clock, Instant instant) throws InterruptedException {
        long millis = Duration.between(clock.instant(), instant).toMillis() + 5;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
