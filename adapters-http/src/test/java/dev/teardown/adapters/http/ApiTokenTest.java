package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final ApiToken TOKEN = ApiToken.of("dop_v1_0123abcd");

    @Test
    void redact_everyWholeOccurrence_isReplaced() {
        assertThat(TOKEN.redact("token dop_v1_0123abcd is revoked; Bearer dop_v1_0123abcd, t=dop_v1_0123abcd&x"))
                .isEqualTo("token [redacted] is revoked; Bearer [redacted], t=[redacted]&x");
    }

    @Test
    void redact_atTheEdgesOfTheText_isReplaced() {
        assertThat(TOKEN.redact("dop_v1_0123abcd")).isEqualTo("[redacted]");
        assertThat(TOKEN.redact("\"dop_v1_0123abcd\"")).isEqualTo("\"[redacted]\"");
    }

    @Test
    void redact_shortTokenInsideAWord_leavesTheWordAlone() {
        ApiToken shortToken = ApiToken.of("x");

        assertThat(shortToken.redact("HttpHostConnectException: token x refused"))
                .isEqualTo("HttpHostConnectException: token [redacted] refused");
    }

    @Test
    void redact_nullOrWithoutTheToken_isUnchanged() {
        assertThat(TOKEN.redact(null)).isNull();
        assertThat(TOKEN.redact("nothing here")).isEqualTo("nothing here");
    }

    @Test
    void sha256Hex_isTheTokensHashInLowercaseHex() {
        // sha256sum of the token's text, computed outside Java
        assertThat(TOKEN.sha256Hex()).isEqualTo("422093333fca0177cfb271af02a27da686aeb11570a8130b2c8e108768f8e123");
        assertThat(ApiToken.of("dop_v1_0123abce").sha256Hex()).isNotEqualTo(TOKEN.sha256Hex()).hasSize(64);
    }

    @Test
    void toString_neverShowsTheToken() {
        assertThat(TOKEN.toString()).isEqualTo("ApiToken[redacted]").doesNotContain("0123abcd");
    }

    @Test
    void of_withASpace_isRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> ApiToken.of("dop_v1 secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("secret");
    }
}
