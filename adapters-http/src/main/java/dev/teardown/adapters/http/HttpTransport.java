package dev.teardown.adapters.http;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.RateLimitQuota;
import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateLimitQuotaSource;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.service.RateBudgets;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The DigitalOcean API over pooled keep-alive connections, for every call of the family: the token,
 * the deadline, retries with full-jitter backoff, the classification of answers, size limits and the
 * redaction of the token live here once, and every attempt spends a permit of the token's
 * {@link RateBudget}. Safe to share across threads and across the calls' adapters;
 * {@link #close()} releases its connections.
 */
public final class HttpTransport implements RateLimitQuotaSource, AutoCloseable {

    static final String USER_AGENT = "teardown/" + libraryVersion() + " (Java " + Runtime.version().feature() + ")";

    /** Enough of an error body for its id, message and request id; the rest is not read. */
    static final int ERROR_BODY_LIMIT = AnswerReader.ERROR_BODY_LIMIT;

    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    /** How much of the deadline may be gone for an attempt to still count as a first one. */
    private static final Duration FIRST_ATTEMPT_SLACK = Duration.ofMillis(1);

    private final HttpClientConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator jitter;
    private final RateBudget budget;
    private final AnswerReader answers;
    private final AttemptFailures failures;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final DeadlineSweeper deadlines;
    private final RequestConfig firstAttemptConfig;
    /** Immutable, so one serves every request. */
    private final RedactedAuthorization authorization;
    private final AtomicReference<RateLimitQuota> lastQuota = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean tunnelled;
    /** Null when nobody listens, so that no exchange is described for nobody. */
    private final ExchangeListener exchangeListener;
    /** Null when nobody listens, so that no call is traced for nobody. */
    private final CallListener callListener;

    private HttpTransport(Builder builder) {
        this.config = builder.config;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.jitter = builder.jitter;
        this.budget = builder.budget;
        // The app binds the ignoring listener when nobody listens; it must cost as little as none.
        this.exchangeListener = builder.exchangeListener == ExchangeListener.ignoring() ? null : builder.exchangeListener;
        this.callListener = builder.callListener == CallListener.ignoring() ? null : builder.callListener;
        this.connections = PooledConnections.pool(config);
        HttpClientBuilder client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                // Bodies are decoded by ResponseBodies, which tells a corrupt body from a failed connection.
                .disableContentCompression()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableDefaultUserAgent();
        config.proxy().ifPresent(proxy -> useProxy(client, proxy, config.proxyUserInfo()));
        this.client = client.build();
        // An https API behind a proxy is reached through a CONNECT tunnel; the proxy's refusal comes back as
        // its own response, which must not pass for the API's.
        this.tunnelled = config.proxy().isPresent() && config.baseUrl().getScheme().equals("https");
        this.deadlines = new DeadlineSweeper("teardown-http-deadlines");
        this.firstAttemptConfig = requestConfig(config.callDeadline(), config);
        this.authorization = new RedactedAuthorization(config.token());
        Redaction redaction = new Redaction(config.token());
        this.answers = new AnswerReader(config, redaction, tunnelled);
        this.failures = new AttemptFailures(config, redaction);
    }

    /**
     * The proxy's credentials are answered to its challenge (a 407), never sent ahead: to the proxy only,
     * and only when it asks. The CONNECT request carries none of the API request's headers, so the token
     * travels inside the TLS tunnel alone.
     */
    private static void useProxy(HttpClientBuilder client, URI proxy, Optional<String> userInfo) {
        String host = proxy.getHost().startsWith("[")
                ? proxy.getHost().substring(1, proxy.getHost().length() - 1) : proxy.getHost();
        HttpHost proxyHost = new HttpHost(URIScheme.HTTP.id, host, proxy.getPort());
        client.setProxy(proxyHost);
        userInfo.ifPresent(credentials -> {
            int colon = credentials.indexOf(':');
            String user = colon < 0 ? credentials : credentials.substring(0, colon);
            char[] password = colon < 0 ? new char[0] : credentials.substring(colon + 1).toCharArray();
            client.setDefaultCredentialsProvider(CredentialsProviderBuilder.create()
                    .add(new AuthScope(proxyHost), user, password)
                    .build());
        });
    }

    /** A transport with the system clock, real sleeps and random jitter. */
    public static HttpTransport create(HttpClientConfig config) {
        return builder(config).build();
    }

    /** A builder for a transport whose clock, sleeper and jitter can be replaced (in tests). */
    public static Builder builder(HttpClientConfig config) {
        return new Builder(config);
    }

    /** The configuration this transport was built with. */
    HttpClientConfig config() {
        return config;
    }

    /**
     * Sends the call about this Droplet and reads its answer, within the configuration's call deadline
     * or {@code callerDeadline}, whichever comes first.
     *
     * <p>Transient failures (connection failures, timeouts, 408, 429, 500, 502, 503, 504) are retried
     * as the configuration's retry policy says, honouring {@code Retry-After}, {@code retry-after-ms}
     * and, on a 429, {@code ratelimit-reset}; a wait that would pass the deadline is not taken. A call
     * that is not {@linkplain ApiCall#safeToRepeat() safe to repeat} is retried only when its attempt
     * surely did not reach the API. An interrupt of the calling thread, before the call or during it,
     * ends it at once with {@link Reason#TIMEOUT} and an {@link InterruptedException} as the cause; the
     * thread stays interrupted.
     *
     * <p>Every attempt, retries included, first takes a permit of the rate budget, waiting for one when
     * it comes before the deadline; when none does, the call fails at once with {@link Reason#RATE_LIMITED}
     * and the instant the next permit is free, and sends nothing more. Every answer, a 429 included, is
     * reported to the budget.
     *
     * <p>The call listener hears the call's start, each attempt sent and its end, on this thread.
     *
     * @throws TeardownApiException when the call failed, naming the call's {@link ApiCall#operation()}
     * @throws IllegalStateException when this transport is closed
     */
    <T> T execute(ApiCall<T> call, DropletId dropletId, Instant callerDeadline) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(callerDeadline, "callerDeadline");
        if (closed.get()) {
            throw new IllegalStateException("this HttpTransport is closed");
        }
        if (callListener == null) {
            return attempts(call, dropletId, callerDeadline, null);
        }
        Operation operation = call.operation();
        CallListener.CallTrace trace = callListener.callStarted(operation);
        CallProgress progress = new CallProgress(trace);
        long started = System.nanoTime();
        T value;
        try {
            value = attempts(call, dropletId, callerDeadline, progress);
        } catch (TeardownApiException e) {
            trace.callEnded(new CallListener.CallEnd(operation, CallOutcome.of(e.reason()), e.httpStatus(), e.attempts(),
                    Duration.ofNanos(System.nanoTime() - started), Optional.of(e)));
            throw e;
        } catch (RuntimeException | Error e) {
            trace.callEnded(new CallListener.CallEnd(operation, CallOutcome.ABORTED, progress.status, progress.attempts,
                    Duration.ofNanos(System.nanoTime() - started), Optional.of(e)));
            throw e;
        }
        trace.callEnded(new CallListener.CallEnd(operation, progress.outcome, progress.status, progress.attempts,
                Duration.ofNanos(System.nanoTime() - started), Optional.empty()));
        return value;
    }

    /** The call's attempts, each told to {@code progress} when someone listens (null when nobody does). */
    private <T> T attempts(ApiCall<T> call, DropletId dropletId, Instant callerDeadline, CallProgress progress) {
        Operation operation = call.operation();
        URI uri = URI.create(config.baseUrl() + call.path(dropletId));
        Instant start = clock.instant();
        Duration allowed = atMost(config.callDeadline(), Duration.between(start, callerDeadline));
        Instant deadline = start.plus(allowed);
        RetryPolicy policy = config.retryPolicy();
        Failure last = null;
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                // A thread asked to stop sends nothing more; the flag stays set for the caller to see.
                throw failures.interrupted("before attempt " + attempt + (last == null ? "" : ", after: " + last.detail()), null)
                        .toException(operation, dropletId, attempt - 1, Optional.empty(), "");
            }
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw AttemptFailures.deadlinePassed(last, attempt - 1)
                        .toException(operation, dropletId, attempt - 1, Optional.empty(), "");
            }
            takePermit(operation, dropletId, deadline, attempt, last);
            remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw AttemptFailures.deadlinePassed(last, attempt - 1)
                        .toException(operation, dropletId, attempt - 1, Optional.empty(), "");
            }
            long started = System.nanoTime();
            Outcome<T> outcome = attempt(call, dropletId, uri, remaining, allowed, attempt);
            report(call, uri, attempt, Duration.ofNanos(System.nanoTime() - started), outcome, progress);
            if (outcome instanceof Outcome.Answered<T> answered) {
                return answered.value();
            }
            last = ((Outcome.Failed<T>) outcome).failure();
            Instant now = clock.instant();
            Optional<Instant> serverRetryAt = last.serverAskedWait().map(now::plus);
            // Only the last attempt can have reached the API: one that might have is never followed by another.
            boolean effectUnknown = !call.safeToRepeat() && last.mayHaveReachedApi();
            if (!last.retryable() || attempt >= policy.maxAttempts()) {
                throw last.toException(operation, dropletId, attempt, serverRetryAt,
                        effectUnknown ? "not sent again: the request may have reached the API" : "", effectUnknown);
            }
            if (!call.safeToRepeat() && !last.unsent()) {
                throw last.toException(operation, dropletId, attempt, serverRetryAt,
                        "not sent again: the request may have reached the API", effectUnknown);
            }
            Duration wait = last.serverAskedWait().orElseGet(backoff(policy, attempt));
            Instant retryAt = now.plus(wait);
            if (retryAt.isAfter(deadline)) {
                String afterword = serverRetryAt.isPresent()
                        ? "the API allows a retry at " + retryAt + ", after this call's deadline of " + allowed
                        : "the next retry would come after this call's deadline of " + allowed;
                throw last.toException(operation, dropletId, attempt, serverRetryAt, afterword, effectUnknown);
            }
            logRetry(dropletId, attempt, last, wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.interrupted("while waiting to retry after: " + last.detail(), e)
                        .toException(operation, dropletId, attempt, serverRetryAt, "");
            }
        }
    }

    /** Waits for a permit of the rate budget within the deadline, or fails the call without sending anything. */
    private void takePermit(Operation operation, DropletId dropletId, Instant deadline, int attempt, Failure last) {
        int sent = attempt - 1;
        String after = last == null ? "" : "; the last attempt: " + last.detail();
        Permit permit;
        try {
            permit = RateBudgets.await(budget, clock, sleeper, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.interrupted("while waiting for a permit of the rate budget before attempt " + attempt
                            + (last == null ? "" : ", after: " + last.detail()), e)
                    .toException(operation, dropletId, sent, Optional.empty(), "");
        }
        if (permit instanceof Permit.Denied denied) {
            Failure spent = Failure.unsent(Reason.RATE_LIMITED, "the token's rate budget (the share of its rate limit"
                    + " this client may use) is spent until " + denied.nextFreeAt() + ", after this call's deadline;"
                    + " no request was sent" + (sent == 0 ? "" : " again") + after, false, null);
            throw spent.toException(operation, dropletId, sent, Optional.of(denied.nextFreeAt()), "");
        }
    }

    private void report(ApiCall<?> call, URI uri, int attempt, Duration elapsed, Outcome<?> outcome,
            CallProgress progress) {
        if (exchangeListener == null && progress == null) {
            return;
        }
        OptionalInt status;
        Optional<String> failure = Optional.empty();
        CallOutcome attemptOutcome;
        if (outcome instanceof Outcome.Failed<?> failed) {
            status = failed.failure().httpStatus() > 0 ? OptionalInt.of(failed.failure().httpStatus()) : OptionalInt.empty();
            failure = Optional.of(failed.failure().detail());
            attemptOutcome = CallOutcome.of(failed.failure().reason());
        } else {
            int answered = ((Outcome.Answered<?>) outcome).status();
            status = OptionalInt.of(answered);
            // An answered 404 is the API's own, which the call read as "nothing there".
            attemptOutcome = answered == 404 ? CallOutcome.NOT_FOUND : CallOutcome.SUCCESS;
        }
        if (progress != null) {
            progress.attemptEnded(new CallListener.Attempt(call.operation(), attempt, attemptOutcome, status, elapsed));
        }
        if (exchangeListener == null) {
            return;
        }
        RateLimitQuota quota = lastQuota.get();
        OptionalLong budgetRemaining = budget == RateBudget.unlimited()
                ? OptionalLong.empty() : OptionalLong.of(budget.state(clock.instant()).remaining());
        exchangeListener.onExchange(new ExchangeListener.Exchange(call.method(), uri.getPath(), status, attempt, elapsed,
                quota == null ? OptionalInt.empty() : OptionalInt.of(quota.remaining()), failure, budgetRemaining));
    }

    private void logRetry(DropletId dropletId, int attempt, Failure failure, Duration wait) {
        LOG.log(Level.DEBUG, () -> "droplet " + dropletId + ": attempt " + attempt + " of "
                + config.retryPolicy().maxAttempts() + " failed (" + failure.detail() + "); retrying in "
                + wait.toMillis() + " ms");
    }

    /** The rate-limit quota the API reported in its latest response to any call, if any response carried one yet. */
    @Override
    public Optional<RateLimitQuota> lastKnownQuota() {
        return Optional.ofNullable(lastQuota.get());
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        return closed.get();
    }

    /** Closes every pooled connection; later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            deadlines.close();
            client.close(CloseMode.IMMEDIATE);
            connections.close(CloseMode.IMMEDIATE);
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[" + config.baseUrl() + (closed.get() ? ", closed]" : "]");
    }

    private Supplier<Duration> backoff(RetryPolicy policy, int attempt) {
        return () -> {
            // A caller's RandomGenerator need not be thread-safe; the lock is held for one draw.
            synchronized (jitter) {
                return policy.backoffBefore(attempt, jitter);
            }
        };
    }

    private HttpUriRequestBase request(ApiCall<?> call, URI uri, Duration remaining) {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), uri);
        for (Map.Entry<String, String> header : call.extraHeaders().entrySet()) {
            request.setHeader(header.getKey(), header.getValue());
        }
        request.setHeader(authorization);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        request.setHeader(HttpHeaders.ACCEPT_ENCODING, ResponseBodies.ACCEPT_ENCODING);
        request.setHeader(HttpHeaders.USER_AGENT, USER_AGENT);
        call.jsonBody().ifPresent(body -> request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON)));
        request.setConfig(requestConfig(remaining));
        return request;
    }

    private <T> Outcome<T> attempt(ApiCall<T> call, DropletId dropletId, URI uri, Duration remaining, Duration allowed,
            int attempt) {
        HttpUriRequestBase request = request(call, uri, remaining);
        // Socket timeouts bound each read, not the whole answer: a body that dribbles in byte by byte
        // would outlast them, and a blocked read ignores an interrupt. This timer cuts the connection
        // when the call's deadline comes or its thread is interrupted.
        AtomicBoolean cut = new AtomicBoolean();
        DeadlineSweeper.Armed timer;
        try {
            timer = deadlines.arm(remaining, Thread.currentThread(), () -> {
                cut.set(true);
                request.cancel();
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            throw new IllegalStateException("this HttpTransport was closed during the call", closedMeanwhile);
        }
        ClassicHttpResponse response = null;
        try {
            HttpClientContext context = tunnelled ? HttpClientContext.create() : null;
            response = client.executeOpen(null, request, context);
            if (tunnelled && context.getSSLSession() == null) {
                return answers.proxyRefused(response);
            }
            Instant now = clock.instant();
            ResponseHeaders.quota(response, now).ifPresent(lastQuota::set);
            budget.onAnswer(ResponseHeaders.feedback(response, now));
            return answers.read(call, dropletId, request, response, now);
        } catch (IOException | RuntimeException e) {
            // A request cut while its connection is leased or opened fails in HttpClient with whatever that
            // step throws (CancellationException, IllegalStateException "Endpoint not acquired"): what cut
            // it says what happened, not the exception.
            if (closed.get() && e instanceof RuntimeException) {
                throw new IllegalStateException("this HttpTransport was closed during the call", e);
            }
            if (Thread.currentThread().isInterrupted()) {
                return new Outcome.Failed<>(failures.interrupted("during attempt " + attempt, e));
            }
            if (cut.get()) {
                return new Outcome.Failed<>(Failure.of(Reason.TIMEOUT,
                        "no complete answer within this call's deadline of " + allowed, false, failures.redacted(e)));
            }
            if (e instanceof IOException io) {
                return new Outcome.Failed<>(failures.of(io));
            }
            throw (RuntimeException) e;
        } finally {
            timer.disarm();
            release(request, response);
        }
    }

    /** Every timeout of one attempt, none longer than what is left of the call's deadline. */
    private RequestConfig requestConfig(Duration remaining) {
        // A first attempt has the whole deadline left, give or take the microseconds since it was set;
        // the config built once for that serves it (the sweeper still cuts the call at its deadline).
        if (config.callDeadline().minus(remaining).compareTo(FIRST_ATTEMPT_SLACK) < 0) {
            return firstAttemptConfig;
        }
        return requestConfig(remaining, config);
    }

    // A connect cannot be cut by cancelling the request, so its timeout must be shortened per request;
    // RequestConfig's connect timeout is deprecated in favour of ConnectionConfig, which cannot be.
    @SuppressWarnings("deprecation")
    private static RequestConfig requestConfig(Duration remaining, HttpClientConfig config) {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(remaining))
                .setConnectTimeout(Timeout.of(atMost(config.connectTimeout(), remaining)))
                .setResponseTimeout(Timeout.of(atMost(config.responseTimeout(), remaining)))
                .setRedirectsEnabled(false)
                // No "Upgrade: TLS/1.2" on plain http (loopback test servers): a request is what it says it is.
                .setProtocolUpgradeEnabled(false)
                .build();
    }

    private static Duration atMost(Duration duration, Duration limit) {
        return duration.compareTo(limit) < 0 ? duration : limit;
    }

    private static void release(HttpUriRequestBase request, ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException alreadyFailed) {
            // The answer is decided by now; a connection that will not close cleanly is dropped from the pool.
            request.cancel();
        }
    }

    private static String libraryVersion() {
        try (InputStream in = HttpTransport.class.getResourceAsStream("teardown-http.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** What a traced call's attempts came to so far; each is told to the call's trace as it ends. */
    private static final class CallProgress {
        private final CallListener.CallTrace trace;
        private int attempts;
        private OptionalInt status = OptionalInt.empty();
        private CallOutcome outcome = CallOutcome.ABORTED;

        CallProgress(CallListener.CallTrace trace) {
            this.trace = trace;
        }

        void attemptEnded(CallListener.Attempt attempt) {
            attempts = attempt.number();
            status = attempt.status();
            outcome = attempt.outcome();
            trace.attemptEnded(attempt);
        }
    }

    /** Builds a transport; everything but the configuration has a production default. */
    public static final class Builder {
        private final HttpClientConfig config;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator jitter = () -> ThreadLocalRandom.current().nextLong();
        private ExchangeListener exchangeListener = ExchangeListener.ignoring();
        private CallListener callListener = CallListener.ignoring();
        private RateBudget budget = RateBudget.unlimited();

        private Builder(HttpClientConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The clock deadlines, waits and quota observations are measured with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the transport waits between attempts. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Where the backoff's jitter comes from. */
        public Builder jitter(RandomGenerator jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /** Hears of every request and its answer, such as for a request log; the default ignores them. */
        public Builder exchangeListener(ExchangeListener exchangeListener) {
            this.exchangeListener = Objects.requireNonNull(exchangeListener, "exchangeListener");
            return this;
        }

        /** Hears of every call from start to end, such as for metrics and tracing; the default ignores them. */
        public Builder callListener(CallListener callListener) {
            this.callListener = Objects.requireNonNull(callListener, "callListener");
            return this;
        }

        /**
         * The token's rate budget, which every attempt spends a permit of and every answer teaches; share
         * one budget among all the transports of a token. The default, {@link RateBudget#unlimited()},
         * leaves the rate to the API's 429s.
         */
        public Builder rateBudget(RateBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        public HttpTransport build() {
            return new HttpTransport(this);
        }
    }
}
