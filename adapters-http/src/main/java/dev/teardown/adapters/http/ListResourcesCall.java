package dev.teardown.adapters.http;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Operation;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v2/droplets/{id}/destroy_with_associated_resources}: what a teardown of the Droplet could
 * take along, or nothing when the API knows no such Droplet (its 404).
 */
final class ListResourcesCall implements ApiCall<Optional<AssociatedResources>> {

    private static final Set<Integer> OK = Set.of(200);

    private final ResourcesDocumentReader reader;

    ListResourcesCall(int maxDocumentBytes) {
        this.reader = new ResourcesDocumentReader(maxDocumentBytes);
    }

    @Override
    public Operation operation() {
        return Operation.LIST_RESOURCES;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path(DropletId dropletId) {
        return "/v2/droplets/" + dropletId.value() + "/destroy_with_associated_resources";
    }

    @Override
    public Set<Integer> successStatuses() {
        return OK;
    }

    @Override
    public String answerName() {
        return "a list of associated resources";
    }

    @Override
    public Optional<AssociatedResources> read(Answer answer) throws MalformedDocumentException {
        return Optional.of(reader.read(answer.dropletId(), answer.body()));
    }

    /** "No such Droplet." */
    @Override
    public Optional<Optional<AssociatedResources>> notFoundMeans() {
        return Optional.of(Optional.empty());
    }
}
