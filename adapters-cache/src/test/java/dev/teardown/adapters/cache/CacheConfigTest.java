package dev.teardown.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.service.FreshnessPolicy;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheConfigTest {

    @Test
    void defaults_areThoseOfTheIssue() {
        CacheConfig defaults = CacheConfig.defaults();

        assertThat(defaults.succeeded()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.completedWithFailures()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.inProgress()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.notFound()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.maximumSize()).isEqualTo(10_000);
    }

    @Test
    void withers_changeOnlyTheirOwnValue() {
        CacheConfig changed = CacheConfig.defaults()
                .withSucceeded(Duration.ofHours(1))
                .withCompletedWithFailures(Duration.ofSeconds(10))
                .withInProgress(Duration.ofSeconds(1))
                .withNotFound(Duration.ZERO)
                .withMaximumSize(50);

        assertThat(changed).isEqualTo(new CacheConfig(new FreshnessPolicy(
                Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO), 50));
        assertThat(CacheConfig.defaults().withInProgress(Duration.ofSeconds(1)).succeeded())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void freshFor_eachKindOfAnswer_getsItsOwnDuration() {
        FreshnessPolicy config = new FreshnessPolicy(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4));
        TeardownStatus succeeded = ReferenceExamples.openApiStatus();
        TeardownStatus withFailures = TeardownStatusBuilder.status(1).completedAt("2026-11-29T10:00:09Z").failures(1).build();
        TeardownStatus inProgress = TeardownStatusBuilder.status(1).dropletPending("web").build();

        assertThat(config.freshFor(Optional.of(succeeded))).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.freshFor(Optional.of(withFailures))).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.freshFor(Optional.of(inProgress))).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.freshFor(Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void new_negativeDuration_isRejectedNamingIt() {
        assertThatThrownBy(() -> CacheConfig.defaults().withInProgress(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inProgress must be zero or positive, was PT-1S");
    }

    @Test
    void new_nullDuration_isRejectedNamingIt() {
        assertThatThrownBy(() -> CacheConfig.defaults().withNotFound(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("notFound");
    }

    @Test
    void new_maximumSizeBelowOne_isRejected() {
        assertThatThrownBy(() -> CacheConfig.defaults().withMaximumSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maximumSize must be >= 1, was 0");
    }

    @Test
    void freshFor_droplet_doesNotMatter() {
        FreshnessPolicy config = CacheConfig.defaults().freshness();

        assertThat(config.freshFor(Optional.of(ReferenceExamples.checkStatusDocStatus())))
                .isEqualTo(config.freshFor(Optional.of(TeardownStatusBuilder.status(DropletId.of(7))
                        .completedAt("2026-11-29T10:00:09Z").failures(0).build())));
    }
}
