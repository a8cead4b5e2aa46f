package dev.teardown.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.teardown.app.ApiEndpoint;
import dev.teardown.app.CachingModule;
import dev.teardown.app.EndpointModule;
import dev.teardown.app.HttpSourceModule;
import dev.teardown.app.Lifecycle;
import dev.teardown.app.LifecycleModule;
import dev.teardown.app.TimeModule;
import dev.teardown.app.UncachedModule;
import dev.teardown.app.UseCasesModule;
import dev.teardown.app.sandbox.SandboxModule;
import dev.teardown.ports.in.AwaitTeardownUseCase;
import dev.teardown.ports.in.CheckStatusUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The use cases a command runs, wired from modules chosen by its flags; closing it closes what they opened. */
final class CliStack implements AutoCloseable {

    private final Injector injector;

    private CliStack(Injector injector) {
        this.injector = injector;
    }

    /**
     * Wires the stack, or returns empty after telling the user how to supply a token when there is
     * none and no sandbox was asked for; nothing is sent then.
     */
    static Optional<CliStack> open(CliContext context, ConnectionOptions connection, Duration callDeadline,
            boolean cached) {
        List<Module> modules = new ArrayList<>();
        modules.add(new LifecycleModule());
        modules.add(new TimeModule(context.clock(), context.sleeper()));
        if (connection.sandbox) {
            modules.add(new SandboxModule());
        } else {
            CliEnvironment environment = new CliEnvironment(context.environment(), context.systemProperties());
            Optional<ApiEndpoint> endpoint = environment.endpoint(connection.apiUrlFlag(), connection.proxyFlag());
            if (endpoint.isEmpty()) {
                context.err().println("teardown: no API token: set " + CliEnvironment.TOKEN_VARIABLE
                        + " (or " + CliEnvironment.FALLBACK_TOKEN_VARIABLE
                        + ") to a token with the droplet:delete scope, or try the embedded sandbox with --sandbox");
                return Optional.empty();
            }
            modules.add(new EndpointModule(endpoint.get()));
        }
        modules.add(new CliModule(callDeadline));
        modules.add(connection.verbose ? RequestLogModule.toStderr(context.err()) : RequestLogModule.silent());
        modules.add(new HttpSourceModule());
        modules.add(cached ? new CachingModule() : new UncachedModule());
        modules.add(new UseCasesModule());
        return Optional.of(new CliStack(Guice.createInjector(modules)));
    }

    CheckStatusUseCase check() {
        return injector.getInstance(CheckStatusUseCase.class);
    }

    AwaitTeardownUseCase await() {
        return injector.getInstance(AwaitTeardownUseCase.class);
    }

    @Override
    public void close() {
        injector.getInstance(Lifecycle.class).close();
    }
}
