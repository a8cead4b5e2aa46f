package dev.teardown.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TeardownProgressTest {

    @Test
    void fractionDone_countsDestroyedAndFailedOverTotal() {
        TeardownProgress progress = new TeardownProgress(2, 1, 1);

        assertThat(progress.total()).isEqualTo(4);
        assertThat(progress.fractionDone()).isEqualTo(0.75);
    }

    @Test
    void fractionDone_nothingToDestroy_isZero() {
        assertThat(new TeardownProgress(0, 0, 0).fractionDone()).isZero();
    }

    @Test
    void constructor_negativeCount_isRejected() {
        assertThatThrownBy(() -> new TeardownProgress(-1, 0, 0)).hasMessageContaining("destroyed=-1");
    }
}
