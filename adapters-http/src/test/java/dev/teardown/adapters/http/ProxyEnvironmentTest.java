package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyEnvironmentTest {

    private static final URI API = URI.create("https://api.digitalocean.com");
    private static final URI FLAG = URI.create("http://flag.proxy:1111");

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static Optional<URI> proxyFor(URI api, Optional<URI> explicit, Map<String, String> environment, Properties properties) {
        return ProxyEnvironment.of(environment, properties).proxyFor(api, explicit);
    }

    // Which one wins

    @Test
    void proxyFor_nothingSet_isDirect() {
        assertThat(proxyFor(API, Optional.empty(), Map.of(), new Properties())).isEmpty();
    }

    @Test
    void proxyFor_explicit_winsOverTheVariablesAndTheProperties() {
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://upper:2222", "https_proxy", "http://lower:3333");
        Properties properties = properties("https.proxyHost", "property", "https.proxyPort", "4444");

        assertThat(proxyFor(API, Optional.of(FLAG), environment, properties)).contains(FLAG);
    }

    @Test
    void proxyFor_variables_winOverTheProperties_lowerCaseFirst() {
        Properties properties = properties("https.proxyHost", "property", "https.proxyPort", "4444");

        assertThat(proxyFor(API, Optional.empty(), Map.of("HTTPS_PROXY", "http://upper:2222"), properties))
                .contains(URI.create("http://upper:2222"));
        assertThat(proxyFor(API, Optional.empty(), Map.of("https_proxy", "http://lower:3333"), properties))
                .contains(URI.create("http://lower:3333"));
        assertThat(proxyFor(API, Optional.empty(), Map.of("HTTPS_PROXY", "http://upper:2222", "https_proxy", "http://lower:3333"),
                properties)).contains(URI.create("http://lower:3333"));
        assertThat(proxyFor(API, Optional.empty(), Map.of("HTTPS_PROXY", "http://upper:2222", "https_proxy", " "),
                properties)).contains(URI.create("http://upper:2222"));
    }

    @Test
    void proxyFor_properties_whenNoVariable_withPort443ByDefault() {
        assertThat(proxyFor(API, Optional.empty(), Map.of(), properties("https.proxyHost", "property", "https.proxyPort", "4444")))
                .contains(URI.create("http://property:4444"));
        assertThat(proxyFor(API, Optional.empty(), Map.of(), properties("https.proxyHost", "property")))
                .contains(URI.create("http://property:443"));
        assertThat(proxyFor(API, Optional.empty(), Map.of(), properties("https.proxyHost", "::1", "https.proxyPort", "8")))
                .contains(URI.create("http://[::1]:8"));
    }

    @Test
    void proxyFor_plainHttpApi_takesOnlyAnExplicitProxy() {
        URI loopback = URI.create("http://127.0.0.1:8080");
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://upper:2222", "HTTP_PROXY", "http://plain:5555",
                "http_proxy", "http://plain:5555");
        Properties properties = properties("https.proxyHost", "property", "http.proxyHost", "plain");

        assertThat(proxyFor(loopback, Optional.empty(), environment, properties)).isEmpty();
        assertThat(proxyFor(loopback, Optional.of(FLAG), environment, properties)).contains(FLAG);
    }

    @ParameterizedTest
    @CsvSource({"proxy.example:3128, http://proxy.example:3128", "'  http://proxy.example:3128/  ', http://proxy.example:3128/",
        "http://u:p@proxy.example:3128, http://u:p@proxy.example:3128", "HTTP://proxy.example, HTTP://proxy.example"})
    void parse_howPeopleWriteProxies_isAUrl(String text, String url) {
        assertThat(ProxyEnvironment.parse("HTTPS_PROXY", text)).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:hunter2@", "http://us er:hunter2@proxy:3128", "http://user:hunter2@pro xy:3128",
        "https://user:hunter2@proxy:3128", "socks5://user:hunter2@proxy:1080", "http://user:hun@ter2@proxy:3128",
        "http://user:hunter2@proxy:port", "http://[user:hunter2@proxy:3128"})
    void proxyFor_variableNotAProxyUrl_isRefusedNamingItWithoutThePassword(String text) {
        assertThatThrownBy(() -> proxyFor(API, Optional.empty(), Map.of("https_proxy", text), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("https_proxy ")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("hun@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "0", "65536", "-1", "443x"})
    void proxyFor_propertyPortNotAPort_isRefusedNamingIt(String port) {
        assertThatThrownBy(() -> proxyFor(API, Optional.empty(), Map.of(), properties("https.proxyHost", "p", "https.proxyPort", port)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("https.proxyPort ");
    }

    // NO_PROXY

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*|https://api.digitalocean.com",
        "digitalocean.com|https://api.digitalocean.com",
        ".digitalocean.com|https://api.digitalocean.com",
        "*.digitalocean.com|https://api.digitalocean.com",
        "api.digitalocean.com|https://api.digitalocean.com",
        "API.DigitalOcean.com|https://api.digitalocean.com",
        "localhost, .internal ,api.digitalocean.com|https://api.digitalocean.com",
        "api.digitalocean.com:443|https://api.digitalocean.com",
        "api.digitalocean.com:8443|https://api.digitalocean.com:8443",
        "10.1.2.3|https://10.1.2.3",
        "::1|https://[::1]:8443",
        "[::1]|https://[::1]:8443",
        "[::1]:8443|https://[::1]:8443",
        ".internal|https://a.b.internal"})
    void proxyFor_hostInNoProxy_isDirect(String noProxy, String api) {
        for (String name : new String[] {"NO_PROXY", "no_proxy"}) {
            Map<String, String> environment = Map.of("HTTPS_PROXY", "http://env:2222", name, noProxy);

            assertThat(proxyFor(URI.create(api), Optional.empty(), environment, new Properties())).as(name).isEmpty();
            assertThat(proxyFor(URI.create(api), Optional.of(FLAG), environment, new Properties())).as(name).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ocean.com|https://api.digitalocean.com",
        "api.digitalocean|https://api.digitalocean.com",
        "i.digitalocean.com|https://api.digitalocean.com",
        "api.digitalocean.com:8443|https://api.digitalocean.com",
        "digitalocean.com.evil|https://api.digitalocean.com",
        "10.1.2.3|https://10.1.2.30",
        "*digitalocean.com|https://api.digitalocean.com",
        "' '|https://api.digitalocean.com",
        ",,|https://api.digitalocean.com"})
    void proxyFor_hostNotInNoProxy_goesThroughTheProxy(String noProxy, String api) {
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://env:2222", "NO_PROXY", noProxy);

        assertThat(proxyFor(URI.create(api), Optional.empty(), environment, new Properties()))
                .contains(URI.create("http://env:2222"));
    }

    @Test
    void proxyFor_noProxyLowerCase_winsOverUpperCase() {
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://env:2222", "no_proxy", "other.example",
                "NO_PROXY", "*");

        assertThat(proxyFor(API, Optional.empty(), environment, new Properties())).isPresent();
    }

    // http.nonProxyHosts

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "api.digitalocean.com; https://api.digitalocean.com",
        "*.digitalocean.com; https://api.digitalocean.com",
        "api.*; https://api.digitalocean.com",
        "other|*ocean.com; https://api.digitalocean.com",
        "localhost | API.DIGITALOCEAN.COM; https://api.digitalocean.com",
        "*; https://api.digitalocean.com"})
    void proxyFor_hostInNonProxyHosts_isDirectFromTheProperties(String nonProxyHosts, String api) {
        Properties properties = properties("https.proxyHost", "property", "http.nonProxyHosts", nonProxyHosts);

        assertThat(proxyFor(URI.create(api), Optional.empty(), Map.of(), properties)).isEmpty();
    }

    @Test
    void proxyFor_nonProxyHostsNotSet_isTheJdksDefault() {
        Properties properties = properties("https.proxyHost", "property");

        assertThat(proxyFor(URI.create("https://localhost:8443"), Optional.empty(), Map.of(), properties)).isEmpty();
        assertThat(proxyFor(URI.create("https://127.0.0.1:8443"), Optional.empty(), Map.of(), properties)).isEmpty();
        assertThat(proxyFor(URI.create("https://[::1]:8443"), Optional.empty(), Map.of(), properties)).isEmpty();
        assertThat(proxyFor(API, Optional.empty(), Map.of(), properties)).isPresent();
    }

    @Test
    void proxyFor_nonProxyHosts_doesNotApplyToTheVariables_norNoProxyToTheProperties() {
        assertThat(proxyFor(API, Optional.empty(), Map.of("HTTPS_PROXY", "http://env:2222"),
                properties("http.nonProxyHosts", "*"))).isPresent();
        assertThat(proxyFor(API, Optional.empty(), Map.of("NO_PROXY", "*"),
                properties("https.proxyHost", "property"))).isPresent();
    }
}
