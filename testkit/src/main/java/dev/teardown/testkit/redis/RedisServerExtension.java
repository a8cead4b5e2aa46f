package dev.teardown.testkit.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} of the test's own: started from the PATH on a free port of 127.0.0.1,
 * without persistence, in a temporary directory, and stopped afterwards.
 *
 * <p>As a {@code @RegisterExtension static} field it serves every test of the class, and each test
 * starts with it running (a test that stopped or suspended it gets it back); as an instance field it
 * serves one test. {@link #stop()}, {@link #start()}, {@link #suspend()} and {@link #resume()} let a
 * test take it away and bring it back on the same port. It talks only to the server it started: a
 * port that answers as another process fails the start.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisServerExtension REDIS = RedisServerExtension.create();
 * ... RedisURI.create(REDIS.uri()) ...
 * }</pre>
 */
public final class RedisServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {

    static final String INSTALL_HINT = "install redis-server (apt-get install -y redis-server)";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    private static final int PORT_ATTEMPTS = 3;
    /** Servers still running when the JVM exits, stopped by one shutdown hook, so none outlives a killed test run. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(Process::destroyForcibly), "teardown-redis-server-reaper"));
    }

    private final String executable;
    private final String password;

    private Path directory;
    private int port;
    private Process process;
    private boolean suspended;
    private String ownerContextId;

    private RedisServerExtension(String executable, String password) {
        this.executable = executable;
        this.password = password;
    }

    /** A server from {@code redis-server} on the PATH, without a password. */
    public static RedisServerExtension create() {
        return new RedisServerExtension("redis-server", null);
    }

