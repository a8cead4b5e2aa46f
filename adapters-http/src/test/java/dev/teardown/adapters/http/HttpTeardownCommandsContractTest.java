package dev.teardown.adapters.http;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.ResourceRef;
import dev.teardown.testkit.InMemoryTeardownFamily;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.TeardownCommandsContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The commands' contract, held against the adapter over a real loopback server that answers the five
 * endpoints as DigitalOcean does, from one state: the status and the list the adapters read back follow
 * the commands the adapter sent.
 */
class HttpTeardownCommandsContractTest extends TeardownCommandsContract {

    private static final FamilyOnWireMock FAMILY = new FamilyOnWireMock();

    @RegisterExtension
    static final ApiServer api = ApiServer.startWith(FAMILY);

    private final List<HttpTransport> opened = new ArrayList<>();

    @AfterEach
    void closeTransports() {
        opened.forEach(HttpTransport::close);
    }

    @Override
    protected Family familyKnowing(List<AssociatedResources> droplets, Set<ResourceRef> failingOnce) {
        ManualClock serverClock = ManualClock.at("2026-11-29T10:00:00Z");
        InMemoryTeardownFamily state = InMemoryTeardownFamily.on(serverClock).takes(Duration.ofSeconds(30));
        for (AssociatedResources droplet : droplets) {
            state.droplet(droplet);
            for (ResourceRef failing : failingOnce) {
                if (droplet.contains(failing)) {
                    state.failsOnce(droplet.dropletId(), failing, FAILURE_MESSAGE);
                }
            }
        }
        FAMILY.serve(state);
        ManualClock clientClock = ManualClock.at("2026-11-29T10:00:00Z");
        HttpTransport transport = HttpTransport.builder(api.config()
                        // room for a loaded machine: the first DELETE with a body makes WireMock load classes
                        .responseTimeout(Duration.ofSeconds(15)).callDeadline(Duration.ofSeconds(30)).build())
                .clock(clientClock).sleeper(clientClock.sleeper()).build();
        opened.add(transport);
        return new Family(HttpTeardownCommands.over(transport), HttpTeardownStatusSource.over(transport),
                HttpAssociatedResourcesSource.over(transport), () -> serverClock.advance(Duration.ofHours(1)));
    }
}
