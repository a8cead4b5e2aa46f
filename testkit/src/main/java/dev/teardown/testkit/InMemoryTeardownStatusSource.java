package dev.teardown.testkit;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownStatusSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TeardownStatusSource} held in memory and scripted by a test: fixed statuses, a sequence of
 * answers that advances with each lookup, or failures. Safe to share across threads.
 */
public final class InMemoryTeardownStatusSource implements TeardownStatusSource {

    /** One scripted answer to a lookup. */
    public sealed interface Answer {
        record Status(TeardownStatus status) implements Answer {}

        record NotFound() implements Answer {}

        record Failure(TeardownApiException failure) implements Answer {}

        static Answer of(TeardownStatus status) {
            return new Status(status);
        }

        static Answer notFound() {
            return new NotFound();
        }

        static Answer failure(TeardownApiException failure) {
            return new Failure(failure);
        }
    }

    private final Map<DropletId, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<DropletId, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final AtomicInteger totalLookups = new AtomicInteger();

    public static InMemoryTeardownStatusSource of(TeardownStatus... statuses) {
        InMemoryTeardownStatusSource source = new InMemoryTeardownStatusSource();
        for (TeardownStatus status : statuses) {
            source.put(status);
        }
        return source;
    }

    /** From now on, lookups of this status's Droplet answer it. */
    public InMemoryTeardownStatusSource put(TeardownStatus status) {
        return script(status.dropletId(), Answer.of(status));
    }

    /**
     * From now on, lookups of the Droplet answer these in turn; the last one keeps being answered.
     */
    public InMemoryTeardownStatusSource script(DropletId dropletId, Answer... answers) {
        Objects.requireNonNull(dropletId, "dropletId");
        if (answers.length == 0) {
            throw new IllegalArgumentException("a script needs at least one answer");
        }
        scripts.put(dropletId, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    /** From now on, lookups of the Droplet fail with this exception. */
    public InMemoryTeardownStatusSource failWith(DropletId dropletId, TeardownApiException failure) {
        return script(dropletId, Answer.failure(failure));
    }

    /** Forgets the Droplet: lookups answer "no teardown request known". */
    public InMemoryTeardownStatusSource remove(DropletId dropletId) {
        scripts.remove(dropletId);
        return this;
    }

    @Override
    public Optional<TeardownStatus> statusOf(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        totalLookups.incrementAndGet();
        lookups.computeIfAbsent(dropletId, id -> new AtomicInteger()).incrementAndGet();
        Deque<Answer> script = scripts.get(dropletId);
        if (script == null) {
            return Optional.empty();
        }
        Answer answer;
        synchronized (script) {
            answer = script.size() > 1 ? script.removeFirst() : script.getFirst();
        }
        if (answer instanceof Answer.Status status) {
            return Optional.of(status.status());
        }
        if (answer instanceof Answer.Failure failure) {
            throw failure.failure();
        }
        return Optional.empty();
    }

    /** How many lookups of this Droplet were made. */
    public int lookups(DropletId dropletId) {
        AtomicInteger count = lookups.get(dropletId);
        return count == null ? 0 : count.get();
    }

    /** How many lookups were made in all. */
    public int totalLookups() {
        return totalLookups.get();
    }
}
