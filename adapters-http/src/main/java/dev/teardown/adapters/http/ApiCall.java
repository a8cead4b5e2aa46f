package dev.teardown.adapters.http;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Operation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One endpoint of the API as {@link HttpTransport} sends it: the request, which answers count as
 * success, whether it may be sent again after an ambiguous failure, and how its answer is read. A new
 * endpoint is a new description with its reader; the transport does not change.
 *
 * @param <T> what a successful answer means
 */
interface ApiCall<T> {

    /** Which call of the family this is; failures name it. */
    Operation operation();

    /** The HTTP method: {@code GET}, {@code POST}, {@code DELETE}. */
    String method();

    /** The path below the base URL, from {@code /v2/}. */
    String path(DropletId dropletId);

    /** Headers this call adds to the transport's own (authorization, accept, user agent). */
    default Map<String, String> extraHeaders() {
        return Map.of();
    }

    /** The JSON document sent as the request's body, if any; sent as {@code application/json}. */
    default Optional<byte[]> jsonBody() {
        return Optional.empty();
    }

    /** The statuses whose answer {@link #read} reads; every other status is a failure. */
    Set<Integer> successStatuses();

    /**
     * Whether sending the request twice does no more than sending it once. A call that is not safe to
     * repeat is sent again only when its attempt surely did not reach the API: after a failed connect
     * or a 429 or 408, never after a timeout, a cut connection or a server error. By default, as HTTP defines
     * it: {@code GET} and {@code HEAD} are, {@code DELETE} and {@code POST} here are not.
     */
    default boolean safeToRepeat() {
        return method().equals("GET") || method().equals("HEAD");
    }

    /** What a success answer holds, for failure messages: {@code a status document}. */
    String answerName();

    /**
     * What a successful answer means. Its body was read whole, within the configured limit, and
     * decoded; it may be empty.
     *
     * @throws MalformedDocumentException when the body is not what the call expects
     */
    T read(Answer answer) throws MalformedDocumentException;

    /**
     * What the API's own 404 (a JSON object or nothing, read whole) means for this call, when it means
     * something; empty when a 404 is a failure as any other status. A 404 that is not the API's (an
     * HTML page from a wrong base URL or a proxy) is a failure either way.
     */
    default Optional<T> notFoundMeans() {
        return Optional.empty();
    }

    /**
     * What the API's own 409 (a JSON object or nothing, read whole) means for this call, when it means
     * something; empty when a 409 is a failure as any other status.
     */
    default Optional<T> conflictMeans() {
        return Optional.empty();
    }

    /**
     * A success answer as it came.
     *
     * @param dropletId the Droplet the call was about
     * @param status the HTTP status, one of {@link #successStatuses()}
     * @param body the decoded body, whole; empty when there was none
     * @param requestId the API's request id from the headers, when it sent one
     */
    record Answer(DropletId dropletId, int status, byte[] body, Optional<String> requestId) {

        public Answer {
            Objects.requireNonNull(dropletId, "dropletId");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