    /** The same server, asking clients for this password ({@code requirepass}); it is never in {@link #uri()}. */
    public RedisServerExtension withPassword(String password) {
        Objects.requireNonNull(password, "password");
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\' || c == '\'') {
                throw new IllegalArgumentException("password must be visible ASCII without quotes or backslashes");
            }
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        return new RedisServerExtension(executable, password);
    }

    /** The same server from another executable: a path, or a name looked up on the PATH. */
    public RedisServerExtension withExecutable(String executable) {
        Objects.requireNonNull(executable, "executable");
        return new RedisServerExtension(executable, password);
    }

    /** The server's port on 127.0.0.1; the same for its whole life, across {@link #stop()} and {@link #start()}. */
    public synchronized int port() {
        requireStartedOnce();
        return port;
    }

    /** {@code redis://127.0.0.1:port}, without the password even when there is one. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port());
    }

    /** The password clients must give, when the server asks for one. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Every key the running server holds, sorted ({@code KEYS *}: a test's server is small). */
    @SuppressWarnings("unchecked")
    public List<String> keys() {
        Object reply = ask("KEYS", "*");
        if (!(reply instanceof List<?>)) {
            throw new IllegalStateException("KEYS answered " + reply);
        }
        List<String> keys = new ArrayList<>((List<String>) reply);
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    /** The value of a string key of the running server; empty when there is none. */
    public Optional<String> get(String key) {
        Object reply = ask("GET", Objects.requireNonNull(key, "key"));
        if (reply instanceof String text && text.startsWith("-")) {
            throw new IllegalStateException("GET " + key + " answered " + text);
        }
        return Optional.ofNullable((String) reply);
    }

    /** One command on a connection of its own, authenticated when the server asks for a password. */
    private Object ask(String... command) {
        int current;
        synchronized (this) {
            if (!isRunning()) {
                throw new IllegalStateException("the Redis server is not running");
            }
            current = port;
        }
        try (Resp resp = Resp.connect(current, READY_TIMEOUT)) {
            if (password != null) {
                String auth = resp.text("AUTH", password);
                if (!"OK".equals(auth)) {
                    throw new IllegalStateException("the Redis server refused its own password: " + auth);
                }
            }
            return resp.call(command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask the Redis server on 127.0.0.1:" + current, e);
        }
    }

    /** The temporary directory the server runs in; its output is in {@code redis.log} there. */
    public synchronized Path directory() {
        requireStartedOnce();
        return directory;
    }

    /** Whether the server is running and not suspended. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive() && !suspended;
    }

    /**
     * Starts the server, on the port it had before if it ran before, and returns once it answers;
     * does nothing while it runs.
     *
     * @throws IllegalStateException when {@code redis-server} is missing or does not come up, saying why
     */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            resume();
            return;
        }
        Path found = findExecutable().orElseThrow(() -> new IllegalStateException(
                "cannot start a Redis server for the tests: " + executable + " is not on the PATH; " + INSTALL_HINT));
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("teardown-redis-");
            }
            if (port != 0) {
                launch(found, port);
                return;
            }
            IllegalStateException last = null;
            for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
                int candidate = freePort();
                try {
                    launch(found, candidate);
                    port = candidate;
                    return;
                } catch (PortTakenException e) {
                    // another process took the free port between our look and the server's bind: try another
                    last = new IllegalStateException(e.getMessage());
                }
            }
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Redis server for the tests: " + e.getMessage(), e);
        }
    }

    /** Stops the server (as SIGTERM does; nothing is saved) and waits until it has exited; its port stays its own. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process stopping = process;
        process = null;
        if (suspended) {
            signal(stopping, "CONT");
            suspended = false;
        }
        stopping.destroy();
        try {
            if (!stopping.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping.destroyForcibly();
                stopping.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            stopping.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(stopping);
        }
    }

    /**
     * Freezes the server (SIGSTOP): it keeps its connections and accepts new ones but answers nothing,
     * as a hung or overloaded server does, until {@link #resume()}.
     */
    public synchronized void suspend() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the Redis server is not running");
        }
        if (!suspended) {
            signal(process, "STOP");
            suspended = true;
        }
    }

    /** Lets a suspended server answer again, and the commands it was sent meanwhile. */
    public synchronized void resume() {
        if (suspended && process != null) {
            signal(process, "CONT");
            suspended = false;
        }
    }

    /** Stops the server and deletes its directory; it can be started again, on a new port. */
    @Override
    public synchronized void close() {
        stop();
        if (directory != null) {
            deleteRecursively(directory);
            directory = null;
        }
        port = 0;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (ownerContextId == null) {
            ownerContextId = context.getUniqueId();
            start();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (ownerContextId == null) {
            ownerContextId = context.getUniqueId();
        }
        // every test starts with the server up, whatever the test before it did to it
        start();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        release(context);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        release(context);
    }

    private void release(ExtensionContext context) {
        if (context.getUniqueId().equals(ownerContextId)) {
            ownerContextId = null;
            close();
        }
    }

    private void launch(Path found, int candidate) throws IOException {
        Path config = directory.resolve("redis.conf");
        Files.writeString(config, configuration(candidate), StandardCharsets.UTF_8);
        Path log = directory.resolve("redis.log");
        Process started = new ProcessBuilder(found.toString(), config.toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        RUNNING.add(started);
        try {
            awaitReady(started, candidate, log);
            process = started;
        } catch (RuntimeException e) {
            started.destroyForcibly();
            RUNNING.remove(started);
            throw e;
        }
    }

    private String configuration(int candidate) {
        StringBuilder lines = new StringBuilder()
                .append("port ").append(candidate).append('\n')
                .append("bind 127.0.0.1\n")
                .append("protected-mode yes\n")
                .append("daemonize no\n")
                .append("save \"\"\n")
                .append("appendonly no\n")
                .append("dir ").append(quoted(directory.toString())).append('\n')
                .append("logfile \"\"\n");
        if (password != null) {
            lines.append("requirepass ").append(password).append('\n');
        }
        return lines.toString();
    }

    private void awaitReady(Process started, int candidate, Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                String output = tail(log);
                if (output.contains("Address already in use")) {
                    throw new PortTakenException("port " + candidate + " of 127.0.0.1 is taken by another process");
                }
                throw new IllegalStateException("redis-server exited with code " + started.exitValue()
                        + " before it answered on 127.0.0.1:" + candidate + "; its output:\n" + output);
            }
            Optional<Long> answering = processAnswering(candidate);
            if (answering.isPresent()) {
                if (answering.get() == started.pid()) {
                    return;
                }
                throw new PortTakenException("port " + candidate + " of 127.0.0.1 answers as another Redis (process "
                        + answering.get() + "); only the server this extension started is used");
            }
            pause();
        }
        throw new IllegalStateException("redis-server did not answer on 127.0.0.1:" + candidate + " within "
                + READY_TIMEOUT.toSeconds() + " s; its output:\n" + tail(log));
    }

    /** The process id of the Redis that answers on the port, or empty while nothing answers yet. */
    private Optional<Long> processAnswering(int candidate) {
        try (Resp resp = Resp.connect(candidate, PROBE_TIMEOUT)) {
            if (password != null) {
                String auth = resp.text("AUTH", password);
                if (!"OK".equals(auth)) {
                    return Optional.of(-1L);
                }
            }
            String info = resp.text("INFO", "server");
            if (info == null || info.startsWith("-")) {
                // a server still loading answers -LOADING; any other error is not ours to use
                return info != null && info.startsWith("-LOADING") ? Optional.empty() : Optional.of(-1L);
            }
            return info.lines()
                    .filter(line -> line.startsWith("process_id:"))
                    .map(line -> Long.parseLong(line.substring("process_id:".length()).trim()))
                    .findFirst()
                    .or(() -> Optional.of(-1L));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Path> findExecutable() {
        if (executable.contains(File.separator)) {
            Path path = Paths.get(executable);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Stream.of(searchPath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Paths.get(entry, executable))
                .filter(path -> Files.isRegularFile(path) && Files.isExecutable(path))
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void signal(Process target, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(target.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + target.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + signal + " to redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to redis-server", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(its output cannot be read: " + e.getMessage() + ")";
        }
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private void requireStartedOnce() {
        if (port == 0) {
            throw new IllegalStateException("the Redis server has not been started");
        }
    }

    @Override
    public synchronized String toString() {
        return "RedisServerExtension[" + (port == 0 ? "not started" : "127.0.0.1:" + port)
                + (password == null ? "" : ", with a password") + "]";
    }

    /** The chosen port was taken by someone else; another may be tried. */
    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
