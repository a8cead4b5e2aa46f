package dev.teardown.adapters.http;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Operation;

/** {@code POST /v2/droplets/{id}/destroy_with_associated_resources/retry}, with no body. */
final class RetryCall extends CommandCall {

    @Override
    public Operation operation() {
        return Operation.RETRY;
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path(DropletId dropletId) {
        return familyPath(dropletId, "retry");
    }
}
