package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 404 means "no teardown request known" only when it is the API's: its JSON error body, or no body
 * at all. A 404 whose body was not read, because it is over the error-body limit, is no empty body.
 */
class NotFoundAnswersTest {

    private static final DropletId DROPLET_ID = DropletId.of(61486916);
    private static final int LIMIT = HttpTeardownStatusSource.ERROR_BODY_LIMIT;

    /** Body sizes around the error-body limit, each sent with a declared length and chunked. */
    static Stream<Arguments> sizesAroundTheLimit() {
        List<Arguments> cases = new ArrayList<>();
        for (int size : new int[] {1, 200, LIMIT - 1, LIMIT, LIMIT + 1, 4 * LIMIT, HttpClientConfig.DEFAULT_MAX_BODY_BYTES + 1}) {
            cases.add(Arguments.of(size, false));
            cases.add(Arguments.of(size, true));
        }
        return cases.stream();
    }

    private static byte[] notFoundResponse(String contentType, byte[] body, boolean chunked) {
        String head = chunked
                ? RawServer.head("HTTP/1.1 404 Not Found", "Content-Type: " + contentType, "Transfer-Encoding: chunked")
                : RawServer.head("HTTP/1.1 404 Not Found", "Content-Type: " + contentType, "Content-Length: " + body.length);
        return RawServer.response(head, chunked ? RawServer.chunked(body, 4096) : body);
    }

    private static Object lookUp(RawServer server) {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        HttpClientConfig config = HttpClientConfig.builder(ApiServer.TOKEN).baseUrl(server.baseUrl()).build();
        try (HttpTeardownStatusSource source = HttpTeardownStatusSource.builder(config)
                .clock(clock).sleeper(clock.sleeper()).build()) {
            return source.statusOf(DROPLET_ID);
        }
    }

    /** An HTML page of exactly {@code size} bytes. */
    private static byte[] htmlPage(int size) {
        String start = "<html><body><h1>404 Not Found</h1>";
        StringBuilder page = new StringBuilder(size).append(start.substring(0, Math.min(start.length(), size)));
        while (page.length() < size) {
            page.append('x');
        }
        return page.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The API's error body, padded with spaces after the object to {@code size} bytes (never shorter than the object). */
    private static byte[] apiErrorBody(int size) {
        byte[] error = StatusDocuments.writeError("not_found", "The resource you were accessing could not be found.", "r-404");
        byte[] padded = new byte[Math.max(size, error.length)];
        System.arraycopy(error, 0, padded, 0, error.length);
        for (int i = error.length; i < size; i++) {
            padded[i] = ' ';
        }
        return padded;
    }

    @ParameterizedTest(name = "{0} bytes, chunked {1}")
    @MethodSource("sizesAroundTheLimit")
    void statusOf_htmlPage404OfAnySize_isAnUnexpectedResponse(int size, boolean chunked) {
        try (RawServer server = RawServer.start(RawServer.answering(notFoundResponse("text/html", htmlPage(size), chunked)))) {
            assertThatThrownBy(() -> lookUp(server))
                    .asInstanceOf(type(TeardownApiException.class))
                    .satisfies(failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
                        assertThat(failure.httpStatus()).hasValue(404);
                        assertThat(failure.attempts()).isEqualTo(1);
                        assertThat(failure.getMessage()).contains("HTTP 404 that is not the API's answer");
                    });
        }
    }

    @ParameterizedTest(name = "{0} bytes, chunked {1}")
    @MethodSource("sizesAroundTheLimit")
    void statusOf_jsonNotAnObject404OfAnySize_isAnUnexpectedResponse(int size, boolean chunked) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) '7');
        try (RawServer server = RawServer.start(RawServer.answering(notFoundResponse("application/json", body, chunked)))) {
            assertThatThrownBy(() -> lookUp(server))
                    .asInstanceOf(type(TeardownApiException.class))
                    .satisfies(failure -> assertThat(failure.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE));
        }
    }

    @ParameterizedTest(name = "{0} bytes, chunked {1}")
    @MethodSource("apiErrorSizes")
    void statusOf_apiErrorBody404UpToTheLimit_isNotFound(int size, boolean chunked) {
        byte[] response = notFoundResponse("application/json", apiErrorBody(size), chunked);
        try (RawServer server = RawServer.start(RawServer.answering(response))) {
            assertThat(lookUp(server)).isEqualTo(Optional.empty());
        }
    }

    static Stream<Arguments> apiErrorSizes() {
        int smallest = apiErrorBody(0).length;
        return Stream.of(smallest, LIMIT - 1, LIMIT)
                .flatMap(size -> Stream.of(Arguments.of(size, false), Arguments.of(size, true)));
    }

    @ParameterizedTest(name = "chunked {0}")
    @ValueSource(booleans = {false, true})
    void statusOf_emptyBody404_isNotFound(boolean chunked) {
        try (RawServer server = RawServer.start(RawServer.answering(notFoundResponse("text/plain", new byte[0], chunked)))) {
            assertThat(lookUp(server)).isEqualTo(Optional.empty());
        }
    }
}
