package dev.teardown.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox as a process of its own: its command line, its start and its stop. */
class SandboxMainTest {

    @Test
    void parse_nothing_isAFreePortAndDigitalOceansLimits() {
        assertThat(SandboxMain.parse()).isEqualTo(new SandboxMain.Options(0, 250, 5000, false));
    }

    @Test
    void parse_everyOption_isRead() {
        assertThat(SandboxMain.parse("--port", "8080", "--per-minute", "10", "--per-hour", "100"))
                .isEqualTo(new SandboxMain.Options(8080, 10, 100, false));
        assertThat(SandboxMain.parse("--help").help()).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "--port|--port needs a value",
            "--port abc|--port must be a whole number from 0 to 65535, was 'abc'",
            "--port 70000|--port must be a whole number from 0 to 65535, was '70000'",
            "--per-minute 0|--per-minute must be a whole number from 1 to 2147483647, was '0'",
            "--verbose|unknown option '--verbose'"})
    void parse_badCommandLine_saysWhatWasWrong(String line, String message) {
        assertThatThrownBy(() -> SandboxMain.parse(line.split(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void startAndStop_printTheUrlThenWhatWasServed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SandboxServer sandbox = SandboxMain.start(SandboxMain.parse("--per-minute", "1"),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        HttpResponse<String> status;
        try {
            status = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sandbox.uri() + SandboxApi.path(61486916, "status")))
                            .header("Authorization", SandboxApi.TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            SandboxMain.stop(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
        }

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "teardown sandbox listening on " + sandbox.uri() + " (statistics: " + sandbox.uri() + "/sandbox/stats)"
                        + System.lineSeparator()
                        + "teardown sandbox served 1 request, 0 refused with 429, 1 droplet; by status: 200=1"
                        + System.lineSeparator());
    }
}
