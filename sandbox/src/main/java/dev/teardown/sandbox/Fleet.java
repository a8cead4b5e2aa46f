package dev.teardown.sandbox;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox's fleet: {@value #SIZE} Droplets from {@value #FIRST}, each destroyed before the sandbox
 * started, whose teardowns are derived from their ids alone, so every sandbox gives the same answers.
 *
 * <p>Each has 1 to 6 resources besides the Droplet and takes from 20 s to 10 min, most under two
 * minutes and about one in five over five (the cube of a uniform draw); the Droplet and its resources
 * are destroyed evenly spread over that time. About one in ten ends completed with one failure, a
 * volume when it has one; a retry then destroys it {@link #RETRY_STEP} later.
 */
final class Fleet {

    static final long FIRST = 70_000_000L;
    static final int SIZE = 10_000;
    static final Duration SHORTEST = Duration.ofSeconds(20);
    static final Duration LONGEST = Duration.ofMinutes(10);
    static final Duration RETRY_STEP = Duration.ofSeconds(5);

    private static final ResourceKind[] KINDS = {
        ResourceKind.RESERVED_IP, ResourceKind.SNAPSHOT, ResourceKind.VOLUME, ResourceKind.VOLUME_SNAPSHOT};
    private static final long DRAW_RANGE = 1L << 16;

    private Fleet() {
    }

    static boolean contains(DropletId id) {
        return id.value() >= FIRST && id.value() < FIRST + SIZE;
    }

    static SandboxDroplet droplet(DropletId id) {
        return SandboxDroplet.destroyed(id, plan(id), Optional.empty());
    }

    static TeardownPlan plan(DropletId id) {
        long bits = mix(id.value());
        int count = 1 + (int) Long.remainderUnsigned(bits, 6);
        long draw = (bits >>> 16) & (DRAW_RANGE - 1);
        long spread = LONGEST.minus(SHORTEST).toSeconds();
        long seconds = SHORTEST.toSeconds() + spread * draw * draw * draw / (DRAW_RANGE * DRAW_RANGE * DRAW_RANGE);
        boolean fails = Long.remainderUnsigned(bits >>> 40, 10) == 0;
        int firstKind = (int) ((bits >>> 8) % KINDS.length);

        List<ResourceKind> kinds = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            kinds.add(KINDS[(firstKind + k) % KINDS.length]);
        }
        int failing = -1;
        if (fails) {
            int volume = kinds.lastIndexOf(ResourceKind.VOLUME);
            failing = volume >= 0 ? volume : count - 1;
        }

        TeardownPlan.Step droplet = TeardownPlan.Step.destroyedAfter(ResourceKind.DROPLET, id.toString(),
                "fleet-" + id, offset(seconds, 0, count));
        List<TeardownPlan.Step> resources = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            ResourceKind kind = kinds.get(k);
            String resourceId = resourceId(id, kind, k);
            String name = kind == ResourceKind.RESERVED_IP ? address(id, k) : "fleet-" + id + "-" + kind.wireName() + "-" + k;
            Duration after = offset(seconds, k + 1, count);
            resources.add(k == failing
                    ? TeardownPlan.Step.failsAfter(kind, resourceId, name, after, failure(kind))
                    : TeardownPlan.Step.destroyedAfter(kind, resourceId, name, after));
        }
        return new TeardownPlan(droplet, resources, Optional.of(Duration.ofSeconds(seconds)), RETRY_STEP);
    }

    /** The droplet is step 0, resources 1 to count, spread evenly before the end. */
    private static Duration offset(long totalSeconds, int step, int count) {
        return Duration.ofSeconds(totalSeconds * (step + 1) / (count + 2));
    }

    private static String resourceId(DropletId id, ResourceKind kind, int k) {
        return switch (kind) {
            case RESERVED_IP, SNAPSHOT -> Long.toString(900_000_000L + (id.value() - FIRST) * 10 + k);
            default -> UUID.nameUUIDFromBytes((kind.wireName() + ":" + id + ":" + k).getBytes(StandardCharsets.UTF_8))
                    .toString();
        };
    }

    private static String address(DropletId id, int k) {
        long n = (id.value() - FIRST) * 8 + k;
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    private static String failure(ResourceKind kind) {
        return switch (kind) {
            case VOLUME -> "volume is still attached to another droplet; detach it and retry the destroy";
            case SNAPSHOT -> "snapshot is being copied to another region; retry the destroy when the copy is done";
            case VOLUME_SNAPSHOT -> "volume snapshot is in use by a volume being created from it; retry the destroy later";
            default -> "reserved IP is assigned to another droplet; unassign it and retry the destroy";
        };
    }

    /** SplitMix64's finaliser: neighbouring ids get unrelated bits. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
