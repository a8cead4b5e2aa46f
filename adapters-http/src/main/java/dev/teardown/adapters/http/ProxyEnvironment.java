package dev.teardown.adapters.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the proxy for the API the way other tools do, from the environment and Java's system
 * properties, both given (this class reads neither by itself):
 *
 * <ol>
 *   <li>a proxy given explicitly (a command's {@code --proxy});
 *   <li>for an https API, {@code https_proxy}, else {@code HTTPS_PROXY} ({@code host:port} or
 *       {@code http://[user:password@]host:port});
 *   <li>for an https API, the system properties {@code https.proxyHost} and {@code https.proxyPort}
 *       (443 when not set).
 * </ol>
 *
 * <p>{@code no_proxy}, else {@code NO_PROXY}, names hosts reached directly, whichever of the first two
 * chose the proxy: a comma-separated list of names, each also matching the names under it
 * ({@code example.com} and {@code .example.com} both match {@code api.example.com}), or literal
 * addresses, each optionally with {@code :port}; {@code *} alone matches every host. The properties'
 * proxy follows {@code http.nonProxyHosts} instead, as the JDK does: {@code |}-separated, {@code *} at
 * the start or end of a pattern; the JDK's default ({@code localhost|127.*|[::1]|0.0.0.0|[::0]}) when
 * it is not set. A plain-http API (a local test server) goes through an explicit proxy only.
 */
public final class ProxyEnvironment {

    /** The JDK's {@code http.nonProxyHosts} when the property is not set. */
    static final String DEFAULT_NON_PROXY_HOSTS = "localhost|127.*|[::1]|0.0.0.0|[::0]";

    private final Optional<String> proxyVariable;
    private final String proxyValue;
    private final String noProxy;
    private final String propertyHost;
    private final String propertyPort;
    private final String nonProxyHosts;

    private ProxyEnvironment(Map<String, String> environment, Properties properties) {
        this.proxyVariable = firstSet(environment, "https_proxy", "HTTPS_PROXY");
        this.proxyValue = proxyVariable.map(name -> environment.get(name).strip()).orElse(null);
        this.noProxy = firstSet(environment, "no_proxy", "NO_PROXY").map(environment::get).orElse("");
        this.propertyHost = blankToNull(properties.getProperty("https.proxyHost"));
        this.propertyPort = blankToNull(properties.getProperty("https.proxyPort"));
        this.nonProxyHosts = Objects.requireNonNullElse(blankToNull(properties.getProperty("http.nonProxyHosts")),
                DEFAULT_NON_PROXY_HOSTS);
    }

    /** What this environment and these system properties say about proxies; both are read once, now. */
    public static ProxyEnvironment of(Map<String, String> environment, Properties properties) {
        return new ProxyEnvironment(Objects.requireNonNull(environment, "environment"),
                Objects.requireNonNull(properties, "properties"));
    }

    /**
     * The proxy to reach {@code baseUrl} through, or empty to go directly.
     *
     * @param explicit a proxy given explicitly, which wins over the environment's and the properties'
     * @throws IllegalArgumentException when a variable or property is not a proxy url; the message
     *     names it, and never shows a password it may hold
     */
    public Optional<URI> proxyFor(URI baseUrl, Optional<URI> explicit) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(explicit, "explicit");
        String host = host(baseUrl);
        int port = port(baseUrl);
        if (explicit.isPresent()) {
            return excludedByNoProxy(host, port) ? Optional.empty() : explicit;
        }
        if (!"https".equalsIgnoreCase(baseUrl.getScheme())) {
            return Optional.empty();
        }
        if (proxyValue != null) {
            URI proxy = parse(proxyVariable.get(), proxyValue);
            return excludedByNoProxy(host, port) ? Optional.empty() : Optional.of(proxy);
        }
        if (propertyHost != null) {
            if (excludedByNonProxyHosts(host)) {
                return Optional.empty();
            }
            String proxyPort = propertyPort == null ? "443" : propertyPort;
            if (!proxyPort.matches("[0-9]{1,5}") || Integer.parseInt(proxyPort) < 1 || Integer.parseInt(proxyPort) > 65535) {
                throw new IllegalArgumentException("https.proxyPort must be a port number, is '"
                        + Excerpts.abbreviate(Excerpts.printable(proxyPort), 20) + "'");
            }
            String bracketed = propertyHost.contains(":") && !propertyHost.startsWith("[")
                    ? "[" + propertyHost + "]" : propertyHost;
            return Optional.of(parse("https.proxyHost", "http://" + bracketed + ":" + proxyPort));
        }
        return Optional.empty();
    }

    /** The proxy for {@code baseUrl} from the environment and the properties alone. */
    public Optional<URI> proxyFor(URI baseUrl) {
        return proxyFor(baseUrl, Optional.empty());
    }

    /**
     * A proxy url as people write it: {@code http://[user:password@]host[:port]}, or {@code host:port}
     * without a scheme (taken as http).
     *
     * @param source where the text comes from (a variable, a flag), for the message when it is not a url
     * @throws IllegalArgumentException when it is not a url; the message never shows a password
     */
    public static URI parse(String source, String text) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        String url = text.strip().contains("://") ? text.strip() : "http://" + text.strip();
        URI proxy;
        try {
            proxy = new URI(url);
        } catch (URISyntaxException e) {
            // The syntax error would quote the whole text, password and all.
            throw new IllegalArgumentException(source + " is not a proxy url: '" + withoutUserInfo(url) + "'");
        }
        if (proxy.getHost() == null) {
            throw new IllegalArgumentException(source + " is not a proxy url with a host: '" + withoutUserInfo(url) + "'");
        }
        if (!"http".equalsIgnoreCase(proxy.getScheme())) {
            throw new IllegalArgumentException(source + " must be an http:// proxy url (an https api is tunnelled"
                    + " through it), is '" + withoutUserInfo(url) + "'");
        }
        String path = proxy.getRawPath() == null ? "" : proxy.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || proxy.getRawQuery() != null || proxy.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    source + " must be only a scheme, host and port, is '" + withoutUserInfo(url) + "'");
        }
        return proxy;
    }

    /** The text with anything between the scheme and the last {@code @} of the authority masked. */
    private static String withoutUserInfo(String url) {
        int start = url.indexOf("://") + 3;
        int end = url.indexOf('/', start);
        int at = url.lastIndexOf('@', end < 0 ? url.length() : end);
        String shown = at < start ? url : url.substring(0, start) + "***" + url.substring(at);
        return Excerpts.abbreviate(Excerpts.printable(shown), 100);
    }

    private boolean excludedByNoProxy(String host, int port) {
        for (String raw : noProxy.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            int entryPort = -1;
            int colon = entry.lastIndexOf(':');
            // host:port, [v6]:port; a bare IPv6 address has colons of its own and no port
            if (colon > 0 && entry.indexOf(':') == colon || entry.startsWith("[") && entry.contains("]:")) {
                String portText = entry.substring(colon + 1);
                if (!portText.matches("[0-9]{1,5}")) {
                    continue;
                }
                entryPort = Integer.parseInt(portText);
                entry = entry.substring(0, colon);
            }
            if (entryPort >= 0 && entryPort != port) {
                continue;
            }
            entry = unbracketed(entry);
            if (entry.startsWith("*.")) {
                entry = entry.substring(1);
            }
            if (entry.startsWith(".")) {
                entry = entry.substring(1);
            }
            if (host.equals(entry) || host.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    private boolean excludedByNonProxyHosts(String host) {
        String bracketed = host.contains(":") ? "[" + host + "]" : host;
        for (String raw : nonProxyHosts.split("\\|")) {
            String pattern = raw.strip().toLowerCase(Locale.ROOT);
            if (pattern.isEmpty()) {
                continue;
            }
            if (matchesWildcard(pattern, host) || matchesWildcard(pattern, bracketed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesWildcard(String pattern, String host) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*")) {
            return host.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return host.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return host.equals(pattern);
    }

    private static String host(URI baseUrl) {
        String host = baseUrl.getHost();
        if (host == null) {
            throw new IllegalArgumentException("base url has no host: " + baseUrl);
        }
        return unbracketed(host.toLowerCase(Locale.ROOT));
    }

    private static int port(URI baseUrl) {
        if (baseUrl.getPort() >= 0) {
            return baseUrl.getPort();
        }
        return "http".equalsIgnoreCase(baseUrl.getScheme()) ? 80 : 443;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<String> firstSet(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
