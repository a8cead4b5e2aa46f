package dev.teardown.metrics;

import com.google.inject.AbstractModule;
import dev.teardown.app.InstrumentationModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * {@link TeardownMetrics} for a platform that wires teardown with Guice: install it beside
 * {@code TeardownModule}.
 *
 * <pre>{@code
 * Guice.createInjector(new TeardownModule(http), new MetricsModule(observationRegistry, meterRegistry));
 * }</pre>
 */
public final class MetricsModule extends AbstractModule {

    private final TeardownMetrics metrics;

    /** Observations in the platform's observation registry, counters and gauges in its meter registry. */
    public MetricsModule(ObservationRegistry observationRegistry, MeterRegistry meterRegistry) {
        this(TeardownMetrics.of(observationRegistry, meterRegistry));
    }

    /** These metrics, built with their own tags or convention. */
    public MetricsModule(TeardownMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    protected void configure() {
        install(new InstrumentationModule(metrics));
    }
}
