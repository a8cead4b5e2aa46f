package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpSourceConfigTest {

    private static final ApiToken TOKEN = ApiToken.of("dop_v1_abc");

    @Test
    void of_token_hasTheDocumentedDefaults() {
        HttpSourceConfig config = HttpSourceConfig.of(TOKEN);

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
        HttpSourceConfig config = HttpSourceConfig.builder(TOKEN).baseUrl("https://proxy.example/do/api/").build();

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://proxy.example/do/api"));
    }

    @Test
    void baseUrl_plainHttpOnLoopback_isAccepted() {
        assertThat(List.of("http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80/x", "http://127.9.9.9"))
                .allSatisfy(url -> assertThat(HttpSourceConfig.builder(TOKEN).baseUrl(url).build().baseUrl())
                        .hasScheme("http"));
    }

    @Test
    void baseUrl_plainHttpElsewhere_isRefused() {
        assertThat(List.of("http://api.digitalocean.com", "http://10.0.0.1", "http://localhost.evil.example",
                "http://127.0.0.1.nip.io", "http://[::2]"))
                .allSatisfy(url -> assertThatThrownBy(() -> HttpSourceConfig.builder(TOKEN).baseUrl(url).build())
                        .as(url)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("https"));
    }

    @Test
    void baseUrl_otherShapes_areRefused() {
        assertThat(List.of("ftp://api.digitalocean.com", "https://user:pw@api.digitalocean.com",
                "https://api.digitalocean.com?x=1", "/v2", "mailto:a@b"))
                .allSatisfy(url -> assertThatThrownBy(() -> HttpSourceConfig.builder(TOKEN).baseUrl(url).build())
                        .as(url)
                        .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void build_nonPositiveValues_areRefusedSayingWhat() {
        assertThatThrownBy(() -> HttpSourceConfig.builder(TOKEN).callDeadline(Duration.ZERO).build())
                .hasMessage("call deadline must be > 0, was PT0S");
        assertThatThrownBy(() -> HttpSourceConfig.builder(TOKEN).connectTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("connect timeout must be > 0");
        assertThatThrownBy(() -> HttpSourceConfig.builder(TOKEN).maxBodyBytes(0).build())
                .hasMessageContaining("max body bytes");
        assertThatThrownBy(() -> HttpSourceConfig.builder(TOKEN).poolSize(0).build())
                .hasMessage("pool size must be >= 1, was 0");
    }

    @Test
    void toBuilder_unchanged_buildsAnEqualConfig() {
        HttpSourceConfig config = HttpSourceConfig.builder(TOKEN).poolSize(3).callDeadline(Duration.ofSeconds(7)).build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void apiTokenOf_blankOrWithSpaces_isRefused() {
        assertThat(List.of("", "  ", "dop v1", "dop\tv1", "d\u00f6p"))
                .allSatisfy(token -> assertThatThrownBy(() -> ApiToken.of(token))
                        .isInstanceOf(IllegalArgumentException.class));
    }
}
