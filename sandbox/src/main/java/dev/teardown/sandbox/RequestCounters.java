package dev.teardown.sandbox;

import dev.teardown.domain.DropletId;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the server answers, from many threads at once, for {@link SandboxStatistics}. */
final class RequestCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final Map<DropletId, LongAdder> byDroplet = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    void request() {
        requests.increment();
    }

    void droplet(DropletId dropletId) {
        byDroplet.computeIfAbsent(dropletId, id -> new LongAdder()).increment();
    }

    void answered(int status) {
        byStatus.computeIfAbsent(status, code -> new LongAdder()).increment();
        if (status == 429) {
            rateLimited.increment();
        }
    }

    SandboxStatistics snapshot() {
        Map<DropletId, Long> droplets = new TreeMap<>();
        byDroplet.forEach((id, count) -> droplets.put(id, count.sum()));
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return new SandboxStatistics(requests.sum(), rateLimited.sum(), droplets, statuses);
    }
}
