package dev.teardown.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource's part in a teardown.
 *
 * <p>The API sends ids as strings (numbers for most kinds, UUIDs for volumes); an id or name it
 * omits is the empty string. A blank error message means no error: the API sends {@code " "}
 * for resources destroyed without one. Blank is meant in the Unicode sense: a message made only of
 * whitespace, space separators (such as the no-break space), line separators, and invisible format
 * characters or fillers (such as the zero-width space and the byte order mark) is blank.
 */
public record ResourceTeardown(
        ResourceKind kind,
        String id,
        String name,
        Optional<Instant> destroyedAt,
        Optional<String> errorMessage) {

    public ResourceTeardown {
        Objects.requireNonNull(kind, "kind");
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        destroyedAt = Objects.requireNonNullElse(destroyedAt, Optional.empty());
        errorMessage = Objects.requireNonNullElse(errorMessage, Optional.<String>empty())
                .filter(message -> !isBlank(message));
    }

    private static boolean isBlank(String message) {
        return message.codePoints().allMatch(ResourceTeardown::isInvisible);
    }

    private static boolean isInvisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT) {
            return true;
        }
        // The rest of Unicode's White_Space and Default_Ignorable_Code_Point: next line, the combining
        // grapheme joiner, the Hangul fillers, the Khmer inherent vowels and the variation selectors.
        return codePoint == 0x0085 || codePoint == 0x034F
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x17B4 || codePoint == 0x17B5
                || (codePoint >= 0x180B && codePoint <= 0x180F)
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    public static ResourceTeardown destroyed(ResourceKind kind, String id, String name, Instant destroyedAt) {
        return new ResourceTeardown(kind, id, name, Optional.of(destroyedAt), Optional.empty());
    }

    public static ResourceTeardown failed(ResourceKind kind, String id, String name, String errorMessage) {
        return new ResourceTeardown(kind, id, name, Optional.empty(), Optional.of(errorMessage));
    }

    public static ResourceTeardown pending(ResourceKind kind, String id, String name) {
        return new ResourceTeardown(kind, id, name, Optional.empty(), Optional.empty());
    }

    /** Failed when there is an error message, destroyed when it has a destroyed time, pending otherwise. */
    public ResourceState state() {
        if (errorMessage.isPresent()) {
            return ResourceState.FAILED;
        }
        return destroyedAt.isPresent() ? ResourceState.DESTROYED : ResourceState.PENDING;
    }
}
