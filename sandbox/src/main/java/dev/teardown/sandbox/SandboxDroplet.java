package dev.teardown.sandbox;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One Droplet of the sandbox's account and its teardown, if any. A live Droplet lists its resources
 * until it is destroyed, and its destroy starts a teardown at once; a Droplet destroyed before the
 * sandbox started has a teardown that begins when the sandbox is first asked about it (its status or a
 * retry), so whoever watches it sees it from the beginning.
 */
final class SandboxDroplet {

    private final DropletId id;
    private final Optional<AssociatedResources> listed;
    private final boolean listedAfterDestroy;
    private final Function<DestroyRequest, TeardownPlan> planner;
    private TeardownPlan plan;
    private TeardownTimeline timeline;

    private SandboxDroplet(DropletId id, Optional<AssociatedResources> listed, boolean listedAfterDestroy,
            Function<DestroyRequest, TeardownPlan> planner, TeardownPlan plan) {
        this.id = id;
        this.listed = listed;
        this.listedAfterDestroy = listedAfterDestroy;
        this.planner = planner;
        this.plan = plan;
    }

    /** A Droplet that is there until someone destroys it; {@code planner} says what a destroy does. */
    static SandboxDroplet live(AssociatedResources listed, Function<DestroyRequest, TeardownPlan> planner) {
        return new SandboxDroplet(listed.dropletId(), Optional.of(listed), false,
                Objects.requireNonNull(planner, "planner"), null);
    }

    /**
     * A Droplet destroyed before the sandbox started, whose teardown follows {@code plan} from the first
     * time it is asked about; {@code listedBefore}, when present, is what the list call keeps answering.
     */
    static SandboxDroplet destroyed(DropletId id, TeardownPlan plan, Optional<AssociatedResources> listedBefore) {
        return new SandboxDroplet(id, listedBefore, true, null, Objects.requireNonNull(plan, "plan"));
    }

    DropletId id() {
        return id;
    }

    synchronized SandboxAnswer list() {
        if (listed.isEmpty() || (plan != null && !listedAfterDestroy)) {
            return new SandboxAnswer.NotFound();
        }
        return new SandboxAnswer.Listed(listed.get());
    }

    synchronized SandboxAnswer destroy(DestroyRequest request, Instant now) {
        if (plan != null) {
            // Destroyed already: the API no longer knows the Droplet.
            return new SandboxAnswer.NotFound();
        }
        if (request instanceof DestroyRequest.Selection selection) {
            List<ResourceRef> unknown = selection.unknownIn(listed.orElseThrow());
            if (!unknown.isEmpty()) {
                return new SandboxAnswer.NotAssociated(unknown);
            }
        }
        plan = planner.apply(request);
        timeline = new TeardownTimeline(id, plan, now);
        return new SandboxAnswer.Accepted();
    }

    synchronized SandboxAnswer status(Instant now) {
        return started(now).<SandboxAnswer>map(started -> new SandboxAnswer.Reported(started.statusAt(now)))
                .orElseGet(SandboxAnswer.NotFound::new);
    }

    synchronized SandboxAnswer retry(Instant now) {
        Optional<TeardownTimeline> started = started(now);
        if (started.isEmpty()) {
            return new SandboxAnswer.NotFound();
        }
        return switch (started.get().retry(now)) {
            case STARTED, NOTHING_TO_RETRY -> new SandboxAnswer.Accepted();
            case IN_PROGRESS -> new SandboxAnswer.InProgress();
        };
    }

    /** The teardown, begun now if it was requested before the sandbox started and never asked about. */
    private Optional<TeardownTimeline> started(Instant now) {
        if (plan == null) {
            return Optional.empty();
        }
        if (timeline == null) {
            timeline = new TeardownTimeline(id, plan, now);
        }
        return Optional.of(timeline);
    }
}
