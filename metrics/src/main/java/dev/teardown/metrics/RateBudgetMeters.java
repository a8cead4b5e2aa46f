package dev.teardown.metrics;

import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.function.ToDoubleFunction;

/**
 * The rate budget's state as gauges, read at the library's clock when the registry publishes: what the
 * budget used and allows per window, what it has left, the callers waiting for a permit, and whether a
 * 429 paused it. A budget shared through Redis is asked there, once per gauge read.
 */
final class RateBudgetMeters {

    static final String PREFIX = "teardown.rate.budget.";

    private RateBudgetMeters() {
    }

    static AutoCloseable bind(RateBudget budget, Clock clock, MeterRegistry registry, Tags tags) {
        if (budget == RateBudget.unlimited()) {
            // Nothing is counted and everything is left: gauges of it would only say so.
            return () -> { };
        }
        Reading reading = new Reading(budget, clock);
        BoundMeters meters = new BoundMeters(registry);
        meters.add(gauge("used", reading, state -> state.usedLastMinute(), tags.and("window", "minute"),
                "Permits granted in the last minute", registry));
        meters.add(gauge("used", reading, state -> state.usedLastHour(), tags.and("window", "hour"),
                "Permits granted in the last hour", registry));
        meters.add(gauge("allowed", reading, state -> state.allowedPerMinute(), tags.and("window", "minute"),
                "Permits this client may take in any minute, its share of the token's limit", registry));
        meters.add(gauge("allowed", reading, state -> state.allowedPerHour(), tags.and("window", "hour"),
                "Permits this client may take in any hour, as the API's latest limit leaves it", registry));
        meters.add(gauge("remaining", reading, state -> state.remaining(), tags,
                "Permits that would be granted one after another now; 0 while paused", registry));
        meters.add(gauge("waiting", reading, state -> state.waitingCallers(), tags,
                "Callers of this process waiting for a permit", registry));
        meters.add(gauge("paused", reading, state -> state.pausedUntil().isPresent() ? 1 : 0, tags,
                "1 while a 429 of the API pauses every permit, else 0", registry));
        return meters;
    }

    private static Gauge gauge(String name, Reading reading, ToDoubleFunction<RateBudgetState> value, Tags tags,
            String description, MeterRegistry registry) {
        // Held strongly: nothing else holds the reading, and the gauges are removed when the Teardown closes.
        return Gauge.builder(PREFIX + name, reading, r -> value.applyAsDouble(r.now()))
                .tags(tags).description(description).strongReference(true).register(registry);
    }

    /** The budget and the clock its state is read at. */
    private record Reading(RateBudget budget, Clock clock) {
        RateBudgetState now() {
            return budget.state(clock.instant());
        }
    }
}
