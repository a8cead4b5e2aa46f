package dev.teardown.adapters.http;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Operation;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v2/droplets/{id}/destroy_with_associated_resources/status}: the status document, or
 * nothing when the API knows no teardown request for the Droplet (its 404).
 */
final class StatusCall implements ApiCall<Optional<TeardownStatus>> {

    private static final Set<Integer> OK = Set.of(200);

    private final StatusDocumentReader reader;

    StatusCall(int maxDocumentBytes) {
        this.reader = new StatusDocumentReader(maxDocumentBytes);
    }

    @Override
    public Operation operation() {
        return Operation.CHECK_STATUS;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path(DropletId dropletId) {
        return "/v2/droplets/" + dropletId.value() + "/destroy_with_associated_resources/status";
    }

    @Override
    public Set<Integer> successStatuses() {
        return OK;
    }

    @Override
    public String answerName() {
        return "a status document";
    }

    @Override
    public Optional<TeardownStatus> read(Answer answer) throws MalformedDocumentException {
        return Optional.of(reader.read(answer.dropletId(), answer.body()));
    }

    /** "No teardown request known for this Droplet." */
    @Override
    public Optional<Optional<TeardownStatus>> notFoundMeans() {
        return Optional.of(Optional.empty());
    }
}
