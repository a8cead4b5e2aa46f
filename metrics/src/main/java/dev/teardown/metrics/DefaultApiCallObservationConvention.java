package dev.teardown.metrics;

import dev.teardown.adapters.http.CallListener.CallEnd;
import dev.teardown.metrics.TeardownObservationDocumentation.ApiCallKeys;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * {@code teardown.api.call}, with the keys {@link ApiCallKeys} lists: the operation from the start, and
 * the outcome, the status class and the attempts once the call has ended.
 */
public class DefaultApiCallObservationConvention implements ApiCallObservationConvention {

    /** The convention's name for the observation, and so for its timer. */
    public static final String NAME = "teardown.api.call";

    static final DefaultApiCallObservationConvention INSTANCE = new DefaultApiCallObservationConvention();

    @Override
    public String getName() {
        return NAME;
    }

    /** {@code teardown check_status}: a span's name, which tells the calls apart. */
    @Override
    public String getContextualName(ApiCallContext context) {
        return "teardown " + lower(context.operation());
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ApiCallContext context) {
        KeyValues operation = KeyValues.of(ApiCallKeys.OPERATION.withValue(lower(context.operation())));
        return context.end().map(end -> operation.and(
                        ApiCallKeys.OUTCOME.withValue(lower(end.outcome())),
                        ApiCallKeys.STATUS.withValue(statusClass(end.status())),
                        ApiCallKeys.ATTEMPTS.withValue(attempts(end))))
                .orElse(operation);
    }

    /** {@code 2xx}, {@code 4xx}, {@code 5xx}; {@code none} when no answer came. */
    static String statusClass(OptionalInt status) {
        if (status.isEmpty() || status.getAsInt() < 100 || status.getAsInt() > 599) {
            return "none";
        }
        return status.getAsInt() / 100 + "xx";
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String attempts(CallEnd end) {
        return end.attempts() > 3 ? "4+" : Integer.toString(end.attempts());
    }
}
