package dev.teardown.app.sandbox;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.app.ApiEndpoint;
import dev.teardown.app.Lifecycle;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Starts the embedded sandbox (its teardowns advance with the bound clock) and makes it the API endpoint. */
public final class SandboxModule extends AbstractModule {

    /** The token sent to the sandbox; it accepts any non-blank bearer token. */
    public static final String SANDBOX_TOKEN = "sandbox-token";

    @Provides
    @Singleton
    SandboxServer sandbox(Lifecycle lifecycle, Clock clock) {
        return lifecycle.register(SandboxServer.start(0, clock));
    }

    @Provides
    @Singleton
    ApiEndpoint endpoint(SandboxServer sandbox) {
        return new ApiEndpoint(sandbox.uri(), ApiToken.of(SANDBOX_TOKEN));
    }
}
