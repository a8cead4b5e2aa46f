package dev.teardown.benchmarks;

import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.testkit.ReferenceExamples;

/** What every benchmark shares: the droplet, the token, the path and the adapter's configuration. */
final class Fixtures {

    static final String TOKEN = "dop_v1_benchmark0000000000000000000000000000000000000000000000000000";
    static final int POOL_SIZE = HttpClientConfig.DEFAULT_POOL_SIZE;
    static final int SERVER_THREADS = 8;
    static final String STATUS_PATH =
            "/v2/droplets/" + ReferenceExamples.DROPLET_ID.value() + "/destroy_with_associated_resources/status";

    private Fixtures() {
    }

    static HttpClientConfig adapterConfig(String baseUrl) {
        return HttpClientConfig.builder(ApiToken.of(TOKEN))
                .baseUrl(baseUrl)
                .poolSize(POOL_SIZE)
                .build();
    }
}
