package dev.teardown.sandbox;

import dev.teardown.domain.DropletId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a sandbox has served since it started, for benchmarks and demos. The statistics endpoint is not
 * counted.
 *
 * @param requests every request answered, refused ones included
 * @param rateLimited the requests refused with 429
 * @param requestsByDroplet the requests whose path names a Droplet, by that Droplet, in id order
 * @param answersByStatus the answers by HTTP status code, in code order
 */
public record SandboxStatistics(
        long requests,
        long rateLimited,
        Map<DropletId, Long> requestsByDroplet,
        Map<Integer, Long> answersByStatus) {

    public SandboxStatistics {
        if (requests < 0 || rateLimited < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + requests + " and " + rateLimited);
        }
        requestsByDroplet = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(requestsByDroplet, "requestsByDroplet")));
        answersByStatus = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(answersByStatus, "answersByStatus")));
    }

    /** The requests whose path named this Droplet; 0 when none did. */
    public long requestsFor(DropletId dropletId) {
        return requestsByDroplet.getOrDefault(Objects.requireNonNull(dropletId, "dropletId"), 0L);
    }

    /** One line for a log, such as {@code 1204 requests, 3 refused with 429, 300 droplets; by status: 200=1190 429=3 404=11}. */
    public String summary() {
        StringBuilder line = new StringBuilder()
                .append(requests).append(requests == 1 ? " request, " : " requests, ")
                .append(rateLimited).append(" refused with 429, ")
                .append(requestsByDroplet.size()).append(requestsByDroplet.size() == 1 ? " droplet" : " droplets");
        if (!answersByStatus.isEmpty()) {
            line.append("; by status:");
            answersByStatus.forEach((status, count) -> line.append(' ').append(status).append('=').append(count));
        }
        return line.toString();
    }

    /**
     * As JSON, {@code {"requests": 12, "rate_limited": 0, "by_droplet": {"61486916": 3},
     * "by_status": {"200": 10, "404": 2}}}: what {@code GET /sandbox/stats} answers.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(64 + 24 * requestsByDroplet.size())
                .append("{\"requests\":").append(requests)
                .append(",\"rate_limited\":").append(rateLimited)
                .append(",\"by_droplet\":{");
        // Keys and values are numbers: nothing to escape.
        String separator = "";
        for (Map.Entry<DropletId, Long> entry : requestsByDroplet.entrySet()) {
            json.append(separator).append('"').append(entry.getKey().value()).append("\":").append(entry.getValue());
            separator = ",";
        }
        json.append("},\"by_status\":{");
        separator = "";
        for (Map.Entry<Integer, Long> entry : answersByStatus.entrySet()) {
            json.append(separator).append('"').append(entry.getKey()).append("\":").append(entry.getValue());
            separator = ",";
        }
        return json.append("}}").toString();
    }
}
