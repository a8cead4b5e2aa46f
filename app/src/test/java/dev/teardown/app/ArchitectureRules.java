package dev.teardown.app;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The architecture as an allow-list, run by every module whose tests see classes no other module sees:
 * {@code app} (which has every library module on its test class path), {@code metrics} and {@code cli}. A class outside
 * the listed layers fails the build. Use it as
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class)} in a class
 * annotated {@code @AnalyzeClasses(packages = "dev.teardown", importOptions = {DoNotIncludeTests.class,
 * ArchitectureRules.DoNotIncludeTestJars.class})}.
 */
public final class ArchitectureRules {

    private static final String DOMAIN = "dev.teardown.domain..";
    private static final String PORTS = "dev.teardown.ports..";
    private static final String TESTKIT = "dev.teardown.testkit..";
    private static final String ADAPTERS = "dev.teardown.adapters..";
    private static final String APP = "dev.teardown.app..";
    private static final String SANDBOX = "dev.teardown.sandbox..";
    private static final String CLI = "dev.teardown.cli..";
    private static final String METRICS = "dev.teardown.metrics..";

    private ArchitectureRules() {
    }

    /** Leaves out test classes packaged as a test-jar, such as these rules seen from {@code cli}. */
    public static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar!");
        }
    }

    @ArchTest
    static final ArchRule layers_dependInwardsOnly = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.teardown..")
            .layer("Domain").definedBy(DOMAIN)
            .layer("Ports").definedBy(PORTS)
            .layer("Testkit").definedBy(TESTKIT)
            .layer("Adapters").definedBy(ADAPTERS)
            .layer("App").definedBy(APP)
            .layer("Sandbox").definedBy(SANDBOX)
            // Only cli's own tests see the command's classes, only metrics' own tests the metrics'.
            .optionalLayer("Cli").definedBy(CLI)
            .optionalLayer("Metrics").definedBy(METRICS)
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Metrics").mayNotBeAccessedByAnyLayer()
            .whereLayer("App").mayOnlyBeAccessedByLayers("Cli", "Metrics")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Testkit").mayNotBeAccessedByAnyLayer()
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("App", "Sandbox", "Cli", "Metrics")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Testkit", "Adapters", "App", "Sandbox", "Cli", "Metrics")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Ports", "Testkit", "Adapters", "App", "Sandbox", "Cli", "Metrics")
            .ensureAllClassesAreContainedInArchitecture();

    @ArchTest
    static final ArchRule sandbox_speaksTheApiThroughTheAdaptersDocumentsOnly = noClasses()
            .that().resideInAPackage(SANDBOX)
            .should().dependOnClassesThat(resideInAnyPackage(ADAPTERS)
                    .and(describe("are not StatusDocuments", type -> !type.getSimpleName().equals("StatusDocuments"))))
            .because("the sandbox answers as DigitalOcean does; it writes the API's documents and nothing more");

    @ArchTest
    static final ArchRule domain_dependsOnlyOnTheJdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule domain_doesNoIo = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio..");

    @ArchTest
    static final ArchRule domain_neverReadsTheClock = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().callMethodWhere(readsTheClock())
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.InstantSource")
            .because("time is an input: the domain takes instants as arguments");

    /**
     * Where the libraries that today's modules were made for must stay. A library missing here (the
     * next adapter's) is still held to one module by {@link #thirdPartyLibraries_stayInOneModuleEach}.
     * Guice has two homes: {@code app}'s wiring, and the one module of {@code metrics} that installs into it
     * ({@link #guice_inMetricsOnlyForItsModule}).
     */
    private static final Map<String, Set<String>> HOME_OF_LIBRARY = Map.of(
            "com.fasterxml.jackson", Set.of("adapters.http"),
            "org.apache.hc", Set.of("adapters.http"),
            "com.github.benmanes", Set.of("adapters.cache"),
            "com.google.inject", Set.of("app", "metrics"),
            "jakarta.inject", Set.of("app"),
            "javax.inject", Set.of("app"),
            "io.micrometer.core", Set.of("metrics"),
            "io.micrometer.observation", Set.of("metrics"),
            "io.micrometer.common", Set.of("metrics"),
            "picocli", Set.of("cli"));

    @ArchTest
    static final ArchRule adapters_neverDependOnEachOther = slices()
            .matching("dev.teardown.adapters.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule core_usesNoThirdPartyLibrary = classes()
            .that().resideInAnyPackage(DOMAIN, PORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, PORTS, "java..");

    /** Each third-party library is used by one module only: the one made for it. */
    @ArchTest
    static void thirdPartyLibraries_stayInOneModuleEach(JavaClasses classes) {
        Map<String, Set<String>> modulesByLibrary = new TreeMap<>();
        for (JavaClass origin : classes) {
            String module = moduleOf(origin.getPackageName());
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                if (isThirdParty(target)) {
                    modulesByLibrary.computeIfAbsent(libraryOf(target), library -> new TreeSet<>()).add(module);
                }
            }
        }
        assertThat(modulesByLibrary).as("modules using each third-party library").isNotEmpty();
        modulesByLibrary.forEach((library, modules) -> {
            Set<String> homes = HOME_OF_LIBRARY.get(library);
            if (homes != null) {
                assertThat(modules).as("modules using %s", library).isSubsetOf(homes);
            } else {
                assertThat(modules).as("modules using %s", library).hasSize(1);
            }
        });
    }

    /** Only teardown-metrics uses Micrometer: the other modules publish through their own listeners. */
    @ArchTest
    static final ArchRule micrometer_onlyInMetrics = noClasses()
            .that().resideOutsideOfPackage(METRICS)
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..");

    @ArchTest
    static final ArchRule guice_inMetricsOnlyForItsModule = noClasses()
            .that().resideInAPackage(METRICS).and().doNotHaveSimpleName("MetricsModule")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
            .allowEmptyShould(true)
            .because("the metrics adapt the library's listeners; only MetricsModule wires them with Guice");

    /** {@code dev.teardown.adapters.http.x} is the module {@code adapters.http}; {@code dev.teardown.cli.y} is {@code cli}. */
    private static String moduleOf(String packageName) {
        String[] parts = packageName.split("\\.");
        boolean adapter = parts.length > 3 && parts[2].equals("adapters");
        return adapter ? "adapters." + parts[3] : parts[2];
    }

    private static boolean isThirdParty(String packageName) {
        if (packageName.isEmpty() || packageName.startsWith("dev.teardown")) {
            return false;
        }
        boolean jdk = packageName.startsWith("java.") || packageName.startsWith("jdk.") || packageName.startsWith("sun.")
                || packageName.startsWith("com.sun.") || packageName.startsWith("org.w3c.") || packageName.startsWith("org.xml.")
                || (packageName.startsWith("javax.") && !packageName.startsWith("javax.inject"));
        return !jdk;
    }

    /** A library by the first three parts of its package name, or fewer when it has fewer ({@code picocli}). */
    private static String libraryOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return String.join(".", Arrays.copyOf(parts, Math.min(3, parts.length)));
    }

    @ArchTest
    static final ArchRule packages_areFreeOfCycles = slices()
            .matching("dev.teardown.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule names_comeFromTheDomainNotFromPatterns = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Entity")
            .orShould().haveSimpleNameEndingWith("VO");

    private static DescribedPredicate<JavaMethodCall> readsTheClock() {
        return describe("a method that reads the clock", call -> {
            String owner = call.getTargetOwner().getFullName();
            String name = call.getName();
            boolean timeNow = name.equals("now") && resideInAnyPackage("java.time..").test(call.getTargetOwner());
            boolean systemTime = owner.equals("java.lang.System")
                    && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
            return timeNow || systemTime;
        });
    }
}
