package dev.teardown.adapters.http;

import dev.teardown.adapters.http.ResponseBodies.Body;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * Reads an answer for its call: a success status's body within the size limit, through the call's
 * reader; the API's 404 and 409 as the call says; every other status classified (401, 403, 408, 409, 429, 5xx,
 * redirects, the rest) with what the API's error body said, and a proxy's own refusal told apart.
 */
final class AnswerReader {

    /** Enough of an error body for its id, message and request id; the rest is not read. */
    static final int ERROR_BODY_LIMIT = 16 * 1024;

    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;

    private final HttpClientConfig config;
    private final JsonFields json;
    private final Redaction redaction;
    private final boolean tunnelled;

    AnswerReader(HttpClientConfig config, Redaction redaction, boolean tunnelled) {
        this.config = config;
        this.json = new JsonFields(config.maxBodyBytes());
        this.redaction = redaction;
        this.tunnelled = tunnelled;
    }

    /**
     * What the API's answer to one attempt of the call means: the call's reading of a success, the
     * meaning of the API's own 404 for it, or a failure classified by status.
     */
    <T> Outcome<T> read(ApiCall<T> call, DropletId dropletId, HttpUriRequestBase request,
            ClassicHttpResponse response, Instant now) throws IOException {
        int status = response.getCode();
        Optional<String> headerRequestId = ResponseHeaders.requestId(response);
        if (call.successStatuses().contains(status)) {
            return success(call, dropletId, request, response, headerRequestId);
        }
        if (status == 407 && config.proxy().isPresent()) {
            return proxyRefused(response);
        }
        Body body = ResponseBodies.read(response, response.getEntity(), ERROR_BODY_LIMIT);
        if (!body.complete()) {
            request.cancel();
        }
        ErrorDocument error = body.complete() ? json.readError(body.bytes()) : ErrorDocument.notJson();
        boolean theApis = body.complete() && (body.bytes().length == 0 || error.isJsonObject());
        if (status == CONFLICT && theApis) {
            Optional<T> meaning = call.conflictMeans();
            if (meaning.isPresent()) {
                return new Outcome.Answered<>(meaning.get(), status);
            }
        }
        if (status == NOT_FOUND) {
            // The API's 404 is a small JSON object, or nothing. Anything else (an HTML page from a wrong base
            // URL or a proxy) must not pass for the API's answer, and neither may a body too large to read:
            // a body that was not read is not an empty one.
            if (!theApis) {
                String detail = redaction.shown("HTTP 404 that is not the API's answer; " + body.undecodable()
                        .orElseGet(() -> (body.complete() ? "body starts '" : "a body over " + ERROR_BODY_LIMIT + " bytes starts '")
                                + Excerpts.ofBody(body.bytes(), body.bytes().length) + "'") + ": check the base URL");
                return new Outcome.Failed<>(new Failure(Reason.UNEXPECTED_RESPONSE, detail, false, status,
                        headerRequestId.map(redaction::shown), Optional.empty(), null, false));
            }
            Optional<T> meaning = call.notFoundMeans();
            if (meaning.isPresent()) {
                return new Outcome.Answered<>(meaning.get(), status);
            }
        }
        Optional<String> requestId = error.requestId().or(() -> headerRequestId).map(redaction::shown);
        String said = error.message().isPresent()
                ? "; the API said " + error.id().map(id -> id + ": ").orElse("") + error.message().get()
                : body.undecodable().isPresent() ? "; the body was not read: " + body.undecodable().get()
                : body.bytes().length == 0 ? "" : "; body starts '" + Excerpts.ofBody(body.bytes(), body.bytes().length) + "'";
        Classified kind = classify(status, call.operation());
        Optional<Duration> asked = kind.retryable() ? ResponseHeaders.askedWait(response, status, now) : Optional.empty();
        String detail = redaction.shown(kind.summary() + " (HTTP " + status + ")" + Excerpts.abbreviate(said, 300));
        // A 429 is refused before the API acts on it, and a 408 says the request was not even read whole:
        // sending the request again does nothing twice.
        return new Outcome.Failed<>(new Failure(kind.reason(), detail, kind.retryable(), status, requestId, asked, null,
                status == 429 || status == 408));
    }

