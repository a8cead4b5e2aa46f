package dev.teardown.domain;

/** Where one resource's destruction stands. */
public enum ResourceState {
    DESTROYED,
    FAILED,
    PENDING
}
