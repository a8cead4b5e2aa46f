package dev.teardown.cli;

import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.app.Teardown;
import dev.teardown.ports.in.AwaitTeardownUseCase;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.DestroyTeardownUseCase;
import dev.teardown.ports.in.ListResourcesUseCase;
import dev.teardown.ports.in.RetryTeardownUseCase;
import dev.teardown.ports.in.WatchTeardownsUseCase;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.sandbox.SandboxServer;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** The use cases a command runs, built as its flags say; closing it closes what it opened, the sandbox last. */
final class CliStack implements AutoCloseable {

    /** The token sent to the sandbox; it accepts any non-blank bearer token. */
    static final String SANDBOX_TOKEN = "sandbox-token";

    private final Teardown teardown;
    private final Optional<SandboxServer> sandbox;
    private final Optional<RedisWarnings> redisWarnings;

    private CliStack(Teardown teardown, Optional<SandboxServer> sandbox, Optional<RedisWarnings> redisWarnings) {
        this.teardown = teardown;
        this.sandbox = sandbox;
        this.redisWarnings = redisWarnings;
    }

    /**
     * Builds the stack, or returns empty after telling the user how to supply a token when there is
     * none and no sandbox was asked for; nothing is sent then.
     */
    static Optional<CliStack> open(CliContext context, ConnectionOptions connection, Duration callDeadline,
            boolean cached) {
        return open(context, connection, callDeadline, cached, OptionalDouble.empty());
    }

    /** As {@link #open(CliContext, ConnectionOptions, Duration, boolean)}, with this share of the token's rate budget. */
    static Optional<CliStack> open(CliContext context, ConnectionOptions connection, Duration callDeadline,
            boolean cached, OptionalDouble budgetShare) {
        CliEnvironment environment = new CliEnvironment(context.environment(), context.systemProperties());
        Optional<RedisUrl> redis = environment.redisUrl(connection.redisFlag(), !connection.sandbox);
        if (connection.sandbox) {
            // The sandbox's teardowns advance with the command's clock.
            SandboxServer sandbox = SandboxServer.start(0, context.clock());
            try {
                ApiEndpoint endpoint = new ApiEndpoint(sandbox.uri(), ApiToken.of(SANDBOX_TOKEN));
                return Optional.of(stack(context, connection, endpoint, callDeadline, cached, budgetShare, redis,
                        Optional.of(sandbox)));
            } catch (RuntimeException e) {
                sandbox.close();
                throw e;
            }
        }
        Optional<ApiEndpoint> endpoint = environment.endpoint(connection.apiUrlFlag(), connection.proxyFlag());
        if (endpoint.isEmpty()) {
            context.err().println("teardown: no API token: set " + CliEnvironment.TOKEN_VARIABLE
                    + " (or " + CliEnvironment.FALLBACK_TOKEN_VARIABLE
                    + ") to a token with the droplet:delete scope, or try the embedded sandbox with --sandbox");
            return Optional.empty();
        }
        return Optional.of(stack(context, connection, endpoint.get(), callDeadline, cached, budgetShare, redis,
                Optional.empty()));
    }

    private static CliStack stack(CliContext context, ConnectionOptions connection, ApiEndpoint endpoint,
            Duration callDeadline, boolean cached, OptionalDouble budgetShare, Optional<RedisUrl> redis,
            Optional<SandboxServer> sandbox) {
        Teardown.Builder builder = Teardown.builder(httpClientConfig(endpoint, callDeadline))
                .clock(context.clock())
                .sleeper(context.sleeper())
                .exchangeListener(connection.verbose ? RequestLog.toStderr(context.err()) : ExchangeListener.ignoring());
        // A cache of this process's own saves a one-shot command nothing; a cache shared on Redis saves the
        // token a request whenever another instance asked a moment ago.
        if (!cached && redis.isEmpty()) {
            builder.withoutCache();
        }
        budgetShare.ifPresent(builder::budgetShare);
        if (redis.isPresent()) {
            try {
                builder.redis(redis.get().uri());
            } catch (IllegalArgumentException refused) {
                // the message shows the URL without its password already; say where it came from
                throw new IllegalArgumentException(redis.get().source() + ": " + refused.getMessage(), refused);
            }
        }
        Optional<RedisWarnings> redisWarnings = redis.map(url -> RedisWarnings.toStderr(context.err(), connection.verbose));
        try {
            return new CliStack(builder.build(), sandbox, redisWarnings);
        } catch (RuntimeException e) {
            redisWarnings.ifPresent(RedisWarnings::close);
            throw e;
        }
    }

    /** The HTTP source's settings: no single read may outlast the whole call's deadline. */
    private static HttpClientConfig httpClientConfig(ApiEndpoint endpoint, Duration callDeadline) {
        Duration responseTimeout = callDeadline.compareTo(HttpClientConfig.DEFAULT_RESPONSE_TIMEOUT) < 0
                ? callDeadline : HttpClientConfig.DEFAULT_RESPONSE_TIMEOUT;
        return HttpClientConfig.builder(endpoint.token())
                .baseUrl(endpoint.baseUrl())
                .proxy(endpoint.proxy())
                .callDeadline(callDeadline)
                .responseTimeout(responseTimeout)
                .build();
    }

    CheckStatusUseCase check() {
        return teardown.check();
    }

    AwaitTeardownUseCase await() {
        return teardown.await();
    }

    ListResourcesUseCase resources() {
        return teardown.resources();
    }

    DestroyTeardownUseCase destroy() {
        return teardown.destroy();
    }

    RetryTeardownUseCase retry() {
        return teardown.retry();
    }

    WatchTeardownsUseCase watch() {
        return teardown.watch();
    }

    /** What the command's rate budget has spent and has left now. */
    RateBudgetState rateBudgetState() {
        return teardown.rateBudgetState();
    }

    @Override
    public void close() {
        try {
            teardown.close();
        } finally {
            sandbox.ifPresent(SandboxServer::close);
            redisWarnings.ifPresent(RedisWarnings::close);
        }
    }
}
