package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A timer is about real time; these wait on latches for at most a few seconds, never on sleeps. */
class DeadlineSweeperTest {

    private final DeadlineSweeper sweeper = new DeadlineSweeper("test-deadlines");

    @AfterEach
    void close() {
        sweeper.close();
    }

    @Test
    void arm_deadlinePasses_runsTheExpiryOnce() throws Exception {
        CountDownLatch expired = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();

        sweeper.arm(Duration.ofMillis(1), () -> {
            runs.incrementAndGet();
            expired.countDown();
        });

        assertThat(expired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void arm_afterTheSweeperWentIdle_wakesIt() throws Exception {
        try (DeadlineSweeper sleepy = new DeadlineSweeper("test-sleepy", 1)) {
            CountDownLatch first = new CountDownLatch(1);
            sleepy.arm(Duration.ZERO, first::countDown);
            assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

            for (int i = 0; i < 20; i++) {
                CountDownLatch next = new CountDownLatch(1);
                sleepy.arm(Duration.ofMillis(1), next::countDown);

                assertThat(next.await(5, TimeUnit.SECONDS)).as("arm number %d", i + 2).isTrue();
            }
        }
    }

    @Test
    void disarm_beforeTheDeadline_meansTheExpiryNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        DeadlineSweeper.Armed call = sweeper.arm(Duration.ofMillis(50), runs::incrementAndGet);
        call.disarm();

        // A later call that expires proves the sweeper swept past the disarmed one's deadline.
        CountDownLatch later = new CountDownLatch(1);
        sweeper.arm(Duration.ofMillis(100), later::countDown);

        assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.get()).isZero();
    }

    @Test
    void arm_callerInterruptedLongBeforeTheDeadline_runsTheCutOnce() throws Exception {
        CountDownLatch cut = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch callerMayEnd = new CountDownLatch(1);
        // Waits without ever clearing its interrupt flag, as a thread blocked in a socket read does.
        Thread caller = new Thread(() -> {
            while (callerMayEnd.getCount() > 0) {
                Thread.onSpinWait();
            }
        });
        caller.start();
        sweeper.arm(Duration.ofMinutes(10), caller, () -> {
            runs.incrementAndGet();
            cut.countDown();
        });

        caller.interrupt();

        assertThat(cut.await(5, TimeUnit.SECONDS)).isTrue();
        callerMayEnd.countDown();
        caller.join(5_000);
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void arm_afterClose_isRejected() {
        sweeper.close();

        assertThatThrownBy(() -> sweeper.arm(Duration.ofSeconds(1), () -> { }))
                .isInstanceOf(RejectedExecutionException.class);
    }
}
