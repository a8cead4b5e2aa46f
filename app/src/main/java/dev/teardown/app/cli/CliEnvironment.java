package dev.teardown.app.cli;

import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpSourceConfig;
import dev.teardown.app.ApiEndpoint;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Reads the endpoint from flags and environment variables: the one place that reads them. */
final class CliEnvironment {

    static final String TOKEN_VARIABLE = "DIGITALOCEAN_ACCESS_TOKEN";
    static final String FALLBACK_TOKEN_VARIABLE = "DIGITALOCEAN_TOKEN";
    static final String API_URL_VARIABLE = "DIGITALOCEAN_API_URL";

    private final Map<String, String> variables;

    CliEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The token from {@value #TOKEN_VARIABLE}, else {@value #FALLBACK_TOKEN_VARIABLE}. */
    Optional<ApiToken> token() {
        Optional<String> name = variable(TOKEN_VARIABLE).isPresent() ? Optional.of(TOKEN_VARIABLE)
                : variable(FALLBACK_TOKEN_VARIABLE).map(value -> FALLBACK_TOKEN_VARIABLE);
        return name.map(variable -> {
            try {
                return ApiToken.of(variables.get(variable).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
            }
        });
    }

    /** {@code --api-url}, else {@value #API_URL_VARIABLE}, else DigitalOcean's. */
    URI apiUrl(Optional<URI> flag) {
        return flag.or(() -> variable(API_URL_VARIABLE).map(CliEnvironment::url)).orElse(HttpSourceConfig.DEFAULT_BASE_URL);
    }

    private static URI url(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(API_URL_VARIABLE + " is not a URL: '" + text + "'", e);
        }
    }

    Optional<ApiEndpoint> endpoint(Optional<URI> apiUrlFlag) {
        return token().map(token -> new ApiEndpoint(apiUrl(apiUrlFlag), token));
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
