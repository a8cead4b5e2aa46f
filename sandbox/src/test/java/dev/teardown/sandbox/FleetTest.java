package dev.teardown.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fleet, 70000000 to 70009999: teardowns derived from their ids alone. */
class FleetTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    private static List<TeardownPlan> everyPlan() {
        List<TeardownPlan> plans = new ArrayList<>();
        for (DropletId id : SandboxScenarios.fleet(SandboxScenarios.FLEET_SIZE)) {
            plans.add(Fleet.plan(id));
        }
        return plans;
    }

    private static long seconds(TeardownPlan plan) {
        return plan.completesAfter().orElseThrow().toSeconds();
    }

    @Test
    void plans_haveOneToSixResourcesAndTakeTwentySecondsToTenMinutes() {
        List<TeardownPlan> plans = everyPlan();

        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan.resources()).hasSizeBetween(1, 6);
            assertThat(seconds(plan)).isBetween(20L, 600L);
        });
        Set<Integer> sizes = new HashSet<>();
        plans.forEach(plan -> sizes.add(plan.resources().size()));
        assertThat(sizes).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void plans_mostAreShortWithALongTail() {
        long[] durations = everyPlan().stream().mapToLong(FleetTest::seconds).sorted().toArray();

        assertThat(durations[durations.length / 2]).as("median").isBetween(60L, 120L);
        assertThat(Arrays.stream(durations).filter(s -> s > 300).count()).as("over five minutes").isBetween(1500L, 2500L);
        assertThat(durations[durations.length - 1]).isGreaterThan(590L);
    }

    @Test
    void plans_aboutOneInTenFailsOneResourceAVolumeWhenItHasOne() {
        List<TeardownPlan> failing = everyPlan().stream()
                .filter(plan -> plan.resources().stream().anyMatch(step -> step.failure().isPresent()))
                .toList();

        assertThat(failing.size()).isBetween(800, 1200);
        assertThat(failing).allSatisfy(plan -> {
            List<TeardownPlan.Step> failed = plan.resources().stream().filter(step -> step.failure().isPresent()).toList();
            assertThat(failed).hasSize(1);
            boolean hasVolume = plan.resources().stream().anyMatch(step -> step.kind() == ResourceKind.VOLUME);
            assertThat(failed.get(0).kind() == ResourceKind.VOLUME).isEqualTo(hasVolume);
        });
    }

    @Test
    void plans_neighbouringIdsDiffer() {
        Set<Duration> durations = new HashSet<>();
        for (DropletId id : SandboxScenarios.fleet(10)) {
            durations.add(Fleet.plan(id).completesAfter().orElseThrow());
        }

        assertThat(durations).hasSizeGreaterThan(5);
    }

    @Test
    void fleet_isTheSameInEverySandboxAndFollowsTime() {
        List<DropletId> ids = SandboxScenarios.fleet(200);
        ManualClock firstClock = new ManualClock(START);
        ManualClock secondClock = new ManualClock(START.plusSeconds(3600));
        try (SandboxServer first = SandboxServer.builder().clock(firstClock).rateLimits(1000, 5000).start();
                SandboxServer second = SandboxServer.builder().clock(secondClock).rateLimits(1000, 5000).start()) {
            SandboxApi one = new SandboxApi(first);
            SandboxApi other = new SandboxApi(second);
            List<TeardownStatus> started = new ArrayList<>();
            for (DropletId id : ids) {
                TeardownStatus status = one.statusOf(id.value());
                assertThat(status.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
                assertThat(status.progress().pending()).isEqualTo(status.allResources().size());
                assertThat(other.statusOf(id.value()).allResources()).isEqualTo(status.allResources());
                started.add(status);
            }
            firstClock.advance(Duration.ofMinutes(10));

            int failed = 0;
            for (DropletId id : ids) {
                TeardownStatus done = one.statusOf(id.value());
                assertThat(done.outcome()).isNotEqualTo(TeardownOutcome.IN_PROGRESS);
                assertThat(done.inconsistencies()).isEmpty();
                assertThat(done.completedAt().orElseThrow())
                        .isEqualTo(START.plus(Fleet.plan(id).completesAfter().orElseThrow()));
                failed += done.outcome() == TeardownOutcome.COMPLETED_WITH_FAILURES ? 1 : 0;
            }
            assertThat(failed).isBetween(8, 40);
        }
    }

    @Test
    void fleet_failedTeardownRetriedSucceeds() {
        DropletId failing = SandboxScenarios.fleet(SandboxScenarios.FLEET_SIZE).stream()
                .filter(id -> Fleet.plan(id).resources().stream().anyMatch(step -> step.failure().isPresent()))
                .findFirst().orElseThrow();
        ManualClock clock = new ManualClock(START);
        try (SandboxServer sandbox = SandboxServer.start(0, clock)) {
            SandboxApi api = new SandboxApi(sandbox);
            api.statusOf(failing.value());
            clock.advance(Fleet.plan(failing).completesAfter().orElseThrow());
            assertThat(api.statusOf(failing.value()).outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);

            assertThat(api.retry(failing.value()).statusCode()).isEqualTo(202);
            clock.advance(Fleet.RETRY_STEP.multipliedBy(2));

            assertThat(api.statusOf(failing.value()).outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        }
    }

    @Test
    void fleet_cannotBeListedOrDestroyedAgainAndEndsAtItsRange() {
        try (SandboxServer sandbox = SandboxServer.start(0, new ManualClock(START))) {
            SandboxApi api = new SandboxApi(sandbox);

            assertThat(api.list(70_000_042).statusCode()).isEqualTo(404);
            assertThat(api.dangerous(70_000_042).statusCode()).isEqualTo(404);
            assertThat(api.status(70_009_999).statusCode()).isEqualTo(200);
            assertThat(api.status(70_010_000).statusCode()).isEqualTo(404);
            assertThat(api.status(69_999_999).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void scenarios_nameTheFleet() {
        assertThat(SandboxScenarios.fleet(3)).containsExactly(
                DropletId.of(70_000_000), DropletId.of(70_000_001), DropletId.of(70_000_002));
        assertThat(SandboxScenarios.inFleet(DropletId.of(70_009_999))).isTrue();
        assertThat(SandboxScenarios.inFleet(DropletId.of(70_010_000))).isFalse();
        assertThat(SandboxScenarios.statusAt(DropletId.of(70_000_000), START, START.plusSeconds(600)).orElseThrow()
                .outcome()).isNotEqualTo(TeardownOutcome.IN_PROGRESS);
    }
}
