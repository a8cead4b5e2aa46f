package dev.teardown.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceTeardownTest {

    private static final Instant AT = Instant.parse("2020-04-01T18:11:49Z");

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t\n"})
    void errorMessage_blankOrWhitespace_meansNoError(String blank) {
        ResourceTeardown resource =
                new ResourceTeardown(ResourceKind.VOLUME, "v1", "data", Optional.of(AT), Optional.of(blank));

        assertThat(resource.errorMessage()).isEmpty();
        assertThat(resource.state()).isEqualTo(ResourceState.DESTROYED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00a0", "\u2003", "\u200b", "\u2060", "\ufeff", "\u3000", "\u2028", "\u2029",
        "\u0085", "\u2007", "\u202f", "\u180e", "\u200c\u200d", "\u200e\u200f", "\u00ad", "\u3164", "\ufe0f",
        " \u00a0\t\u200b\ufeff\r\n\u3000 ", "\u000b\u000c\u001c\u001f", "\udb40\udc20"})
    void errorMessage_onlyInvisibleCharacters_meansNoError(String invisible) {
        ResourceTeardown resource =
                new ResourceTeardown(ResourceKind.VOLUME, "v1", "data", Optional.of(AT), Optional.of(invisible));

        assertThat(resource.errorMessage()).isEmpty();
        assertThat(resource.state()).isEqualTo(ResourceState.DESTROYED);
    }

    static IntStream spaceSeparatorAndFormatCodePoints() {
        return IntStream.rangeClosed(Character.MIN_CODE_POINT, Character.MAX_CODE_POINT)
                .filter(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT);
    }

    @Test
    void errorMessage_anyWhitespaceSpaceOrFormatCharacterAlone_meansNoError() {
        assertThat(spaceSeparatorAndFormatCodePoints().count()).isGreaterThan(100);
        spaceSeparatorAndFormatCodePoints().forEach(codePoint -> assertThat(new ResourceTeardown(ResourceKind.VOLUME,
                "v1", "data", Optional.empty(), Optional.of(Character.toString(codePoint))).errorMessage())
                .as("U+%04X", codePoint)
                .isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"volume is attached", "\u00a0volume is attached\u200b", "\u200bx", "-", ".", "\u0665",
        "\u4e2d", "\ud83d\ude00", "\u0000", "\u0007"})
    void errorMessage_withSomethingVisibleOrAControl_isKeptAsSent(String message) {
        ResourceTeardown resource =
                new ResourceTeardown(ResourceKind.VOLUME, "v1", "data", Optional.empty(), Optional.of(message));

        assertThat(resource.errorMessage()).contains(message);
        assertThat(resource.state()).isEqualTo(ResourceState.FAILED);
    }

    @Test
    void state_withErrorMessage_isFailedEvenWhenDestroyedAtIsSet() {
        ResourceTeardown resource = new ResourceTeardown(
                ResourceKind.VOLUME, "v1", "data", Optional.of(AT), Optional.of("volume is attached"));

        assertThat(resource.state()).isEqualTo(ResourceState.FAILED);
    }

    @Test
    void state_withoutTimeOrError_isPending() {
        assertThat(ResourceTeardown.pending(ResourceKind.SNAPSHOT, "1", "s").state()).isEqualTo(ResourceState.PENDING);
    }

    @Test
    void constructor_nullIdNameAndOptionals_becomeEmpty() {
        ResourceTeardown resource = new ResourceTeardown(ResourceKind.SNAPSHOT, null, null, null, null);

        assertThat(resource.id()).isEmpty();
        assertThat(resource.name()).isEmpty();
        assertThat(resource.destroyedAt()).isEmpty();
        assertThat(resource.errorMessage()).isEmpty();
    }
}
