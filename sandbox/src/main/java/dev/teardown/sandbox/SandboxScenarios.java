package dev.teardown.sandbox;

import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The Droplets of the sandbox's account and what happens to them. Times are counted from the moment a
 * teardown begins; every other Droplet is unknown (404).
 *
 * <p>Destroyed before the sandbox started, their teardowns beginning when the sandbox is first asked
 * about them (the status call or a retry); a destroy of them is 404, as for any destroyed Droplet, but
 * the list call still answers the resources they had, so that every call can be tried on them:
 * <ul>
 *   <li>61486916 destroys its droplet, a reserved IP (also listed as a floating IP), a snapshot, a
 *       volume and a volume snapshot one a second, and succeeds after six seconds;</li>
 *   <li>61486917 does the same but its volume fails (still attached), and it completes after six
 *       seconds with one failure; a retry then destroys the volume a second later and completes a
 *       second after that, without failures;</li>
 *   <li>61486918 destroys its droplet and then stays in progress (a retry is always 409).</li>
 * </ul>
 *
 * <p>Live until someone destroys them (the list call answers, the status call is 404); a selective or
 * dangerous destroy starts the teardown at once, of the Droplet at 4 s and of each resource it destroys
 * 6 s after the one before, completing 4 s after the last and never before 20 s. Once destroyed, the
 * list call and a second destroy are 404:
 * <ul>
 *   <li>61486919 has the API's own example resources: reserved IP 6186916 (45.55.96.47, also listed as
 *       a floating IP), snapshot 61486916, volume ba49449a-7435-11ea-b89e-0a58ac14480f and volume
 *       snapshot edb0478d-7436-11ea-86e6-0a58ac144b91, $14.09 a month; its teardown succeeds, in 32 s
 *       when everything is destroyed;</li>
 *   <li>61486920 has a reserved IP, a snapshot and a volume that fails (still attached) when it is
 *       destroyed: the teardown completes with one failure after 26 s, and a retry destroys the volume
 *       3 s later and completes without failures 3 s after that.</li>
 * </ul>
 *
 * <p>The fleet, 70000000 to 70009999: destroyed before the sandbox started, each teardown beginning
 * when the sandbox is first asked about it, with 1 to 6 resources and 20 s to 10 min long, derived from
 * the id alone; about one in ten completes with a failure that a retry clears. The list call is 404 for
 * them, as for any destroyed Droplet.
 */
public final class SandboxScenarios {

    /** Succeeds six seconds after it is first asked about. */
    public static final DropletId SUCCEEDS = DropletId.of(61486916);
    /** Completes six seconds after it is first asked about, with a failed volume; a retry succeeds. */
    public static final DropletId FAILS_ONE_VOLUME = DropletId.of(61486917);
    /** Destroys its droplet, then stays in progress for ever. */
    public static final DropletId STAYS_IN_PROGRESS = DropletId.of(61486918);
    /** Not destroyed yet, with the API's example resources; destroying it succeeds within 20 to 32 s. */
    public static final DropletId DESTROYABLE = DropletId.of(61486919);
    /** Not destroyed yet; destroying it with its volume completes with that volume failed, and a retry succeeds. */
    public static final DropletId DESTROYABLE_FAILS_ONCE = DropletId.of(61486920);
    /** The first Droplet of the fleet. */
    public static final DropletId FLEET_FIRST = DropletId.of(Fleet.FIRST);
    /** How many Droplets the fleet has, with consecutive ids from {@link #FLEET_FIRST}. */
    public static final int FLEET_SIZE = Fleet.SIZE;

    static final Duration STEP = Duration.ofSeconds(1);
    static final Duration COMPLETES_AFTER = Duration.ofSeconds(6);
    static final Duration LIVE_DROPLET_AFTER = Duration.ofSeconds(4);
    static final Duration LIVE_GAP = Duration.ofSeconds(6);
    static final Duration LIVE_SHORTEST = Duration.ofSeconds(20);
    static final Duration LIVE_RETRY_STEP = Duration.ofSeconds(3);
    static final String VOLUME_ERROR =
            "volume is still attached to another droplet; detach it and retry the destroy";

    private static final String FAILING_VOLUME_ID = "c1d0e3f2-7435-11ea-b89e-0a58ac14480f";

    private SandboxScenarios() {
    }

