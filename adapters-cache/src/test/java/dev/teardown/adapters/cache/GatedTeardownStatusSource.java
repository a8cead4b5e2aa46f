package dev.teardown.adapters.cache;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownStatusSource;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A slow upstream: every lookup waits until the test opens the gate, then asks the source behind it. */
final class GatedTeardownStatusSource implements TeardownStatusSource {

    private final TeardownStatusSource behind;
    private final CountDownLatch gate = new CountDownLatch(1);

    GatedTeardownStatusSource(TeardownStatusSource behind) {
        this.behind = behind;
    }

    void open() {
        gate.countDown();
    }

    @Override
    public Optional<TeardownStatus> statusOf(DropletId dropletId) {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate", e);
        }
        return behind.statusOf(dropletId);
    }
}
