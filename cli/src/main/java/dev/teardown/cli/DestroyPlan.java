package dev.teardown.cli;

import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DestroyRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a destroy would take along with the droplet and what it would leave, still costing money, as the
 * droplet's associated resources were listed just before.
 */
record DestroyPlan(AssociatedResources listed, DestroyRequest request) {

    DestroyPlan {
        Objects.requireNonNull(listed, "listed");
        Objects.requireNonNull(request, "request");
    }

    /** The listed resources the destroy takes along; with {@code --all}, also any the token may not list. */
    List<AssociatedResource> destroyed() {
        return listed.resources().stream().filter(resource -> request.destroys(resource.ref())).toList();
    }

    /** The listed resources it leaves, each still costing what it costs. */
    List<AssociatedResource> kept() {
        return listed.resources().stream().filter(resource -> !request.destroys(resource.ref())).toList();
    }

    BigDecimal destroyedMonthlyCost() {
        return listed.monthlyCostTotal().subtract(keptMonthlyCost());
    }

    BigDecimal keptMonthlyCost() {
        return listed.monthlyCostRetainedAfter(request);
    }

    /** True for {@code --all}: the dangerous destroy, which takes everything, listed or not. */
    boolean everything() {
        return request instanceof DestroyRequest.Everything;
    }
}
