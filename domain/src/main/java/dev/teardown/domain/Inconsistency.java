package dev.teardown.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A way in which a status contradicts itself; the status is still reported, with these named. */
public sealed interface Inconsistency {

    /** One line a person can read. */
    String description();

    /** The reported failures count differs from the number of resources carrying an error message. */
    record FailureCountMismatch(int reported, int failedResources) implements Inconsistency {
        @Override
        public String description() {
            return "failures count is " + reported + " but " + failedResources
                    + (failedResources == 1 ? " resource reports" : " resources report") + " an error";
        }
    }

    /** The failures count is below zero. */
    record NegativeFailureCount(int reported) implements Inconsistency {
        @Override
        public String description() {
            return "failures count is negative: " + reported;
        }
    }

    /** The teardown is reported completed while some resources are neither destroyed nor failed. */
    record PendingAfterCompletion(Instant completedAt, List<ResourceTeardown> pending) implements Inconsistency {
        public PendingAfterCompletion {
            pending = List.copyOf(pending);
        }

        @Override
        public String description() {
            return "completed at " + completedAt + " but " + pending.size()
                    + (pending.size() == 1 ? " resource is" : " resources are") + " still pending";
        }
    }

    /** A resource's destroyed time is later than the teardown's completion time. */
    record DestroyedAfterCompletion(ResourceTeardown resource, Instant completedAt) implements Inconsistency {
        @Override
        public String description() {
            return resource.kind().wireName() + " " + resource.id() + " destroyed at "
                    + resource.destroyedAt().orElseThrow() + ", after completion at " + completedAt;
        }
    }

    /**
     * A reserved IP and the floating IP of the same id (the same address under its deprecated name)
     * are in different states; the worse of the two counts: failed, then pending, then destroyed.
     */
    record ReservedAndFloatingIpDisagree(String id, ResourceState reservedIp, ResourceState floatingIp)
            implements Inconsistency {
        public ReservedAndFloatingIpDisagree {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reservedIp, "reservedIp");
            Objects.requireNonNull(floatingIp, "floatingIp");
            if (reservedIp == floatingIp) {
                throw new IllegalArgumentException(
                        "reserved IP " + id + " and its floating IP are both " + lower(reservedIp) + ": they agree");
            }
        }

        /** The state the IP is counted in: the worse of the two. */
        public ResourceState counted() {
            return ResourceState.worse(reservedIp, floatingIp);
        }

        @Override
        public String description() {
            return "reserved IP " + id + " is " + lower(reservedIp) + " but floating IP " + id + " is "
                    + lower(floatingIp) + "; counted as " + lower(counted());
        }

        private static String lower(ResourceState state) {
            return state.name().toLowerCase(Locale.ROOT);
        }
    }
}
