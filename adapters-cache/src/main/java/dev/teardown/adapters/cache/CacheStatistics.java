package dev.teardown.adapters.cache;

/**
 * What a {@link CachingTeardownStatusSource} has done since it was built.
 *
 * @param hits lookups answered by a kept answer, or by joining a call already under way that answered
 * @param misses every other lookup: those that had to start a call to the wrapped source, and those
 *     that joined a call under way that failed (or stopped waiting for it, interrupted)
 * @param loads calls made to the wrapped source, failed ones included
 * @param loadFailures calls to the wrapped source that failed; their failures were not kept
 * @param evictions answers dropped because the size bound was reached or their time ran out
 *     (explicit invalidations are not counted)
 */
public record CacheStatistics(long hits, long misses, long loads, long loadFailures, long evictions) {

    public CacheStatistics {
        requireZeroOrPositive("hits", hits);
        requireZeroOrPositive("misses", misses);
        requireZeroOrPositive("loads", loads);
        requireZeroOrPositive("loadFailures", loadFailures);
        requireZeroOrPositive("evictions", evictions);
        if (loadFailures > loads) {
            throw new IllegalArgumentException(
                    "loadFailures must not exceed loads, was " + loadFailures + " of " + loads);
        }
    }

    /** Every lookup made: hits and misses. */
    public long requests() {
        return hits + misses;
    }

    /** The share of lookups answered without a call of their own; 1.0 when none was made. */
    public double hitRate() {
        long requests = requests();
        return requests == 0 ? 1.0 : (double) hits / requests;
    }

    private static void requireZeroOrPositive(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }
}
