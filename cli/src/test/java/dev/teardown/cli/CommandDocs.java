package dev.teardown.cli;

import dev.teardown.ports.out.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes what a terminal user installs next to the command, from the same annotations as its help:
 * the bash and zsh completion script and the man pages' AsciiDoc (which the build turns into roff).
 * Run by the build (cli/pom.xml, {@code prepare-package}) with the module's target directory.
 */
final class CommandDocs {

    static final String COMPLETION = "completion/teardown_completion";
    static final String MAN_PAGE_SOURCES = "man-adoc";

    private CommandDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CommandDocs TARGET_DIRECTORY");
        }
        write(Path.of(args[0]));
    }

    static void write(Path target) throws IOException {
        CommandLine commandLine = commandLine();
        Path completion = target.resolve(COMPLETION);
        Files.createDirectories(completion.getParent());
        Files.writeString(completion, AutoComplete.bash("teardown", commandLine), StandardCharsets.UTF_8);

        Path manPages = Files.createDirectories(target.resolve(MAN_PAGE_SOURCES));
        int exitCode = ManPageGenerator.generateManPage(
                manPages.toFile(), null, new boolean[0], false, commandLine.getCommandSpec());
        if (exitCode != 0) {
            throw new IOException("the man page generator failed with exit code " + exitCode);
        }
    }

    /** The command as users run it; it only describes itself here, so it is given nothing to talk to. */
    static CommandLine commandLine() {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(Map.of(), nowhere, nowhere, false, Clock.systemUTC(), Sleeper.system(),
                new Properties(), ShutdownHooks.none());
        return TeardownCommand.commandLine(context);
    }
}
