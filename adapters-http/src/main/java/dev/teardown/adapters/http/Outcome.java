package dev.teardown.adapters.http;

/** How one attempt ended: the call's answer, with the status it came with, or a failure. */
sealed interface Outcome<T> {
    record Answered<T>(T value, int status) implements Outcome<T> {
    }

    record Failed<T>(Failure failure) implements Outcome<T> {
    }
}
