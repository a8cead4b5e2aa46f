package dev.teardown.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
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
