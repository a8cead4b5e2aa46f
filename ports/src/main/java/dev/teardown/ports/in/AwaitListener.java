package dev.teardown.ports.in;

/** Receives every observation of a wait, in order, on the waiting thread; a terminal draws progress from it. */
@FunctionalInterface
public interface AwaitListener {

    void onObservation(AwaitObservation observation);

    static AwaitListener ignoring() {
        return observation -> { };
    }
}
