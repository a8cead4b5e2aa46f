package dev.teardown.metrics;

import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.adapters.http.CallListener;
import dev.teardown.app.TeardownInstrumentation;
import dev.teardown.ports.out.RateBudget;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.Objects;

/**
 * teardown on a platform's Micrometer: every call of the API as a {@code teardown.api.call} observation
 * (a timer, and a span where tracing is set up), every request counted, and the cache and the rate budget
 * as meters. Give it to the library:
 *
 * <pre>{@code
 * Teardown teardown = Teardown.builder(http)
 *         .instrumentation(TeardownMetrics.of(observationRegistry, meterRegistry))
 *         .build();
 * }</pre>
 *
 * or install a {@link MetricsModule} beside {@code TeardownModule}. One {@code TeardownMetrics} per
 * Teardown, or Teardowns told apart by {@link Builder#tags(String...) tags}: two whose meters would have
 * the same name and tags in one registry are refused.
 */
public final class TeardownMetrics implements TeardownInstrumentation {

    private final MeterRegistry meters;
    private final Tags tags;
    private final ObservedCalls calls;

    private TeardownMetrics(Builder builder) {
        this.meters = builder.meterRegistry;
        this.tags = builder.tags;
        ObservationRegistry observations = builder.observationRegistry != null
                ? builder.observationRegistry : timersIn(builder.meterRegistry);
        this.calls = new ObservedCalls(observations, meters, builder.convention, tags);
    }

    /**
     * Observations in the platform's registry, which decides what they become (Spring Boot's, for one,
     * makes each a timer in its meter registry and a span), and the counters and gauges in this meter registry.
     */
    public static TeardownMetrics of(ObservationRegistry observationRegistry, MeterRegistry meterRegistry) {
        return builder().observationRegistry(observationRegistry).meterRegistry(meterRegistry).build();
    }

    /** Everything in this meter registry: each call's observation is a timer there, and nothing else. */
    public static TeardownMetrics of(MeterRegistry meterRegistry) {
        return builder().meterRegistry(meterRegistry).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CallListener callListener() {
        return calls;
    }

    /** {@code cache.gets}, {@code cache.load}, {@code cache.evictions} and {@code cache.size}, tagged {@code cache=teardown.status}. */
    @Override
    public AutoCloseable measureCache(CachingTeardownStatusSource cache) {
        return CacheMeters.bind(Objects.requireNonNull(cache, "cache"), meters, tags);
    }

    /**
     * {@code teardown.rate.budget.used}, {@code .allowed} (each per {@code window}), {@code .remaining},
     * {@code .waiting} and {@code .paused}; nothing for {@link RateBudget#unlimited()}.
     */
    @Override
    public AutoCloseable measureRateBudget(RateBudget budget, Clock clock) {
        return RateBudgetMeters.bind(Objects.requireNonNull(budget, "budget"), Objects.requireNonNull(clock, "clock"),
                meters, tags);
    }

    @Override
    public String toString() {
        return "TeardownMetrics" + tags.stream().map(tag -> tag.getKey() + "=" + tag.getValue()).toList();
    }

    private static ObservationRegistry timersIn(MeterRegistry meterRegistry) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
        return registry;
    }

    /** Builds {@link TeardownMetrics}; a meter registry is required, everything else has a default. */
    public static final class Builder {
        private ObservationRegistry observationRegistry;
        private MeterRegistry meterRegistry;
        private Tags tags = Tags.empty();
        private ApiCallObservationConvention convention;

        private Builder() {
        }

        /**
         * Where each call's observation goes, and so what it becomes (a timer, a span); by default a registry
         * of its own that makes each a timer in the {@link #meterRegistry(MeterRegistry) meter registry}.
         */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
            return this;
        }

        /** Where the counters and gauges go: requests, 429s, the cache and the rate budget. */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /**
         * Tags added to every meter and observation, to tell this Teardown from others in one registry:
         * {@code tags("client", "billing")}. Keep their values few: one per Teardown, never a Droplet's id.
         */
        public Builder tags(String... keyValues) {
            return tags(Tags.of(keyValues));
        }

        /** As {@link #tags(String...)}. */
        public Builder tags(Iterable<Tag> tags) {
            this.tags = this.tags.and(Objects.requireNonNull(tags, "tags"));
            return this;
        }

        /** Names the call's observation and chooses its keys in place of {@link DefaultApiCallObservationConvention}. */
        public Builder observationConvention(ApiCallObservationConvention convention) {
            this.convention = Objects.requireNonNull(convention, "convention");
            return this;
        }

        /** @throws IllegalStateException when no meter registry was given */
        public TeardownMetrics build() {
            if (meterRegistry == null) {
                throw new IllegalStateException(
                        "TeardownMetrics needs a MeterRegistry for its counters and gauges: call meterRegistry(...) before build()");
            }
            return new TeardownMetrics(this);
        }
    }
}
