package dev.teardown.adapters.http;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The DigitalOcean API as an {@link AssociatedResourcesSource}: {@code GET /v2/droplets/{id}/destroy_with_associated_resources}
 * over a shared {@link HttpTransport}, with its retries, deadline and failure classification. Safe to
 * share across threads; whoever built the transport closes it.
 */
public final class HttpAssociatedResourcesSource implements AssociatedResourcesSource {

    private final HttpTransport transport;
    private final ListResourcesCall call;

    private HttpAssociatedResourcesSource(HttpTransport transport) {
        this.transport = transport;
        this.call = new ListResourcesCall(transport.config().maxBodyBytes());
    }

    /** A source over a transport shared with the other calls' adapters. */
    public static HttpAssociatedResourcesSource over(HttpTransport transport) {
        return new HttpAssociatedResourcesSource(Objects.requireNonNull(transport, "transport"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Transient failures are retried as the transport's retry policy says, within its call deadline;
     * an interrupt ends the call at once with {@link Reason#TIMEOUT}.
     *
     * @throws IllegalStateException when the transport is closed
     */
    @Override
    public Optional<AssociatedResources> resourcesOf(DropletId dropletId) {
        return resourcesOf(dropletId, Instant.MAX);
    }

    /** As {@link #resourcesOf(DropletId)}, within the call deadline or the given one, whichever comes first. */
    @Override
    public Optional<AssociatedResources> resourcesOf(DropletId dropletId, Instant callerDeadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(callerDeadline, "callerDeadline");
        return transport.execute(call, dropletId, callerDeadline);
    }

    @Override
    public String toString() {
        return "HttpAssociatedResourcesSource[" + transport.config().baseUrl() + (transport.isClosed() ? ", closed]" : "]");
    }
}
