package dev.teardown.app;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpSourceConfig;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitListener;
import dev.teardown.ports.in.AwaitOptions;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The plain builder's {@link Teardown}: what it opens, and that nothing opens again once it is closed. */
class TeardownTest {

    private static final DropletId DROPLET = DropletId.of(61486916);

    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private Teardown teardown() {
        return Teardown.builder(HttpSourceConfig.builder(ApiToken.of("test-token-0123456789"))
                .baseUrl(api.baseUrl()).build()).build();
    }

    static Stream<Arguments> everyCall() {
        return Stream.of(
                Arguments.of("check()", (Consumer<Teardown>) Teardown::check),
                Arguments.of("await()", (Consumer<Teardown>) Teardown::await),
                Arguments.of("check().check(id)", (Consumer<Teardown>) teardown -> teardown.check().check(DROPLET)),
                Arguments.of("await().await(id, ...)", (Consumer<Teardown>) teardown -> teardown.await()
                        .await(DROPLET, AwaitOptions.defaults(), AwaitListener.ignoring())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCall")
    void anyCall_closedBeforeFirstUse_isRefusedAndOpensNothing(String name, Consumer<Teardown> call) {
        Teardown teardown = teardown();
        teardown.close();
        long sweepersBefore = sweeperThreads();

        assertThatThrownBy(() -> call.accept(teardown))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");

        assertThat(sweeperThreads()).isLessThanOrEqualTo(sweepersBefore);
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCall")
    void anyCall_closedAfterUse_isRefusedAndSendsNothing(String name, Consumer<Teardown> call) {
        Teardown teardown = teardown();
        teardown.check();
        teardown.close();

        assertThatThrownBy(() -> call.accept(teardown)).isInstanceOf(IllegalStateException.class);

        api.verify(0, anyRequestedFor(anyUrl()));
    }

    private static long sweeperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("teardown-http-deadlines"))
                .count();
    }
}
