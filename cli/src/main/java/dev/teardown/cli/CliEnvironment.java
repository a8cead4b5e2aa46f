package dev.teardown.cli;

import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.http.ProxyEnvironment;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Reads the endpoint from flags, environment variables and system properties: the one place that reads them. */
final class CliEnvironment {

    static final String TOKEN_VARIABLE = "DIGITALOCEAN_ACCESS_TOKEN";
    static final String FALLBACK_TOKEN_VARIABLE = "DIGITALOCEAN_TOKEN";
    static final String API_URL_VARIABLE = "DIGITALOCEAN_API_URL";
    static final String REDIS_URL_VARIABLE = "TEARDOWN_REDIS_URL";

    private final Map<String, String> variables;
    private final Properties systemProperties;

    CliEnvironment(Map<String, String> variables, Properties systemProperties) {
        this.variables = Map.copyOf(variables);
        this.systemProperties = systemProperties;
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
        return flag.or(() -> variable(API_URL_VARIABLE).map(CliEnvironment::url)).orElse(HttpClientConfig.DEFAULT_BASE_URL);
    }

    private static URI url(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(API_URL_VARIABLE + " is not a URL: '" + text + "'", e);
        }
    }

    /**
     * The Redis to share the cache and the rate budget through: {@code --redis}, else
     * {@value #REDIS_URL_VARIABLE} unless {@code fromEnvironment} is false (the sandbox promises no network
     * unless asked for); empty for none.
     *
     * @throws IllegalArgumentException when it is not a URL, naming where it came from and showing it
     *     without its password
     */
    Optional<RedisUrl> redisUrl(Optional<String> flag, boolean fromEnvironment) {
        if (flag.isPresent()) {
            return Optional.of(RedisUrl.parse("--redis", flag.get()));
        }
        return fromEnvironment
                ? variable(REDIS_URL_VARIABLE).map(text -> RedisUrl.parse(REDIS_URL_VARIABLE, text))
                : Optional.empty();
    }

    /**
     * The endpoint, with its proxy: {@code --proxy}, else {@code https_proxy}/{@code HTTPS_PROXY}, else
     * {@code https.proxyHost}; none for a host {@code NO_PROXY} names (see {@link ProxyEnvironment}).
     */
    Optional<ApiEndpoint> endpoint(Optional<URI> apiUrlFlag, Optional<String> proxyFlag) {
        return token().map(token -> {
            URI baseUrl = apiUrl(apiUrlFlag);
            Optional<URI> proxy = ProxyEnvironment.of(variables, systemProperties)
                    .proxyFor(baseUrl, proxyFlag.map(text -> ProxyEnvironment.parse("--proxy", text)));
            return new ApiEndpoint(baseUrl, token, proxy);
        });
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