    /** The Droplets with a scripted teardown, destroyed before the sandbox started: 61486916, 61486917, 61486918. */
    public static List<DropletId> scripted() {
        return List.of(SUCCEEDS, FAILS_ONE_VOLUME, STAYS_IN_PROGRESS);
    }

    /** The Droplets that are there until someone destroys them: 61486919, 61486920. */
    public static List<DropletId> destroyable() {
        return List.of(DESTROYABLE, DESTROYABLE_FAILS_ONCE);
    }

    /** The first {@code count} Droplets of the fleet, in id order, for a file of ids to watch. */
    public static List<DropletId> fleet(int count) {
        if (count < 0 || count > FLEET_SIZE) {
            throw new IllegalArgumentException("the fleet has " + FLEET_SIZE + " Droplets, asked for " + count);
        }
        return LongStream.range(Fleet.FIRST, Fleet.FIRST + count).mapToObj(DropletId::of).toList();
    }

    /** Whether the Droplet is one of the fleet's. */
    public static boolean inFleet(DropletId dropletId) {
        return Fleet.contains(Objects.requireNonNull(dropletId, "dropletId"));
    }

    /**
     * What the list call answers for the Droplet in a fresh sandbox: the resources of a scripted or
     * destroyable Droplet; empty for the fleet and any other.
     */
    public static Optional<AssociatedResources> associatedResources(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        if (scripted().contains(dropletId)) {
            return Optional.of(scriptedResources(dropletId));
        }
        if (dropletId.equals(DESTROYABLE)) {
            return Optional.of(destroyableResources());
        }
        if (dropletId.equals(DESTROYABLE_FAILS_ONCE)) {
            return Optional.of(failsOnceResources());
        }
        return Optional.empty();
    }

    /**
     * The status of the teardown of a Droplet destroyed before the sandbox started (scripted or of the
     * fleet) at {@code now}, for a teardown first asked about at {@code firstAsked}, with no retry;
     * empty for any other Droplet.
     */
    public static Optional<TeardownStatus> statusAt(DropletId dropletId, Instant firstAsked, Instant now) {
        Objects.requireNonNull(firstAsked, "firstAsked");
        Objects.requireNonNull(now, "now");
        return destroyedPlan(Objects.requireNonNull(dropletId, "dropletId"))
                .map(plan -> new TeardownTimeline(dropletId, plan, firstAsked).statusAt(now));
    }

    /** A fresh account's Droplets, but for the fleet's, which the account makes when asked. */
    static List<SandboxDroplet> droplets() {
        List<SandboxDroplet> droplets = new ArrayList<>();
        for (DropletId id : scripted()) {
            droplets.add(SandboxDroplet.destroyed(id, scriptedPlan(id), Optional.of(scriptedResources(id))));
        }
        droplets.add(SandboxDroplet.live(destroyableResources(),
                request -> livePlan(DESTROYABLE, "ubuntu-s-1vcpu-1gb-nyc1-01", destroyableResources(), request, Set.of())));
        droplets.add(SandboxDroplet.live(failsOnceResources(),
                request -> livePlan(DESTROYABLE_FAILS_ONCE, "web-05", failsOnceResources(), request,
                        Set.of(FAILING_VOLUME_ID))));
        return droplets;
    }

    private static Optional<TeardownPlan> destroyedPlan(DropletId dropletId) {
        if (scripted().contains(dropletId)) {
            return Optional.of(scriptedPlan(dropletId));
        }
        return Fleet.contains(dropletId) ? Optional.of(Fleet.plan(dropletId)) : Optional.empty();
    }

    private static String scriptedName(DropletId dropletId) {
        return "web-0" + (dropletId.value() - SUCCEEDS.value() + 1);
    }

