package dev.teardown.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where to ask, shared by the subcommands. */
final class ConnectionOptions {

    @Option(names = "--api-url", paramLabel = "URL",
            description = "API base URL (default: $DIGITALOCEAN_API_URL, else https://api.digitalocean.com).")
    URI apiUrl;

    @Option(names = "--sandbox",
            description = "Ask an embedded sandbox on a loopback port instead of DigitalOcean: no token, no network.")
    boolean sandbox;

    // A String, not a URI: picocli would quote a value it cannot convert, password and all.
    @Option(names = "--proxy", paramLabel = "URL",
            description = "HTTP proxy, http://[user:password@]host:port (default: $https_proxy, $HTTPS_PROXY,"
                    + " then -Dhttps.proxyHost; $NO_PROXY lists hosts reached directly).")
    String proxy;

    // A String, not a URI: picocli would quote a value it cannot convert, password and all.
    @Option(names = "--redis", paramLabel = "URL",
            description = "Share the cache and the rate budget with other teardown processes through this Redis:"
                    + " redis://[:password@]host[:port][/db] or rediss:// (default: $TEARDOWN_REDIS_URL, not read"
                    + " with --sandbox). When it does not answer: one warning, and the command goes on alone.")
    String redis;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--verbose", description = "Log each request and response line to stderr (never the token).")
    boolean verbose;

    Optional<URI> apiUrlFlag() {
        return Optional.ofNullable(apiUrl);
    }

    Optional<String> proxyFlag() {
        return Optional.ofNullable(proxy);
    }

    Optional<String> redisFlag() {
        return Optional.ofNullable(redis);
    }
}
