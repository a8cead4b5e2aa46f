package dev.teardown.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Meters that read one object of one Teardown, registered together and removed together when that
 * Teardown closes, so that a registry never reads a closed cache or budget.
 */
final class BoundMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final Set<Meter.Id> before;
    private final List<Meter> registered = new ArrayList<>();

    BoundMeters(MeterRegistry registry) {
        this.registry = registry;
        this.before = new HashSet<>();
        for (Meter meter : registry.getMeters()) {
            before.add(meter.getId());
        }
    }

    /**
     * Keeps a meter just registered, to remove it on close.
     *
     * @throws IllegalStateException when the registry already had it: another Teardown's, with the same tags
     */
    void add(Meter meter) {
        if (before.contains(meter.getId())) {
            close();
            throw new IllegalStateException("the MeterRegistry already has " + meter.getId().getName() + " "
                    + meter.getId().getTags() + " of another Teardown: give each Teardown its own tags,"
                    + " such as TeardownMetrics.builder().tags(\"client\", \"billing\")");
        }
        registered.add(meter);
    }

    @Override
    public void close() {
        for (Meter meter : registered) {
            registry.remove(meter);
        }
        registered.clear();
    }
}
