package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpClientConfigTest {

    private static final ApiToken TOKEN = ApiToken.of("dop_v1_abc");

    @Test
    void of_token_hasTheDocumentedDefaults() {
        HttpClientConfig config = HttpClientConfig.of(TOKEN);

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.digitalocean.com"));
        assertThat(config.callDeadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.of(3, Duration.ofMillis(500), Duration.ofSeconds(8)));
        assertThat(config.connectTimeout()).isPositive();
        assertThat(config.responseTimeout()).isPositive();
        assertThat(config.poolSize()).isPositive();
    }

    @Test
    void baseUrl_withPathPrefixAndTrailingSlash_keepsThePrefixWithoutTheSlash() {
        HttpClientConfig config = HttpClientConfig.builder(TOKEN).baseUrl("https://proxy.example/do/api/").build();

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://proxy.example/do/api"));
    }

    @Test
    void baseUrl_plainHttpOnLoopback_isAccepted() {
        assertThat(List.of("http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80/x", "http://127.9.9.9"))
                .allSatisfy(url -> assertThat(HttpClientConfig.builder(TOKEN).baseUrl(url).build().baseUrl())
                        .hasScheme("http"));
    }

    @Test
    void baseUrl_plainHttpElsewhere_isRefused() {
        assertThat(List.of("http://api.digitalocean.com", "http://10.0.0.1", "http://localhost.evil.example",
                "http://127.0.0.1.nip.io", "http://[::2]"))
                .allSatisfy(url -> assertThatThrownBy(() -> HttpClientConfig.builder(TOKEN).baseUrl(url).build())
                        .as(url)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("https"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost", "http://LocalHost:8080/x", "http://127.0.0.1", "http://127.0.0.0:1",
        "http://127.255.255.255", "http://127.10.20.30:65535", "http://[::1]", "http://[::1]:8080",
        "http://[0:0:0:0:0:0:0:1]", "http://[0::1]", "http://[0000:0000::0001]", "http://[::ffff:127.0.0.1]"})
    void baseUrl_plainHttpToALiteralLoopbackAddressOrLocalhost_isAccepted(String url) {
        assertThat(HttpClientConfig.builder(TOKEN).baseUrl(url).build().baseUrl()).hasScheme("http");
    }

    /** Names a resolver may send anywhere, and spellings of 127.0.0.1 that only some parsers read as it. */
    @ParameterizedTest
    @ValueSource(strings = {"http://foo.localhost", "http://a.b.localhost:8080", "http://localhost.localhost",
        "http://localhost.", "http://localhost.evil.com", "http://localhostevil.com", "http://evil-localhost",
        "http://127.0.0.1.nip.io", "http://127.0.0.1.", "http://0x7f.1", "http://0x7f000001", "http://0x7f.0.0.1",
        "http://2130706433", "http://127.1", "http://127.0.1", "http://0177.0.0.1", "http://127.00.0.1",
        "http://127.0.0.256", "http://127.999.1.1", "http://128.0.0.1", "http://0.0.0.0", "http://[::]",
        "http://[::2]", "http://[fe80::1]", "http://[::ffff:10.0.0.1]", "http://10.0.0.1", "http://192.168.1.1"})
    void baseUrl_plainHttpToAnyOtherHost_isRefused(String url) {
        // Some of these are no host at all to java.net.URI, and refused as such.
        assertThatThrownBy(() -> HttpClientConfig.builder(TOKEN).baseUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http");
    }

    @Test
    void baseUrl_otherShapes_areRefused() {
        assertThat(List.of("ftp://api.digitalocean.com", "https://user:pw@api.digitalocean.com",
                "https://api.digitalocean.com?x=1", "/v2", "mailto:a@b"))
                .allSatisfy(url -> assertThatThrownBy(() -> HttpClientConfig.builder(TOKEN).baseUrl(url).build())
                        .as(url)
                        .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void build_nonPositiveValues_areRefusedSayingWhat() {
        assertThatThrownBy(() -> HttpClientConfig.builder(TOKEN).callDeadline(Duration.ZERO).build())
                .hasMessage("call deadline must be > 0, was PT0S");
        assertThatThrownBy(() -> HttpClientConfig.builder(TOKEN).connectTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("connect timeout must be > 0");
        assertThatThrownBy(() -> HttpClientConfig.builder(TOKEN).maxBodyBytes(0).build())
                .hasMessageContaining("max body bytes");
        assertThatThrownBy(() -> HttpClientConfig.builder(TOKEN).poolSize(0).build())
                .hasMessage("pool size must be >= 1, was 0");
    }

    @ParameterizedTest
    @CsvSource({
        "http://proxy.example:3128, http://proxy.example:3128",
        "HTTP://Proxy.Example:3128/, http://proxy.example:3128",
        "http://proxy.example, http://proxy.example:80",
        "http://user:pa%40ss@proxy.example:8080, http://user:pa%40ss@proxy.example:8080",
        "http://[::1]:3128, http://[::1]:3128"})
    void proxy_httpUrl_isKeptAsSchemeHostAndPort(String given, String kept) {
        assertThat(HttpClientConfig.builder(TOKEN).proxy(URI.create(given)).build().proxy()).contains(URI.create(kept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:hunter2@proxy.example:443", "socks5://user:hunter2@proxy.example:1080",
        "http://user:hunter2@proxy.example:3128/path", "http://user:hunter2@proxy.example:3128?x=1",
        "http://user:hunter2@proxy.example:3128#f", "user:hunter2@proxy.example:3128", "/relative"})
    void proxy_otherShapes_areRefusedWithoutShowingThePassword(String given) {
        assertThatThrownBy(() -> HttpClientConfig.builder(TOKEN).proxy(URI.create(given)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://proxy.example:3128", "http://10.0.0.1:3128", "http://user:hunter2@proxy.example:3128"})
    void proxy_remoteForAPlainHttpApi_isRefused(String remoteProxy) {
        assertThatThrownBy(() -> HttpClientConfig.builder(TOKEN).baseUrl("http://127.0.0.1:8080")
                .proxy(URI.create(remoteProxy)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void proxy_onLoopbackForAPlainHttpApi_isAccepted() {
        assertThat(HttpClientConfig.builder(TOKEN).baseUrl("http://127.0.0.1:8080")
                .proxy(URI.create("http://localhost:3128")).build().proxy()).isPresent();
    }

    @Test
    void toString_proxyWithCredentials_showsNeitherUserNorPassword() {
        HttpClientConfig config = HttpClientConfig.builder(TOKEN).proxy(URI.create("http://alice:hunter2@proxy.example:3128")).build();

        assertThat(config.toString()).contains("proxy=http://***@proxy.example:3128").doesNotContain("hunter2", "alice");
        assertThat(HttpClientConfig.of(TOKEN).toString()).contains("proxy=none");
    }

    @Test
    void toBuilder_unchanged_buildsAnEqualConfig() {
        HttpClientConfig config = HttpClientConfig.builder(TOKEN).poolSize(3).callDeadline(Duration.ofSeconds(7))
                .proxy(URI.create("http://proxy.example:3128")).build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void apiTokenOf_blankOrWithSpaces_isRefused() {
        assertThat(List.of("", "  ", "dop v1", "dop\tv1", "d\u00f6p"))
                .allSatisfy(token -> assertThatThrownBy(() -> ApiToken.of(token))
                        .isInstanceOf(IllegalArgumentException.class));
    }
}
