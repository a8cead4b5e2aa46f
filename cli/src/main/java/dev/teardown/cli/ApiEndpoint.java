package dev.teardown.cli;

import dev.teardown.adapters.http.ApiToken;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the API is, the token to show it, and the HTTP proxy to go through, if any: DigitalOcean's
 * from the environment, or the sandbox's.
 */
record ApiEndpoint(URI baseUrl, ApiToken token, Optional<URI> proxy) {

    public ApiEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(proxy, "proxy");
    }

    /** An endpoint reached directly. */
    ApiEndpoint(URI baseUrl, ApiToken token) {
        this(baseUrl, token, Optional.empty());
    }
}
