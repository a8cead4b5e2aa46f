package dev.teardown.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateBudgetConfigTest {

    @Test
    void digitalOcean_leavesAFifthToOthers_fourThousandAnHourTwoHundredAMinute() {
        RateBudgetConfig config = RateBudgetConfig.digitalOcean();

        assertThat(config).isEqualTo(new RateBudgetConfig(5000, 250, 0.8));
        assertThat(config.allowedPerHour()).isEqualTo(4000);
        assertThat(config.allowedPerMinute()).isEqualTo(200);
    }

    @Test
    void allowed_shareOfOne_isTheWholeLimit() {
        RateBudgetConfig config = RateBudgetConfig.digitalOcean().withShare(1.0);

        assertThat(config.allowedPerHour()).isEqualTo(5000);
        assertThat(config.allowedPerMinute()).isEqualTo(250);
    }

    @Test
    void allowed_shareAsWritten_roundsDownWithoutDoubleArithmeticError() {
        // 100 * 0.29 is 28.999999999999996 as a double
        RateBudgetConfig config = new RateBudgetConfig(100, 250, 0.29);

        assertThat(config.allowedPerHour()).isEqualTo(29);
        assertThat(config.allowedPerMinute()).isEqualTo(72);
    }

    @Test
    void allowed_shareOfASmallLimit_isAtLeastOne() {
        RateBudgetConfig config = new RateBudgetConfig(3, 1, 0.1);

        assertThat(config.allowedPerHour()).isEqualTo(1);
        assertThat(config.allowedPerMinute()).isEqualTo(1);
    }

    @Test
    void shareOf_smallCount_canBeZero() {
        assertThat(RateBudgetConfig.digitalOcean().shareOf(1)).isZero();
    }

    @Test
    void constructor_shareZero_isRejected() {
        assertThatThrownBy(() -> RateBudgetConfig.digitalOcean().withShare(0))
                .hasMessage("share must be in (0, 1], was 0.0");
    }

    @Test
    void constructor_shareAboveOne_isRejected() {
        assertThatThrownBy(() -> RateBudgetConfig.digitalOcean().withShare(1.2))
                .hasMessage("share must be in (0, 1], was 1.2");
    }

    @Test
    void constructor_shareNaN_isRejected() {
        assertThatThrownBy(() -> RateBudgetConfig.digitalOcean().withShare(Double.NaN))
                .hasMessage("share must be in (0, 1], was NaN");
    }

    @Test
    void constructor_perHourZero_isRejected() {
        assertThatThrownBy(() -> new RateBudgetConfig(0, 250, 0.8)).hasMessage("perHour must be >= 1, was 0");
    }

    @Test
    void constructor_perMinuteNegative_isRejected() {
        assertThatThrownBy(() -> new RateBudgetConfig(5000, -1, 0.8)).hasMessage("perMinute must be >= 1, was -1");
    }
}
