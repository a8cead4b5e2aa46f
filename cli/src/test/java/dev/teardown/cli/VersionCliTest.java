package dev.teardown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code teardown --version}: the release and the Java runtime, as a bug report needs them. */
class VersionCliTest {

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void version_printsTheReleaseThenTheJavaRuntime(String flag) {
        CliRun run = CliRun.of(Map.of(), flag);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).containsExactly(
                "teardown " + System.getProperty("teardown.version"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ")");
    }

    @Test
    void version_ofTheBuild_isTheProjectsVersion() {
        assertThat(System.getProperty("teardown.version")).as("set by cli/pom.xml for the tests").isNotBlank();
        assertThat(Version.release()).isEqualTo(System.getProperty("teardown.version"));
    }

    @Test
    void lines_runtimeTextWithControlsAndPercentSigns_isPrintedAsItIsAndCannotSteerTheTerminal() {
        Properties runtime = new Properties();
        runtime.setProperty("java.version", "17.0.15");
        runtime.setProperty("java.vendor", "100% \u001b[2JVendor");
        runtime.setProperty("java.vm.name", "Some VM");
        runtime.setProperty("java.vm.version", "17.0.15+6");

        String[] lines = Version.lines("1.2.3", runtime);

        assertThat(lines[0]).isEqualTo("teardown 1.2.3");
        // picocli runs each line through String.format before printing it.
        assertThat(String.format(lines[1])).isEqualTo("Java 17.0.15 (100% \\u001b[2JVendor, Some VM 17.0.15+6)");
    }

    @Test
    void lines_runtimeWithoutAVmVersion_leavesNoDanglingSpace() {
        Properties runtime = new Properties();
        runtime.setProperty("java.version", "17");
        runtime.setProperty("java.vendor", "Vendor");
        runtime.setProperty("java.vm.name", "VM");

        assertThat(Version.lines("1.2.3", runtime)[1]).isEqualTo("Java 17 (Vendor, VM)");
    }
}
