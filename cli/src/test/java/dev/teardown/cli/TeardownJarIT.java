package dev.teardown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command as a user runs it: the launcher script and the runnable jar, in a process of their own,
 * against the embedded sandbox in real time. Runs after {@code package}, under Failsafe.
 */
class TeardownJarIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path LAUNCHER = MODULE.getParent().resolve("teardown");

    private record Run(int exitCode, String out, String err) {}

    private static Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return runWithInput(environment, "", args);
    }

    private static Run runWithInput(Map<String, String> environment, String input, String... args)
            throws IOException, InterruptedException {
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
        File in = Files.createTempFile("teardown-in", ".txt").toFile();
        Files.writeString(in.toPath(), input, StandardCharsets.UTF_8);
        builder.redirectInput(in).redirectOutput(out).redirectError(err);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("teardown " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    /** A command running in a process of its own, its standard output read as it comes. */
    private record Started(Process process, BufferedReader out, File err) {
        String readErr() throws IOException {
            return Files.readString(err.toPath(), StandardCharsets.UTF_8);
        }

        int exitCode() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("teardown did not end within 60 s");
            }
            return process.exitValue();
        }
    }

    private static Started start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (canRestoreDefaultSignals()) {
            // A test run started in the background has SIGINT ignored, and a child inherits that; a user's
            // shell in the foreground does not. Restore the default, so the command meets SIGINT as a user's would.
            command.addAll(List.of("env", "--default-signal=INT,TERM"));
        }
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DIGITALOCEAN_ACCESS_TOKEN");
        builder.environment().remove("DIGITALOCEAN_TOKEN");
        builder.environment().remove("DIGITALOCEAN_API_URL");
        File err = Files.createTempFile("teardown-err", ".txt").toFile();
        builder.redirectError(err);
        Process process = builder.start();
        return new Started(process,
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), err);
    }

    private static boolean canRestoreDefaultSignals() {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT,TERM", "true").start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void watch_outputClosedByItsReader_stopsWithExit141() throws Exception {
        Started watch = start("watch", "--sandbox", "61486918", "--json", "--timeout", "40s", "--verbose");

        assertThat(watch.out().readLine()).contains("\"outcome\":\"in_progress\"");
        // As `teardown watch ... | head -1` does once it has its line.
        watch.process().getInputStream().close();

        assertThat(watch.exitCode()).as(watch.readErr()).isEqualTo(141);
        assertThat(watch.readErr().lines()).allSatisfy(line -> assertThat(line).startsWith("> GET "));
    }

    static Stream<Arguments> stopSignals() {
        return Stream.of(Arguments.of("INT", 130), Arguments.of("TERM", 143));
    }

    @ParameterizedTest(name = "SIG{0}")
    @MethodSource("stopSignals")
    void watch_stoppedBySignal_printsTheLastReportOnceAndExitsWith128PlusTheSignal(String signal, int exitCode)
            throws Exception {
        Started watch = start("watch", "--sandbox", "61486918", "--timeout", "40s");
        String first = watch.out().readLine();
        assertThat(first).contains("in progress");

        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(watch.process().pid())).start();
        assertThat(kill.waitFor()).isZero();

        assertThat(watch.exitCode()).as(watch.readErr()).isEqualTo(exitCode);
        String rest = watch.out().lines().collect(Collectors.joining("\n"));
        assertThat(rest.split("Droplet 61486918: in progress", -1)).as(rest).hasSize(2);
        assertThat(rest).contains("KIND").contains("reserved_ip");
        assertThat(watch.readErr()).isEqualTo("teardown: interrupted while watching droplet 61486918\n");
    }

    @Test
    void watch_sandboxTeardown_endsSucceededWithExitZero() throws Exception {
        Run run = run(Map.of(), "watch", "--sandbox", "61486916");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Droplet 61486916: succeeded").contains("5 destroyed, 0 failed, 0 pending of 5");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void watch_idsPipedIn_followsEachAndEndsWithTheSummary() throws Exception {
        Run run = runWithInput(Map.of(), "61486916\n# the second\n61486917\n", "watch", "--sandbox", "--ids-from", "-", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        List<String> lines = run.out().lines().toList();
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1)).get("summary");
        assertThat(summary.get("watched").asInt()).isEqualTo(2);
        assertThat(summary.get("succeeded").asInt()).isEqualTo(1);
        assertThat(summary.get("completed_with_failures").asInt()).isEqualTo(1);
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
    void destroy_runFromAScriptWithoutYes_refusesAndSendsNothing() throws Exception {
        // Standard input is a pipe here, as in a script; were anything sent, port 1 would refuse it (exit 1).
        Run run = run(Map.of("DIGITALOCEAN_ACCESS_TOKEN", "unused-token-0123", "DIGITALOCEAN_API_URL", "http://127.0.0.1:1"),
                "destroy", "61486916", "--all");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("standard input is not a terminal").contains("add --yes");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void version_namesTheRelease() throws Exception {
        Run run = run(Map.of(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("teardown 0.1.0");
    }
}
