package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.TeardownStatusSourceContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The port's contract, held against the adapter over a real loopback server serving the API's documents. */
class HttpTeardownStatusSourceContractTest extends TeardownStatusSourceContract {

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private final List<HttpTeardownStatusSource> opened = new ArrayList<>();

    @AfterEach
    void closeSources() {
        opened.forEach(HttpTeardownStatusSource::close);
        api.reset();
    }

    @Override
    protected TeardownStatusSource sourceKnowing(List<TeardownStatus> statuses) {
        api.reset();
        statuses.forEach(api::serve);
        return open();
    }

    @Override
    protected TeardownStatusSource sourceFailingFor(DropletId dropletId) {
        api.reset();
        api.answer(dropletId.value(), aResponse().withStatus(503));
        return open();
    }

    private HttpTeardownStatusSource open() {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        HttpTeardownStatusSource source = HttpTeardownStatusSource.builder(api.config().build())
                .clock(clock)
                .sleeper(clock.sleeper())
                .build();
        opened.add(source);
        return source;
    }
}
