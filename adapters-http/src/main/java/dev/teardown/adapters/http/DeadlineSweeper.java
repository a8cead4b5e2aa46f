package dev.teardown.adapters.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Cuts off calls that pass their deadline, or whose thread is interrupted, a few milliseconds late at
 * most: a blocked socket read does not end on an interrupt by itself. One thread sweeps the
 * calls in flight every {@link #TICK}, and sleeps once there have been none for a second; arming and
 * disarming a call touch a concurrent set only. A scheduler with one task per call (as this replaced) takes a shared
 * queue lock twice per call and wakes its thread whenever a call starts on an idle adapter, which the
 * benchmarks showed as a tenth of a millisecond per call at eight threads.
 */
final class DeadlineSweeper implements AutoCloseable {

    static final Duration TICK = Duration.ofMillis(5);
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE / 4);

    /**
     * Sweeps with nothing armed before the thread sleeps until woken: a second's worth. Going to
     * sleep at the first empty sweep would mean waking the thread for nearly every call of a caller
     * that asks one lookup at a time, which costs more than the lookup's own work.
     */
    static final int IDLE_AFTER_EMPTY_SWEEPS = 200;

    /** A call being watched; {@link #disarm()} it when the call ends. */
    final class Armed {
        private final long deadlineNanos;
        private final Thread caller;
        private final Runnable onExpiry;
        private final AtomicBoolean done = new AtomicBoolean();

        private Armed(long deadlineNanos, Thread caller, Runnable onExpiry) {
            this.deadlineNanos = deadlineNanos;
            this.caller = caller;
            this.onExpiry = onExpiry;
        }

        /** Stops watching; after it returns, the expiry action has either run already or never will. */
        void disarm() {
            if (done.compareAndSet(false, true)) {
                armed.remove(this);
            }
        }

        private void expireIfDue(long now) {
            boolean due = now - deadlineNanos >= 0 || caller != null && caller.isInterrupted();
            if (due && done.compareAndSet(false, true)) {
                armed.remove(this);
                onExpiry.run();
            }
        }
    }

    private final Set<Armed> armed = ConcurrentHashMap.newKeySet();
    private final int idleAfterEmptySweeps;
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean closed;

    DeadlineSweeper(String threadName) {
        this(threadName, IDLE_AFTER_EMPTY_SWEEPS);
    }

    DeadlineSweeper(String threadName, int idleAfterEmptySweeps) {
        this.idleAfterEmptySweeps = idleAfterEmptySweeps;
        this.thread = new Thread(this::sweep, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Runs {@code onExpiry} once {@code timeout} has passed, unless the returned call is disarmed first.
     *
     * @throws RejectedExecutionException when the sweeper is closed
     */
    Armed arm(Duration timeout, Runnable onExpiry) {
        return arm(timeout, null, onExpiry);
    }

    /**
     * Runs {@code onCut} once {@code timeout} has passed or {@code caller} is interrupted, whichever
     * comes first, unless the returned call is disarmed first.
     *
     * @throws RejectedExecutionException when the sweeper is closed
     */
    Armed arm(Duration timeout, Thread caller, Runnable onCut) {
        if (closed) {
            throw new RejectedExecutionException("the deadline sweeper is closed");
        }
        Armed call = new Armed(System.nanoTime() + atMostLongest(timeout), caller, onCut);
        armed.add(call);
        if (idle) {
            LockSupport.unpark(thread);
        }
        return call;
    }

    /** Nanoseconds, at most a quarter of a long's reach (73 years), so that adding it to nanoTime cannot wrap. */
    private static long atMostLongest(Duration timeout) {
        return timeout.compareTo(LONGEST) >= 0 ? LONGEST.toNanos() : timeout.toNanos();
    }

    private void sweep() {
        int emptySweeps = 0;
        while (!closed) {
            if (armed.isEmpty() && ++emptySweeps >= idleAfterEmptySweeps) {
                // Announce the sleep, then look again: a call armed in between either is seen here or
                // sees the flag and unparks this thread.
                idle = true;
                if (armed.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                idle = false;
                emptySweeps = 0;
                continue;
            }
            if (!armed.isEmpty()) {
                emptySweeps = 0;
                long now = System.nanoTime();
                for (Armed call : armed) {
                    call.expireIfDue(now);
                }
            }
            LockSupport.parkNanos(this, TICK.toNanos());
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
