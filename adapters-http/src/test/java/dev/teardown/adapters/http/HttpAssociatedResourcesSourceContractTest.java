package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.testkit.AssociatedResourcesSourceContract;
import dev.teardown.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The port's contract, held against the adapter over a real loopback server serving the API's documents. */
class HttpAssociatedResourcesSourceContractTest extends AssociatedResourcesSourceContract {

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private final List<HttpTransport> opened = new ArrayList<>();

    @AfterEach
    void closeTransports() {
        opened.forEach(HttpTransport::close);
        api.reset();
    }

    static String listPath(DropletId dropletId) {
        return "/v2/droplets/" + dropletId.value() + "/destroy_with_associated_resources";
    }

    @Override
    protected AssociatedResourcesSource sourceKnowing(List<AssociatedResources> resources) {
        api.reset();
        for (AssociatedResources each : resources) {
            api.wireMock().stubFor(get(urlPathEqualTo(listPath(each.dropletId())))
                    .willReturn(ApiServer.json(200, ResourcesDocuments.write(each))));
        }
        return open();
    }

    @Override
    protected AssociatedResourcesSource sourceFailingFor(DropletId dropletId) {
        api.reset();
        api.wireMock().stubFor(get(urlPathEqualTo(listPath(dropletId))).willReturn(aResponse().withStatus(503)));
        return open();
    }

    private AssociatedResourcesSource open() {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        HttpTransport transport = HttpTransport.builder(api.config().build()).clock(clock).sleeper(clock.sleeper()).build();
        opened.add(transport);
        return HttpAssociatedResourcesSource.over(transport);
    }
}
