package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;

/** Use case: poll a teardown until it ends, the timeout passes, or lookups keep failing. */
@FunctionalInterface
public interface AwaitTeardownUseCase {

    /** Blocks the calling thread until the wait ends; never throws for a failed lookup, reports it instead. */
    AwaitResult await(DropletId dropletId, AwaitOptions options, AwaitListener listener);
}
