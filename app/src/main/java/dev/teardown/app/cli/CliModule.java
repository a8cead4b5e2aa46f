package dev.teardown.app.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.http.HttpSourceConfig;
import dev.teardown.app.ApiEndpoint;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The command line's settings for the HTTP source and the cache, over whichever endpoint is bound. */
final class CliModule extends AbstractModule {

    private final Duration callDeadline;

    CliModule(Duration callDeadline) {
        this.callDeadline = callDeadline;
    }

    @Provides
    @Singleton
    HttpSourceConfig httpSourceConfig(ApiEndpoint endpoint) {
        Duration responseTimeout = callDeadline.compareTo(HttpSourceConfig.DEFAULT_RESPONSE_TIMEOUT) < 0
                ? callDeadline : HttpSourceConfig.DEFAULT_RESPONSE_TIMEOUT;
        return HttpSourceConfig.builder(endpoint.token())
                .baseUrl(endpoint.baseUrl())
                .proxy(endpoint.proxy())
                .callDeadline(callDeadline)
                .responseTimeout(responseTimeout)
                .build();
    }

    @Provides
    @Singleton
    CacheConfig cacheConfig() {
        return CacheConfig.defaults();
    }
}
