package dev.teardown.ports.in;

/**
 * Receives every observation of a wait, in order, on the waiting thread; a terminal draws progress from
 * it. An exception it throws ends the wait at once, with no further lookup, and reaches the caller of
 * {@link AwaitTeardownUseCase#await} (a listener whose output is gone has no reason to keep the wait going).
 */
@FunctionalInterface
public interface AwaitListener {

    void onObservation(AwaitObservation observation);

    static AwaitListener ignoring() {
        return observation -> { };
    }
}
