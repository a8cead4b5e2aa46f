package dev.teardown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./teardown launcher as the start-up work left it: a one-shot status loads no cache (and no TLS
 * over plain http), takes its classes from the class-data archive the build made, and starts as before,
 * silently, when that archive is missing, broken or made for another jar. Runs after {@code package},
 * under Failsafe.
 */
class LauncherIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path LAUNCHER = MODULE.getParent().resolve("teardown");
    private static final Path JAR = MODULE.resolve("target/teardown.jar");
    private static final Path ARCHIVE = MODULE.resolve("target/teardown.jsa");
    private static final Path CLASS_LIST = MODULE.resolve("target/teardown.classlist");

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err, String classes) {}

    /** Runs a launcher with the JVM's class-loading log in a file, as {@link #classes} of the run. */
    private Run run(Path launcher, String... args) throws IOException, InterruptedException {
        Path classLog = Files.createTempFile(temp, "classes", ".log");
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DIGITALOCEAN_ACCESS_TOKEN");
        builder.environment().remove("DIGITALOCEAN_TOKEN");
        builder.environment().remove("DIGITALOCEAN_API_URL");
        builder.environment().putAll(Map.of("TEARDOWN_JAVA_OPTS", "-Xlog:class+load:file=" + classLog));
        File out = Files.createTempFile(temp, "out", ".txt").toFile();
        File err = Files.createTempFile(temp, "err", ".txt").toFile();
        Process process = builder.redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(launcher + " " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8),
                Files.readString(classLog, StandardCharsets.UTF_8));
    }

    private static boolean fromArchive(Run run, String className) {
        return run.classes().lines().anyMatch(line -> line.contains(" " + className + " source: shared objects file"));
    }

    /** A copy of the launcher and jar elsewhere, with this file as its archive: the jar's path and time differ. */
    private Path copyWithArchive(Path archive) throws IOException {
        Path target = Files.createDirectories(temp.resolve("copy/cli/target"));
        Path launcher = Files.copy(LAUNCHER, temp.resolve("copy/teardown"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(JAR, target.resolve("teardown.jar"));
        Files.copy(archive, target.resolve("teardown.jsa"));
        return launcher;
    }

    @Test
    void status_oneLookupOverPlainHttp_loadsNeitherCacheNorTls() throws Exception {
        Run run = run(LAUNCHER, "status", "--sandbox", "61486916");

        assertThat(run.exitCode()).as(run.err()).isIn(0, 4);
        assertThat(run.out()).contains("Droplet 61486916");
        assertThat(run.classes()).contains(" dev.teardown.app.UncachedModule ")
                .doesNotContain("com.github.benmanes.caffeine")
                .doesNotContain(" sun.security.ssl.SSLContextImpl ");
    }

    @Test
    void status_withTheBuildsArchive_takesTheCommandsClassesFromIt() throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "the build made no class-data archive on this machine (see its warning)");

        Run run = run(LAUNCHER, "status", "--sandbox", "61486916");

        assertThat(run.err()).isEmpty();
        assertThat(fromArchive(run, "dev.teardown.cli.Main")).as("Main from the archive").isTrue();
        assertThat(fromArchive(run, "org.apache.hc.client5.http.impl.classic.CloseableHttpClient")).isTrue();
        assertThat(fromArchive(run, "com.google.inject.Guice")).isTrue();
        // Class file version 49: Java 17 archives it statically only.
        assertThat(fromArchive(run, "picocli.CommandLine")).isTrue();
    }

    @Test
    void classList_ofTheBuild_holdsWhatEachTrainedCommandLoads() throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "the build made no class-data archive on this machine (see its warning)");

        List<String> classes = Files.readAllLines(CLASS_LIST, StandardCharsets.UTF_8);

        assertThat(classes).contains(
                "dev/teardown/cli/CliEnvironment",                 // the token from the environment
                "dev/teardown/cli/HumanReport",                    // status
                "dev/teardown/cli/Json",                           // --json
                "com/fasterxml/jackson/databind/ObjectMapper",     // an error answer
                "dev/teardown/cli/WatchPrinter",                   // watch
                "dev/teardown/sandbox/SandboxServer",              // --sandbox
                "picocli/CommandLine");
    }

    @Test
    void launcher_reachedThroughASymlink_findsTheJarAndItsArchive() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(temp.resolve("bin")).resolve("teardown"), LAUNCHER);

        Run run;
        try {
            run = run(link, "--version");
        } finally {
            Files.delete(link);
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("teardown ");
        assertThat(fromArchive(run, "dev.teardown.cli.Main")).isEqualTo(Files.exists(ARCHIVE));
    }

    @Test
    void launcher_archiveOfAnotherJar_startsWithoutItAndSaysNothing() throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "the build made no class-data archive on this machine (see its warning)");
        Path launcher = copyWithArchive(ARCHIVE);

        Run run = run(launcher, "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("teardown ");
        assertThat(run.err()).isEmpty();
        assertThat(fromArchive(run, "dev.teardown.cli.Main")).isFalse();
    }

    @Test
    void launcher_brokenArchive_startsWithoutItAndSaysNothing() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.jsa"), "not a class-data archive");
        Path launcher = copyWithArchive(broken);

        Run run = run(launcher, "status", "--sandbox", "--json", "61486918");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.out()).contains("\"outcome\":\"in_progress\"");
        assertThat(run.err()).isEmpty();
        assertThat(fromArchive(run, "dev.teardown.cli.Main")).isFalse();
    }
}
