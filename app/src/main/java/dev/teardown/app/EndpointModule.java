package dev.teardown.app;

import com.google.inject.AbstractModule;
import java.util.Objects;

/** Makes a given endpoint (usually DigitalOcean's, with the user's token) the API endpoint. */
public final class EndpointModule extends AbstractModule {

    private final ApiEndpoint endpoint;

    public EndpointModule(ApiEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    protected void configure() {
        bind(ApiEndpoint.class).toInstance(endpoint);
    }
}
