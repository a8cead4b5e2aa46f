package dev.teardown.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    @ParameterizedTest
    @ValueSource(strings = {"61486916", "1", "10", "9223372036854775807"})
    void parse_asciiDigits_givesTheId(String text) {
        assertThat(DropletId.parse(text)).isEqualTo(DropletId.of(Long.parseLong(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1.5", "12abc", "+5", "+61486916", " 61486916 ", "61486916 ", " 5", "1 000",
        "1_000", "0x1F", "5e3", "--5", "-", "+", "\u22125"})
    void parse_notAWholeNumberInAsciiDigits_isRejectedShowingTheText(String bad) {
        assertThatThrownBy(() -> DropletId.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("droplet id must be a whole number >= 1, was '" + bad + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0665", "\uff15", "\u09ea", "\u0966\u0967", "1\uff12\u0033", "\ud835\udfd3",
        "\u0e51\u0e52\u0e53", "61486916\u0669"})
    void parse_nonAsciiDigits_isRejectedNamingTheDigitsAllowed(String bad) {
        assertThatThrownBy(() -> DropletId.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("droplet id must be written with the digits 0-9, was '" + bad + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"007", "05", "00", "0061486916", "-05"})
    void parse_leadingZeros_isRejectedShowingTheText(String bad) {
        assertThatThrownBy(() -> DropletId.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("droplet id must be written without leading zeros, was '" + bad + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "18446744073709551616", "99999999999999999999",
        "-9223372036854775809", "123456789012345678901234567890"})
    void parse_beyond64Bits_isRejectedAsOutOfRange(String bad) {
        assertThatThrownBy(() -> DropletId.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("droplet id is out of range (1 to 9223372036854775807), was '" + bad + "'");
    }

    @Test
    void parse_beyond64BitsAndLong_isRejectedAsOutOfRangeShowingTheStart() {
        String bad = "1".repeat(100);

        assertThatThrownBy(() -> DropletId.parse(bad))
                .hasMessage("droplet id is out of range (1 to 9223372036854775807), was '" + "1".repeat(40) + "...'");
    }

    static Stream<Arguments> invisibleOrControlCharactersAndHowTheyAreShown() {
        return Stream.of(
                Arguments.of("5\u0007", "5\\u0007"),
                Arguments.of("\u001b[31m5", "\\u001B[31m5"),
                Arguments.of("5\r\n", "5\\u000D\\u000A"),
                Arguments.of("\t5", "\\u00095"),
                Arguments.of("\u0000", "\\u0000"),
                Arguments.of("5\u007f", "5\\u007F"),
                Arguments.of("5\u202e1", "5\\u202E1"),
                Arguments.of("5\u200b", "5\\u200B"),
                Arguments.of("\ufeff5", "\\uFEFF5"),
                Arguments.of("\u00a05", "\\u00A05"),
                Arguments.of("5\u2028", "5\\u2028"),
                Arguments.of("5\u0085", "5\\u0085"),
                Arguments.of("5\u0301", "5\\u0301"),
                Arguments.of("a\\b", "a\\\\b"),
                Arguments.of("\ud800", "\\uD800"),
                Arguments.of("\udb40\udc01", "\\uDB40\\uDC01"));
    }

    @ParameterizedTest
    @MethodSource("invisibleOrControlCharactersAndHowTheyAreShown")
    void parse_invisibleOrControlCharacters_areShownEscaped(String bad, String shown) {
        assertThatThrownBy(() -> DropletId.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(", was '" + shown + "'")
                .satisfies(e -> assertThat(e.getMessage().codePoints().filter(Character::isISOControl)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0"})
    void parse_zero_isRejectedAsBelowOne(String zero) {
        assertThatThrownBy(() -> DropletId.parse(zero)).hasMessage("droplet id must be >= 1, was 0");
    }

    @ParameterizedTest
    @ValueSource(longs = {-5, -1, -61486916, Long.MIN_VALUE})
    void parse_negative_isRejectedAsBelowOne(long negative) {
        assertThatThrownBy(() -> DropletId.parse(Long.toString(negative)))
                .hasMessage("droplet id must be >= 1, was " + negative);
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
