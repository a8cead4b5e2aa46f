package dev.teardown.testkit;

import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceRef;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.CommandReceipt;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownCommands;
import dev.teardown.ports.out.TeardownStatusSource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The whole family in memory, as DigitalOcean behaves, on one state and an injected clock: at once the
 * {@link AssociatedResourcesSource}, the {@link TeardownStatusSource} and the {@link TeardownCommands},
 * for tests of code that lists, destroys, retries and follows teardowns. Safe to share across threads.
 *
 * <ul>
 *   <li>A Droplet added with {@link #droplet} lists its associated resources until it is destroyed;
 *       from then on it is unknown to the list ({@code Optional.empty()}) and to another destroy
 *       ({@link CommandReceipt#NOT_FOUND}).</li>
 *   <li>A destroy of everything takes every listed resource; a selection takes those it names (a
 *       floating IP id names the reserved IP of that id), and is refused as a whole, like the API's
 *       HTTP 422, when it names a resource not associated with the Droplet.</li>
 *   <li>The teardown then advances with the clock: the Droplet and each resource are destroyed when
 *       their time ({@link #takes}) has passed since the teardown started, all at once; a resource
 *       scripted with {@link #fails} fails instead. The teardown completes when the last one ends.</li>
 *   <li>A retry while any of them is still pending is {@link CommandReceipt#IN_PROGRESS}; without a
 *       teardown it is {@link CommandReceipt#NOT_FOUND}; else it starts the failed resources again from
 *       now (a completed teardown without failures is accepted and left as it is).</li>
 * </ul>
 *
 * <p>Failures can be injected for the next command ({@link #failNextCommand}, or
 * {@link #failNextCommandAfterItTakesEffect} for one that was carried out but whose answer was lost),
 * the next status lookup and the next listing. A command whose deadline has passed fails with
 * {@link Reason#TIMEOUT} and changes nothing, as the HTTP adapter's would.
 */
public final class InMemoryTeardownFamily implements AssociatedResourcesSource, TeardownStatusSource, TeardownCommands {

    /** How long the Droplet and each resource take to be destroyed unless told otherwise. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);

    private final InstantSource clock;
    private final Map<DropletId, Droplet> droplets = new HashMap<>();
    private final Map<ResourceKind, Duration> durationsByKind = new EnumMap<>(ResourceKind.class);
    private final Map<ResourceRef, Duration> durationsByResource = new HashMap<>();
    private final Map<DropletId, Map<ResourceRef, ScriptedFailure>> scriptedFailures = new HashMap<>();
    private final Deque<Injected> commandFailures = new ArrayDeque<>();
    private final Deque<TeardownApiException> lookupFailures = new ArrayDeque<>();
    private final Deque<TeardownApiException> listingFailures = new ArrayDeque<>();
    private final List<SentCommand> sent = new ArrayList<>();
    private final Map<DropletId, Integer> statusLookups = new HashMap<>();
    private final Map<DropletId, Integer> forgets = new HashMap<>();
    private Duration defaultDuration = DEFAULT_DURATION;

    private InMemoryTeardownFamily(InstantSource clock) {
        this.clock = clock;
    }

    /** A family that knows no Droplet yet, on this clock (a {@link ManualClock} in tests). */
    public static InMemoryTeardownFamily on(InstantSource clock) {
        return new InMemoryTeardownFamily(Objects.requireNonNull(clock, "clock"));
    }

    // Arrangement

    /** Adds a Droplet that has not been destroyed, with these associated resources; replaces one of that id. */
    public synchronized InMemoryTeardownFamily droplet(AssociatedResources resources) {
        Objects.requireNonNull(resources, "resources");
        return droplet(resources, "droplet-" + resources.dropletId());
    }

    /** As {@link #droplet(AssociatedResources)}, with the Droplet's name as the status shows it. */
    public synchronized InMemoryTeardownFamily droplet(AssociatedResources resources, String name) {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(name, "name");
        droplets.put(resources.dropletId(), new Droplet(resources, name));
        return this;
    }

    /** How long the Droplet and every resource take to be destroyed, unless set by kind or resource (default 10 s). */
    public synchronized InMemoryTeardownFamily takes(Duration duration) {
        defaultDuration = requireDuration(duration);
        return this;
    }

    /** How long the resources of this kind take; {@link ResourceKind#DROPLET} is the Droplet itself. */
    public synchronized InMemoryTeardownFamily takes(ResourceKind kind, Duration duration) {
        durationsByKind.put(Objects.requireNonNull(kind, "kind"), requireDuration(duration));
        return this;
    }

    /** How long this resource takes, in whichever Droplet lists it. */
    public synchronized InMemoryTeardownFamily takes(ResourceRef resource, Duration duration) {
        durationsByResource.put(normalized(Objects.requireNonNull(resource, "resource")), requireDuration(duration));
        return this;
    }

    /**
     * The first {@code attempts} attempts to destroy this resource of the Droplet fail with this error
     * message (the first destroy, then each retry); the one after succeeds.
     */
    public synchronized InMemoryTeardownFamily fails(DropletId dropletId, ResourceRef resource, String errorMessage,
            int attempts) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (errorMessage.isBlank()) {
            throw new IllegalArgumentException("a failed resource's error message must not be blank: the API's blank"
                    + " message means no error");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
        scriptedFailures.computeIfAbsent(dropletId, id -> new HashMap<>())
                .put(normalized(resource), new ScriptedFailure(errorMessage, attempts));
        return this;
    }

    /** The first attempt to destroy this resource fails with this error message; a retry destroys it. */
    public synchronized InMemoryTeardownFamily failsOnce(DropletId dropletId, ResourceRef resource, String errorMessage) {
        return fails(dropletId, resource, errorMessage, 1);
    }

    /**
     * The next command (a destroy or a retry, of any Droplet) throws this failure and changes nothing, as
     * a request that never reached the API, or was refused. Failures given here are thrown in turn.
     */
    public synchronized InMemoryTeardownFamily failNextCommand(TeardownApiException failure) {
        commandFailures.addLast(new Injected(Objects.requireNonNull(failure, "failure"), false));
        return this;
    }

    /**
     * The next command is carried out, then throws this failure, as a request the API acted on whose answer
     * was lost: give it a failure whose {@link TeardownApiException#mayHaveTakenEffect()} is true.
     */
    public synchronized InMemoryTeardownFamily failNextCommandAfterItTakesEffect(TeardownApiException failure) {
        commandFailures.addLast(new Injected(Objects.requireNonNull(failure, "failure"), true));
        return this;
    }

    /** The next status lookup (of any Droplet) throws this failure. Failures given here are thrown in turn. */
    public synchronized InMemoryTeardownFamily failNextStatusLookup(TeardownApiException failure) {
        lookupFailures.addLast(Objects.requireNonNull(failure, "failure"));
        return this;
    }

    /** The next listing of associated resources (of any Droplet) throws this failure. */
    public synchronized InMemoryTeardownFamily failNextListing(TeardownApiException failure) {
        listingFailures.addLast(Objects.requireNonNull(failure, "failure"));
        return this;
    }

    // The ports

    @Override
    public synchronized Optional<AssociatedResources> resourcesOf(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        TeardownApiException failure = listingFailures.pollFirst();
        if (failure != null) {
            throw failure;
        }
        Droplet droplet = droplets.get(dropletId);
        return droplet == null || droplet.teardown != null ? Optional.empty() : Optional.of(droplet.resources);
    }

    @Override
    public synchronized Optional<TeardownStatus> statusOf(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        statusLookups.merge(dropletId, 1, Integer::sum);
        TeardownApiException failure = lookupFailures.pollFirst();
        if (failure != null) {
            throw failure;
        }
        Droplet droplet = droplets.get(dropletId);
        return droplet == null || droplet.teardown == null
                ? Optional.empty()
                : Optional.of(droplet.teardown.statusAt(dropletId, clock.instant()));
    }

    /** Counts the call ({@link #forgets}); this source keeps no copy to drop. */
    @Override
    public synchronized void forget(DropletId dropletId) {
        forgets.merge(Objects.requireNonNull(dropletId, "dropletId"), 1, Integer::sum);
    }

    /**
     * @throws TeardownApiException an injected failure; with {@link Reason#TIMEOUT} when the deadline has
     *     passed; with {@link Reason#REJECTED} and HTTP status 422, as the API refuses it, when
     *     a selection names a resource not associated with the Droplet. Only an injected failure given to
     *     {@link #failNextCommandAfterItTakesEffect} leaves the command carried out.
     */
    @Override
    public synchronized CommandReceipt destroy(DropletId dropletId, DestroyRequest request, Instant deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(deadline, "deadline");
        Operation operation = request instanceof DestroyRequest.Everything
                ? Operation.DESTROY_EVERYTHING : Operation.DESTROY_SELECTED;
        sent.add(new SentCommand(dropletId, Optional.of(request)));
        return carryOut(operation, dropletId, deadline, () -> startTeardown(dropletId, request));
    }

    /** @throws TeardownApiException an injected failure, or with {@link Reason#TIMEOUT} when the deadline has passed */
    @Override
    public synchronized CommandReceipt retry(DropletId dropletId, Instant deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(deadline, "deadline");
        sent.add(new SentCommand(dropletId, Optional.empty()));
        return carryOut(Operation.RETRY, dropletId, deadline, () -> restartFailed(dropletId));
    }

    // What the test asks afterwards

    /** A command as it was sent: a destroy with its request, or a retry (no request). */
    public record SentCommand(DropletId dropletId, Optional<DestroyRequest> destroyRequest) {
        public SentCommand {
            Objects.requireNonNull(dropletId, "dropletId");
            Objects.requireNonNull(destroyRequest, "destroyRequest");
        }

        public boolean isRetry() {
            return destroyRequest.isEmpty();
        }
    }

    /** Every command sent, in order, those that failed included. */
    public synchronized List<SentCommand> sentCommands() {
        return List.copyOf(sent);
    }

    /** How many destroys of this Droplet were sent, those that failed included. */
    public synchronized int destroysSent(DropletId dropletId) {
        return (int) sent.stream().filter(c -> c.dropletId().equals(dropletId) && !c.isRetry()).count();
    }

    /** How many retries of this Droplet were sent, those that failed included. */
    public synchronized int retriesSent(DropletId dropletId) {
        return (int) sent.stream().filter(c -> c.dropletId().equals(dropletId) && c.isRetry()).count();
    }

    /** How many status lookups of this Droplet were made, those that failed included. */
    public synchronized int statusLookups(DropletId dropletId) {
        return statusLookups.getOrDefault(dropletId, 0);
    }

    /** How many times this source was told to {@link #forget} the Droplet. */
    public synchronized int forgets(DropletId dropletId) {
        return forgets.getOrDefault(dropletId, 0);
    }

    @Override
    public synchronized String toString() {
        return "InMemoryTeardownFamily[" + droplets.size() + " droplets, " + sent.size() + " commands sent]";
    }

    // The state

    private interface Effect {
        CommandReceipt apply();
    }

    private CommandReceipt carryOut(Operation operation, DropletId dropletId, Instant deadline, Effect effect) {
        if (!deadline.isAfter(clock.instant())) {
            throw TeardownApiException.builder(operation, Reason.TIMEOUT, dropletId, operation.failureOf(dropletId)
                    + ": this call's deadline passed before it was sent (0 attempts)").build();
        }
        Injected injected = commandFailures.pollFirst();
        if (injected == null) {
            return effect.apply();
        }
        if (injected.afterEffect()) {
            effect.apply();
        }
        throw injected.failure();
    }

    private CommandReceipt startTeardown(DropletId dropletId, DestroyRequest request) {
        Droplet droplet = droplets.get(dropletId);
        if (droplet == null || droplet.teardown != null) {
            return CommandReceipt.NOT_FOUND;
        }
        if (request instanceof DestroyRequest.Selection selection) {
            List<ResourceRef> unknown = selection.unknownIn(droplet.resources);
            if (!unknown.isEmpty()) {
                throw notAssociated(dropletId, unknown);
            }
        }
        Instant now = clock.instant();
        Map<ResourceRef, ScriptedFailure> failures = scriptedFailures.getOrDefault(dropletId, Map.of());
        Entry dropletEntry = new Entry(ResourceKind.DROPLET, dropletId.toString(), droplet.name,
                durationOf(ResourceKind.DROPLET, null), null);
        List<Entry> entries = new ArrayList<>();
        for (AssociatedResource resource : droplet.resources.resources()) {
            if (request.destroys(resource.ref())) {
                entries.add(new Entry(resource.kind(), resource.id(), resource.name(),
                        durationOf(resource.kind(), resource.ref()), failures.get(normalized(resource.ref()))));
            }
        }
        Teardown teardown = new Teardown(dropletEntry, entries);
        teardown.all().forEach(entry -> entry.start(now));
        droplet.teardown = teardown;
        return CommandReceipt.ACCEPTED;
    }

    private CommandReceipt restartFailed(DropletId dropletId) {
        Droplet droplet = droplets.get(dropletId);
        if (droplet == null || droplet.teardown == null) {
            return CommandReceipt.NOT_FOUND;
        }
        Instant now = clock.instant();
        if (droplet.teardown.all().stream().anyMatch(entry -> !entry.isOver(now))) {
            return CommandReceipt.IN_PROGRESS;
        }
        droplet.teardown.all().stream().filter(entry -> entry.failedAt(now)).forEach(entry -> entry.start(now));
        return CommandReceipt.ACCEPTED;
    }

    /** Mirrors the API's refusal (HTTP 422) as the HTTP adapter reports it. */
    private static TeardownApiException notAssociated(DropletId dropletId, List<ResourceRef> unknown) {
        String named = unknown.stream().map(ref -> ref.kind().wireName() + " " + ref.id()).collect(Collectors.joining(", "));
        return TeardownApiException.builder(Operation.DESTROY_SELECTED, Reason.REJECTED, dropletId,
                        Operation.DESTROY_SELECTED.failureOf(dropletId) + ": unexpected answer from the API (HTTP 422);"
                                + " the API said unprocessable_entity: not associated with droplet " + dropletId + ": "
                                + named + " (1 attempt)")
                .httpStatus(422)
                .attempts(1)
                .build();
    }

    private Duration durationOf(ResourceKind kind, ResourceRef resource) {
        Duration duration = resource == null ? null : durationsByResource.get(normalized(resource));
        if (duration == null) {
            duration = durationsByKind.get(kind);
        }
        return duration == null ? defaultDuration : duration;
    }

    /** The two names of an IP are one resource. */
    private static ResourceRef normalized(ResourceRef resource) {
        return resource.kind() == ResourceKind.FLOATING_IP ? new ResourceRef(ResourceKind.RESERVED_IP, resource.id()) : resource;
    }

    private static Duration requireDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration must not be negative, was " + duration);
        }
        return duration;
    }

    private record ScriptedFailure(String errorMessage, int attempts) {
    }

    private record Injected(TeardownApiException failure, boolean afterEffect) {
    }

    private static final class Droplet {
        final AssociatedResources resources;
        final String name;
        Teardown teardown;

        Droplet(AssociatedResources resources, String name) {
            this.resources = resources;
            this.name = name;
        }
    }

    private record Teardown(Entry droplet, List<Entry> resources) {

        List<Entry> all() {
            List<Entry> all = new ArrayList<>(resources.size() + 1);
            all.add(droplet);
            all.addAll(resources);
            return all;
        }

        TeardownStatus statusAt(DropletId dropletId, Instant now) {
            List<Entry> all = all();
            boolean over = all.stream().allMatch(entry -> entry.isOver(now));
            Optional<Instant> completedAt = over
                    ? all.stream().map(Entry::end).max(Instant::compareTo)
                    : Optional.empty();
            int failed = (int) all.stream().filter(entry -> entry.failedAt(now)).count();
            return new TeardownStatus(dropletId, completedAt, Optional.of(droplet.at(now)), OptionalInt.of(failed),
                    resources.stream().map(entry -> entry.at(now)).toList());
        }
    }

    /** One resource's part in a teardown: its current attempt, started at a time, ending after its duration. */
    private static final class Entry {
        final ResourceKind kind;
        final String id;
        final String name;
        final Duration duration;
        final ScriptedFailure failure;
        int attempt;
        Instant start;

        Entry(ResourceKind kind, String id, String name, Duration duration, ScriptedFailure failure) {
            this.kind = kind;
            this.id = id;
            this.name = name;
            this.duration = duration;
            this.failure = failure;
        }

        void start(Instant now) {
            attempt++;
            start = now;
        }

        Instant end() {
            return start.plus(duration);
        }

        boolean isOver(Instant now) {
            return !now.isBefore(end());
        }

        boolean failedAt(Instant now) {
            return isOver(now) && failure != null && attempt <= failure.attempts();
        }

        ResourceTeardown at(Instant now) {
            if (!isOver(now)) {
                return ResourceTeardown.pending(kind, id, name);
            }
            return failedAt(now)
                    ? ResourceTeardown.failed(kind, id, name, failure.errorMessage())
                    : ResourceTeardown.destroyed(kind, id, name, end());
        }
    }
}
