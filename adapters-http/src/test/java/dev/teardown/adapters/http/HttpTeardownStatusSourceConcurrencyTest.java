package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One adapter shared by many threads, and generated bodies over a real connection. */
class HttpTeardownStatusSourceConcurrencyTest {

    private static final int DROPLETS = 12;

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private static TeardownStatus statusOf(long dropletId) {
        return TeardownStatusBuilder.status(dropletId)
                .dropletPending("web-" + dropletId)
                .pending(ResourceKind.VOLUME, "vol-" + dropletId, "data-" + dropletId)
                .build();
    }

    private static HttpTeardownStatusSource source(HttpClientConfig config) {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        return HttpTeardownStatusSource.builder(config).clock(clock).sleeper(clock.sleeper()).build();
    }

    @Test
    void statusOf_manyThreadsThroughASmallPool_answersEveryLookupCorrectly() throws Exception {
        api.reset();
        for (long id = 1; id <= DROPLETS; id++) {
            if (id % 4 == 0) {
                // Not found: answered by the server's default 404.
                continue;
            }
            if (id % 4 == 3) {
                api.answerInTurn(id, aResponse().withStatus(503), ApiServer.json(200, StatusDocuments.write(statusOf(id))));
            } else {
                api.serve(statusOf(id));
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try (HttpTeardownStatusSource shared = source(api.config().poolSize(4).build())) {
            List<Callable<Boolean>> lookups = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                long id = 1 + i % DROPLETS;
                lookups.add(() -> {
                    Optional<TeardownStatus> found = shared.statusOf(DropletId.of(id));
                    return id % 4 == 0 ? found.isEmpty() : found.equals(Optional.of(statusOf(id)));
                });
            }
            List<Future<Boolean>> answers = threads.invokeAll(lookups, 60, TimeUnit.SECONDS);

            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
            assertThat(api.requests()).hasSize(400 + DROPLETS / 4);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void statusOf_generatedBodiesOverTheWire_isStatusOrBadResponse() {
        api.reset();
        SplittableRandom random = new SplittableRandom(GeneratedDocumentsTest.SEED + 10);
        try (HttpTeardownStatusSource source = source(api.config().build())) {
            for (int i = 0; i < 90; i++) {
                long id = 1_000 + i;
                byte[] body = switch (i % 3) {
                    case 0 -> GeneratedDocumentsTest.Generators.mutate(StatusDocuments.write(statusOf(id)), random);
                    case 1 -> GeneratedDocumentsTest.Generators.jsonDocument(random).getBytes(StandardCharsets.UTF_8);
                    default -> StatusDocuments.write(GeneratedDocumentsTest.Generators.status(random));
                };
                api.answer(id, ApiServer.json(200, body));
                try {
                    assertThat(source.statusOf(DropletId.of(id))).isPresent();
                } catch (TeardownApiException failure) {
                    assertThat(failure.reason()).as("body #%d: %s", i, new String(body, StandardCharsets.UTF_8))
                            .isEqualTo(Reason.BAD_RESPONSE);
                    assertThat(failure.attempts()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void close_whileThreadsLookUp_failsThemCleanly() throws Exception {
        api.reset();
        api.serve(statusOf(1));
        HttpTeardownStatusSource source = source(api.config().build());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                running.add(threads.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        source.statusOf(DropletId.of(1));
                    }
                    return null;
                }));
            }
            Thread.sleep(50);
            source.close();

            for (Future<?> thread : running) {
                assertThatThrownBy(() -> thread.get(10, TimeUnit.SECONDS))
                        .cause()
                        .isInstanceOfAny(IllegalStateException.class, TeardownApiException.class);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
