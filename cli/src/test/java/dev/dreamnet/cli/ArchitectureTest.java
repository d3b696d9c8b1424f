package dev.dreamnet.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.core.time.ManualScheduler;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: core (pure Java) &lt;- config, jdbc, rabbitmq &lt;- runtime (no HTTP) &lt;- javalin
 * (the plugin) &lt;- reference &lt;- cli; the toolkit knows nothing of the reference service, which uses only the
 * toolkit's public API, and production code never runs on the test clocks. Checked on the production classes of
 * every module.
 */
@AnalyzeClasses(packages = "dev.dreamnet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses().that().resideInAPackage("dev.dreamnet.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dreamnet.config..", "dev.dreamnet.runtime..",
                    "dev.dreamnet.javalin..", "dev.dreamnet.cli..", "dev.dreamnet.testing..");

    @ArchTest
    static final ArchRule coreUsesNoFrameworkLoggingOrDatabase = noClasses().that()
            .resideInAPackage("dev.dreamnet.core..").should().dependOnClassesThat().resideInAnyPackage(
                    "io.javalin..", "com.fasterxml..", "org.slf4j..", "java.sql..", "picocli..");

    @ArchTest
    static final ArchRule configDependsOnNeitherRuntimeNorCli = noClasses().that()
            .resideInAPackage("dev.dreamnet.config..").should().dependOnClassesThat()
            .resideInAnyPackage("dev.dreamnet.runtime..", "dev.dreamnet.javalin..", "dev.dreamnet.cli..");

    @ArchTest
    static final ArchRule jdbcDependsOnCoreOnly = noClasses().that().resideInAPackage("dev.dreamnet.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dreamnet.config..", "dev.dreamnet.runtime..",
                    "dev.dreamnet.javalin..", "dev.dreamnet.cli..", "dev.dreamnet.testing..", "dev.dreamnet.rabbitmq..");

    @ArchTest
    static final ArchRule theToolkitDoesNotDependOnTheCli = noClasses().that()
            .resideInAnyPackage("dev.dreamnet.runtime..", "dev.dreamnet.javalin..")
            .should().dependOnClassesThat().resideInAPackage("dev.dreamnet.cli..");

    @ArchTest
    static final ArchRule theRuntimeKnowsNoHttp = noClasses().that().resideInAPackage("dev.dreamnet.runtime..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dreamnet.javalin..", "io.javalin..",
                    "org.eclipse.jetty..", "jakarta.servlet..")
            .because("the runtime is what every web layer (the Javalin plugin, the Spring Boot starter) serves");

    @ArchTest
    static final ArchRule noToolkitModuleDependsOnTheReferenceService = noClasses().that()
            .resideInAnyPackage("dev.dreamnet.core..", "dev.dreamnet.config..", "dev.dreamnet.jdbc..",
                    "dev.dreamnet.rabbitmq..", "dev.dreamnet.runtime..", "dev.dreamnet.javalin..")
            .should().dependOnClassesThat().resideInAPackage("dev.dreamnet.reference..")
            .because("the toolkit is what any service builds on; the reference service is one such service");

    @ArchTest
    static final ArchRule theReferenceServiceUsesNoInternalPackage = noClasses().that()
            .resideInAPackage("dev.dreamnet.reference..")
            .should().dependOnClassesThat().resideInAPackage("..internal..")
            .because("the reference service uses only the toolkit's public API, as a user's service would");

    /** Regression: the shared state, rollouts, canary faults, flags and auth threw the web layer's ApiException. */
    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsHttpStatuses = noClasses().that()
            .resideOutsideOfPackages("dev.dreamnet.javalin", "dev.dreamnet.javalin.http").and().haveSimpleNameNotEndingWith("Routes")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.dreamnet.javalin.http.ApiException")
            .because("domain code throws domain exceptions; HttpApp maps them to statuses in one place");

    @ArchTest
    static final ArchRule productionCodeNeverRunsOnTestClocks = noClasses().that()
            .resideOutsideOfPackages("dev.dreamnet.core.time", "dev.dreamnet.testing..")
            .should().dependOnClassesThat().belongToAnyOf(FakeClock.class, ManualScheduler.class);

    @Test
    void theRulesSeeTheProductionClassesOfEveryModule() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.dreamnet");

        assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
                .contains("dev.dreamnet.core.startup", "dev.dreamnet.config.graph", "dev.dreamnet.runtime", "dev.dreamnet.javalin", "dev.dreamnet.jdbc.migrate",
                        "dev.dreamnet.reference", "dev.dreamnet.reference.dreams", "dev.dreamnet.cli")
                .noneMatch(name -> name.contains("test") && !name.startsWith("dev.dreamnet.testing"));
        assertThat(classes.stream().map(JavaClass::getSimpleName)).doesNotContain("ArchitectureTest", "Cli");
    }
}
