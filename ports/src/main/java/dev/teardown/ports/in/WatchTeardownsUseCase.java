package dev.teardown.ports.in;

/**
 * Use case: watch many teardowns at once within one rate budget, each until it ends or its deadline
 * passes, reporting every change of each as it is seen.
 */
@FunctionalInterface
public interface WatchTeardownsUseCase {

    /** A new, empty watch; add Droplets to it, then run it. */
    FleetWatch watch(WatchListener listener);
}
