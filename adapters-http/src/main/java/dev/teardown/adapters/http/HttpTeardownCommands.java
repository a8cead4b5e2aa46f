package dev.teardown.adapters.http;

import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.CommandReceipt;
import dev.teardown.ports.out.TeardownCommands;
import java.time.Instant;
import java.util.Objects;

/**
 * The DigitalOcean API as {@link TeardownCommands}: the selective destroy, the dangerous destroy and the
 * retry, over a shared {@link HttpTransport} with its deadline, rate budget and failure classification.
 *
 * <p>None of them is sent twice by accident: an attempt is repeated only when it surely did not reach
 * the API (the connection could not be made, or a 429 or 408 refused it unread). After a timeout, a cut
 * connection or a server error the call fails with
 * {@link dev.teardown.ports.out.TeardownApiException#mayHaveTakenEffect()} set, for the caller to
 * settle with the status call. Safe to share across threads; whoever built the transport closes it.
 */
public final class HttpTeardownCommands implements TeardownCommands {

    private static final RetryCall RETRY = new RetryCall();

    private final HttpTransport transport;

    private HttpTeardownCommands(HttpTransport transport) {
        this.transport = transport;
    }

    /** Commands over a transport shared with the other calls' adapters. */
    public static HttpTeardownCommands over(HttpTransport transport) {
        return new HttpTeardownCommands(Objects.requireNonNull(transport, "transport"));
    }

    /** @throws IllegalStateException when the transport is closed */
    @Override
    public CommandReceipt destroy(DropletId dropletId, DestroyRequest request, Instant deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(deadline, "deadline");
        return transport.execute(new DestroyCall(request), dropletId, deadline);
    }

    /** @throws IllegalStateException when the transport is closed */
    @Override
    public CommandReceipt retry(DropletId dropletId, Instant deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(deadline, "deadline");
        return transport.execute(RETRY, dropletId, deadline);
    }

    @Override
    public String toString() {
        return "HttpTeardownCommands[" + transport.config().baseUrl() + (transport.isClosed() ? ", closed]" : "]");
    }
}
