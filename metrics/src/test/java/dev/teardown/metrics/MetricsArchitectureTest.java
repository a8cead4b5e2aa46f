package dev.teardown.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.teardown.app.ArchitectureRules;
import dev.teardown.app.Teardown;
import dev.teardown.sandbox.SandboxServer;

/** The metrics' classes inside the library's allow-list: they may use the library, nothing of it uses them. */
@AnalyzeClasses(packages = "dev.teardown",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRules.DoNotIncludeTestJars.class})
class MetricsArchitectureTest {

    @ArchTest
    static final ArchTests rules = ArchTests.in(ArchitectureRules.class);

    /** The rules allow an empty metrics layer (app's tests have none): here it must be seen, and the rules not. */
    @ArchTest
    static void rules_seeTheMetricsWithWhatTheyUse(JavaClasses classes) {
        assertThat(classes.contain(TeardownMetrics.class)).as("the metrics").isTrue();
        assertThat(classes.contain(MetricsModule.class)).as("the metrics' Guice module").isTrue();
        assertThat(classes.contain(Teardown.class)).as("the library's builder").isTrue();
        assertThat(classes.contain(SandboxServer.class)).as("the sandbox").isTrue();
        assertThat(classes.contain(ArchitectureRules.class)).as("the rules, a test class").isFalse();
    }
}
