package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimestampsTest {

    @Test
    void parse_theApisShape_givesTheInstant() {
        assertThat(UtcTimestamps.parse("2020-04-01T18:11:49Z")).isEqualTo(Instant.parse("2020-04-01T18:11:49Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-04-01T20:11:49+02:00", "2020-04-01T18:11:49.250Z", "2020-04-01T18:11:49.5-01:30"})
    void parse_otherIsoShapes_areReadWithTheirOffset(String text) {
        assertThat(UtcTimestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-13-01T18:11:49Z", "2020-02-30T18:11:49Z", "2020-04-01T24:11:49Z",
        "2020-04-01T18:60:49Z", "2020-04-01T18:11:60Z", "2O20-04-01T18:11:49Z", "2020-04-01 18:11:49Z", "yesterday", ""})
    void parse_notATime_isRejected(String text) {
        assertThatThrownBy(() -> UtcTimestamps.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-12-31T23:59:60Z", "2016-12-31T23:59:60.25Z", "2016-12-31T23:59:60.123456789012Z",
        "2016-12-31T18:59:60-05:00", "2017-01-01T00:59:60+01:00"})
    void parse_leapSecond_isTheLastNanosecondOfItsMinute(String text) {
        assertThat(UtcTimestamps.parse(text)).isEqualTo(Instant.parse("2016-12-31T23:59:59.999999999Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-12-31T23:58:60Z", "2016-12-31T22:59:60Z", "2016-12-31T23:59:60+01:00",
        "2016-12-31T23:59:61Z", "2016-12-31T23:59:6OZ"})
    void parse_secondSixtyAnywhereButTheEndOfAUtcDay_isRejected(String text) {
        assertThatThrownBy(() -> UtcTimestamps.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 11, 12, 18, 30, 60})
    void parse_moreThanNineFractionDigits_truncatesToNanoseconds(int digits) {
        String fraction = "987654321" + "9".repeat(digits - 9);

        assertThat(UtcTimestamps.parse("2020-04-01T18:11:49." + fraction + "Z"))
                .isEqualTo(Instant.parse("2020-04-01T18:11:49.987654321Z"));
        assertThat(UtcTimestamps.parse("2020-04-01T19:11:49." + fraction + "+01:00"))
                .isEqualTo(Instant.parse("2020-04-01T18:11:49.987654321Z"));
    }

    @Test
    void parse_anyUtcSecondOverFourHundredYears_agreesWithTheJdk() {
        SplittableRandom random = new SplittableRandom(20261129);
        for (int i = 0; i < 10_000; i++) {
            Instant expected = Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 10_413_792_000L));

            assertThat(UtcTimestamps.parse(expected.toString())).as(expected.toString()).isEqualTo(expected);
        }
    }
}
