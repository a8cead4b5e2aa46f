package dev.teardown.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The baseline: a plain {@link CloseableHttpClient} pooled and kept alive as {@code HttpTeardownStatusSource}
 * pools it (same pool size, socket options and connection lifetime), with Jackson binding into {@link StatusDto}.
 */
final class RawStack implements AutoCloseable {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final URI uri;

    RawStack(String baseUrl, String path, int poolSize) {
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(poolSize)
                .setMaxConnPerRoute(poolSize)
                .setDefaultSocketConfig(SocketConfig.custom()
                        .setSoTimeout(Timeout.ofSeconds(10))
                        .setTcpNoDelay(true)
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(10))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableDefaultUserAgent()
                .build();
        this.uri = URI.create(baseUrl + path);
    }

    /** The answer's bytes, unparsed: the HTTP stack and the server alone. */
    byte[] fetchBytes() {
        try {
            return client.execute(request(), response -> EntityUtils.toByteArray(response.getEntity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer bound to the DTO: what a hand-written client without this library would do. */
    StatusDto fetchDto() {
        try {
            return client.execute(request(), response -> MAPPER.readValue(response.getEntity().getContent(), StatusDto.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The DTO fetch wrapped in a per-call deadline timer scheduled and cancelled as the adapter does, to
     * tell the timer's cost apart from the rest of the adapter's.
     */
    StatusDto fetchDtoWithDeadlineTimer(ScheduledThreadPoolExecutor deadlines) {
        HttpGet get = request();
        ScheduledFuture<?> timer = deadlines.schedule(get::cancel, 30, TimeUnit.SECONDS);
        try {
            return client.execute(get, response -> MAPPER.readValue(response.getEntity().getContent(), StatusDto.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            timer.cancel(false);
        }
    }

    private HttpGet request() {
        // The same headers the adapter sends, so both put the same bytes on the wire.
        HttpGet get = new HttpGet(uri);
        get.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + Fixtures.TOKEN);
        get.setHeader(HttpHeaders.ACCEPT, "application/json");
        get.setHeader(HttpHeaders.USER_AGENT, "teardown-benchmarks-raw");
        return get;
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
    }
}
