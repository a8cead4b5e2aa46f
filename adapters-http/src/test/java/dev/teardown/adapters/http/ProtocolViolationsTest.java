package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers that break HTTP itself (a malformed status line, a bad or conflicting Content-Length, an
 * unsupported or corrupt Content-Encoding) are bad responses: the server spoke, wrongly, and asking
 * again would get the same. They are not network failures, and they are not retried.
 */
class ProtocolViolationsTest {

    private static final DropletId DROPLET_ID = DropletId.of(61486916);
    private static final byte[] DOCUMENT = ReferenceExamples.checkStatusDocJson();

    private static Object lookUp(RawServer server) {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        HttpClientConfig config = HttpClientConfig.builder(ApiServer.TOKEN).baseUrl(server.baseUrl()).build();
        try (HttpTeardownStatusSource source = HttpTeardownStatusSource.builder(config)
                .clock(clock).sleeper(clock.sleeper()).build()) {
            return source.statusOf(DROPLET_ID);
        }
    }

    private static void assertBadResponseAfterOneRequest(byte[] response) {
        try (RawServer server = RawServer.start(RawServer.answering(response))) {
            assertThatThrownBy(() -> lookUp(server))
                    .asInstanceOf(type(TeardownApiException.class))
                    .satisfies(failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE);
                        assertThat(failure.attempts()).isEqualTo(1);
                        assertThat(failure.getMessage()).doesNotContain("check the network");
                    });
            assertThat(server.requestHeads()).hasSize(1);
        }
    }

    // The status line

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP/1.1 abc OK", "HTTP/1.1 OK", "HTTP/1.1 2x0 OK", "HTTP/1.1200 OK", "HTTP/1.1 -200 OK",
        "HTTP/one 200 OK", "200 OK", "<html><body>hello</body></html>"})
    void statusOf_malformedStatusLine_isABadResponseNotRetried(String statusLine) {
        assertBadResponseAfterOneRequest(RawServer.response(
                RawServer.head(statusLine, "Content-Type: application/json", "Content-Length: " + DOCUMENT.length),
                DOCUMENT));
    }

    // Content-Length

    static Stream<Arguments> badContentLengths() {
        return Stream.of(
                Arguments.of("negative", List.of("Content-Length: -1")),
                Arguments.of("negative, large", List.of("Content-Length: -9223372036854775808")),
                Arguments.of("beyond a long", List.of("Content-Length: 99999999999999999999")),
                Arguments.of("beyond the body limit", List.of("Content-Length: 9223372036854775807")),
                Arguments.of("not a number", List.of("Content-Length: twelve")),
                Arguments.of("with an exponent", List.of("Content-Length: 1e3")),
                Arguments.of("a list of two", List.of("Content-Length: " + DOCUMENT.length + ", 5")),
                Arguments.of("twice, conflicting", List.of("Content-Length: " + DOCUMENT.length, "Content-Length: 5")),
                Arguments.of("twice, conflicting the other way",
                        List.of("Content-Length: 5", "Content-Length: " + DOCUMENT.length)),
                Arguments.of("with chunked, conflicting", List.of("Content-Length: 5", "Transfer-Encoding: gzip, chunked")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badContentLengths")
    void statusOf_badContentLength_isABadResponseNotRetried(String kind, List<String> lengthHeaders) {
        String[] headers = Stream.concat(Stream.of("Content-Type: application/json"), lengthHeaders.stream())
                .toArray(String[]::new);

        assertBadResponseAfterOneRequest(RawServer.response(RawServer.head("HTTP/1.1 200 OK", headers), DOCUMENT));
    }

    // Content-Encoding

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"br", "zstd", "compress", "x-compress", "snappy", "foo", "gzip, foo", "foo, gzip", "gzip;q=1"})
    void statusOf_unsupportedContentEncoding_isABadResponseNotRetried(String encoding) {
        assertBadResponseAfterOneRequest(RawServer.response(RawServer.head("HTTP/1.1 200 OK",
                "Content-Type: application/json", "Content-Encoding: " + encoding,
                "Content-Length: " + DOCUMENT.length), DOCUMENT));
    }

    static Stream<Arguments> corruptEncodings() {
        byte[] gzipped = gzip(DOCUMENT);
        byte[] badCrc = gzipped.clone();
        badCrc[badCrc.length - 5] ^= 0x55;
        byte[] flippedInside = gzipped.clone();
        flippedInside[gzipped.length / 2] ^= 0x55;
        return Stream.of(
                Arguments.of("gzip", "not gzip at all", DOCUMENT),
                Arguments.of("gzip", "cut in half", Arrays.copyOf(gzipped, gzipped.length / 2)),
                Arguments.of("gzip", "only the header", Arrays.copyOf(gzipped, 10)),
                Arguments.of("gzip", "a wrong checksum", badCrc),
                Arguments.of("gzip", "a flipped byte inside", flippedInside),
                Arguments.of("x-gzip", "not gzip at all", "{}".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("deflate", "not deflate at all", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                Arguments.of("deflate", "cut in half", Arrays.copyOf(deflate(DOCUMENT), deflate(DOCUMENT).length / 2)),
                Arguments.of("gzip, gzip", "gzipped once only", gzipped));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corruptEncodings")
    void statusOf_corruptContentEncoding_isABadResponseNotRetried(String encoding, String kind, byte[] body) {
        assertBadResponseAfterOneRequest(RawServer.response(RawServer.head("HTTP/1.1 200 OK",
                "Content-Type: application/json", "Content-Encoding: " + encoding, "Content-Length: " + body.length), body));
    }

    @ParameterizedTest(name = "chunked {0}")
    @ValueSource(booleans = {false, true})
    void statusOf_corruptContentEncodingChunked_isABadResponseNotRetried(boolean chunked) {
        byte[] gzipped = gzip(DOCUMENT);
        byte[] cut = Arrays.copyOf(gzipped, gzipped.length - 12);
        String framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + cut.length;

        assertBadResponseAfterOneRequest(RawServer.response(RawServer.head("HTTP/1.1 200 OK",
                "Content-Type: application/json", "Content-Encoding: gzip", framing),
                chunked ? RawServer.chunked(cut, 100) : cut));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"gzip", "x-gzip", "GZIP", "deflate", "identity", "gzip, identity", "gzip, gzip", "deflate, gzip", ""})
    void statusOf_supportedContentEncoding_isRead(String encoding) {
        byte[] body = DOCUMENT;
        for (String coding : encoding.split(",")) {
            String c = coding.strip().toLowerCase(Locale.ROOT);
            body = c.endsWith("gzip") ? gzip(body) : c.equals("deflate") ? deflate(body) : body;
        }
        byte[] response = RawServer.response(RawServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                "Content-Encoding: " + encoding, "Content-Length: " + body.length), body);
        try (RawServer server = RawServer.start(RawServer.answering(response))) {
            assertThat(lookUp(server)).isEqualTo(Optional.of(ReferenceExamples.checkStatusDocStatus()));
        }
    }

    @Test
    void statusOf_gzipBombOverTheBodyLimit_isABadResponseRatherThanTruncated() {
        byte[] bomb = gzip(("{\"x\": \"" + "0".repeat(HttpClientConfig.DEFAULT_MAX_BODY_BYTES) + "\"}")
                .getBytes(StandardCharsets.US_ASCII));

        assertBadResponseAfterOneRequest(RawServer.response(RawServer.head("HTTP/1.1 200 OK",
                "Content-Type: application/json", "Content-Encoding: gzip", "Content-Length: " + bomb.length), bomb));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The "deflate" coding of HTTP: a zlib stream (RFC 1950). */
    private static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, false))) {
            deflate.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
