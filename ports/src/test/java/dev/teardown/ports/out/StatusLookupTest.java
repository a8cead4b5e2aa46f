package dev.teardown.ports.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusLookupTest {

    @Test
    void keepAtMost_answerFromTheOrigin_isThePolicy() {
        assertThat(StatusLookup.fromOrigin(Optional.empty()).keepAtMost(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void keepAtMost_keptCopyWithLessLeft_isWhatIsLeft() {
        StatusLookup lookup = StatusLookup.kept(Optional.empty(), Duration.ofMillis(700));

        assertThat(lookup.keepAtMost(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(700));
        assertThat(lookup.keepAtMost(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void kept_negativeFreshness_isRefused() {
        assertThatThrownBy(() -> StatusLookup.kept(Optional.empty(), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("freshFor must be zero or positive, was PT-0.001S");
    }

    @Test
    void lookUp_ofASourceThatAsksTheOrigin_isNew() {
        TeardownStatusSource source = dropletId -> Optional.empty();

        assertThat(source.lookUp(DropletId.of(7)).freshFor()).isEmpty();
    }
}
