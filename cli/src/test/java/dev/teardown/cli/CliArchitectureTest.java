package dev.teardown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.teardown.app.ArchitectureRules;
import dev.teardown.app.Teardown;
import dev.teardown.sandbox.SandboxServer;

/** The command's classes inside the same allow-list as the library's: they may use anything, nothing uses them. */
@AnalyzeClasses(packages = "dev.teardown",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRules.DoNotIncludeTestJars.class})
class CliArchitectureTest {

    @ArchTest
    static final ArchTests rules = ArchTests.in(ArchitectureRules.class);

    /** The rules allow an empty command layer (app's tests have none): here it must be seen, and the rules not. */
    @ArchTest
    static void rules_seeTheCommandWithWhatItUses(JavaClasses classes) {
        assertThat(classes.contain(Main.class)).as("the command").isTrue();
        assertThat(classes.contain(Teardown.class)).as("the library's builder").isTrue();
        assertThat(classes.contain(SandboxServer.class)).as("the sandbox").isTrue();
        assertThat(classes.contain(ArchitectureRules.class)).as("the rules, a test class").isFalse();
    }
}
