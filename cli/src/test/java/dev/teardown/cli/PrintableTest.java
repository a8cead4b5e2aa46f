package dev.teardown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrintableTest {

    static Stream<Character> everyCharacterThatSteersATerminal() {
        return Stream.of(
                        IntStream.rangeClosed(0x00, 0x1f), IntStream.rangeClosed(0x7f, 0x9f),
                        IntStream.rangeClosed(0x202a, 0x202e), IntStream.rangeClosed(0x2066, 0x2069),
                        IntStream.of(0x061c, 0x200e, 0x200f, 0x2028, 0x2029))
                .flatMapToInt(range -> range)
                .mapToObj(c -> (char) c);
    }

    @ParameterizedTest
    @MethodSource("everyCharacterThatSteersATerminal")
    void of_characterThatSteersATerminal_isShownAsItsEscape(char c) {
        assertThat(Printable.of("a" + c + "b")).isEqualTo(String.format("a\\u%04xb", (int) c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-01", "données été", "ウェブ", "web 🚀 01", "👩‍💻", "a\\u001b is just text", "\"quoted\" 'name'", ""})
    void of_printableText_isUnchanged(String text) {
        assertThat(Printable.of(text)).isSameAs(text);
    }
}
