package dev.teardown.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TeardownOutcomeTest {

    @Test
    void isTerminal_onlyOnceCompleted() {
        assertThat(TeardownOutcome.IN_PROGRESS.isTerminal()).isFalse();
        assertThat(TeardownOutcome.SUCCEEDED.isTerminal()).isTrue();
        assertThat(TeardownOutcome.COMPLETED_WITH_FAILURES.isTerminal()).isTrue();
    }
}
