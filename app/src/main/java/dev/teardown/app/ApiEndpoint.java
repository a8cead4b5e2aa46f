package dev.teardown.app;

import dev.teardown.adapters.http.ApiToken;
import java.net.URI;
import java.util.Objects;

/** Where the API is and the token to show it: DigitalOcean's from the environment, or the sandbox's. */
public record ApiEndpoint(URI baseUrl, ApiToken token) {

    public ApiEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
    }
}
