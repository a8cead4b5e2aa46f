package dev.teardown.ports.service;

import java.time.Duration;
import java.time.Instant;

/**
 * The instants of granted permits, oldest first, in a ring of fixed capacity.
 *
 * <p>A permit at {@code t} counts in a window of length {@code w} at every instant in {@code [t, t + w)}.
 */
final class PermitLog {

    private final Instant[] ring;
    private int head;
    private int size;

    PermitLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.ring = new Instant[capacity];
    }

    int size() {
        return size;
    }

    /** Appends a permit; {@code at} must not be before the newest one. */
    void add(Instant at) {
        if (size == ring.length) {
            throw new IllegalStateException("the permit log is full (" + size + "): a permit was granted without room");
        }
        if (size > 0 && at.isBefore(get(size - 1))) {
            throw new IllegalArgumentException("permits are logged in order, " + at + " is before " + get(size - 1));
        }
        ring[(head + size) % ring.length] = at;
        size++;
    }

    /** Forgets the permits that no longer count in a window of length {@code window} at {@code now}. */
    void forgetExpired(Instant now, Duration window) {
        while (size > 0 && !get(0).plus(window).isAfter(now)) {
            ring[head] = null;
            head = (head + 1) % ring.length;
            size--;
        }
    }

    /** Permits that count in a window of length {@code window} at {@code now}. */
    int countIn(Duration window, Instant now) {
        return size - firstAfter(now.minus(window));
    }

    /** Permits granted at {@code since} or later. */
    int countSince(Instant since) {
        return size - firstAfter(since.minusNanos(1));
    }

    /**
     * The first instant, not before {@code now}, at which fewer than {@code allowed} permits count in a
     * window of length {@code window}; {@code now} itself when there is room already.
     */
    Instant nextRoom(Instant now, Duration window, long allowed) {
        int first = firstAfter(now.minus(window));
        int counted = size - first;
        if (counted < allowed) {
            return now;
        }
        // the (counted - allowed + 1) oldest counted permits must expire; the last of them expires at:
        return get(first + (int) (counted - allowed)).plus(window);
    }

    private Instant get(int index) {
        return ring[(head + index) % ring.length];
    }

    /** The index of the oldest permit after {@code instant}, or {@code size} when there is none. */
    private int firstAfter(Instant instant) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (get(middle).isAfter(instant)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
