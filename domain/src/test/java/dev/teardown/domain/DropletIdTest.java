package dev.teardown.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropletIdTest {

    @Test
    void of_positive_keepsValue() {
        assertThat(DropletId.of(61486916).value()).isEqualTo(61486916L);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5, Long.MIN_VALUE})
    void of_belowOne_isRejectedShowingTheValue(long bad) {
        assertThatThrownBy(() -> DropletId.of(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("droplet id must be >= 1, was " + bad);
    }

    @Test
    void parse_digits_givesTheId() {
        assertThat(DropletId.parse(" 61486916 ")).isEqualTo(DropletId.of(61486916));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1.5", "12abc", "99999999999999999999"})
    void parse_notAWholeNumber_isRejectedShowingTheText(String bad) {
        assertThatThrownBy(() -> DropletId.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("droplet id must be a whole number >= 1, was '" + bad + "'");
    }

    @Test
    void parse_zero_isRejectedAsBelowOne() {
        assertThatThrownBy(() -> DropletId.parse("0")).hasMessage("droplet id must be >= 1, was 0");
    }

    @Test
    void parse_null_isRejected() {
        assertThatThrownBy(() -> DropletId.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_isTheNumber() {
        assertThat(DropletId.of(42)).hasToString("42");
    }
}
