package dev.teardown.cli;

import dev.teardown.ports.out.TeardownApiException;

/** One line per failure: what happened and what to do about it. */
final class FailureMessages {

    private FailureMessages() {
    }

    static String of(TeardownApiException failure) {
        StringBuilder line = new StringBuilder("teardown: ")
                .append(Printable.of(failure.getMessage()));
        line.append(" (").append(advice(failure)).append(')');
        return line.toString();
    }

    private static String advice(TeardownApiException failure) {
        return switch (failure.reason()) {
            case AUTHENTICATION -> "check that " + CliEnvironment.TOKEN_VARIABLE + " holds a valid, unrevoked token";
            case PERMISSION -> "the call needs a token with the " + failure.operation().requiredScopes()
                    + (failure.operation().requiredScopes().contains(" and ") ? " scopes" : " scope");
            case RATE_LIMITED -> failure.retryAllowedAt()
                    .map(at -> "rate limited: retry after " + at)
                    .orElse("rate limited: wait a minute and retry");
            case CONFLICT -> "a destroy of this droplet is already in progress: follow it with teardown watch";
            case SERVER_ERROR -> "DigitalOcean had a server error: retry later";
            case NETWORK -> "check the network, --api-url and --proxy";
            case TIMEOUT -> "retry, or allow longer with --timeout";
            case BAD_RESPONSE, UNEXPECTED_RESPONSE -> "check --api-url points at the DigitalOcean API";
            case REJECTED -> "nothing was done; list what can be destroyed with teardown resources " + failure.dropletId();
            case OUTCOME_UNKNOWN -> "the API may have accepted it; check with teardown status " + failure.dropletId()
                    + " before sending it again";
        };
    }
}
