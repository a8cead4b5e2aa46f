package dev.teardown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build leaves for a terminal user in cli/target: the completion script, which bash sources
 * and completes with, and the roff man pages. Runs after {@code package}, under Failsafe.
 */
class CommandDocsIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path COMPLETION = TARGET.resolve("completion/teardown_completion");
    private static final Path MAN = TARGET.resolve("man");

    @TempDir
    Path temp;

    /** What the completion script offers for the words typed so far, the last one being completed. */
    private List<String> complete(String... words) throws IOException, InterruptedException {
        Path err = Files.createTempFile(temp, "err", ".txt");
        String line = String.join(" ", words);
        // compopt works only while bash runs a completion for real; here it has nothing to change.
        String script = "source \"$1\"\n"
                + "compopt() { :; }\n"
                + "COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}\n"
                + "read -r -a COMP_WORDS <<< \"$2\"\n"
                + "[[ \"$2\" == *' ' ]] && COMP_WORDS+=('')\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "_complete_teardown\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", script, "complete", COMPLETION.toString(), line)
                .redirectError(err.toFile()).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("bash ended").isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEmpty();
        return Arrays.stream(out.split("\n")).map(String::strip).filter(word -> !word.isEmpty()).toList();
    }

    @Test
    void completion_firstWord_offersTheSubcommands() throws Exception {
        assertThat(complete("teardown", "")).contains("status", "watch");
        assertThat(complete("teardown", "st")).containsExactly("status");
    }

    @Test
    void completion_afterASubcommand_offersItsOptions() throws Exception {
        assertThat(complete("teardown", "status", "--")).contains("--json", "--api-url", "--timeout", "--sandbox",
                "--proxy", "--verbose", "--help").doesNotContain("--no-cache", "--interval");
        assertThat(complete("teardown", "watch", "--in")).containsExactly("--interval");
        assertThat(complete("teardown", "watch", "--i")).containsExactlyInAnyOrder("--interval", "--ids-from");
        assertThat(complete("teardown", "destroy", "--vol")).containsExactlyInAnyOrder("--volume", "--volume-snapshot");
    }

    @Test
    void manPages_areRoffForTheCommandAndEachSubcommand() throws Exception {
        String main = Files.readString(MAN.resolve("teardown.1"), StandardCharsets.UTF_8);

        assertThat(main).startsWith("'\\\" t").contains(".TH \"TEARDOWN\" \"1\"").contains(".SH \"COMMANDS\"")
                .contains("status").contains("watch").contains("DIGITALOCEAN_ACCESS_TOKEN");
        assertThat(Files.readString(MAN.resolve("teardown-status.1"), StandardCharsets.UTF_8))
                .contains(".TH \"TEARDOWN\\-STATUS\" \"1\"").contains("\\-\\-api\\-url").contains("DROPLET_ID");
        assertThat(MAN.resolve("teardown-watch.1")).exists();
        for (String command : new String[] {"resources", "destroy", "retry"}) {
            assertThat(Files.readString(MAN.resolve("teardown-" + command + ".1"), StandardCharsets.UTF_8))
                    .contains(".TH \"TEARDOWN\\-" + command.toUpperCase(java.util.Locale.ROOT) + "\" \"1\"");
        }
    }
}
