package dev.teardown.sandbox;

import dev.teardown.domain.DropletId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The Droplets one sandbox knows, each with its own state; the fleet's are made when first asked about. */
final class SandboxAccount {

    private final Map<DropletId, SandboxDroplet> droplets = new ConcurrentHashMap<>();

    SandboxAccount() {
        for (SandboxDroplet droplet : SandboxScenarios.droplets()) {
            droplets.put(droplet.id(), droplet);
        }
    }

    /** The Droplet, or empty when the account never had it. */
    Optional<SandboxDroplet> droplet(DropletId id) {
        SandboxDroplet known = droplets.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        return Fleet.contains(id) ? Optional.of(droplets.computeIfAbsent(id, Fleet::droplet)) : Optional.empty();
    }
}
