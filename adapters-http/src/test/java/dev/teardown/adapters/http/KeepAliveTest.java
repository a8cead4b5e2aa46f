package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.teardown.domain.DropletId;
import dev.teardown.testkit.ReferenceExamples;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lookups one after another reuse one pooled connection, whether the body's length is declared or chunked. */
class KeepAliveTest {

    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        byte[] body = ReferenceExamples.checkStatusDocJson();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            boolean chunked = exchange.getRequestURI().getPath().contains("/2/");
            exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpTeardownStatusSource source() {
        return HttpTeardownStatusSource.create(HttpClientConfig.builder(ApiServer.TOKEN)
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).build());
    }

    @Test
    void statusOf_bodyOfDeclaredLength_reusesTheConnection() {
        try (HttpTeardownStatusSource source = source()) {
            for (int i = 0; i < 5; i++) {
                assertThat(source.statusOf(DropletId.of(1))).isPresent();
            }
        }

        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void statusOf_chunkedBody_reusesTheConnection() {
        try (HttpTeardownStatusSource source = source()) {
            for (int i = 0; i < 5; i++) {
                assertThat(source.statusOf(DropletId.of(2))).isPresent();
            }
        }

        assertThat(clientPorts).hasSize(1);
    }

    @ParameterizedTest(name = "chunked {0}")
    @ValueSource(booleans = {false, true})
    void statusOf_gzippedBody_reusesTheConnection(boolean chunked) throws Exception {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(ReferenceExamples.checkStatusDocJson());
        }
        byte[] body = gzipped.toByteArray();
        byte[] response = RawServer.response(RawServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                "Content-Encoding: gzip", chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length),
                chunked ? RawServer.chunked(body, 300) : body);
        try (RawServer raw = RawServer.start(RawServer.answering(response));
                HttpTeardownStatusSource source = HttpTeardownStatusSource.create(
                        HttpClientConfig.builder(ApiServer.TOKEN).baseUrl(raw.baseUrl()).build())) {
            for (int i = 0; i < 5; i++) {
                assertThat(source.statusOf(ReferenceExamples.DROPLET_ID)).contains(ReferenceExamples.checkStatusDocStatus());
            }
            assertThat(raw.connections()).isEqualTo(1);
        }
    }
}
