package dev.teardown.domain;

import static dev.teardown.domain.ResourceKind.DROPLET;
import static dev.teardown.domain.ResourceKind.RESERVED_IP;
import static dev.teardown.domain.ResourceKind.SNAPSHOT;
import static dev.teardown.domain.ResourceKind.VOLUME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssociatedResourceTest {

    @Test
    void of_apiListing_keepsEveryFieldAsSent() {
        AssociatedResource ip = AssociatedResource.of(RESERVED_IP, "6186916", "45.55.96.47", "4.00");

        assertThat(ip.kind()).isEqualTo(RESERVED_IP);
        assertThat(ip.id()).isEqualTo("6186916");
        assertThat(ip.name()).isEqualTo("45.55.96.47");
        assertThat(ip.monthlyCost()).isEqualTo(new BigDecimal("4.00"));
        assertThat(ip.monthlyCost().toPlainString()).isEqualTo("4.00");
    }

    @ParameterizedTest
    @EnumSource(value = ResourceKind.class, names = "DROPLET", mode = EnumSource.Mode.EXCLUDE)
    void new_everyAssociatedKind_isAccepted(ResourceKind kind) {
        assertThat(AssociatedResource.of(kind, "1", "a", "0.05").kind()).isEqualTo(kind);
    }

    @Test
    void new_dropletKind_isRejectedNamingIt() {
        assertThatThrownBy(() -> AssociatedResource.of(DROPLET, "187000742", "web", "4.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("associated resource kind must be a kind of associated resource, not DROPLET");
    }

    @Test
    void new_nullKind_isRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> AssociatedResource.of(null, "1", "a", "4.00"))
                .withMessage("associated resource kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void new_blankId_isRejectedShowingTheId(String blank) {
        assertThatThrownBy(() -> AssociatedResource.of(SNAPSHOT, blank, "a", "0.05"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("associated resource id must not be blank, was '" + blank + "'");
    }

    @Test
    void new_nullId_isRejected() {
        assertThatThrownBy(() -> AssociatedResource.of(SNAPSHOT, null, "a", "0.05"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("associated resource id must not be blank, was null");
    }

    @ParameterizedTest
    @ValueSource(strings = {" 61486916", "61486916 ", "ba49449a-7435-11ea-b89e-0A58AC14480F"})
    void new_id_isKeptExactly(String id) {
        assertThat(AssociatedResource.of(VOLUME, id, "a", "10.00").id()).isEqualTo(id);
    }

    @Test
    void new_nullName_isEmpty() {
        assertThat(AssociatedResource.of(SNAPSHOT, "1", null, "0.05").name()).isEmpty();
    }

    @Test
    void new_emptyName_isKept() {
        assertThat(AssociatedResource.of(SNAPSHOT, "1", "", "0.05").name()).isEmpty();
    }

    @Test
    void ref_isTheKindAndId() {
        assertThat(AssociatedResource.of(VOLUME, "ba49449a", "v", "10.00").ref())
                .isEqualTo(ResourceRef.of(VOLUME, "ba49449a"));
    }

    @Test
    void equals_costsOfAnotherScale_differ() {
        assertThat(AssociatedResource.of(SNAPSHOT, "1", "a", "4.00"))
                .isNotEqualTo(AssociatedResource.of(SNAPSHOT, "1", "a", "4.0"));
    }

    @ParameterizedTest
    @CsvSource({
        "4.00, 2",
        "0.05, 2",
        "10, 0",
        "0.0400, 4",
        "0, 0",
        "999999999999999999.9999999999, 10",
    })
    void parseMonthlyCost_plainDecimal_keepsItsDigitsAndScale(String text, int scale) {
        BigDecimal cost = AssociatedResource.parseMonthlyCost(text);

        assertThat(cost.toPlainString()).isEqualTo(text);
        assertThat(cost.scale()).isEqualTo(scale);
    }

    @Test
    void parseMonthlyCost_surroundingWhitespace_isIgnored() {
        assertThat(AssociatedResource.parseMonthlyCost(" 4.00\n")).isEqualTo(new BigDecimal("4.00"));
    }

    @Test
    void parseMonthlyCost_negativeZero_isZero() {
        assertThat(AssociatedResource.parseMonthlyCost("-0.00").signum()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NaN", "Infinity", "-Infinity", "1e5", "1E+3", "1e999999999", "1e-999999999", "4.00e0",
        "", " ", "abc", "+4.00", "4.", ".5", "-", "-.5", "4,00", "1,000.00", "1_000", "0x10",
        "4.00 USD", "$4.00", "4..0", "4.0.0", "--4", "4-", "\u0664.\u0660\u0660", "\uff14.00",
    })
    void parseMonthlyCost_notAPlainDecimal_isRejectedShowingTheText(String bad) {
        assertThatThrownBy(() -> AssociatedResource.parseMonthlyCost(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monthly cost must be a decimal number such as \"4.00\", was '" + bad + "'");
    }

    @Test
    void parseMonthlyCost_null_isRejected() {
        assertThatThrownBy(() -> AssociatedResource.parseMonthlyCost(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monthly cost must be a decimal number such as \"4.00\", was null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-4.00", "-0.01"})
    void parseMonthlyCost_negative_isRejectedShowingTheValue(String negative) {
        assertThatThrownBy(() -> AssociatedResource.parseMonthlyCost(negative))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monthly cost must be >= 0, was " + negative);
    }

    @ParameterizedTest
    @CsvSource({
        "1000000000000000000, 19",
        "0001000000000000000.00, 19",
        "12345678901234567890.5, 20",
    })
    void parseMonthlyCost_tooManyIntegerDigits_isRejected(String text, int digits) {
        assertThatThrownBy(() -> AssociatedResource.parseMonthlyCost(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monthly cost must have at most 18 digits before the point, had " + digits
                        + ": '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({
        "0.12345678901, 11",
        "4.000000000000, 12",
    })
    void parseMonthlyCost_tooManyFractionDigits_isRejected(String text, int digits) {
        assertThatThrownBy(() -> AssociatedResource.parseMonthlyCost(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monthly cost must have at most 10 digits after the point, had " + digits
                        + ": '" + text + "'");
    }

    @Test
    void parseMonthlyCost_millionsOfDigits_isRejectedQuicklyWithAShortMessage() {
        String hostile = "9".repeat(10_000_000);

        // Generous: the scan takes milliseconds, while BigDecimal would spend minutes on these digits.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> AssociatedResource.parseMonthlyCost(hostile))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("monthly cost must have at most 18 digits before the point, had 10000000: '"
                                + "9".repeat(40) + "...'"));
    }

    @Test
    void parseMonthlyCost_longGarbage_isShownAbbreviated() {
        String hostile = "x".repeat(1_000);

        assertThatThrownBy(() -> AssociatedResource.parseMonthlyCost(hostile))
                .hasMessage("monthly cost must be a decimal number such as \"4.00\", was '" + "x".repeat(40) + "...'");
    }

    @Test
    void new_negativeCost_isRejectedShowingTheValue() {
        assertThatThrownBy(() -> new AssociatedResource(SNAPSHOT, "1", "a", new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monthly cost must be >= 0, was -0.01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1000000000000000000", "-1e999999999"})
    void new_costOf10To18OrMore_isRejected(String huge) {
        assertThatThrownBy(() -> new AssociatedResource(SNAPSHOT, "1", "a", new BigDecimal(huge)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("monthly cost must be below 10^18, was ");
    }

    @ParameterizedTest
    @CsvSource({
        "1e-999999999, 999999999",
        "0.00000000001, 11",
    })
    void new_costWithMoreThanTenFractionDigits_isRejected(String fine, int scale) {
        assertThatThrownBy(() -> new AssociatedResource(SNAPSHOT, "1", "a", new BigDecimal(fine)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monthly cost must have at most 10 digits after the point, had " + scale);
    }

    @Test
    void new_costInExponentFormWithinBounds_becomesAPlainWholeNumber() {
        BigDecimal cost = new AssociatedResource(SNAPSHOT, "1", "a", new BigDecimal("1E+3")).monthlyCost();

        assertThat(cost.scale()).isZero();
        assertThat(cost).hasToString("1000");
    }

    @Test
    void new_nullCost_isRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> new AssociatedResource(SNAPSHOT, "1", "a", null))
                .withMessage("monthly cost");
    }

    @Test
    void parseMonthlyCost_sumOfTenthsThatDoubleGetsWrong_isExact() {
        BigDecimal sum = AssociatedResource.parseMonthlyCost("0.1").add(AssociatedResource.parseMonthlyCost("0.2"));

        assertThat(sum.toPlainString()).isEqualTo("0.3");
    }
}
