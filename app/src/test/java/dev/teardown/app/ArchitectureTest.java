package dev.teardown.app;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture as an allow-list. This module sees every other one, so the rules see every class
 * of the hexagon; a class outside the listed layers fails the build.
 */
@AnalyzeClasses(packages = "dev.teardown", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "dev.teardown.domain..";
    private static final String PORTS = "dev.teardown.ports..";
    private static final String TESTKIT = "dev.teardown.testkit..";
    private static final String HTTP_ADAPTER = "dev.teardown.adapters.http..";
    private static final String CACHE_ADAPTER = "dev.teardown.adapters.cache..";
    private static final String APP = "dev.teardown.app..";

    @ArchTest
    static final ArchRule layers_dependInwardsOnly = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.teardown..")
            .layer("Domain").definedBy(DOMAIN)
            .layer("Ports").definedBy(PORTS)
            .layer("Testkit").definedBy(TESTKIT)
            .layer("HttpAdapter").definedBy(HTTP_ADAPTER)
            .layer("CacheAdapter").definedBy(CACHE_ADAPTER)
            .layer("App").definedBy(APP)
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Testkit").mayNotBeAccessedByAnyLayer()
            .whereLayer("HttpAdapter").mayOnlyBeAccessedByLayers("App")
            .whereLayer("CacheAdapter").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Testkit", "HttpAdapter", "CacheAdapter", "App")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Ports", "Testkit", "HttpAdapter", "CacheAdapter", "App")
            .ensureAllClassesAreContainedInArchitecture();

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

    @ArchTest
    static final ArchRule jackson_onlyInTheHttpAdapter = noClasses()
            .that().resideOutsideOfPackage(HTTP_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule httpClient_onlyInTheHttpAdapter = noClasses()
            .that().resideOutsideOfPackage(HTTP_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.hc..");

    @ArchTest
    static final ArchRule caffeine_onlyInTheCacheAdapter = noClasses()
            .that().resideOutsideOfPackage(CACHE_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage("com.github.benmanes.caffeine..");

    @ArchTest
    static final ArchRule guice_onlyInTheApp = noClasses()
            .that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..");

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
