package dev.teardown.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What to destroy along with a Droplet: everything associated with it, or a selection of resources. */
public sealed interface DestroyRequest permits DestroyRequest.Everything, DestroyRequest.Selection {

    /** The dangerous destroy: the Droplet and every resource associated with it. */
    static Everything everything() {
        return new Everything();
    }

    /** A builder of a selective destroy. */
    static Selection.Builder selection() {
        return new Selection.Builder();
    }

    /** A selective destroy that selects nothing: the Droplet is destroyed and every associated resource kept. */
    static Selection dropletOnly() {
        return new Selection(Map.of());
    }

    /** Whether carrying out this request destroys the resource named. */
    boolean destroys(ResourceRef resource);

    /**
     * The Droplet and every resource associated with it, including any the token could not list. It cannot
     * be undone.
     */
    record Everything() implements DestroyRequest {
        @Override
        public boolean destroys(ResourceRef resource) {
            Objects.requireNonNull(resource, "resource");
            return true;
        }
    }

    /**
     * The Droplet and the selected resources, by kind and id in the order given. Every associated resource
     * not selected is kept and keeps costing money, as the API documents; so an empty selection destroys
     * the Droplet alone.
     *
     * <p>A floating IP is a reserved IP under its deprecated name. It stays a kind of its own here so that a
     * request names an IP as its caller did; either name destroys the one address.
     */
    record Selection(Map<ResourceKind, Set<String>> idsByKind) implements DestroyRequest {

        /** Rejects the droplet kind and blank ids; kinds without ids are dropped, repeated ids kept once. */
        public Selection {
            Objects.requireNonNull(idsByKind, "idsByKind");
            Map<ResourceKind, Set<String>> copy = new EnumMap<>(ResourceKind.class);
            idsByKind.forEach((kind, ids) -> {
                requireKind(kind);
                Objects.requireNonNull(ids, () -> "ids of " + kind);
                Set<String> kept = new LinkedHashSet<>();
                for (String id : ids) {
                    kept.add(requireId(kind, id));
                }
                if (!kept.isEmpty()) {
                    copy.put(kind, Collections.unmodifiableSet(kept));
                }
            });
            idsByKind = Collections.unmodifiableMap(copy);
        }

        /** A selection of the ids listed for each kind, such as {@code Map.of(VOLUME, List.of("ba49449a-..."))}. */
        public static Selection of(Map<ResourceKind, ? extends Collection<String>> idsByKind) {
            Objects.requireNonNull(idsByKind, "idsByKind");
            Map<ResourceKind, Set<String>> sets = new EnumMap<>(ResourceKind.class);
            idsByKind.forEach((kind, ids) -> sets.put(requireKind(kind),
                    new LinkedHashSet<>(Objects.requireNonNull(ids, () -> "ids of " + kind))));
            return new Selection(sets);
        }

        /** The ids selected under this kind, in the order given; empty when none. */
        public Set<String> ids(ResourceKind kind) {
            Objects.requireNonNull(kind, "kind");
            return idsByKind.getOrDefault(kind, Set.of());
        }

        /** How many resources are selected; an IP selected under both of its names counts once. */
        public int size() {
            int size = 0;
            for (Set<String> ids : idsByKind.values()) {
                size += ids.size();
            }
            Set<String> reserved = ids(ResourceKind.RESERVED_IP);
            for (String id : ids(ResourceKind.FLOATING_IP)) {
                if (reserved.contains(id)) {
                    size--;
                }
            }
            return size;
        }

        /** True when nothing but the Droplet is to be destroyed. */
        public boolean isEmpty() {
            return idsByKind.isEmpty();
        }

        @Override
        public boolean destroys(ResourceRef resource) {
            Objects.requireNonNull(resource, "resource");
            if (AssociatedKinds.isIp(resource.kind())) {
                return ids(ResourceKind.RESERVED_IP).contains(resource.id())
                        || ids(ResourceKind.FLOATING_IP).contains(resource.id());
            }
            return ids(resource.kind()).contains(resource.id());
        }

        /**
         * The selected resources that are not associated with the Droplet listed, in kind order and then the
         * order given; empty when every one of them is. Check before destroying: the API answers a selective
         * destroy with 202 and no body, so it would not say which ids it did not know.
         */
        public List<ResourceRef> unknownIn(AssociatedResources associated) {
            Objects.requireNonNull(associated, "associated");
            List<ResourceRef> unknown = new ArrayList<>();
            idsByKind.forEach((kind, ids) -> {
                for (String id : ids) {
                    if (!associated.contains(kind, id)) {
                        unknown.add(new ResourceRef(kind, id));
                    }
                }
            });
            return List.copyOf(unknown);
        }

        private static ResourceKind requireKind(ResourceKind kind) {
            return AssociatedKinds.require(kind, "selected kind");
        }

        private static String requireId(ResourceKind kind, String id) {
            return AssociatedKinds.requireId(id, "selected " + kind + " id");
        }

        /** Collects the ids to destroy, kind by kind. */
        public static final class Builder {

            private final Map<ResourceKind, Set<String>> idsByKind = new EnumMap<>(ResourceKind.class);

            Builder() {
            }

            /** Adds ids of one kind; they are checked here, so a bad one fails where it was added. */
            public Builder add(ResourceKind kind, String... ids) {
                requireKind(kind);
                Set<String> kindIds = idsByKind.computeIfAbsent(kind, k -> new LinkedHashSet<>());
                for (String id : ids) {
                    kindIds.add(requireId(kind, id));
                }
                return this;
            }

            public Builder add(ResourceRef resource) {
                return add(resource.kind(), resource.id());
            }

            public Selection build() {
                return new Selection(idsByKind);
            }
        }
    }
}
