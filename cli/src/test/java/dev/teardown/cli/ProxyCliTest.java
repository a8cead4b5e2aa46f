package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --proxy}, the proxy variables and Java's proxy properties, through proxies on loopback: a
 * forwarding one for a plain-http API on loopback, and for an https API one that records the CONNECT
 * and refuses it (so nothing leaves the machine).
 */
class ProxyCliTest {

    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";
    private static final String PATH = "/v2/droplets/61486916/destroy_with_associated_resources/status";
    private static final String HTTPS_API = "https://api.teardown.test";
    private static final String PASSWORD = "hunter2-proxy-pw";

    private final List<Proxy> proxies = new ArrayList<>();
    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ReferenceExamples.checkStatusDocJson())));
    }

    @AfterEach
    void stop() {
        proxies.forEach(Proxy::close);
        api.stop();
    }

    private static CliRun run(Map<String, String> environment, Properties properties, String... args) {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(args, environment, properties, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, clock, clock.sleeper());
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> environment(String apiUrl, String... more) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DIGITALOCEAN_ACCESS_TOKEN", TOKEN);
        environment.put("DIGITALOCEAN_API_URL", apiUrl);
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    private Proxy forwarding() {
        Proxy proxy = new Proxy(true);
        proxies.add(proxy);
        return proxy;
    }

    private Proxy refusingConnects() {
        Proxy proxy = new Proxy(false);
        proxies.add(proxy);
        return proxy;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --proxy

    @Test
    void status_proxyFlag_asksThroughTheProxy() {
        Proxy proxy = forwarding();

        CliRun run = run(environment(api.baseUrl()), new Properties(), "status", "61486916", "--proxy", proxy.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(proxy.heads()).singleElement().asString().startsWith("GET " + api.baseUrl() + PATH + " HTTP/1.1");
        api.verify(1, getRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void status_proxyFlagWithoutScheme_isTakenAsHttp() {
        Proxy proxy = forwarding();

        CliRun run = run(environment(api.baseUrl()), new Properties(), "status", "61486916",
                "--proxy", "127.0.0.1:" + proxy.port());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(proxy.heads()).hasSize(1);
    }

    @Test
    void status_noProxyAtAll_goesDirectly() {
        Proxy proxy = forwarding();
        Properties properties = new Properties();
        properties.setProperty("https.proxyHost", "127.0.0.1");
        properties.setProperty("https.proxyPort", Integer.toString(proxy.port()));

        // A plain-http API on loopback takes an explicit proxy only; the https variables and properties are not for it.
        CliRun run = run(environment(api.baseUrl(), "HTTPS_PROXY", proxy.url(), "HTTP_PROXY", proxy.url()),
                properties, "status", "61486916");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(proxy.heads()).isEmpty();
    }

    // Which proxy: --proxy > https_proxy > HTTPS_PROXY > https.proxyHost

    @Test
    void status_httpsApi_theFlagWinsOverTheVariablesAndTheProperties() {
        Proxy flag = refusingConnects();
        Proxy lower = refusingConnects();
        Proxy upper = refusingConnects();
        Proxy property = refusingConnects();

        CliRun run = run(environment(HTTPS_API, "https_proxy", lower.url(), "HTTPS_PROXY", upper.url()),
                property.properties(), "status", "61486916", "--proxy", flag.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(flag.heads()).singleElement().asString().startsWith("CONNECT api.teardown.test:443 HTTP/1.1");
        assertThat(lower.heads()).isEmpty();
        assertThat(upper.heads()).isEmpty();
        assertThat(property.heads()).isEmpty();
        assertThat(run.err()).contains("the proxy " + flag.url() + " refused a tunnel to api.teardown.test")
                .contains("--proxy").doesNotContain(TOKEN);
        assertThat(flag.heads().get(0)).doesNotContainIgnoringCase("authorization").doesNotContain(TOKEN);
    }

    @Test
    void status_httpsApi_theLowerCaseVariableWinsOverTheUpperCaseOne() {
        Proxy lower = refusingConnects();
        Proxy upper = refusingConnects();

        run(environment(HTTPS_API, "https_proxy", lower.url(), "HTTPS_PROXY", upper.url()), new Properties(),
                "status", "61486916");

        assertThat(lower.heads()).hasSize(1);
        assertThat(upper.heads()).isEmpty();
    }

    @Test
    void status_httpsApi_theVariableWinsOverTheProperties() {
        Proxy upper = refusingConnects();
        Proxy property = refusingConnects();

        run(environment(HTTPS_API, "HTTPS_PROXY", upper.url()), property.properties(), "status", "61486916");

        assertThat(upper.heads()).hasSize(1);
        assertThat(property.heads()).isEmpty();
    }

    @Test
    void status_httpsApi_thePropertiesWhenNothingElse() {
        Proxy property = refusingConnects();

        CliRun run = run(environment(HTTPS_API), property.properties(), "status", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(property.heads()).singleElement().asString().startsWith("CONNECT api.teardown.test:443 ");
    }

    // NO_PROXY

    @ParameterizedTest
    @ValueSource(strings = {"*", "localhost", ".localhost", "example.com, localhost", "LOCALHOST"})
    void status_hostInNoProxy_goesDirectlyEvenWithTheFlag(String noProxy) {
        Proxy proxy = refusingConnects();
        String apiUrl = "https://localhost:" + closedPort();

        CliRun flag = run(environment(apiUrl, "NO_PROXY", noProxy), new Properties(), "status", "61486916",
                "--proxy", proxy.url());
        CliRun variable = run(environment(apiUrl, "no_proxy", noProxy, "HTTPS_PROXY", proxy.url()), new Properties(),
                "status", "61486916");

        assertThat(proxy.heads()).isEmpty();
        assertThat(flag.exitCode()).isEqualTo(1);
        assertThat(flag.err()).contains("could not connect");
        assertThat(variable.err()).contains("could not connect");
    }

    // Secrets

    @Test
    void status_proxyWithCredentialsUnreachable_neverShowsThem() {
        String url = "http://teardown:" + PASSWORD + "@127.0.0.1:" + closedPort();

        CliRun flag = run(environment(HTTPS_API), new Properties(), "status", "61486916", "--verbose", "--proxy", url);
        CliRun variable = run(environment(HTTPS_API, "HTTPS_PROXY", url), new Properties(), "status", "61486916",
                "--json", "--verbose");

        assertThat(flag.exitCode()).isEqualTo(1);
        assertThat(variable.exitCode()).isEqualTo(1);
        assertThat(flag.out() + flag.err() + variable.out() + variable.err()).doesNotContain(PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://teardown:" + PASSWORD + "@", "http://tear down:" + PASSWORD + "@proxy:3128",
        "https://teardown:" + PASSWORD + "@proxy:3128", "socks5://teardown:" + PASSWORD + "@proxy:1080",
        "http://teardown:" + PASSWORD + "@proxy:3128/path"})
    void status_proxyNotAProxyUrl_isRefusedAsUsageNeverShowingThePassword(String url) {
        CliRun flag = run(environment(HTTPS_API), new Properties(), "status", "61486916", "--proxy", url);
        CliRun variable = run(environment(HTTPS_API, "HTTPS_PROXY", url), new Properties(), "status", "61486916");

        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(variable.exitCode()).isEqualTo(2);
        assertThat(variable.err()).contains("HTTPS_PROXY");
        assertThat(flag.err() + variable.err()).doesNotContain(PASSWORD);
    }

    @Test
    void status_remoteProxyForAPlainHttpApi_isRefusedAsUsage() {
        CliRun run = run(environment(api.baseUrl()), new Properties(), "status", "61486916",
                "--proxy", "http://teardown:" + PASSWORD + "@proxy.example:3128");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("loopback").doesNotContain(PASSWORD);
        api.verify(0, getRequestedFor(urlEqualTo(PATH)));
    }

    /**
     * A proxy on loopback. Forwarding, it relays each request to the host its absolute URL names, one
     * connection each; otherwise it answers every CONNECT with 403. It records every request head.
     */
    private static final class Proxy implements AutoCloseable {
        private final ServerSocket server;
        private final List<String> heads = new CopyOnWriteArrayList<>();
        private final boolean forwarding;

        Proxy(boolean forwarding) {
            this.forwarding = forwarding;
            try {
                this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::accept, "test-proxy-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        String url() {
            return "http://127.0.0.1:" + port();
        }

        Properties properties() {
            Properties properties = new Properties();
            properties.setProperty("https.proxyHost", "127.0.0.1");
            properties.setProperty("https.proxyPort", Integer.toString(port()));
            return properties;
        }

        List<String> heads() {
            return List.copyOf(heads);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread handler = new Thread(() -> handle(client));
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void handle(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                if (!forwarding) {
                    out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                // GET http://host:port/path HTTP/1.1 -> GET /path HTTP/1.1 to host:port, one request per connection,
                // without the hop-by-hop headers.
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                URI target = URI.create(requestLine[1]);
                try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
                    StringBuilder request = new StringBuilder(requestLine[0] + " " + target.getRawPath() + " " + requestLine[2]);
                    head.lines().skip(1)
                            .filter(line -> !line.regionMatches(true, 0, "connection:", 0, 11))
                            .filter(line -> !line.regionMatches(true, 0, "proxy-connection:", 0, 17))
                            .filter(line -> !line.regionMatches(true, 0, "upgrade:", 0, 8))
                            .forEach(line -> request.append("\r\n").append(line));
                    request.append("\r\nConnection: close\r\n\r\n");
                    upstream.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                    upstream.getOutputStream().flush();
                    upstream.getInputStream().transferTo(out);
                    out.flush();
                }
            } catch (IOException clientOrUpstreamWentAway) {
                // The command may hang up whenever it likes.
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            return text.substring(0, text.length() - end.length);
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }
}
