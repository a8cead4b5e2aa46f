package dev.teardown.metrics;

import static dev.teardown.metrics.DefaultApiCallObservationConvention.lower;
import static dev.teardown.metrics.DefaultApiCallObservationConvention.statusClass;

import dev.teardown.adapters.http.CallListener;
import dev.teardown.adapters.http.CallOutcome;
import dev.teardown.ports.out.TeardownApiException.Operation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/** Each call of the API as an observation, open on the calling thread while the call runs; each attempt counted. */
final class ObservedCalls implements CallListener {

    static final String ATTEMPTS = "teardown.api.attempts";
    static final String RATE_LIMITED = "teardown.api.rate.limited";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final ApiCallObservationConvention convention;
    private final Tags tags;
    private final KeyValues keyValues;

    ObservedCalls(ObservationRegistry observations, MeterRegistry meters, ApiCallObservationConvention convention, Tags tags) {
        this.observations = observations;
        this.meters = meters;
        this.convention = convention;
        this.tags = tags;
        KeyValues keyValues = KeyValues.empty();
        for (Tag tag : tags) {
            keyValues = keyValues.and(KeyValue.of(tag.getKey(), tag.getValue()));
        }
        this.keyValues = keyValues;
    }

    @Override
    public CallTrace callStarted(Operation operation) {
        ApiCallContext context = new ApiCallContext(operation);
        Observation observation = TeardownObservationDocumentation.API_CALL
                .observation(convention, DefaultApiCallObservationConvention.INSTANCE, () -> context, observations)
                .lowCardinalityKeyValues(keyValues)
                .start();
        return new Trace(context, observation, observation.openScope());
    }

    private final class Trace implements CallTrace {
        private final ApiCallContext context;
        private final Observation observation;
        private final Observation.Scope scope;

        Trace(ApiCallContext context, Observation observation, Observation.Scope scope) {
            this.context = context;
            this.observation = observation;
            this.scope = scope;
        }

        @Override
        public void attemptEnded(Attempt attempt) {
            Tags operation = tags.and("operation", lower(attempt.operation()));
            Counter.builder(ATTEMPTS)
                    .description("Requests sent to the DigitalOcean API, retries included, by how each ended")
                    .tags(operation.and("outcome", lower(attempt.outcome()), "status", statusClass(attempt.status())))
                    .register(meters)
                    .increment();
            if (attempt.outcome() == CallOutcome.RATE_LIMITED) {
                Counter.builder(RATE_LIMITED)
                        .description("Answers of HTTP 429 (too many requests) from the DigitalOcean API, retried or not")
                        .tags(operation)
                        .register(meters)
                        .increment();
            }
        }

        @Override
        public void callEnded(CallEnd end) {
            context.ended(end);
            end.failure().ifPresent(observation::error);
            scope.close();
            observation.stop();
        }
    }
}
