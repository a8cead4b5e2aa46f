package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https API through a proxy that really tunnels: the lookup succeeds, twice over one tunnel, the
 * API receives the token, and the proxy sees it nowhere, neither in the CONNECT nor in what it relays.
 *
 * <p>The API is WireMock with a certificate for {@code api.teardown.test} made here by the JDK's
 * {@code keytool}; the client trusts it through {@code javax.net.ssl.trustStore}, set for this class
 * only and restored after it.
 */
class ProxyTunnelTest {

    private static final String PASSWORD = "changeit";
    private static final String API_HOST = "api.teardown.test";
    private static final long DROPLET = 61486916;

    @TempDir
    static Path keys;

    private static String previousTrustStore;
    private static String previousTrustStorePassword;
    private static ApiServer api;

    @BeforeAll
    static void startApiWithACertificateForItsName() throws Exception {
        Path keyStore = keys.resolve("api.p12");
        Path certificate = keys.resolve("api.cer");
        Path trustStore = keys.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "api", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + API_HOST,
                "-ext", "SAN=dns:" + API_HOST, "-validity", "2", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "api", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "api", "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        previousTrustStore = System.getProperty("javax.net.ssl.trustStore");
        previousTrustStorePassword = System.getProperty("javax.net.ssl.trustStorePassword");
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        api = ApiServer.startWithHttps(keyStore.toString(), PASSWORD);
    }

    @AfterAll
    static void restore() {
        api.close();
        restore("javax.net.ssl.trustStore", previousTrustStore);
        restore("javax.net.ssl.trustStorePassword", previousTrustStorePassword);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static void keytool(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void statusOf_httpsApiThroughATunnellingProxy_reachesTheApiWithTheTokenHiddenFromTheProxy() throws Exception {
        TeardownStatus status = TeardownStatusBuilder.status(DROPLET)
                .dropletPending("web")
                .pending(ResourceKind.VOLUME, "v-1", "data")
                .build();
        api.serve(status);
        ByteArrayOutputStream relayedToTheApi = new ByteArrayOutputStream();
        try (RawServer proxy = RawServer.start(connection -> {
            String connect = connection.readRequestHead();
            if (connect == null || !connect.startsWith("CONNECT " + API_HOST + ":443 ")) {
                return;
            }
            // This proxy knows the API's name to be the WireMock on loopback.
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), api.httpsPort())) {
                connection.write("HTTP/1.1 200 Connection established\r\n\r\n");
                Thread back = new Thread(() -> relay(upstream, connection.socket(), null));
                back.setDaemon(true);
                back.start();
                relay(connection.socket(), upstream, relayedToTheApi);
            }
        });
                HttpTeardownStatusSource source = HttpTeardownStatusSource.create(HttpClientConfig.builder(ApiServer.TOKEN)
                        .baseUrl("https://" + API_HOST)
                        .proxy(URI.create(proxy.baseUrl()))
                        .callDeadline(Duration.ofSeconds(20))
                        .build())) {

            assertThat(source.statusOf(DropletId.of(DROPLET))).contains(status);
            assertThat(source.statusOf(DropletId.of(DROPLET))).contains(status);

            assertThat(proxy.requestHeads()).singleElement().asString()
                    .startsWith("CONNECT " + API_HOST + ":443 HTTP/1.1\r\n")
                    .doesNotContainIgnoringCase("authorization")
                    .doesNotContain(ApiServer.TOKEN_TEXT);
            assertThat(proxy.failures()).isEmpty();
        }
        api.wireMock().verify(2, getRequestedFor(urlPathEqualTo(ApiServer.statusPath(DROPLET)))
                .withHeader("Authorization", equalTo("Bearer " + ApiServer.TOKEN_TEXT)));
        String relayed;
        synchronized (relayedToTheApi) {
            relayed = relayedToTheApi.toString(StandardCharsets.ISO_8859_1);
        }
        assertThat(relayed).isNotEmpty().doesNotContain(ApiServer.TOKEN_TEXT).doesNotContain("Bearer");
    }

    /** Copies bytes one way until either side closes; {@code seen} keeps a copy of them. */
    private static void relay(Socket from, Socket to, ByteArrayOutputStream seen) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (seen != null) {
                    synchronized (seen) {
                        seen.write(buffer, 0, n);
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // Either side hung up: the tunnel is over.
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException alreadyClosed) {
                // Nothing left to tell the other side.
            }
        }
    }
}
