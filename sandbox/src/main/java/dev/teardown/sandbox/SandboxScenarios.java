package dev.teardown.sandbox;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The sandbox's scripted teardowns. Each advances with the time since the sandbox was first asked
 * about that Droplet; any other Droplet has no teardown request.
 *
 * <ul>
 *   <li>61486916 destroys its droplet, a reserved IP (also listed as a floating IP), a snapshot, a
 *       volume and a volume snapshot one a second, and succeeds after six seconds;</li>
 *   <li>61486917 does the same but its volume fails (still attached), and it completes after six
 *       seconds with one failure;</li>
 *   <li>61486918 destroys its droplet and then stays in progress.</li>
 * </ul>
 */
public final class SandboxScenarios {

    public static final DropletId SUCCEEDS = DropletId.of(61486916);
    public static final DropletId FAILS_ONE_VOLUME = DropletId.of(61486917);
    public static final DropletId STAYS_IN_PROGRESS = DropletId.of(61486918);

    static final Duration STEP = Duration.ofSeconds(1);
    static final Duration COMPLETES_AFTER = Duration.ofSeconds(6);
    static final String VOLUME_ERROR =
            "volume is still attached to another droplet; detach it and retry the destroy";

    private record Step(ResourceKind kind, String id, String name) {}

    private static final Map<DropletId, List<Step>> PLANS = Map.of(
            SUCCEEDS, plan(SUCCEEDS, "web-01"),
            FAILS_ONE_VOLUME, plan(FAILS_ONE_VOLUME, "web-02"),
            STAYS_IN_PROGRESS, plan(STAYS_IN_PROGRESS, "web-03"));

    private SandboxScenarios() {
    }

    private static List<Step> plan(DropletId dropletId, String name) {
        long n = dropletId.value();
        return List.of(
                new Step(ResourceKind.DROPLET, dropletId.toString(), name),
                new Step(ResourceKind.RESERVED_IP, Long.toString(n % 10_000_000), "45.55.96." + (n % 200)),
                new Step(ResourceKind.SNAPSHOT, Long.toString(n + 1000), name + "-nightly"),
                new Step(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac1" + n % 100_000, name + "-data"),
                new Step(ResourceKind.VOLUME_SNAPSHOT, "edb0478d-7436-11ea-86e6-0a58ac1" + n % 100_000,
                        name + "-data-snapshot"));
    }

    /** The Droplets with a scripted teardown. */
    public static List<DropletId> scripted() {
        return List.of(SUCCEEDS, FAILS_ONE_VOLUME, STAYS_IN_PROGRESS);
    }

    /**
     * The status of the Droplet's teardown at {@code now}, for a teardown first asked about at
     * {@code firstAsked}; empty for a Droplet without a scripted teardown.
     */
    public static Optional<TeardownStatus> statusAt(DropletId dropletId, Instant firstAsked, Instant now) {
        List<Step> plan = PLANS.get(dropletId);
        if (plan == null) {
            return Optional.empty();
        }
        Duration elapsed = Duration.between(firstAsked, now);
        boolean staysInProgress = dropletId.equals(STAYS_IN_PROGRESS);
        ResourceTeardown droplet = null;
        List<ResourceTeardown> resources = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < plan.size(); i++) {
            Step step = plan.get(i);
            Instant doneAt = firstAsked.plus(STEP.multipliedBy(i + 1L));
            boolean reached = !elapsed.minus(STEP.multipliedBy(i + 1L)).isNegative();
            boolean stuck = staysInProgress && step.kind() != ResourceKind.DROPLET;
            ResourceTeardown resource;
            if (!reached || stuck) {
                resource = ResourceTeardown.pending(step.kind(), step.id(), step.name());
            } else if (dropletId.equals(FAILS_ONE_VOLUME) && step.kind() == ResourceKind.VOLUME) {
                resource = ResourceTeardown.failed(step.kind(), step.id(), step.name(), VOLUME_ERROR);
                failures++;
            } else {
                resource = ResourceTeardown.destroyed(step.kind(), step.id(), step.name(), doneAt);
            }
            if (step.kind() == ResourceKind.DROPLET) {
                droplet = resource;
            } else {
                resources.add(resource);
            }
        }
        boolean completed = !staysInProgress && elapsed.compareTo(COMPLETES_AFTER) >= 0;
        return Optional.of(new TeardownStatus(
                dropletId,
                completed ? Optional.of(firstAsked.plus(COMPLETES_AFTER)) : Optional.empty(),
                Optional.of(droplet),
                OptionalInt.of(failures),
                resources));
    }
}
