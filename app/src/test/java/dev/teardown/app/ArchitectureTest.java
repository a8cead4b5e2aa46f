package dev.teardown.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import java.util.Set;
import java.util.TreeSet;

/**
 * The architecture rules over every library module, the sandbox and the testkit: all of them are on
 * this module's test class path. The command's classes are held to the same rules by {@code cli}'s tests.
 */
@AnalyzeClasses(packages = "dev.teardown",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRules.DoNotIncludeTestJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchTests rules = ArchTests.in(ArchitectureRules.class);

    /** A module missing from the class path would pass every rule unseen. */
    @ArchTest
    static void rules_seeEveryModuleButTheCommand(JavaClasses classes) {
        Set<String> modules = new TreeSet<>();
        for (JavaClass type : classes) {
            String[] parts = type.getPackageName().split("\\.");
            modules.add(parts.length > 3 && parts[2].equals("adapters") ? "adapters." + parts[3] : parts[2]);
        }
        assertThat(modules).containsExactlyInAnyOrder(
                "domain", "ports", "testkit", "adapters.http", "adapters.cache", "adapters.redis", "app", "sandbox");
    }
}
