package dev.teardown.metrics;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations teardown makes, with the names and keys a platform's dashboards and traces can rely on. */
public enum TeardownObservationDocumentation implements ObservationDocumentation {

    /**
     * One call of the DigitalOcean API, retries and the waits between them included; its timer is named
     * {@code teardown.api.call}. Only low-cardinality keys: never a Droplet's id, a path or the token.
     */
    API_CALL {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultApiCallObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return ApiCallKeys.values();
        }
    };

    /** The keys of {@link #API_CALL}, each with a small closed set of values. */
    public enum ApiCallKeys implements KeyName {

        /** Which call of the family: {@code check_status}, {@code list_resources}, {@code destroy_selected}, {@code destroy_everything}, {@code retry}. */
        OPERATION {
            @Override
            public String asString() {
                return "operation";
            }
        },

        /**
         * What the call came to: {@code success}, {@code not_found}, or why it failed ({@code authentication},
         * {@code permission}, {@code rate_limited}, {@code conflict}, {@code server_error}, {@code network},
         * {@code timeout}, {@code bad_response}, {@code unexpected_response}, {@code outcome_unknown},
         * {@code aborted}).
         */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        },

        /** The class of the last answer's HTTP status: {@code 2xx}, {@code 4xx}, {@code 5xx}, or {@code none} when no answer came. */
        STATUS {
            @Override
            public String asString() {
                return "status";
            }
        },

        /** How many requests the call sent: {@code 0} (no permit of the rate budget in time), {@code 1}, {@code 2}, {@code 3}, {@code 4+}. */
        ATTEMPTS {
            @Override
            public String asString() {
                return "attempts";
            }
        }
    }
}
