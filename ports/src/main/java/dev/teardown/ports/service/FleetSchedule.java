package dev.teardown.ports.service;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownProgress;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.AwaitResult.StopReason;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Which of many teardowns to ask about next, and when: one queue of due polls, a {@link PollSchedule}
 * per Droplet, and a {@link CompletionEstimate} that moves a poll toward the instant its teardown
 * should end.
 *
 * <p>Due polls are served oldest due first, prioritised Droplets before the rest (but only every other
 * turn while any of the rest is due, so that a caller's wait cannot starve the others). When the rate budget
 * grants fewer permits than polls fall due, the caller takes one poll per permit, so every Droplet's
 * poll is late by about as much as every other's: all intervals stretch and none starves.
 *
 * <p>Pure: it reads no clock, sleeps nowhere and asks no budget; time is an argument. Not thread-safe.
 */
final class FleetSchedule {

    private static final Comparator<Entry> OLDEST_DUE_FIRST =
            Comparator.comparing((Entry entry) -> entry.due).thenComparingLong(entry -> entry.sequence);

    /** The share of a typical teardown's duration a new one waits for its first poll: see {@link #firstLook}. */
    static final double FIRST_LOOK_SHARE = 0.5;
    /** The share of its age an overdue teardown waits between polls: see {@link #overdue}. */
    static final double OVERDUE_SHARE = 0.2;

    private final DoubleSupplier jitter;
    private final CompletionEstimate estimate;
    private final Map<DropletId, Entry> entries = new LinkedHashMap<>();
    private final PriorityQueue<Entry> prioritised = new PriorityQueue<>(OLDEST_DUE_FIRST);
    private final PriorityQueue<Entry> others = new PriorityQueue<>(OLDEST_DUE_FIRST);
    private long sequence;
    private Instant pausedUntil = Instant.MIN;
    private boolean lastTurnPrioritised;
    private boolean turnBeforeLastTake;

    FleetSchedule(DoubleSupplier jitter, CompletionEstimate estimate) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.estimate = Objects.requireNonNull(estimate, "estimate");
    }

    /** Something to tell the listener, in order. */
    sealed interface Event {
    }

    /** An observation of one Droplet. */
    record Observed(AwaitObservation observation) implements Event {
    }

    /** The watch of one Droplet ended. */
    record Ended(DropletId dropletId, AwaitResult result) implements Event {
    }

    /** Ask about this Droplet now, with this deadline; the lookup's number is {@code poll}. */
    record Poll(DropletId dropletId, Instant deadline, int poll) {
    }

    boolean add(DropletId dropletId, AwaitOptions options, Instant now) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(options, "options");
        if (entries.containsKey(dropletId)) {
            return false;
        }
        Entry entry = new Entry(dropletId, options, PollSchedule.startingAt(now, options, jitter), now, sequence++);
        entry.due = now.plus(firstLook(options));
        entries.put(dropletId, entry);
        others.add(entry);
        return true;
    }

    boolean remove(DropletId dropletId) {
        Entry entry = entries.remove(dropletId);
        if (entry == null) {
            return false;
        }
        queueOf(entry).remove(entry);
        return true;
    }

    boolean prioritise(DropletId dropletId) {
        Entry entry = entries.get(dropletId);
        if (entry == null) {
            return false;
        }
        if (!entry.priority) {
            boolean queued = others.remove(entry);
            entry.priority = true;
            if (entry.polls == 0) {
                // a caller waits for this one: its first look is not held back
                entry.due = entry.firstSeen;
            }
            if (queued) {
                prioritised.add(entry);
            }
        }
        return true;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    Set<DropletId> watching() {
        return Set.copyOf(entries.keySet());
    }

    /** The learned seconds per resource, for tests and diagnostics. */
    CompletionEstimate estimate() {
        return estimate;
    }

    /** Ends, with {@link StopReason#DEADLINE}, every queued watch whose deadline has come. */
    List<Event> expire(Instant now) {
        List<Event> events = new ArrayList<>();
        for (Entry entry : List.copyOf(entries.values())) {
            if (!entry.inFlight && !now.isBefore(entry.schedule.deadline())) {
                queueOf(entry).remove(entry);
                events.add(end(entry, StopReason.DEADLINE, now));
            }
        }
        return events;
    }

    /** Ends every watch with {@code reason}. */
    List<Event> endAll(StopReason reason, Instant now) {
        List<Event> events = new ArrayList<>();
        for (Entry entry : List.copyOf(entries.values())) {
            queueOf(entry).remove(entry);
            events.add(end(entry, reason, now));
        }
        return events;
    }

    /**
     * The poll to make now: the oldest due among the prioritised, else among the rest; empty when none is
     * due or a rate limit pauses every poll. The caller makes it, or gives it back with {@link #putBack}.
     */
    Optional<Poll> take(Instant now) {
        if (now.isBefore(pausedUntil)) {
            return Optional.empty();
        }
        boolean priorityDue = isDue(prioritised.peek(), now);
        boolean otherDue = isDue(others.peek(), now);
        if (!priorityDue && !otherDue) {
            return Optional.empty();
        }
        // prioritised first, but every other turn goes to the rest while any of them is due: nobody starves
        PriorityQueue<Entry> queue = priorityDue && !(otherDue && lastTurnPrioritised) ? prioritised : others;
        turnBeforeLastTake = lastTurnPrioritised;
        lastTurnPrioritised = queue == prioritised;
        Entry entry = queue.poll();
        entry.inFlight = true;
        entry.polls++;
        return Optional.of(new Poll(entry.dropletId, entry.schedule.deadline(), entry.polls));
    }

    /** A taken poll was not made (no permit): it keeps its place, as overdue as it was, and its turn. */
    void putBack(Poll poll) {
        Entry entry = entries.get(poll.dropletId());
        if (entry != null && entry.inFlight) {
            lastTurnPrioritised = turnBeforeLastTake;
            entry.inFlight = false;
            entry.polls--;
            queueOf(entry).add(entry);
        }
    }

    /**
     * When the next decision is due: the earliest due poll (not before a rate-limit pause ends) or the
     * earliest deadline, whichever comes first; empty when nothing is queued.
     */
    Optional<Instant> nextDecision() {
        Instant next = null;
        for (PriorityQueue<Entry> queue : List.of(prioritised, others)) {
            Entry head = queue.peek();
            if (head != null) {
                Instant due = head.due.isBefore(pausedUntil) ? pausedUntil : head.due;
                next = next == null || due.isBefore(next) ? due : next;
            }
        }
        for (Entry entry : entries.values()) {
            if (!entry.inFlight && (next == null || entry.schedule.deadline().isBefore(next))) {
                next = entry.schedule.deadline();
            }
        }
        return Optional.ofNullable(next);
    }

    /** A taken poll answered at {@code now}; empty when the Droplet was removed meanwhile. */
    List<Event> answered(Poll poll, StatusAnswer answer, Instant now) {
        Entry entry = entries.get(poll.dropletId());
        if (entry == null) {
            return List.of();
        }
        entry.inFlight = false;
        List<Event> events = new ArrayList<>();
        events.add(new Observed(new AwaitObservation.Checked(entry.dropletId, now, entry.polls, answer)));
        boolean changed = entry.last.filter(answer::equals).isEmpty();
        entry.schedule.answered(changed);
        entry.last = Optional.of(answer);
        entry.lastFailure = Optional.empty();
        if (answer instanceof StatusAnswer.Reported reported) {
            TeardownProgress progress = reported.report().progress();
            entry.resources = Math.max(entry.resources, progress.total());
            if (changed) {
                entry.lastChangeAt = now;
                entry.pending = progress.pending();
            }
            if (reported.report().outcome().isTerminal()) {
                Instant end = reported.report().status().completedAt()
                        .filter(completed -> completed.isAfter(entry.firstSeen) && completed.isBefore(now))
                        .orElse(now);
                estimate.ended(entry.firstSeen, end, entry.resources);
                events.add(end(entry, StopReason.TERMINAL, now));
                return events;
            }
        } else if (entry.options.stopWhenNotFound()) {
            events.add(end(entry, StopReason.TERMINAL, now));
            return events;
        }
        scheduleNext(entry, now, events);
        return events;
    }

    /** A taken poll failed at {@code now}; a rate limit with a known end pauses every poll until then. */
    List<Event> failed(Poll poll, TeardownApiException failure, Instant now) {
        Entry entry = entries.get(poll.dropletId());
        if (entry == null) {
            return List.of();
        }
        entry.inFlight = false;
        entry.lastFailure = Optional.of(failure);
        int consecutive = entry.schedule.failed(failure);
        if (failure.reason() == Reason.RATE_LIMITED) {
            // the limit is the token's, not the Droplet's: nobody asks before it allows
            failure.retryAllowedAt().filter(allowed -> allowed.isAfter(pausedUntil)).ifPresent(allowed -> pausedUntil = allowed);
        }
        List<Event> events = new ArrayList<>();
        events.add(new Observed(new AwaitObservation.Failed(entry.dropletId, now, entry.polls, failure, consecutive)));
        scheduleNext(entry, now, events);
        return events;
    }

    private void scheduleNext(Entry entry, Instant now, List<Event> events) {
        PollSchedule.Next next = entry.schedule.next(now);
        if (next instanceof PollSchedule.Next.Stop stop) {
            events.add(end(entry, stop.reason(), now));
            return;
        }
        PollSchedule.Next.Pause planned = (PollSchedule.Next.Pause) next;
        Duration pause = planned.last() || entry.lastFailure.isPresent() ? planned.pause() : shaped(entry, planned, now);
        entry.due = now.plus(pause);
        queueOf(entry).add(entry);
        events.add(new Observed(new AwaitObservation.Waiting(entry.dropletId, now, entry.polls, pause)));
    }

    /**
     * The schedule's pause moved by the estimate: pulled forward to the expected end when the pause would
     * overshoot it; once the estimate is confident, held back (up to the maximum interval, never to the
     * deadline) while the end is further off than the pause, since asking then would likely hear nothing new.
     */
    private Duration shaped(Entry entry, PollSchedule.Next.Pause planned, Instant now) {
        Duration pause = planned.pause();
        if (entry.pending < 0) {
            return pause;
        }
        Optional<Instant> expected = estimate.expectedEnd(entry.lastChangeAt, entry.pending);
        if (expected.isEmpty()) {
            return pause;
        }
        if (!expected.get().isAfter(now)) {
            return estimate.confident() ? overdue(entry, pause, now) : pause;
        }
        Duration untilEnd = Duration.between(now, expected.get());
        Duration least = entry.options.minInterval();
        if (untilEnd.compareTo(pause) < 0) {
            return untilEnd.compareTo(least) > 0 ? untilEnd : least.compareTo(pause) < 0 ? least : pause;
        }
        if (!estimate.confident()) {
            return pause;
        }
        Duration held = untilEnd.compareTo(entry.options.maxInterval()) < 0 ? untilEnd : entry.options.maxInterval();
        Duration beforeDeadline = Duration.between(now, entry.schedule.deadline()).minus(least);
        if (held.compareTo(beforeDeadline) > 0) {
            held = beforeDeadline;
        }
        return held.compareTo(pause) > 0 ? held : pause;
    }

    /**
     * How long a newly added teardown waits for its first poll: none until the estimate is confident;
     * then {@link #FIRST_LOOK_SHARE} of a typical teardown's duration (up to the maximum interval), since
     * a teardown asked about as soon as it starts can only say that it has started. A Droplet a caller
     * waits for ({@link #prioritise}) is asked at once.
     */
    private Duration firstLook(AwaitOptions options) {
        if (!estimate.confident()) {
            return Duration.ZERO;
        }
        Duration typical = estimate.typicalDuration().orElse(Duration.ZERO);
        Duration share = Duration.ofNanos((long) (typical.toNanos() * FIRST_LOOK_SHARE));
        return share.compareTo(options.maxInterval()) < 0 ? share : options.maxInterval();
    }

    /**
     * A teardown past its expected end is likely one of the slow few, and likely to run a good while
     * longer: the pause grows with its age ({@link #OVERDUE_SHARE} of it, up to the maximum interval)
     * instead of asking at the shortest intervals all through a long tail.
     */
    private static Duration overdue(Entry entry, Duration pause, Instant now) {
        Duration share = Duration.ofNanos((long) (Duration.between(entry.firstSeen, now).toNanos() * OVERDUE_SHARE));
        Duration held = share.compareTo(entry.options.maxInterval()) < 0 ? share : entry.options.maxInterval();
        return held.compareTo(pause) > 0 ? held : pause;
    }

    private Ended end(Entry entry, StopReason reason, Instant now) {
        entries.remove(entry.dropletId);
        return new Ended(entry.dropletId, new AwaitResult(
                reason, entry.last, entry.lastFailure, entry.polls, Duration.between(entry.firstSeen, now)));
    }

    private PriorityQueue<Entry> queueOf(Entry entry) {
        return entry.priority ? prioritised : others;
    }

    private static boolean isDue(Entry entry, Instant now) {
        return entry != null && !entry.due.isAfter(now);
    }

    /** One watched Droplet. */
    private static final class Entry {
        final DropletId dropletId;
        final AwaitOptions options;
        final PollSchedule schedule;
        final Instant firstSeen;
        final long sequence;
        Instant due;
        Instant lastChangeAt;
        boolean priority;
        boolean inFlight;
        int polls;
        int resources;
        /** Resources left at the last change; -1 before any report. */
        int pending = -1;
        Optional<StatusAnswer> last = Optional.empty();
        Optional<TeardownApiException> lastFailure = Optional.empty();

        Entry(DropletId dropletId, AwaitOptions options, PollSchedule schedule, Instant firstSeen, long sequence) {
            this.dropletId = dropletId;
            this.options = options;
            this.schedule = schedule;
            this.firstSeen = firstSeen;
            this.sequence = sequence;
            this.due = firstSeen;
            this.lastChangeAt = firstSeen;
        }
    }
}
