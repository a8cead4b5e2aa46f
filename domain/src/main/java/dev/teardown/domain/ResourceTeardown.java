package dev.teardown.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource's part in a teardown.
 *
 * <p>The API sends ids as strings (numbers for most kinds, UUIDs for volumes); an id or name it
 * omits is the empty string. A blank error message means no error: the API sends {@code " "}
 * for resources destroyed without one.
 */
public record ResourceTeardown(
        ResourceKind kind,
        String id,
        String name,
        Optional<Instant> destroyedAt,
        Optional<String> errorMessage) {

    public ResourceTeardown {
        Objects.requireNonNull(kind, "kind");
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        destroyedAt = Objects.requireNonNullElse(destroyedAt, Optional.empty());
        errorMessage = Objects.requireNonNullElse(errorMessage, Optional.<String>empty())
                .filter(message -> !message.isBlank());
    }

    public static ResourceTeardown destroyed(ResourceKind kind, String id, String name, Instant destroyedAt) {
        return new ResourceTeardown(kind, id, name, Optional.of(destroyedAt), Optional.empty());
    }

    public static ResourceTeardown failed(ResourceKind kind, String id, String name, String errorMessage) {
        return new ResourceTeardown(kind, id, name, Optional.empty(), Optional.of(errorMessage));
    }

    public static ResourceTeardown pending(ResourceKind kind, String id, String name) {
        return new ResourceTeardown(kind, id, name, Optional.empty(), Optional.empty());
    }

    /** Failed when there is an error message, destroyed when it has a destroyed time, pending otherwise. */
    public ResourceState state() {
        if (errorMessage.isPresent()) {
            return ResourceState.FAILED;
        }
        return destroyedAt.isPresent() ? ResourceState.DESTROYED : ResourceState.PENDING;
    }
}
