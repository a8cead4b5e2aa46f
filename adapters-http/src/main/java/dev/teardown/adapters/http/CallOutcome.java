package dev.teardown.adapters.http;

import dev.teardown.ports.out.TeardownApiException.Reason;

/** How a call of the API, or one attempt of it, ended: an answer its call reads, or why it failed. */
public enum CallOutcome {
    /** The API answered and the call read its answer. */
    SUCCESS,
    /** The API's own 404, which the call reads as "nothing there". */
    NOT_FOUND,
    /** See {@link Reason#AUTHENTICATION}. */
    AUTHENTICATION,
    /** See {@link Reason#PERMISSION}. */
    PERMISSION,
    /** A 429, or no permit of the rate budget before the deadline; see {@link Reason#RATE_LIMITED}. */
    RATE_LIMITED,
    /** See {@link Reason#CONFLICT}. */
    CONFLICT,
    /** See {@link Reason#SERVER_ERROR}. */
    SERVER_ERROR,
    /** See {@link Reason#NETWORK}. */
    NETWORK,
    /** See {@link Reason#TIMEOUT}. */
    TIMEOUT,
    /** See {@link Reason#BAD_RESPONSE}. */
    BAD_RESPONSE,
    /** See {@link Reason#UNEXPECTED_RESPONSE}. */
    UNEXPECTED_RESPONSE,
    /** See {@link Reason#REJECTED}. */
    REJECTED,
    /** See {@link Reason#OUTCOME_UNKNOWN}. */
    OUTCOME_UNKNOWN,
    /** The call ended by something other than the API's answer or a failure of it: its transport was closed under it. */
    ABORTED;

    /** The outcome of a call that failed for this reason. */
    public static CallOutcome of(Reason reason) {
        return switch (reason) {
            case AUTHENTICATION -> AUTHENTICATION;
            case PERMISSION -> PERMISSION;
            case RATE_LIMITED -> RATE_LIMITED;
            case CONFLICT -> CONFLICT;
            case SERVER_ERROR -> SERVER_ERROR;
            case NETWORK -> NETWORK;
            case TIMEOUT -> TIMEOUT;
            case BAD_RESPONSE -> BAD_RESPONSE;
            case UNEXPECTED_RESPONSE -> UNEXPECTED_RESPONSE;
            case REJECTED -> REJECTED;
            case OUTCOME_UNKNOWN -> OUTCOME_UNKNOWN;
        };
    }
}
