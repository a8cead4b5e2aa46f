package dev.teardown.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers every request with the same bytes, as the API would answer a
 * status lookup: {@code 200}, {@code application/json} and DigitalOcean's rate-limit headers.
 */
final class FixedStatusServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;

    private FixedStatusServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    static FixedStatusServer start(byte[] body, int threads) {
        // Without it the JDK server leaves Nagle's algorithm on: its headers and body go out as two
        // small writes, the second waits for the client's delayed ACK, and every call takes ~40 ms.
        // Read once, when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            // Computed once: the server must cost the same on every request, whatever the client does.
            String reset = Long.toString(Instant.now().plusSeconds(3600).getEpochSecond());
            server.createContext("/", exchange -> answer(exchange, body, reset));
            ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "fixed-status-server");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(workers);
            server.start();
            return new FixedStatusServer(server, workers);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the loopback server", e);
        }
    }

    private static void answer(HttpExchange exchange, byte[] body, String reset) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/json; charset=utf-8");
            headers.set("ratelimit-limit", "5000");
            headers.set("ratelimit-remaining", "4999");
            headers.set("ratelimit-reset", reset);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** {@code http://127.0.0.1:port}, with no trailing slash. */
    String baseUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
