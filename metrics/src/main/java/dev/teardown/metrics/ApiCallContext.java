package dev.teardown.metrics;

import dev.teardown.adapters.http.CallListener.CallEnd;
import dev.teardown.ports.out.TeardownApiException.Operation;
import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;

/** What an {@link ApiCallObservationConvention} knows of one call of the API: which call, and how it ended once it has. */
public final class ApiCallContext extends Observation.Context {

    private final Operation operation;
    private volatile CallEnd end;

    public ApiCallContext(Operation operation) {
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** Which call of the family this is. */
    public Operation operation() {
        return operation;
    }

    /** How the call ended; empty while it runs. */
    public Optional<CallEnd> end() {
        return Optional.ofNullable(end);
    }

    void ended(CallEnd end) {
        this.end = Objects.requireNonNull(end, "end");
    }
}
