package dev.teardown.domain;

/** Where one resource's destruction stands. */
public enum ResourceState {
    DESTROYED,
    FAILED,
    PENDING;

    /** The worse of two states, when two entries speak of one resource: failed, then pending, then destroyed. */
    static ResourceState worse(ResourceState one, ResourceState other) {
        return severity(one) >= severity(other) ? one : other;
    }

    private static int severity(ResourceState state) {
        return switch (state) {
            case DESTROYED -> 0;
            case PENDING -> 1;
            case FAILED -> 2;
        };
    }
}
