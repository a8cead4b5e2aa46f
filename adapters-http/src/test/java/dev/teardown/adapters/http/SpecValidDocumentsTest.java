package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents the API's specification allows are statuses, read by both the adapter's reader and
 * {@link StatusDocuments}: a {@code failures} integer of any size or written with a fraction or an
 * exponent, a leap second, a time with more than nine fraction digits.
 */
class SpecValidDocumentsTest {

    private static final DropletId DROPLET = DropletId.of(61486916);
    private static final StatusDocumentReader READER = new StatusDocumentReader(HttpClientConfig.DEFAULT_MAX_BODY_BYTES);

    private static TeardownStatus readByBoth(String json) throws MalformedDocumentException {
        byte[] document = json.getBytes(StandardCharsets.UTF_8);
        TeardownStatus status = READER.read(DROPLET, document);
        assertThat(StatusDocuments.read(DROPLET, document)).isEqualTo(status);
        return status;
    }

    static Stream<Arguments> wholeNumbers() {
        return Stream.of(
                Arguments.of("0", 0),
                Arguments.of("2147483647", Integer.MAX_VALUE),
                Arguments.of("2147483648", Integer.MAX_VALUE),
                Arguments.of("4294967297", Integer.MAX_VALUE),
                Arguments.of("99999999999", Integer.MAX_VALUE),
                Arguments.of("9223372036854775807", Integer.MAX_VALUE),
                Arguments.of("9223372036854775808", Integer.MAX_VALUE),
                Arguments.of("123456789012345678901234567890123456789012345678901234567890", Integer.MAX_VALUE),
                Arguments.of("-1", -1),
                Arguments.of("-2147483648", Integer.MIN_VALUE),
                Arguments.of("-2147483649", Integer.MIN_VALUE),
                Arguments.of("-4294967295", Integer.MIN_VALUE),
                Arguments.of("-9223372036854775809", Integer.MIN_VALUE),
                Arguments.of("1.0", 1),
                Arguments.of("0e0", 0),
                Arguments.of("0.0", 0),
                Arguments.of("-0.0", 0),
                Arguments.of("3E0", 3),
                Arguments.of("1e2", 100),
                Arguments.of("1E+2", 100),
                Arguments.of("2.50e1", 25),
                Arguments.of("10e-1", 1),
                Arguments.of("7.000000000", 7),
                Arguments.of("0e-999999999", 0),
                Arguments.of("4294967297.0", Integer.MAX_VALUE),
                Arguments.of("1e10", Integer.MAX_VALUE),
                Arguments.of("1e999999999", Integer.MAX_VALUE),
                Arguments.of("-1e40", Integer.MIN_VALUE),
                Arguments.of("-1e999999999", Integer.MIN_VALUE));
    }

    @ParameterizedTest(name = "failures: {0}")
    @MethodSource("wholeNumbers")
    void read_failuresAnyWholeNumber_isKeptOrClampedNeverWrapped(String written, int expected) throws Exception {
        assertThat(readByBoth("{\"failures\": " + written + "}").reportedFailures()).hasValue(expected);
    }

    @ParameterizedTest(name = "failures: {0}")
    @ValueSource(strings = {"1.5", "0.1", "-2.25", "1e-1", "1.0000000000000001", "2147483647.5", "1e-999999999", "-7.5e-3"})
    void read_failuresNotAWholeNumber_isRejectedSayingWhatItIs(String written) {
        byte[] document = ("{\"failures\": " + written + "}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> READER.read(DROPLET, document))
                .isInstanceOf(MalformedDocumentException.class)
                .hasMessage("failures must be a whole number, is " + written);
        assertThatThrownBy(() -> StatusDocuments.read(DROPLET, document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failures must be a whole number, is " + written);
    }

    @ParameterizedTest(name = "failures: {0}")
    @ValueSource(strings = {"2147483648", "99999999999", "9223372036854775808", "1.5", "\"7\"", "true", "[]", "{}"})
    void read_failuresOfAnyKind_neverSaysAWholeNumberIsNotOne(String written) {
        try {
            readByBoth("{\"failures\": " + written + "}");
        } catch (MalformedDocumentException | IllegalArgumentException rejected) {
            assertThat(rejected.getMessage()).doesNotContain("is a whole number");
        }
    }

    static Stream<Arguments> spellingsOfTheLeapSecond() {
        Instant lastNanoOf2016 = Instant.parse("2016-12-31T23:59:59.999999999Z");
        Instant lastNanoOfJune2015 = Instant.parse("2015-06-30T23:59:59.999999999Z");
        return Stream.of(
                Arguments.of("2016-12-31T23:59:60Z", lastNanoOf2016),
                Arguments.of("2016-12-31T23:59:60.000Z", lastNanoOf2016),
                Arguments.of("2016-12-31T23:59:60.5Z", lastNanoOf2016),
                Arguments.of("2016-12-31T23:59:60.999999999999Z", lastNanoOf2016),
                Arguments.of("2016-12-31T23:59:60+00:00", lastNanoOf2016),
                Arguments.of("2016-12-31T18:59:60-05:00", lastNanoOf2016),
                Arguments.of("2017-01-01T05:29:60+05:30", lastNanoOf2016),
                Arguments.of("2015-06-30T23:59:60Z", lastNanoOfJune2015));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellingsOfTheLeapSecond")
    void read_leapSecond_isTheLastNanosecondBeforeIt(String time, Instant expected) throws Exception {
        TeardownStatus status = readByBoth("{\"completed_at\": \"" + time + "\","
                + " \"resources\": {\"volumes\": [{\"id\": \"v\", \"destroyed_at\": \"" + time + "\"}]}}");

        assertThat(status.completedAt()).contains(expected);
        assertThat(status.resources().get(0).destroyedAt()).contains(expected);
    }

    static Stream<Arguments> longFractions() {
        return Stream.of(
                Arguments.of("2020-04-01T18:11:49.1234567891Z", Instant.parse("2020-04-01T18:11:49.123456789Z")),
                Arguments.of("2020-04-01T18:11:49.1234567899999Z", Instant.parse("2020-04-01T18:11:49.123456789Z")),
                Arguments.of("2020-04-01T18:11:49.000000000999Z", Instant.parse("2020-04-01T18:11:49Z")),
                Arguments.of("2020-04-01T18:11:49.999999999999999999999999Z", Instant.parse("2020-04-01T18:11:49.999999999Z")),
                Arguments.of("2020-04-01T20:11:49.55555555555+02:00", Instant.parse("2020-04-01T18:11:49.555555555Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longFractions")
    void read_moreThanNineFractionDigits_isTruncated(String time, Instant expected) throws Exception {
        assertThat(readByBoth("{\"completed_at\": \"" + time + "\"}").completedAt()).contains(expected);
    }
}
