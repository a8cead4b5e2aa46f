package dev.teardown.ports.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The limits of a token and the share of them this client may use.
 *
 * <p>This client may take {@code floor(limit × share)} permits per window, at least one. The share is
 * taken as written in decimal ({@code 0.29} of 100 is 29, although {@code 100 * 0.29} is 28.999… as a
 * double), so a configured share gives the count a reader expects.
 *
 * @param perHour requests the token may make in any hour (DigitalOcean: 5,000)
 * @param perMinute requests the token may make in any minute (DigitalOcean: 250)
 * @param share the part of each limit this client may use, in (0, 1]; the rest is left to the token's other users
 */
public record RateBudgetConfig(int perHour, int perMinute, double share) {

    public static final int DIGITALOCEAN_PER_HOUR = 5_000;
    public static final int DIGITALOCEAN_PER_MINUTE = 250;
    /** Leaves 20 % of the token's limits to its other users (a console, Terraform, another service). */
    public static final double DEFAULT_SHARE = 0.8;

    public RateBudgetConfig {
        if (perHour < 1) {
            throw new IllegalArgumentException("perHour must be >= 1, was " + perHour);
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be >= 1, was " + perMinute);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
    }

    /** DigitalOcean's limits (5,000 an hour, 250 a minute), 80 % of them for this client. */
    public static RateBudgetConfig digitalOcean() {
        return new RateBudgetConfig(DIGITALOCEAN_PER_HOUR, DIGITALOCEAN_PER_MINUTE, DEFAULT_SHARE);
    }

    public RateBudgetConfig withShare(double share) {
        return new RateBudgetConfig(perHour, perMinute, share);
    }

    /** Permits this client may take in any hour. */
    public int allowedPerHour() {
        return (int) allowedOf(perHour);
    }

    /** Permits this client may take in any minute. */
    public int allowedPerMinute() {
        return (int) allowedOf(perMinute);
    }

    /** This client's share of a limit, at least one so that a small limit never stops it for good. */
    long allowedOf(long limit) {
        return Math.max(1, shareOf(limit));
    }

    /** This client's share of a count, rounded down; 0 when the count is too small to share. */
    long shareOf(long count) {
        return BigDecimal.valueOf(share)
                .multiply(BigDecimal.valueOf(count))
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }
}
