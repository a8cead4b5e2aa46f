package dev.teardown.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FreshnessPolicyTest {

    private static final Instant DONE = Instant.parse("2026-11-29T10:00:09Z");
    private static final FreshnessPolicy POLICY = new FreshnessPolicy(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4));

    @Test
    void defaults_keepAFinishedTeardownLongestAndOneInProgressShortest() {
        FreshnessPolicy defaults = FreshnessPolicy.defaults();

        assertThat(defaults.succeeded()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.completedWithFailures()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.inProgress()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.notFound()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void freshFor_eachKindOfAnswer_getsItsOwnDuration() {
        assertThat(POLICY.freshFor(Optional.of(status(DONE, 0, destroyed())))).isEqualTo(Duration.ofSeconds(1));
        assertThat(POLICY.freshFor(Optional.of(status(DONE, 1, destroyed())))).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.freshFor(Optional.of(status(null, 0, pending())))).isEqualTo(Duration.ofSeconds(3));
        assertThat(POLICY.freshFor(Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void freshFor_completedWithSomethingStillPending_isKeptAsCompletedWithFailures() {
        assertThat(POLICY.freshFor(Optional.of(status(DONE, 0, pending())))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void withers_changeOnlyTheirOwnValue() {
        FreshnessPolicy changed = POLICY.withSucceeded(Duration.ofHours(1)).withNotFound(Duration.ZERO);

        assertThat(changed).isEqualTo(new FreshnessPolicy(
                Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ZERO));
    }

    @Test
    void new_negativeDuration_isRejectedNamingIt() {
        assertThatThrownBy(() -> POLICY.withInProgress(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inProgress must be zero or positive, was PT-1S");
    }

    @Test
    void new_nullDuration_isRejectedNamingIt() {
        assertThatThrownBy(() -> POLICY.withCompletedWithFailures(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("completedWithFailures");
    }

    private static ResourceTeardown destroyed() {
        return new ResourceTeardown(ResourceKind.DROPLET, "7", "web",
                Optional.of(Instant.parse("2026-11-29T10:00:01Z")), Optional.empty());
    }

    private static ResourceTeardown pending() {
        return new ResourceTeardown(ResourceKind.DROPLET, "7", "web", Optional.empty(), Optional.empty());
    }

    private static TeardownStatus status(Instant completedAt, int failures, ResourceTeardown droplet) {
        return new TeardownStatus(DropletId.of(7), Optional.ofNullable(completedAt), Optional.of(droplet),
                OptionalInt.of(failures), List.of());
    }
}
