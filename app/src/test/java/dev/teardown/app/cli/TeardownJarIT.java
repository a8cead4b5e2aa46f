package dev.teardown.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command as a user runs it: the launcher script and the runnable jar, in a process of their own,
 * against the embedded sandbox in real time. Runs after {@code package}, under Failsafe.
 */
class TeardownJarIT {

    private static final Path APP = Path.of("").toAbsolutePath();
    private static final Path LAUNCHER = APP.getParent().resolve("teardown");

    private record Run(int exitCode, String out, String err) {}

    private static Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DIGITALOCEAN_ACCESS_TOKEN");
        builder.environment().remove("DIGITALOCEAN_TOKEN");
        builder.environment().remove("DIGITALOCEAN_API_URL");
        builder.environment().putAll(environment);
        File out = Files.createTempFile("teardown-out", ".txt").toFile();
        File err = Files.createTempFile("teardown-err", ".txt").toFile();
        builder.redirectOutput(out).redirectError(err);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("teardown " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void watch_sandboxTeardown_endsSucceededWithExitZero() throws Exception {
        Run run = run(Map.of(), "watch", "--sandbox", "61486916");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Droplet 61486916: succeeded").contains("5 destroyed, 0 failed, 0 pending of 5");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void status_sandboxJson_isOneDocumentWithExitFour() throws Exception {
        Run run = run(Map.of(), "status", "--sandbox", "--json", "61486918");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(new ObjectMapper().readTree(run.out()).get("outcome").asText()).isEqualTo("in_progress");
    }

    @Test
    void status_withoutToken_exitsOneWithAHint() throws Exception {
        Run run = run(Map.of(), "status", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("DIGITALOCEAN_ACCESS_TOKEN").contains("--sandbox");
    }

    @Test
    void status_badDropletId_exitsTwo() throws Exception {
        Run run = run(Map.of("DIGITALOCEAN_ACCESS_TOKEN", "unused-token-0123"), "status", "abc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("droplet id must be a whole number >= 1, was 'abc'");
    }

    @Test
    void version_namesTheRelease() throws Exception {
        Run run = run(Map.of(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("teardown 0.1.0");
    }
}
