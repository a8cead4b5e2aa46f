package dev.teardown.ports;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.ports.out.Sleeper;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SleeperTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    static Duration[] absurdPauses() {
        return new Duration[] {Duration.ofNanos(Long.MAX_VALUE).plusNanos(1), Duration.ofHours(3_000_000),
            ChronoUnit.FOREVER.getDuration()};
    }

    // Interrupted first, so that a sleep that does start ends at once instead of lasting centuries.
    @ParameterizedTest
    @MethodSource("absurdPauses")
    void system_pauseBeyondTheNanosecondRange_sleepsInsteadOfOverflowing(Duration pause) {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Sleeper.system().sleep(pause)).isInstanceOf(InterruptedException.class);
    }
}
