package dev.teardown.adapters.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How {@link HttpTransport} reaches the DigitalOcean API. Built in code; this library
 * reads no environment variable. The token never appears in {@link #toString()}.
 *
 * @param baseUrl the API's root, {@code https://api.digitalocean.com} by default; may carry a path
 *     prefix. Plain {@code http} is accepted only for {@code localhost} and literal loopback addresses
 *     ({@code 127.0.0.0/8}, {@code [::1]}): a local test server.
 * @param token the API token, sent as a bearer token to {@code baseUrl}'s host only
 * @param connectTimeout how long to wait for a TCP (and TLS) connection, 5 s by default
 * @param responseTimeout how long one attempt waits for the next bytes of an answer, 10 s by default
 * @param callDeadline how long one call of the API may take in all, retries and waits
 *     included, 30 s by default
 * @param retryPolicy how transient failures are retried, {@link RetryPolicy#defaults()} by default
 * @param maxBodyBytes the largest answer body accepted, 1 MiB by default; a larger one is a failure
 * @param poolSize how many connections are kept for concurrent callers, 16 by default
 * @param proxy the HTTP proxy to go through, none by default: {@code http://host:port}, with
 *     {@code user:password@} before the host when it asks for them (never shown in messages). An https
 *     API is reached through a {@code CONNECT} tunnel, so the proxy sees neither the token nor the
 *     answers; a plain-http (loopback) API only through a proxy on loopback. {@link ProxyEnvironment}
 *     finds one the way other tools do.
 */
public record HttpClientConfig(
        URI baseUrl,
        ApiToken token,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration callDeadline,
        RetryPolicy retryPolicy,
        int maxBodyBytes,
        int poolSize,
        Optional<URI> proxy) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.digitalocean.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_POOL_SIZE = 16;

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\." + OCTET + "){3}");

    public HttpClientConfig {
        baseUrl = checkedBaseUrl(baseUrl);
        Objects.requireNonNull(token, "token");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(responseTimeout, "response timeout");
        requirePositive(callDeadline, "call deadline");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("max body bytes must be between 1 and 2^31 - 17, was " + maxBodyBytes);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, was " + poolSize);
        }
        proxy = Objects.requireNonNullElse(proxy, Optional.<URI>empty()).map(HttpClientConfig::checkedProxy);
        if (proxy.isPresent() && baseUrl.getScheme().equals("http") && !isLoopback(proxy.get().getHost())) {
            throw new IllegalArgumentException("a plain-http base url may go only through a proxy on loopback: the proxy"
                    + " would read the token; was " + shown(proxy.get()) + " for " + baseUrl);
        }
    }

    /** A configuration with every default but the token. */
    public static HttpClientConfig of(ApiToken token) {
        return builder(token).build();
    }

    public static Builder builder(ApiToken token) {
        return new Builder(token);
    }

    /** A builder holding this configuration's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(token)
                .baseUrl(baseUrl)
                .connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .callDeadline(callDeadline)
                .retryPolicy(retryPolicy)
                .maxBodyBytes(maxBodyBytes)
                .poolSize(poolSize)
                .proxy(proxy);
    }

    /**
     * A proxy url as it may be shown: without the {@code user:password} it may carry.
     */
    static String shown(URI proxy) {
        String host = proxy.getRawAuthority() == null ? null : proxy.getRawAuthority().substring(
                proxy.getRawAuthority().lastIndexOf('@') + 1);
        if (proxy.getScheme() == null || host == null) {
            return "(a proxy url that is not shown: it may hold a password)";
        }
        return proxy.getScheme() + "://" + (proxy.getRawUserInfo() == null ? "" : "***@") + host;
    }

    /** The proxy's {@code user:password}, decoded; empty when it has none. */
    Optional<String> proxyUserInfo() {
        return proxy.map(URI::getUserInfo);
    }

    private static URI checkedProxy(URI given) {
        Objects.requireNonNull(given, "proxy");
        if (!given.isAbsolute() || given.isOpaque() || given.getHost() == null) {
            throw new IllegalArgumentException("proxy must be a url such as http://proxy.example:3128, was " + shown(given));
        }
        if (!given.getScheme().equalsIgnoreCase("http")) {
            throw new IllegalArgumentException("proxy must be an http:// url (an https api is tunnelled through it),"
                    + " was " + shown(given));
        }
        String path = given.getRawPath() == null ? "" : given.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || given.getRawQuery() != null || given.getRawFragment() != null) {
            throw new IllegalArgumentException("proxy must be only a scheme, host and port, was " + shown(given));
        }
        int port = given.getPort() < 0 ? 80 : given.getPort();
        String userInfo = given.getRawUserInfo() == null ? "" : given.getRawUserInfo() + "@";
        return URI.create("http://" + userInfo + given.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0, was " + duration);
        }
    }

    private static URI checkedBaseUrl(URI given) {
        Objects.requireNonNull(given, "baseUrl");
        if (!given.isAbsolute() || given.isOpaque() || given.getHost() == null) {
            throw new IllegalArgumentException("base url must be an absolute http(s) url with a host, was " + given);
        }
        if (given.getRawUserInfo() != null) {
            throw new IllegalArgumentException("base url must not carry user info; pass the token separately");
        }
        if (given.getRawQuery() != null || given.getRawFragment() != null) {
            throw new IllegalArgumentException("base url must have no query or fragment, was " + given);
        }
        String scheme = given.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(given.getHost())) {
                throw new IllegalArgumentException(
                        "base url must use https: plain http would send the token in clear; it is allowed only for"
                                + " a loopback host, was " + given);
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException("base url must use https, was " + given);
        }
        String path = given.getRawPath() == null ? "" : given.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + given.getRawAuthority() + path);
    }

    /**
     * Decided from the url alone, never by a resolver: only the name {@code localhost} itself, an IPv4
     * literal in 127.0.0.0/8 written as four decimal numbers, and an IPv6 literal of the loopback
     * address. A name under {@code .localhost}, or {@code 127.0.0.1.nip.io}, is whatever a resolver makes
     * of it; {@code 0x7f.1} or {@code 2130706433} would be looked up as names by some resolvers too.
     */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (LOOPBACK_IPV4.matcher(h).matches()) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // A bracketed literal is parsed, never looked up: an invalid one fails at once.
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "HttpClientConfig[baseUrl=" + baseUrl + ", token=" + token
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", callDeadline=" + callDeadline + ", retryPolicy=" + retryPolicy
                + ", maxBodyBytes=" + maxBodyBytes + ", poolSize=" + poolSize
                + ", proxy=" + proxy.map(HttpClientConfig::shown).orElse("none") + "]";
    }

    /** Builds a configuration; every value but the token has a default. */
    public static final class Builder {
        private final ApiToken token;
        private URI baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private Duration callDeadline = DEFAULT_CALL_DEADLINE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Optional<URI> proxy = Optional.empty();

        private Builder(ApiToken token) {
            this.token = Objects.requireNonNull(token, "token");
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        public Builder callDeadline(Duration callDeadline) {
            this.callDeadline = callDeadline;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        /** Goes through this HTTP proxy. */
        public Builder proxy(URI proxy) {
            return proxy(Optional.of(Objects.requireNonNull(proxy, "proxy")));
        }

        /** Goes through this HTTP proxy when there is one, such as what {@link ProxyEnvironment} found. */
        public Builder proxy(Optional<URI> proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        public HttpClientConfig build() {
            return new HttpClientConfig(baseUrl, token, connectTimeout, responseTimeout, callDeadline, retryPolicy,
                    maxBodyBytes, poolSize, proxy);
        }
    }
}
