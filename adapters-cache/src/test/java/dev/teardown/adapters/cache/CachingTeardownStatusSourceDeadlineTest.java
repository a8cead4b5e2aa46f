package dev.teardown.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A lookup's deadline reaches the wrapped source, so a waiter's lookup never runs past its wait. */
class CachingTeardownStatusSourceDeadlineTest {

    private static final DropletId DROPLET = DropletId.of(3164444);
    private static final Instant DEADLINE = Instant.parse("2026-11-29T10:10:00Z");

    private final List<Optional<Instant>> deadlinesGiven = new ArrayList<>();

    static Stream<Arguments> everyAnswer() {
        TeardownStatus inProgress = TeardownStatusBuilder.status(DROPLET.value()).dropletPending("web").build();
        return Stream.of(
                Arguments.of("a status", (Supplier<Optional<TeardownStatus>>) () -> Optional.of(inProgress)),
                Arguments.of("not found", (Supplier<Optional<TeardownStatus>>) Optional::empty),
                Arguments.of("a failure", (Supplier<Optional<TeardownStatus>>) () -> {
                    throw TeardownApiException.builder(Operation.CHECK_STATUS, Reason.TIMEOUT, DROPLET, "too slow").build();
                }));
    }

    private CachingTeardownStatusSource cacheOver(Supplier<Optional<TeardownStatus>> answer) {
        TeardownStatusSource upstream = new TeardownStatusSource() {
            @Override
            public Optional<TeardownStatus> statusOf(DropletId dropletId) {
                deadlinesGiven.add(Optional.empty());
                return answer.get();
            }

            @Override
            public Optional<TeardownStatus> statusOf(DropletId dropletId, Instant deadline) {
                deadlinesGiven.add(Optional.of(deadline));
                return answer.get();
            }
        };
        return CachingTeardownStatusSource.builder(upstream).ticker(new FakeTicker()).executor(Runnable::run).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAnswer")
    void statusOf_withADeadline_givesItToTheCallItStarts(String kind, Supplier<Optional<TeardownStatus>> answer) {
        try (CachingTeardownStatusSource cache = cacheOver(answer)) {
            catchThrowable(() -> cache.statusOf(DROPLET, DEADLINE));

            assertThat(deadlinesGiven).containsExactly(Optional.of(DEADLINE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAnswer")
    void statusOf_withoutADeadline_leavesTheSourceItsOwn(String kind, Supplier<Optional<TeardownStatus>> answer) {
        try (CachingTeardownStatusSource cache = cacheOver(answer)) {
            catchThrowable(() -> cache.statusOf(DROPLET));

            assertThat(deadlinesGiven).containsExactly(Optional.empty());
        }
    }
}
