package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.ReferenceExamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API through an HTTP proxy on loopback, played by a raw socket acceptor that records what it is
 * sent. An https API is reached through a CONNECT tunnel, and the token travels only inside it.
 */
class ProxyTest {

    private static final DropletId DROPLET_ID = ReferenceExamples.DROPLET_ID;
    private static final String HTTPS_API = "https://api.teardown.test";
    private static final String PASSWORD = "s3cret-Pr0xy-pw";
    private static final byte[] DOCUMENT_RESPONSE = RawServer.response(RawServer.head("HTTP/1.1 200 OK",
            "Content-Type: application/json", "Content-Length: " + ReferenceExamples.checkStatusDocJson().length),
            ReferenceExamples.checkStatusDocJson());

    private final List<byte[]> bytesAfterConnect = new CopyOnWriteArrayList<>();
    private RawServer proxy;
    private HttpTeardownStatusSource source;

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private HttpTeardownStatusSource source(String baseUrl, URI proxyUrl) {
        source = HttpTeardownStatusSource.builder(HttpClientConfig.builder(ApiServer.TOKEN)
                        .baseUrl(baseUrl)
                        .proxy(proxyUrl)
                        .connectTimeout(Duration.ofSeconds(5))
                        .responseTimeout(Duration.ofSeconds(5))
                        .callDeadline(Duration.ofSeconds(20))
                        .build())
                .sleeper(duration -> { })
                .build();
        return source;
    }

    private static void assertNoTokenIn(String text) {
        assertThat(text).doesNotContain(ApiServer.TOKEN_TEXT);
        assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("authorization: bearer");
        assertThat(text.toLowerCase(Locale.ROOT).lines()).noneMatch(line -> line.startsWith("authorization:"));
    }

    // https: a tunnel

    @ParameterizedTest(name = "the proxy answers {0}")
    @CsvSource({
        "'HTTP/1.1 403 Forbidden', 1",
        "'HTTP/1.1 407 Proxy Authentication Required', 1",
        "'HTTP/1.1 502 Bad Gateway', 3",
        "'HTTP/1.1 200 Connection established', 1"})
    void statusOf_httpsApiThroughAProxy_sendsTheProxyAConnectWithoutTheToken(String answer, int connects) {
        boolean opens = answer.contains(" 200 ");
        proxy = RawServer.start(connection -> {
            if (connection.readRequestHead() == null) {
                return;
            }
            connection.write(answer + "\r\nContent-Length: 0\r\n"
                    + (answer.contains("407") ? "Proxy-Authenticate: Basic realm=\"proxy\"\r\n" : "") + "\r\n");
            if (opens) {
                // What comes through the tunnel is TLS for the API; this proxy reads the client's first words, then hangs up.
                bytesAfterConnect.add(readSome(connection.socket().getInputStream()));
                connection.close();
            }
        });

        assertThatThrownBy(() -> source(HTTPS_API, URI.create(proxy.baseUrl())).statusOf(DROPLET_ID))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.NETWORK);
                    assertThat(failure.attempts()).isEqualTo(connects);
                    assertThat(failure.httpStatus()).isEmpty();
                    assertNoTokenIn(failure.getMessage());
                    if (!opens) {
                        assertThat(failure.getMessage())
                                .contains("the proxy " + proxy.baseUrl(), "refused a tunnel to api.teardown.test");
                    }
                });

        assertThat(proxy.requestHeads()).hasSize(connects).allSatisfy(head -> {
            assertThat(head).startsWith("CONNECT api.teardown.test:443 HTTP/1.1\r\n");
            assertNoTokenIn(head);
        });
        for (byte[] tunnelled : bytesAfterConnect) {
            assertThat(tunnelled).isNotEmpty();
            assertNoTokenIn(new String(tunnelled, StandardCharsets.ISO_8859_1));
        }
    }

    private static byte[] readSome(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n = in.read(buffer);
        if (n > 0) {
            read.write(buffer, 0, n);
        }
        return read.toByteArray();
    }

    // Plain http to a loopback API: a forward proxy

    @Test
    void statusOf_loopbackApiThroughALoopbackProxy_asksTheProxyForTheWholeUrl() {
        proxy = RawServer.start(RawServer.answering(DOCUMENT_RESPONSE));

        assertThat(source("http://127.0.0.1:9", URI.create(proxy.baseUrl())).statusOf(DROPLET_ID))
                .contains(ReferenceExamples.checkStatusDocStatus());

        assertThat(proxy.requestHeads()).singleElement().asString()
                .startsWith("GET http://127.0.0.1:9" + ApiServer.statusPath(DROPLET_ID) + " HTTP/1.1\r\n")
                // HttpClient would otherwise offer "Upgrade: TLS/1.2", hop-by-hop, which a plain forward proxy passes on.
                .doesNotContainIgnoringCase("upgrade");
    }

    @Test
    void statusOf_proxyAskingForCredentials_getsThoseOfTheProxyUrlAndOnlyWhenAsked() {
        String expected = "Proxy-Authorization: Basic "
                + Base64.getEncoder().encodeToString(("teardown:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        proxy = RawServer.start(connection -> {
            for (String head = connection.readRequestHead(); head != null; head = connection.readRequestHead()) {
                if (head.contains("\r\n" + expected)) {
                    connection.write(DOCUMENT_RESPONSE);
                } else {
                    connection.write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                            + "Proxy-Authenticate: Basic realm=\"proxy\"\r\nContent-Length: 0\r\n\r\n");
                }
            }
        });
        URI withCredentials = URI.create("http://teardown:" + PASSWORD + "@127.0.0.1:" + proxy.port());

        assertThat(source("http://127.0.0.1:9", withCredentials).statusOf(DROPLET_ID)).isPresent();

        assertThat(proxy.requestHeads()).hasSize(2);
        assertThat(proxy.requestHeads().get(0)).doesNotContain("Proxy-Authorization");
        assertThat(proxy.requestHeads().get(1)).contains(expected);
    }

    @Test
    void statusOf_proxyRefusingTheCredentials_failsWithoutShowingThem() {
        proxy = RawServer.start(RawServer.answering(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"proxy\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        URI withCredentials = URI.create("http://teardown:" + PASSWORD + "@127.0.0.1:" + proxy.port());

        assertThatThrownBy(() -> source("http://127.0.0.1:9", withCredentials).statusOf(DROPLET_ID))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.NETWORK);
                    assertThat(failure.attempts()).isEqualTo(1);
                    assertThat(failure.getMessage()).contains("proxy", "407").doesNotContain(PASSWORD, "teardown:");
                });
    }

    @Test
    void statusOf_unreachableProxyWithCredentials_failsWithoutShowingThem() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI withCredentials = URI.create("http://teardown:" + PASSWORD + "@127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> source(HTTPS_API, withCredentials).statusOf(DROPLET_ID))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.NETWORK);
                    for (Throwable t = failure; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
                    }
                });
        assertThat(source.toString()).doesNotContain(PASSWORD);
    }
}
