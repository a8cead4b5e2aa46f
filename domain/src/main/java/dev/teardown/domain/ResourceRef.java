package dev.teardown.domain;

/** A resource associated with a Droplet, named by its kind and id, as a destroy selection names it. */
public record ResourceRef(ResourceKind kind, String id) {

    /** Rejects the droplet itself and blank ids; the id is kept exactly as given, since ids are opaque to us. */
    public ResourceRef {
        AssociatedKinds.require(kind, "resource kind");
        AssociatedKinds.requireId(id, "resource id");
    }

    public static ResourceRef of(ResourceKind kind, String id) {
        return new ResourceRef(kind, id);
    }
}
