package dev.teardown.testkit;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.domain.ResourceTeardown;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The API's own example answers, as the documents it sends and as the statuses they mean.
 * Both describe finished teardowns without failures.
 */
public final class ReferenceExamples {

    /** The droplet the examples are fetched for. */
    public static final DropletId DROPLET_ID = DropletId.of(61486916);

    private static final String DESTROYED_AT = "2020-04-01T18:11:49Z";
    private static final String NAME = "ubuntu-s-1vcpu-1gb-nyc1-01-1585758823330";

    private ReferenceExamples() {
    }

    /** The example of the API reference page: every resource id 61486916, every error message {@code " "}. */
    public static byte[] checkStatusDocJson() {
        return resource("check-status-doc-example.json");
    }

    public static TeardownStatus checkStatusDocStatus() {
        return TeardownStatusBuilder.status(DROPLET_ID)
                .completedAt(DESTROYED_AT)
                .dropletDestroyedAt(NAME, DESTROYED_AT)
                .failures(0)
                .destroyed(ResourceKind.RESERVED_IP, "61486916", NAME, DESTROYED_AT)
                .destroyed(ResourceKind.SNAPSHOT, "61486916", NAME, DESTROYED_AT)
                .destroyed(ResourceKind.VOLUME, "61486916", NAME, DESTROYED_AT)
                .destroyed(ResourceKind.VOLUME_SNAPSHOT, "61486916", NAME, DESTROYED_AT)
                .build();
    }

    /** The example of the OpenAPI description's 200 response: a reserved IP, a snapshot, a volume snapshot. */
    public static byte[] openApiJson() {
        return resource("openapi-example.json");
    }

    public static TeardownStatus openApiStatus() {
        String resourcesDestroyedAt = "2020-04-01T18:11:44Z";
        return TeardownStatusBuilder.status(DROPLET_ID)
                .completedAt(DESTROYED_AT)
                .droplet(ResourceTeardown.destroyed(
                        ResourceKind.DROPLET, "187000742", "ubuntu-s-1vcpu-1gb-nyc1-01",
                        Instant.parse(DESTROYED_AT)))
                .failures(0)
                .destroyed(ResourceKind.RESERVED_IP, "6186916", "45.55.96.47", resourcesDestroyedAt)
                .destroyed(ResourceKind.SNAPSHOT, "61486916", NAME, resourcesDestroyedAt)
                .destroyed(ResourceKind.VOLUME_SNAPSHOT, "edb0478d-7436-11ea-86e6-0a58ac144b91",
                        "volume-nyc1-01-1585758983629", resourcesDestroyedAt)
                .build();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReferenceExamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("testkit resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read testkit resource " + name, e);
        }
    }
}
