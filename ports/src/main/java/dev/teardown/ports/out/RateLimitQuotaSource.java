package dev.teardown.ports.out;

import dev.teardown.domain.RateLimitQuota;
import java.util.Optional;

/** Tells the API's rate-limit quota as its latest answer reported it, so a caller can slow down before a 429. */
@FunctionalInterface
public interface RateLimitQuotaSource {

    /** The quota the API reported in its latest response, or empty when no response carried one yet. */
    Optional<RateLimitQuota> lastKnownQuota();
}
