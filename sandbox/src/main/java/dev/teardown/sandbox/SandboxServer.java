package dev.teardown.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful fake of DigitalOcean's "destroy a Droplet with its associated resources" API on a loopback
 * port: the five calls (list, selective and dangerous destroy, status, retry) answer as the API does,
 * with the same documents, error bodies, {@code ratelimit-*} headers and rate limits, for the
 * {@link SandboxScenarios}' Droplets, so the whole stack runs with no token and no network. Start it on
 * port 0 and point a client at {@link #uri()}; any non-blank bearer token is accepted.
 *
 * <p>Teardowns advance with the clock given, which keeps all of the sandbox's time. Rate limits are
 * counted per token (a hash of the {@code Authorization} header; the token itself is never kept) as
 * {@link #DEFAULT_PER_MINUTE} requests in any sliding minute and {@link #DEFAULT_PER_HOUR} in any sliding
 * hour unless configured otherwise; each answer carries {@code ratelimit-limit} (the hourly limit),
 * {@code ratelimit-remaining} (what is left of the hour, 0 on a 429) and {@code ratelimit-reset} (when
 * the oldest counted request leaves the hour, in epoch seconds). A request over either limit is refused
 * with 429 and {@code Retry-After}, the seconds until a request is allowed again, and is not counted.
 *
 * <p>{@code GET /sandbox/stats} answers the {@link #statistics()} as JSON, outside the rate limits and
 * the counts. Request bodies are read up to {@value #MAX_BODY_BYTES} bytes; a longer one is refused
 * with 413.
 */
public final class SandboxServer implements AutoCloseable {

    /** DigitalOcean's burst limit: requests per token in any minute. */
    public static final int DEFAULT_PER_MINUTE = 250;
    /** DigitalOcean's limit: requests per token in any hour, also sent as {@code ratelimit-limit}. */
    public static final int DEFAULT_PER_HOUR = 5000;
    /** The longest request body read; a longer one is answered 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The path of the statistics, outside the API. */
    public static final String STATISTICS_PATH = "/sandbox/stats";

    private static final Pattern DROPLET_PATH =
            Pattern.compile("^/v2/droplets/([^/]+)/destroy_with_associated_resources(?:/([^/]+))?/?$");
    private static final String NOT_FOUND = "The resource you were accessing could not be found.";
    private static final int MOST_REFS_SHOWN = 5;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final int LONGEST_ID_SHOWN = 40;

    /** The family's calls, by method and the path's last part. */
    private enum Call {
        LIST("GET", null),
        SELECTIVE("DELETE", "selective"),
        DANGEROUS("DELETE", "dangerous"),
        STATUS("GET", "status"),
        RETRY("POST", "retry");

        private final String method;
        private final String suffix;

        Call(String method, String suffix) {
            this.method = method;
            this.suffix = suffix;
        }

        static Optional<Call> bySuffix(String suffix) {
            for (Call call : values()) {
                if (Objects.equals(call.suffix, suffix)) {
                    return Optional.of(call);
                }
            }
            return Optional.empty();
        }
    }

    static {
        // The JDK's server writes a response's headers and body apart; without TCP_NODELAY each answer
        // with a body waits out the client's delayed ACK (40 ms on Linux). Read once, by the first server
        // of the JVM; a value set by the user is kept.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final SandboxAccount account = new SandboxAccount();
    private final RequestCounters counters = new RequestCounters();

    private SandboxServer(HttpServer server, ExecutorService executor, Clock clock, RateLimits rateLimits) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
        this.rateLimits = rateLimits;
    }

    /** Starts a sandbox on a free loopback port, with real time and DigitalOcean's rate limits. */
    public static SandboxServer start() {
        return builder().start();
    }

    /** Starts a sandbox on this loopback port (0 for a free one), its teardowns advancing with this clock. */
    public static SandboxServer start(int port, Clock clock) {
        return builder().port(port).clock(clock).start();
    }

    /** A sandbox on a free loopback port, with real time and DigitalOcean's rate limits, until told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give an API client, such as {@code http://127.0.0.1:43117}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** What the sandbox has served so far. */
    public SandboxStatistics statistics() {
        return counters.snapshot();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            exchange.getResponseHeaders().set("x-request-id", requestId);
            String path = exchange.getRequestURI().getRawPath();
            if (STATISTICS_PATH.equals(path)) {
                statistics(exchange, requestId);
                return;
            }
            counters.request();
            Matcher matcher = DROPLET_PATH.matcher(path);
            Optional<DropletId> dropletId = matcher.matches() ? parse(matcher.group(1)) : Optional.empty();
            dropletId.ifPresent(counters::droplet);
            if (!admitted(exchange, requestId)) {
                return;
            }
            try {
                answer(exchange, matcher.matches() ? Call.bySuffix(matcher.group(2)) : Optional.empty(), dropletId, requestId);
            } catch (RuntimeException e) {
                // A fake that fails must still answer as the API would, not drop the connection.
                error(exchange, 500, "server_error", "Unexpected server-side error", requestId);
            }
        }
    }

    /** Counts the request against its token's limits and sets the headers; false once it was refused. */
    private boolean admitted(HttpExchange exchange, String requestId) throws IOException {
        RateLimits.Decision decision = rateLimits.admit(tokenKey(exchange), clock.instant());
        Headers headers = exchange.getResponseHeaders();
        headers.set("ratelimit-limit", Integer.toString(rateLimits.perHour()));
        headers.set("ratelimit-reset", Long.toString(decision.resetEpochSecond()));
        if (decision instanceof RateLimits.Refused refused) {
            headers.set("ratelimit-remaining", "0");
            headers.set("Retry-After", Long.toString(refused.retryAfterSeconds()));
            error(exchange, 429, "too_many_requests", "API Rate limit exceeded.", requestId);
            return false;
        }
        headers.set("ratelimit-remaining", Integer.toString(((RateLimits.Allowed) decision).remaining()));
        return true;
    }

    private void answer(HttpExchange exchange, Optional<Call> route, Optional<DropletId> dropletId, String requestId)
            throws IOException {
        if (route.isEmpty()) {
            error(exchange, 404, "not_found", NOT_FOUND, requestId);
            return;
        }
        Call call = route.get();
        if (!call.method.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", call.method);
            error(exchange, 405, "method_not_allowed",
                    "This endpoint answers " + call.method + " only.", requestId);
            return;
        }
        if (!authorized(exchange)) {
            error(exchange, 401, "unauthorized", "Unable to authenticate you.", requestId);
            return;
        }
        Optional<DestroyRequest> destroy = Optional.empty();
        if (call == Call.SELECTIVE) {
            destroy = selection(exchange, requestId);
            if (destroy.isEmpty()) {
                return;
            }
        } else if (call == Call.DANGEROUS) {
            if (!dangerousConfirmed(exchange)) {
                error(exchange, 412, "precondition_failed", "The X-Dangerous header must be set to true to destroy"
                        + " a Droplet with all of its associated resources.", requestId);
                return;
            }
            destroy = Optional.of(DestroyRequest.everything());
        }
        Optional<SandboxDroplet> droplet = dropletId.flatMap(account::droplet);
        if (droplet.isEmpty()) {
            error(exchange, 404, "not_found", NOT_FOUND, requestId);
            return;
        }
        // The API reports whole seconds.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SandboxAnswer answer = switch (call) {
            case LIST -> droplet.get().list();
            case SELECTIVE, DANGEROUS -> droplet.get().destroy(destroy.orElseThrow(), now);
            case STATUS -> droplet.get().status(now);
            case RETRY -> droplet.get().retry(now);
        };
        send(exchange, dropletId.get(), answer, requestId);
    }

    private void send(HttpExchange exchange, DropletId dropletId, SandboxAnswer answer, String requestId)
            throws IOException {
        if (answer instanceof SandboxAnswer.Listed listed) {
            send(exchange, 200, StatusDocuments.writeAssociatedResources(listed.resources()));
        } else if (answer instanceof SandboxAnswer.Reported reported) {
            send(exchange, 200, StatusDocuments.write(reported.status()));
        } else if (answer instanceof SandboxAnswer.Accepted) {
            send(exchange, 202, new byte[0]);
        } else if (answer instanceof SandboxAnswer.InProgress) {
            error(exchange, 409, "conflict",
                    "The request could not be completed due to a conflict: a destroy of this Droplet is in progress.",
                    requestId);
        } else if (answer instanceof SandboxAnswer.NotAssociated notAssociated) {
            error(exchange, 422, "unprocessable_entity", notAssociatedMessage(dropletId, notAssociated.resources()),
                    requestId);
        } else if (answer instanceof SandboxAnswer.NotFound) {
            error(exchange, 404, "not_found", NOT_FOUND, requestId);
        } else {
            throw new IllegalStateException("no HTTP answer for " + answer);
        }
    }

    /** The selective destroy's body, or empty after answering 400 or 413. */
    private Optional<DestroyRequest> selection(HttpExchange exchange, String requestId) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            error(exchange, 413, "request_entity_too_large",
                    "The request body must be at most " + MAX_BODY_BYTES + " bytes.", requestId);
            return Optional.empty();
        }
        try {
            return Optional.of(StatusDocuments.readDestroySelection(body));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "bad_request", "The body must be a JSON object of id lists such as"
                    + " {\"volumes\": [\"...\"]}; " + e.getMessage(), requestId);
            return Optional.empty();
        }
    }

    private static boolean dangerousConfirmed(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("X-Dangerous");
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    private static boolean authorized(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") && !authorization.substring(7).isBlank();
    }

    /** Whom the rate limits count: a hash of the Authorization header, so the token is never kept. */
    private static String tokenKey(HttpExchange exchange) {
        String authorization = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"), "");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Optional<DropletId> parse(String text) {
        try {
            return Optional.of(DropletId.parse(text));
        } catch (IllegalArgumentException notADropletId) {
            return Optional.empty();
        }
    }

    private static String notAssociatedMessage(DropletId dropletId, List<ResourceRef> resources) {
        StringBuilder message = new StringBuilder("These resources are not associated with Droplet ")
                .append(dropletId).append(": ");
        for (int i = 0; i < Math.min(resources.size(), MOST_REFS_SHOWN); i++) {
            ResourceRef resource = resources.get(i);
            String id = resource.id().length() <= LONGEST_ID_SHOWN
                    ? resource.id() : resource.id().substring(0, LONGEST_ID_SHOWN) + "...";
            message.append(i == 0 ? "" : ", ").append(resource.kind().wireName()).append(' ').append(id);
        }
        if (resources.size() > MOST_REFS_SHOWN) {
            message.append(" and ").append(resources.size() - MOST_REFS_SHOWN).append(" more");
        }
        return message.append(". Nothing was destroyed.").toString();
    }

    private void statistics(HttpExchange exchange, String requestId) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            write(exchange, 405, StatusDocuments.writeError("method_not_allowed", "This endpoint answers GET only.", requestId));
            return;
        }
        write(exchange, 200, statistics().toJson().getBytes(StandardCharsets.UTF_8));
    }

    private void error(HttpExchange exchange, int status, String id, String message, String requestId)
            throws IOException {
        send(exchange, status, StatusDocuments.writeError(id, message, requestId));
    }

    private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        counters.answered(status);
        write(exchange, status, body);
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops serving at once and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** How to start a sandbox: its port, its clock, its rate limits. */
    public static final class Builder {

        private int port;
        private Clock clock = Clock.systemUTC();
        private int perMinute = DEFAULT_PER_MINUTE;
        private int perHour = DEFAULT_PER_HOUR;

        private Builder() {
        }

        /** The loopback port to listen on; 0, the default, for a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock that keeps all of the sandbox's time: teardowns and rate limits. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Requests allowed per token in any sliding minute and in any sliding hour; DigitalOcean's
         * {@value SandboxServer#DEFAULT_PER_MINUTE} and
         * {@value SandboxServer#DEFAULT_PER_HOUR} by default. Each must be at least 1.
         */
        public Builder rateLimits(int perMinute, int perHour) {
            if (perMinute < 1 || perHour < 1) {
                throw new IllegalArgumentException(
                        "rate limits must be >= 1, were " + perMinute + " a minute and " + perHour + " an hour");
            }
            this.perMinute = perMinute;
            this.perHour = perHour;
            return this;
        }

        /**
         * Starts the sandbox.
         *
         * @throws UncheckedIOException when the port cannot be bound
         */
        public SandboxServer start() {
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the sandbox on loopback port " + port, e);
            }
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "teardown-sandbox");
                thread.setDaemon(true);
                return thread;
            });
            SandboxServer sandbox = new SandboxServer(server, executor, clock, new RateLimits(perMinute, perHour));
            server.createContext("/", sandbox::handle);
            server.setExecutor(executor);
            server.start();
            return sandbox;
        }
    }
}
