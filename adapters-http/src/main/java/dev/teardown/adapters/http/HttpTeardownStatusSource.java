package dev.teardown.adapters.http;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.RateLimitQuota;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateLimitQuotaSource;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownStatusSource;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * The DigitalOcean API as a {@link TeardownStatusSource}: {@code GET /v2/droplets/{id}/destroy_with_associated_resources/status}
 * over an {@link HttpTransport}'s pooled keep-alive connections, retried with full-jitter backoff within a
 * deadline per call. Safe to share across threads; {@link #close()} releases its connections when it
 * opened them.
 */
public final class HttpTeardownStatusSource implements TeardownStatusSource, RateLimitQuotaSource, AutoCloseable {

    /** Enough of an error body for its id, message and request id; the rest is not read. */
    static final int ERROR_BODY_LIMIT = HttpTransport.ERROR_BODY_LIMIT;

    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final StatusCall call;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpTeardownStatusSource(HttpTransport transport, boolean ownsTransport) {
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.call = new StatusCall(transport.config().maxBodyBytes());
    }

    /** A source with the system clock, real sleeps and random jitter, over a transport of its own. */
    public static HttpTeardownStatusSource create(HttpClientConfig config) {
        return builder(config).build();
    }

    /** A builder for a source whose clock, sleeper and jitter can be replaced (in tests). */
    public static Builder builder(HttpClientConfig config) {
        return new Builder(config);
    }

    /**
     * A source over a transport shared with the other calls' adapters; closing the source leaves the
     * transport open for them: whoever built it closes it.
     */
    public static HttpTeardownStatusSource over(HttpTransport transport) {
        return new HttpTeardownStatusSource(Objects.requireNonNull(transport, "transport"), false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Transient failures (connection failures, timeouts, 408, 429, 500, 502, 503, 504) are retried
     * as the configuration's retry policy says, honouring {@code Retry-After}, {@code retry-after-ms}
     * and, on a 429, {@code ratelimit-reset}; a wait that would pass the call's deadline is not taken.
     * An interrupt of the calling thread, before the call or during it, ends it at once with
     * {@link Reason#TIMEOUT} and an {@link InterruptedException} as the cause; the thread stays interrupted.
     */
    @Override
    public Optional<TeardownStatus> statusOf(DropletId dropletId) {
        return statusOf(dropletId, Instant.MAX);
    }

    /** As {@link #statusOf(DropletId)}, within the call deadline or the given one, whichever comes first. */
    @Override
    public Optional<TeardownStatus> statusOf(DropletId dropletId, Instant callerDeadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(callerDeadline, "callerDeadline");
        if (closed.get()) {
            throw new IllegalStateException("this HttpTeardownStatusSource is closed");
        }
        return transport.execute(call, dropletId, callerDeadline);
    }

    /** The rate-limit quota the API reported in its latest response, if any response carried one yet. */
    @Override
    public Optional<RateLimitQuota> lastKnownQuota() {
        return transport.lastKnownQuota();
    }

    /**
     * Closes every pooled connection of a transport this source built itself; later lookups fail with
     * {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "HttpTeardownStatusSource[" + transport.config().baseUrl()
                + (closed.get() || transport.isClosed() ? ", closed]" : "]");
    }

    /** Builds a source; everything but the configuration has a production default. */
    public static final class Builder {
        private final HttpTransport.Builder transport;

        private Builder(HttpClientConfig config) {
            this.transport = HttpTransport.builder(config);
        }

        /** The clock deadlines, waits and quota observations are measured with. */
        public Builder clock(Clock clock) {
            transport.clock(clock);
            return this;
        }

        /** How the source waits between attempts. */
        public Builder sleeper(Sleeper sleeper) {
            transport.sleeper(sleeper);
            return this;
        }

        /** Where the backoff's jitter comes from. */
        public Builder jitter(RandomGenerator jitter) {
            transport.jitter(jitter);
            return this;
        }

        /** Hears of every request and its answer, such as for a request log; the default ignores them. */
        public Builder exchangeListener(ExchangeListener exchangeListener) {
            transport.exchangeListener(exchangeListener);
            return this;
        }

        /** Hears of every call from start to end, such as for metrics and tracing; the default ignores them. */
        public Builder callListener(CallListener callListener) {
            transport.callListener(callListener);
            return this;
        }

        /** The token's rate budget; see {@link HttpTransport.Builder#rateBudget(RateBudget)}. */
        public Builder rateBudget(RateBudget budget) {
            transport.rateBudget(budget);
            return this;
        }

        public HttpTeardownStatusSource build() {
            return new HttpTeardownStatusSource(transport.build(), true);
        }
    }
}
