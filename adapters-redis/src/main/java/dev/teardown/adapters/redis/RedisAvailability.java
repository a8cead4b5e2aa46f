package dev.teardown.adapters.redis;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Whether Redis is answering, and when to try it again while it is not: one warning when it goes
 * away, one note when it is back, and at most one caller asking it per probe interval in between.
 */
final class RedisAvailability {

    private static final System.Logger LOG = System.getLogger(RedisTier.class.getName());

    /** What a caller was let do. */
    enum Ticket {
        /** Redis is up: ask it. */
        ASK,
        /** Redis is down and this caller is the probe: ask it, and say how it went. */
        PROBE
    }

    private final InstantSource clock;
    private final Duration probeInterval;
    private final String shownUri;

    private volatile boolean down;
    /** Guarded by this. */
    private Instant downSince;
    private Instant nextProbeAt;
    private boolean probing;

    RedisAvailability(InstantSource clock, Duration probeInterval, String shownUri) {
        this.clock = clock;
        this.probeInterval = probeInterval;
        this.shownUri = shownUri;
    }

    boolean isUp() {
        return !down;
    }

    /** {@link Ticket#ASK} while Redis is up, {@link Ticket#PROBE} for one caller once a probe is due, otherwise null. */
    Ticket mayAsk() {
        if (!down) {
            return Ticket.ASK;
        }
        synchronized (this) {
            if (!down) {
                return Ticket.ASK;
            }
            if (probing || clock.instant().isBefore(nextProbeAt)) {
                return null;
            }
            probing = true;
            return Ticket.PROBE;
        }
    }

    /** Redis answered; a probe's answer brings the tier back, another caller's in-flight answer does not. */
    void answered(Ticket ticket) {
        if (ticket != Ticket.PROBE) {
            return;
        }
        Duration away;
        synchronized (this) {
            probing = false;
            if (!down) {
                return;
            }
            down = false;
            away = Duration.between(downSince, clock.instant());
        }
        LOG.log(Level.INFO, () -> "Redis at " + shownUri + " answers again after " + away.toSeconds()
                + " s; the shared cache and rate budget are used again");
    }

    /** Redis failed a caller; the first failure while it was up is the one warning of this outage. */
    void failed(Ticket ticket, String cause) {
        boolean wentAway;
        synchronized (this) {
            Instant now = clock.instant();
            nextProbeAt = now.plus(probeInterval);
            if (ticket == Ticket.PROBE) {
                probing = false;
            }
            wentAway = !down;
            if (wentAway) {
                down = true;
                downSince = now;
            }
        }
        if (wentAway) {
            LOG.log(Level.WARNING, () -> "Redis at " + shownUri + " does not answer (" + cause
                    + "); until it does, lookups skip the shared cache and each instance spends only its own share"
                    + " of the rate budget (next try in " + probeInterval.toMillis() + " ms)");
        }
    }

    /** A caller that had a ticket did not ask after all; a probe not taken is due again at once. */
    void skipped(Ticket ticket) {
        if (ticket == Ticket.PROBE) {
            synchronized (this) {
                probing = false;
            }
        }
    }
}
