package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.domain.DropletId;
import dev.teardown.testkit.ReferenceExamples;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pooled connection the server closed while it sat idle is found out before it is used, so the
 * next lookup costs one attempt on a new connection rather than a failed attempt and a retry.
 */
class StaleConnectionTest {

    private static final DropletId DROPLET_ID = ReferenceExamples.DROPLET_ID;

    static Stream<Arguments> waysToDropAnIdleConnection() {
        return Stream.of(
                Arguments.of("closed after a body of declared length", false, false),
                Arguments.of("closed after a chunked body", true, false),
                Arguments.of("reset after a body of declared length", false, true),
                Arguments.of("reset after a chunked body", true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waysToDropAnIdleConnection")
    void statusOf_afterTheServerDroppedTheIdleConnection_succeedsWithOneAttempt(String way, boolean chunked, boolean reset)
            throws Exception {
        byte[] body = ReferenceExamples.checkStatusDocJson();
        // Keep-alive as far as the client can tell: HTTP/1.1, no "Connection: close".
        byte[] response = RawServer.response(RawServer.head("HTTP/1.1 200 OK", "Content-Type: application/json",
                chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length),
                chunked ? RawServer.chunked(body, 500) : body);
        CountDownLatch firstConnectionDropped = new CountDownLatch(1);
        List<ExchangeListener.Exchange> exchanges = new CopyOnWriteArrayList<>();
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        try (RawServer server = RawServer.start(connection -> {
            if (connection.readRequestHead() == null) {
                return;
            }
            connection.write(response);
            if (reset) {
                connection.socket().setSoLinger(true, 0);
            }
            connection.close();
            firstConnectionDropped.countDown();
        });
                HttpTeardownStatusSource source = HttpTeardownStatusSource.builder(
                        HttpClientConfig.builder(ApiServer.TOKEN).baseUrl(server.baseUrl()).build())
                        .sleeper(sleeps::add)
                        .exchangeListener(exchanges::add)
                        .build()) {
            assertThat(source.statusOf(DROPLET_ID)).isPresent();
            assertThat(firstConnectionDropped.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(source.statusOf(DROPLET_ID)).isPresent();

            assertThat(exchanges).extracting(ExchangeListener.Exchange::attempt).containsExactly(1, 1);
            assertThat(sleeps).isEmpty();
            assertThat(server.requestHeads()).hasSize(2);
            assertThat(server.connections()).isEqualTo(2);
        }
    }
}
