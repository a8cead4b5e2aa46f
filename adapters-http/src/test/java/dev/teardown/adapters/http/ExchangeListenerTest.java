package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeListenerTest {

    private static final long DROPLET = 61486916;

    private final List<ExchangeListener.Exchange> exchanges = new CopyOnWriteArrayList<>();
    private ApiServer api;
    private HttpTeardownStatusSource source;

    @BeforeEach
    void start() {
        api = ApiServer.start();
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        source = HttpTeardownStatusSource.builder(api.config().build())
                .clock(clock).sleeper(clock.sleeper()).exchangeListener(exchanges::add).build();
    }

    @AfterEach
    void stop() {
        source.close();
        api.close();
    }

    @Test
    void onExchange_retriedCall_hearsEachAttemptWithItsStatusAndQuota() {
        api.answerInTurn(DROPLET,
                ApiServer.error(500, "server_error", "Unexpected server-side error", "r-1"),
                ApiServer.json(200, ReferenceExamples.checkStatusDocJson())
                        .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "4999"));

        source.statusOf(DropletId.of(DROPLET));

        assertThat(exchanges).hasSize(2);
        assertThat(exchanges.get(0).attempt()).isEqualTo(1);
        assertThat(exchanges.get(0).status()).hasValue(500);
        assertThat(exchanges.get(0).failure()).get().asString().contains("HTTP 500");
        assertThat(exchanges.get(1).attempt()).isEqualTo(2);
        assertThat(exchanges.get(1).status()).hasValue(200);
        assertThat(exchanges.get(1).failure()).isEmpty();
        assertThat(exchanges.get(1).rateLimitRemaining()).hasValue(4999);
        assertThat(exchanges.get(1).method()).isEqualTo("GET");
        assertThat(exchanges.get(1).path()).isEqualTo(ApiServer.statusPath(DROPLET));
    }

    @Test
    void onExchange_notFound_hears404WithoutFailure() {
        source.statusOf(DropletId.of(DROPLET + 1));

        assertThat(exchanges).singleElement().satisfies(exchange -> {
            assertThat(exchange.status()).hasValue(404);
            assertThat(exchange.failure()).isEmpty();
        });
    }

    @Test
    void onExchange_noAnswer_hearsNoStatusAndTheCauseWithoutTheToken() {
        api.close();

        assertThatThrownBy(() -> source.statusOf(DropletId.of(DROPLET)))
                .isInstanceOf(TeardownApiException.class);

        assertThat(exchanges).isNotEmpty().allSatisfy(exchange -> {
            assertThat(exchange.status()).isEqualTo(OptionalInt.empty());
            assertThat(exchange.failure()).get().asString().doesNotContain(ApiServer.TOKEN_TEXT);
        });
    }
}
