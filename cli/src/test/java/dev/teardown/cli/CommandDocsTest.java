package dev.teardown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The completion script and the man pages' AsciiDoc, written as the build writes them, cover every
 * subcommand and every option users see (the build's own output is checked by {@code CommandDocsIT}).
 */
class CommandDocsTest {

    @TempDir
    Path target;

    private static List<CommandLine> subcommands() {
        return List.copyOf(CommandDocs.commandLine().getSubcommands().values());
    }

    @Test
    void write_completion_completesEverySubcommandAndItsVisibleOptions() throws IOException {
        CommandDocs.write(target);

        String completion = Files.readString(target.resolve(CommandDocs.COMPLETION), StandardCharsets.UTF_8);
        assertThat(completion).contains("complete -F _complete_teardown");
        assertThat(subcommands()).isNotEmpty().allSatisfy(subcommand -> {
            String name = subcommand.getCommandName();
            assertThat(completion).contains("function _picocli_teardown_" + name + "()");
            for (OptionSpec option : subcommand.getCommandSpec().options()) {
                if (!option.hidden()) {
                    assertThat(completion).as(name + " " + option.longestName()).contains("'" + option.longestName() + "'");
                }
            }
        });
        assertThat(completion).contains("'--json'", "'--api-url'", "'--timeout'", "'--sandbox'")
                .doesNotContain("'--no-cache'");
    }

    @Test
    void write_manPageSources_oneForTheCommandAndOneForEachSubcommand() throws IOException {
        CommandDocs.write(target);

        Path sources = target.resolve(CommandDocs.MAN_PAGE_SOURCES);
        String main = Files.readString(sources.resolve("teardown.adoc"), StandardCharsets.UTF_8);
        assertThat(main).contains("= teardown(1)", "*-V*, *--version*", "DIGITALOCEAN_ACCESS_TOKEN");
        assertThat(subcommands()).allSatisfy(subcommand -> {
            String name = subcommand.getCommandName();
            assertThat(main).contains("[*" + name + "*]");
            assertThat(sources.resolve("teardown-" + name + ".adoc")).exists();
        });
        try (var files = Files.list(sources)) {
            assertThat(files.map(file -> file.getFileName().toString()).collect(Collectors.toList()))
                    .hasSize(subcommands().size() + 1);
        }
    }
}
