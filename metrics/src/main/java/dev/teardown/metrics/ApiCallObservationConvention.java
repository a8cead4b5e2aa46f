package dev.teardown.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names an API call's observation and chooses its keys; give one to
 * {@link TeardownMetrics.Builder#observationConvention} to change what {@link DefaultApiCallObservationConvention} does.
 */
public interface ApiCallObservationConvention extends ObservationConvention<ApiCallContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ApiCallContext;
    }
}
