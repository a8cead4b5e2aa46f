package dev.teardown.domain;

import java.util.Objects;

/** The rules that name a Droplet's associated resources: any kind but the droplet's own, a non-blank id. */
final class AssociatedKinds {

    private AssociatedKinds() {
    }

    static ResourceKind require(ResourceKind kind, String what) {
        Objects.requireNonNull(kind, what);
        if (kind == ResourceKind.DROPLET) {
            throw new IllegalArgumentException(what + " must be a kind of associated resource, not DROPLET");
        }
        return kind;
    }

    static boolean isIp(ResourceKind kind) {
        return kind == ResourceKind.RESERVED_IP || kind == ResourceKind.FLOATING_IP;
    }

    /** Equal kinds, or the two names of an IP: the API lists each reserved IP under both. */
    static boolean sameResourceKind(ResourceKind a, ResourceKind b) {
        return a == b || isIp(a) && isIp(b);
    }

    static String requireId(String id, String what) {
        if (id == null) {
            throw new IllegalArgumentException(what + " must not be blank, was null");
        }
        if (id.isBlank()) {
            String shown = id.length() <= 40 ? id : id.substring(0, 40) + "...";
            throw new IllegalArgumentException(what + " must not be blank, was '" + shown + "'");
        }
        return id;
    }
}
