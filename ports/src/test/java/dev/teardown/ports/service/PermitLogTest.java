package dev.teardown.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PermitLogTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void add_beyondCapacity_isRejected() {
        PermitLog log = new PermitLog(2);
        log.add(T0);
        log.add(T0);

        assertThatThrownBy(() -> log.add(T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void add_beforeTheNewest_isRejected() {
        PermitLog log = new PermitLog(2);
        log.add(T0);

        assertThatThrownBy(() -> log.add(T0.minusNanos(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countIn_permitCountsFromItsInstantUntilJustBeforeTheWindowEnds() {
        PermitLog log = new PermitLog(1);
        log.add(T0);

        assertThat(log.countIn(MINUTE, T0)).isEqualTo(1);
        assertThat(log.countIn(MINUTE, T0.plus(MINUTE).minusNanos(1))).isEqualTo(1);
        assertThat(log.countIn(MINUTE, T0.plus(MINUTE))).isZero();
    }

    @Test
    void forgetExpired_aroundTheRing_keepsOrderAndCapacity() {
        PermitLog log = new PermitLog(3);
        for (int second = 0; second < 10; second++) {
            log.forgetExpired(T0.plusSeconds(second), Duration.ofSeconds(3));
            log.add(T0.plusSeconds(second));
        }

        assertThat(log.size()).isEqualTo(3);
        assertThat(log.countSince(T0.plusSeconds(8))).isEqualTo(2);
        assertThat(log.nextRoom(T0.plusSeconds(9), Duration.ofSeconds(3), 3)).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void nextRoom_fullWindow_isWhenEnoughOfTheOldestHaveExpired() {
        PermitLog log = new PermitLog(4);
        log.add(T0);
        log.add(T0);
        log.add(T0.plusSeconds(1));
        log.add(T0.plusSeconds(2));

        assertThat(log.nextRoom(T0.plusSeconds(2), MINUTE, 3)).isEqualTo(T0.plus(MINUTE));
        assertThat(log.nextRoom(T0.plusSeconds(2), MINUTE, 2)).isEqualTo(T0.plus(MINUTE).plusSeconds(1));
        assertThat(log.nextRoom(T0.plusSeconds(2), MINUTE, 1)).isEqualTo(T0.plus(MINUTE).plusSeconds(2));
        assertThat(log.nextRoom(T0.plusSeconds(2), MINUTE, 5)).isEqualTo(T0.plusSeconds(2));
    }
}
