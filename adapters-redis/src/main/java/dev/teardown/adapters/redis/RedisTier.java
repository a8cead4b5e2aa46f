package dev.teardown.adapters.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The shared tier's one Redis client and connection, for every shared rate budget (and, later, cache)
 * of a process. Thread-safe; {@link #close()} closes the connection and the client.
 *
 * <p>When Redis is down or slower than the command timeout, its users carry on without it: the first
 * failure is logged once as a warning, and Redis is tried again at most once per probe interval (on the
 * injected clock) until it answers, which is logged once too. The URI's password never appears in a
 * message, a log or {@link #toString()}.
 */
public final class RedisTier implements AutoCloseable {

    public static final String DEFAULT_KEY_PREFIX = "teardown:";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(200);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(5);

    private static final String REDACTED = "[redacted]";

    private final RedisURI redisUri;
    private final String shownUri;
    private final String password;
    private final String keyPrefix;
    private final Duration commandTimeout;
    private final Duration connectTimeout;
    private final InstantSource clock;
    private final RedisClient client;
    private final RedisAvailability availability;
    private final ReentrantLock connecting = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> connection;

    private RedisTier(Builder builder) {
        this.redisUri = RedisURI.create(builder.redisUri);
        this.shownUri = builder.shownUri;
        this.password = builder.password;
        this.keyPrefix = builder.keyPrefix;
        this.commandTimeout = builder.commandTimeout;
        this.connectTimeout = builder.connectTimeout;
        this.clock = builder.clock;
        this.availability = new RedisAvailability(builder.clock, builder.probeInterval, shownUri);
        // Lettuce's handshake (HELLO, AUTH) waits as long as the URI says: connecting, not a command
        this.redisUri.setTimeout(builder.connectTimeout);
        this.client = RedisClient.create(this.redisUri);
        this.client.setOptions(ClientOptions.builder()
                // the tier reconnects itself, once per probe interval: Lettuce's own reconnecting would log each try
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().timeoutSource(new WarmUpTimeouts(builder)).build())
                .socketOptions(SocketOptions.builder().connectTimeout(builder.connectTimeout).build())
                .build());
    }

    /**
     * A tier on this Redis ({@code redis://[:password@]host[:port][/database]}, or {@code rediss://} for TLS).
     *
     * @throws IllegalArgumentException when the URI is not a Redis URI; the message never shows its password
     */
    public static Builder builder(URI redisUri) {
        return new Builder(redisUri);
    }

    /** The URI as messages show it: without its user information, so without a password. */
    public static String shown(URI redisUri) {
        return Builder.shown(Objects.requireNonNull(redisUri, "redisUri"));
    }

    /** A tier on this Redis with the default key prefix, timeouts and the system clock. */
    public static RedisTier create(URI redisUri) {
        return builder(redisUri).build();
    }

    /** What every key of this tier starts with. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Whether Redis answered the latest call (or none was made yet); false from the failure that made it go away until it answers a probe. */
    public boolean isAvailable() {
        return availability.isUp();
    }

    InstantSource clock() {
        return clock;
    }

    /**
     * Runs commands on Redis, or returns empty, at once or after the command timeout, when Redis is away;
     * a failure here is logged only when it is the first of an outage.
     */
    <T> Optional<T> ask(Function<RedisCommands<String, String>, T> commands) {
        if (closed.get()) {
            throw new IllegalStateException("this RedisTier is closed");
        }
        RedisAvailability.Ticket ticket = availability.mayAsk();
        if (ticket == null) {
            return Optional.empty();
        }
        try {
            Optional<RedisCommands<String, String>> open = commands(ticket);
            if (open.isEmpty()) {
                availability.skipped(ticket);
                return Optional.empty();
            }
            T result = commands.apply(open.get());
            availability.answered(ticket);
            return Optional.of(result);
        } catch (RedisCommandInterruptedException e) {
            // the caller was interrupted; Redis did nothing wrong (Lettuce has set the interrupt flag again)
            availability.skipped(ticket);
            return Optional.empty();
        } catch (RedisException e) {
            availability.failed(ticket, describe(e));
            return Optional.empty();
        }
    }

    /**
     * The open connection's commands, connecting first if there is none. A caller that finds another
     * connecting waits for it (at most the connect timeout); empty when that one found Redis away.
     */
    private Optional<RedisCommands<String, String>> commands(RedisAvailability.Ticket ticket) {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null && current.isOpen()) {
            return Optional.of(current.sync());
        }
        try {
            if (!connecting.tryLock(connectTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            current = connection;
            if (current != null && current.isOpen()) {
                return Optional.of(current.sync());
            }
            if (ticket == RedisAvailability.Ticket.ASK && !availability.isUp()) {
                // the caller before this one could not connect: one try per probe interval is enough
                return Optional.empty();
            }
            if (current != null) {
                // once only: Lettuce warns about closing a connection twice
                connection = null;
                current.closeAsync();
            }
            StatefulRedisConnection<String, String> opened = client.connect(StringCodec.UTF8, redisUri);
            // a first command loads and warms much of Lettuce and Netty: it gets the connect timeout, so
            // that a cold start does not pass for an outage
            opened.setTimeout(connectTimeout);
            try {
                opened.sync().ping();
            } catch (RuntimeException e) {
                opened.closeAsync();
                throw e;
            }
            opened.setTimeout(commandTimeout);
            if (closed.get()) {
                opened.close();
                throw new IllegalStateException("this RedisTier is closed");
            }
            connection = opened;
            return Optional.of(opened.sync());
        } finally {
            connecting.unlock();
        }
    }

    /** A failure in one line, without stack trace or password: the exception and its root cause. */
    private String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
        if (failure.getMessage() != null) {
            text.append(": ").append(failure.getMessage());
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            text.append("; ").append(root.getClass().getSimpleName());
            if (root.getMessage() != null) {
                text.append(": ").append(root.getMessage());
            }
        }
        return redact(text.toString());
    }

    private String redact(String text) {
        return password == null || password.isEmpty() ? text : text.replace(password, REDACTED);
    }

    /** Closes the connection and the client; the tier's budgets may not be used afterwards. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connecting.lock();
            try {
                StatefulRedisConnection<String, String> current = connection;
                connection = null;
                if (current != null) {
                    current.close();
                }
            } finally {
                connecting.unlock();
            }
            client.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "RedisTier[" + shownUri + ", keyPrefix " + keyPrefix + "]";
    }

    /** The command timeout for every command but the warm-up {@code PING} after connecting, which gets the connect timeout. */
    private static final class WarmUpTimeouts extends TimeoutOptions.TimeoutSource {

        private final long commandNanos;
        private final long connectNanos;

        WarmUpTimeouts(Builder builder) {
            this.commandNanos = builder.commandTimeout.toNanos();
            this.connectNanos = builder.connectTimeout.toNanos();
        }

        @Override
        public long getTimeout(RedisCommand<?, ?, ?> command) {
            return command.getType() == CommandType.PING ? connectNanos : commandNanos;
        }

        @Override
        public TimeUnit getTimeUnit() {
            return TimeUnit.NANOSECONDS;
        }
    }

    /** Builds a {@link RedisTier}; every setting but the URI has a default. */
    public static final class Builder {

        private final URI redisUri;
        private final String shownUri;
        private final String password;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration probeInterval = DEFAULT_PROBE_INTERVAL;
        private InstantSource clock = InstantSource.system();

        private Builder(URI redisUri) {
            this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
            this.shownUri = shown(redisUri);
            this.password = passwordOf(redisUri);
            String scheme = redisUri.getScheme();
            if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("a Redis URI starts with redis:// or rediss://, was " + shownUri);
            }
            if (redisUri.getHost() == null) {
                throw new IllegalArgumentException("a Redis URI names a host, " + shownUri + " does not");
            }
            try {
                RedisURI.create(redisUri);
            } catch (RuntimeException e) {
                String reason = password == null || e.getMessage() == null
                        ? String.valueOf(e.getMessage())
                        : e.getMessage().replace(password, REDACTED);
                throw new IllegalArgumentException("not a Redis URI Lettuce can use: " + shownUri + " (" + reason + ")");
            }
        }

        /** What every key starts with, so that several platforms or environments can share one Redis (default {@code teardown:}). */
        public Builder keyPrefix(String keyPrefix) {
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            for (int i = 0; i < keyPrefix.length(); i++) {
                char c = keyPrefix.charAt(i);
                if (c < 0x21 || c > 0x7e || c == '{' || c == '}') {
                    throw new IllegalArgumentException(
                            "keyPrefix must be visible ASCII without braces (they choose a cluster slot), was \"" + keyPrefix + "\"");
                }
            }
            this.keyPrefix = keyPrefix;
            return this;
        }

        /** How long a command may take before Redis counts as away for it (default 200 ms). */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = positive(commandTimeout, "commandTimeout");
            return this;
        }

        /**
         * How long connecting may take, when a call or a probe connects (default 2 s: a JVM's first
         * connection also loads much of Lettuce and Netty).
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How often Redis is tried while it is away (default 5 s). */
        public Builder probeInterval(Duration probeInterval) {
            this.probeInterval = positive(probeInterval, "probeInterval");
            return this;
        }

        /**
         * The clock of probes, and of the budgets' callers, whose answers' ages it measures (default:
         * the system clock).
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the tier; it connects on first use, so a Redis that is away now fails nothing. */
        public RedisTier build() {
            return new RedisTier(this);
        }

        /** The URI without its user information, for messages. */
        private static String shown(URI uri) {
            StringBuilder text = new StringBuilder();
            text.append(uri.getScheme()).append("://");
            // the raw authority, not host and port: a host Java cannot parse (an underscore) leaves them empty
            String authority = uri.getRawAuthority();
            if (authority != null) {
                int at = authority.lastIndexOf('@');
                text.append(at < 0 ? authority : REDACTED + authority.substring(at));
            }
            if (uri.getRawPath() != null) {
                text.append(uri.getRawPath());
            }
            return text.toString();
        }

        private static String passwordOf(URI uri) {
            String userInfo = uri.getUserInfo();
            if (userInfo == null || userInfo.isEmpty()) {
                return null;
            }
            int colon = userInfo.indexOf(':');
            return colon < 0 ? userInfo : userInfo.substring(colon + 1);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