    /** The proxy answered itself (to the CONNECT, or asking for credentials): its status is not the API's. */
    <T> Outcome<T> proxyRefused(ClassicHttpResponse response) {
        int status = response.getCode();
        String why = status == 407
                ? ": it wants credentials, or refused those given (http://user:password@host:port)"
                : "";
        String detail = redaction.shown("the proxy " + HttpClientConfig.shown(config.proxy().orElseThrow())
                + (tunnelled ? " refused a tunnel to " : " refused to forward the request to ")
                + config.baseUrl().getHost() + " (HTTP " + status
                + (response.getReasonPhrase() == null ? "" : " " + response.getReasonPhrase()) + ")" + why);
        // A proxy's gateway errors may pass; its policy and its credentials will not, asked again at once.
        boolean retryable = status == 502 || status == 503 || status == 504;
        // A refused tunnel carried nothing to the API; a forwarding proxy's gateway error may have.
        String shortened = Excerpts.abbreviate(detail, 300);
        return new Outcome.Failed<>(tunnelled
                ? Failure.unsent(Reason.NETWORK, shortened, retryable, null)
                : Failure.of(Reason.NETWORK, shortened, retryable, null));
    }

    private <T> Outcome<T> success(ApiCall<T> call, DropletId dropletId, HttpUriRequestBase request,
            ClassicHttpResponse response, Optional<String> requestId) throws IOException {
        int status = response.getCode();
        Body body = ResponseBodies.read(response, response.getEntity(), config.maxBodyBytes());
        if (body.undecodable().isPresent()) {
            request.cancel();
            return badResponse(call, status, body.undecodable().get(), body, requestId, null);
        }
        if (!body.complete()) {
            request.cancel();
            return badResponse(call, status, "the body is larger than the limit of " + config.maxBodyBytes() + " bytes",
                    body, requestId, null);
        }
        try {
            return new Outcome.Answered<>(call.read(new ApiCall.Answer(dropletId, status, body.bytes(), requestId)), status);
        } catch (MalformedDocumentException e) {
            return badResponse(call, status, e.getMessage(), body, requestId, e);
        }
    }

    private <T> Outcome<T> badResponse(ApiCall<T> call, int status, String why, Body body, Optional<String> requestId,
            Throwable cause) {
        String excerpt = body.bytes().length == 0 ? "" : "; body starts '" + Excerpts.ofBody(body.bytes(), body.bytes().length) + "'";
        String detail = redaction.shown("the answer (HTTP " + status + ") is not " + call.answerName() + ": " + why + excerpt);
        return new Outcome.Failed<>(new Failure(Reason.BAD_RESPONSE, detail, false, status, requestId.map(redaction::shown),
                Optional.empty(), cause == null ? null : redaction.safe(cause), false));
    }

    private static Classified classify(int status, Operation operation) {
        return switch (status) {
            case 401 -> new Classified(Reason.AUTHENTICATION, "the API refused the token: token missing, wrong or revoked", false);
            case 403 -> new Classified(Reason.PERMISSION,
                    "the token may not " + operation.permissionObject() + ": the call needs the " + operation.requiredScopes()
                            + (operation.requiredScopes().contains(" and ") ? " scopes" : " scope"), false);
            case 408 -> new Classified(Reason.TIMEOUT, "the API timed out waiting for the request", true);
            case 409 -> new Classified(Reason.CONFLICT, "the API refused the call as in conflict with one under way", false);
            case 400, 422 -> operation.isCommand()
                    ? new Classified(Reason.REJECTED, "the API refused the request as invalid", false)
                    : new Classified(Reason.UNEXPECTED_RESPONSE, "unexpected answer from the API", false);
            case 429 -> new Classified(Reason.RATE_LIMITED, "rate limited by the API", true);
            case 500, 502, 503, 504 -> new Classified(Reason.SERVER_ERROR, "the API failed with a server error", true);
            default -> status >= 500 && status <= 599
                    ? new Classified(Reason.SERVER_ERROR, "the API failed with a server error", false)
                    : status >= 300 && status <= 399
                            ? new Classified(Reason.UNEXPECTED_RESPONSE, "unexpected redirect, not followed", false)
                            : new Classified(Reason.UNEXPECTED_RESPONSE, "unexpected answer from the API", false);
        };
    }

    private record Classified(Reason reason, String summary, boolean retryable) {
    }
}
