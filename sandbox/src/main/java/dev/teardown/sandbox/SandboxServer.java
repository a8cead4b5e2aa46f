package dev.teardown.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on a loopback port that answers the status call as DigitalOcean does (same
 * documents, {@code ratelimit-*} headers and error bodies) for the {@link SandboxScenarios}, so the
 * whole stack runs with no token and no network. Start it on port 0 and point a client at {@link #uri()}.
 */
public final class SandboxServer implements AutoCloseable {

    static final int RATE_LIMIT = 5000;
    private static final Pattern STATUS_PATH =
            Pattern.compile("^/v2/droplets/([^/]+)/destroy_with_associated_resources/status/?$");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Map<DropletId, Instant> firstAsked = new ConcurrentHashMap<>();
    private final AtomicInteger remaining = new AtomicInteger(RATE_LIMIT);

    private SandboxServer(HttpServer server, ExecutorService executor, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts a sandbox on a free loopback port, with real time. */
    public static SandboxServer start() {
        return start(0, Clock.systemUTC());
    }

    /** Starts a sandbox on this loopback port (0 for a free one), its teardowns advancing with this clock. */
    public static SandboxServer start(int port, Clock clock) {
        Objects.requireNonNull(clock, "clock");
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
        SandboxServer sandbox = new SandboxServer(server, executor, clock);
        server.createContext("/", sandbox::handle);
        server.setExecutor(executor);
        server.start();
        return sandbox;
    }

    /** The base URL to give an API client, such as {@code http://127.0.0.1:43117}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            exchange.getResponseHeaders().set("x-request-id", requestId);
            rateLimitHeaders(exchange);
            Matcher matcher = STATUS_PATH.matcher(exchange.getRequestURI().getPath());
            if (!matcher.matches()) {
                error(exchange, 404, "not_found", "The resource you requested could not be found.", requestId);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                error(exchange, 405, "method_not_allowed", "Only GET is supported here.", requestId);
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ") || authorization.substring(7).isBlank()) {
                error(exchange, 401, "unauthorized", "Unable to authenticate you.", requestId);
                return;
            }
            Optional<TeardownStatus> status = parse(matcher.group(1)).flatMap(this::statusOf);
            if (status.isEmpty()) {
                error(exchange, 404, "not_found", "The resource you requested could not be found.", requestId);
                return;
            }
            send(exchange, 200, StatusDocuments.write(status.get()));
        }
    }

    private static Optional<DropletId> parse(String text) {
        try {
            return Optional.of(DropletId.parse(text));
        } catch (IllegalArgumentException notADropletId) {
            return Optional.empty();
        }
    }

    private Optional<TeardownStatus> statusOf(DropletId dropletId) {
        // The API reports whole seconds.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!SandboxScenarios.scripted().contains(dropletId)) {
            return Optional.empty();
        }
        Instant first = firstAsked.computeIfAbsent(dropletId, id -> now);
        return SandboxScenarios.statusAt(dropletId, first, now);
    }

    private void rateLimitHeaders(HttpExchange exchange) {
        int left = remaining.updateAndGet(n -> Math.max(0, n - 1));
        exchange.getResponseHeaders().set("ratelimit-limit", Integer.toString(RATE_LIMIT));
        exchange.getResponseHeaders().set("ratelimit-remaining", Integer.toString(left));
        exchange.getResponseHeaders().set("ratelimit-reset", Long.toString(clock.instant().plusSeconds(3600).getEpochSecond()));
    }

    private static void error(HttpExchange exchange, int status, String id, String message, String requestId)
            throws IOException {
        send(exchange, status, StatusDocuments.writeError(id, message, requestId));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
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
}