    private static AssociatedResources scriptedResources(DropletId dropletId) {
        long n = dropletId.value();
        String name = scriptedName(dropletId);
        return new AssociatedResources(dropletId, List.of(
                AssociatedResource.of(ResourceKind.RESERVED_IP, Long.toString(n % 10_000_000), "45.55.96." + (n % 200), "4.00"),
                AssociatedResource.of(ResourceKind.SNAPSHOT, Long.toString(n + 1000), name + "-nightly", "1.20"),
                AssociatedResource.of(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac1" + n % 100_000, name + "-data", "10.00"),
                AssociatedResource.of(ResourceKind.VOLUME_SNAPSHOT, "edb0478d-7436-11ea-86e6-0a58ac1" + n % 100_000,
                        name + "-data-snapshot", "0.50")));
    }

    /** One a second: the droplet, then each resource; complete after six seconds, or never for the stuck one. */
    private static TeardownPlan scriptedPlan(DropletId dropletId) {
        boolean staysInProgress = dropletId.equals(STAYS_IN_PROGRESS);
        TeardownPlan.Step droplet = TeardownPlan.Step.destroyedAfter(
                ResourceKind.DROPLET, dropletId.toString(), scriptedName(dropletId), STEP);
        List<TeardownPlan.Step> steps = new ArrayList<>();
        List<AssociatedResource> resources = scriptedResources(dropletId).resources();
        for (int i = 0; i < resources.size(); i++) {
            AssociatedResource resource = resources.get(i);
            Duration after = STEP.multipliedBy(i + 2L);
            if (staysInProgress) {
                steps.add(TeardownPlan.Step.neverMoves(resource.kind(), resource.id(), resource.name()));
            } else if (dropletId.equals(FAILS_ONE_VOLUME) && resource.kind() == ResourceKind.VOLUME) {
                steps.add(TeardownPlan.Step.failsAfter(resource.kind(), resource.id(), resource.name(), after, VOLUME_ERROR));
            } else {
                steps.add(TeardownPlan.Step.destroyedAfter(resource.kind(), resource.id(), resource.name(), after));
            }
        }
        return new TeardownPlan(droplet, steps,
                staysInProgress ? Optional.empty() : Optional.of(COMPLETES_AFTER), STEP);
    }

    /** The OpenAPI description's example of the list call's answer. */
    private static AssociatedResources destroyableResources() {
        return new AssociatedResources(DESTROYABLE, List.of(
                AssociatedResource.of(ResourceKind.RESERVED_IP, "6186916", "45.55.96.47", "4.00"),
                AssociatedResource.of(ResourceKind.SNAPSHOT, "61486916", "ubuntu-s-1vcpu-1gb-nyc1-01-1585758823330", "0.05"),
                AssociatedResource.of(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "volume-nyc1-01", "10.00"),
                AssociatedResource.of(ResourceKind.VOLUME_SNAPSHOT, "edb0478d-7436-11ea-86e6-0a58ac144b91",
                        "volume-nyc1-01-1585758983629", "0.04")));
    }

    private static AssociatedResources failsOnceResources() {
        return new AssociatedResources(DESTROYABLE_FAILS_ONCE, List.of(
                AssociatedResource.of(ResourceKind.RESERVED_IP, "6186920", "45.55.96.52", "4.00"),
                AssociatedResource.of(ResourceKind.SNAPSHOT, "61487920", "web-05-nightly", "0.05"),
                AssociatedResource.of(ResourceKind.VOLUME, FAILING_VOLUME_ID, "volume-nyc1-05", "10.00")));
    }

    /**
     * The teardown a destroy of a live Droplet starts: the Droplet at 4 s, each resource it destroys 6 s
     * after the one before (those with an id in {@code failing} fail), complete 4 s after the last and
     * never before 20 s.
     */
    private static TeardownPlan livePlan(DropletId dropletId, String name, AssociatedResources listed,
            DestroyRequest request, Set<String> failing) {
        TeardownPlan.Step droplet = TeardownPlan.Step.destroyedAfter(
                ResourceKind.DROPLET, dropletId.toString(), name, LIVE_DROPLET_AFTER);
        List<TeardownPlan.Step> steps = new ArrayList<>();
        Duration last = LIVE_DROPLET_AFTER;
        for (AssociatedResource resource : listed.resources()) {
            if (!request.destroys(resource.ref())) {
                continue;
            }
            last = last.plus(LIVE_GAP);
            steps.add(failing.contains(resource.id())
                    ? TeardownPlan.Step.failsAfter(resource.kind(), resource.id(), resource.name(), last, VOLUME_ERROR)
                    : TeardownPlan.Step.destroyedAfter(resource.kind(), resource.id(), resource.name(), last));
        }
        Duration completes = last.plus(LIVE_DROPLET_AFTER);
        return new TeardownPlan(droplet, steps,
                Optional.of(completes.compareTo(LIVE_SHORTEST) < 0 ? LIVE_SHORTEST : completes), LIVE_RETRY_STEP);
    }
}
