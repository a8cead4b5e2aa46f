package dev.teardown.domain;

/** How many of a teardown's resources (the droplet included) are destroyed, failed and still pending. */
public record TeardownProgress(int destroyed, int failed, int pending) {

    public TeardownProgress {
        if (destroyed < 0 || failed < 0 || pending < 0) {
            throw new IllegalArgumentException(
                    "progress counts must be >= 0, were destroyed=" + destroyed + " failed=" + failed + " pending=" + pending);
        }
    }

    public int total() {
        return destroyed + failed + pending;
    }

    /** The share of resources no longer pending, from 0.0 to 1.0; 0.0 when there are none. */
    public double fractionDone() {
        int total = total();
        return total == 0 ? 0.0 : (double) (destroyed + failed) / total;
    }
}
