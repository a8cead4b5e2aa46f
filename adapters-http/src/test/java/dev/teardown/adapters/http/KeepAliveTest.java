package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.teardown.domain.DropletId;
import dev.teardown.testkit.ReferenceExamples;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
        return HttpTeardownStatusSource.create(HttpSourceConfig.builder(ApiServer.TOKEN)
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
}
