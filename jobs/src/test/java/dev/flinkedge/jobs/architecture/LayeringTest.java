package dev.flinkedge.jobs.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of docs/architecture.md, checked on the main classes of all four modules (the jobs
 * module sees them all): modules depend one way, the planner is pure, the DSL knows no runtime, the
 * registry client needs no server, and neither the libraries nor the packaged jobs need the
 * application layer (command line, demo, benchmarks).
 */
@AnalyzeClasses(packages = "dev.flinkedge", importOptions = LayeringTest.MainClassesOnly.class)
class LayeringTest {

    private static final String REGISTRY = "dev.flinkedge.registry..";
    private static final String KAFKA = "dev.flinkedge.kafka..";
    private static final String CONNECTORS = "dev.flinkedge.connectors..";
    private static final String SCHEDULER = "dev.flinkedge.scheduler..";
    private static final String JOBS = "dev.flinkedge.jobs..";
    private static final String API = "dev.flinkedge.connectors.api..";
    private static final String MODEL = "dev.flinkedge.connectors.model..";
    private static final String CLI = "dev.flinkedge.jobs.cli..";
    private static final String BENCH = "dev.flinkedge.jobs.bench..";
    private static final String DEMO = "dev.flinkedge.jobs.demo..";

    @ArchTest
    static final ArchRule registryModuleDependsOnNoOtherModule =
            noClasses()
                    .that()
                    .resideInAnyPackage(REGISTRY, KAFKA)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(CONNECTORS, SCHEDULER, JOBS)
                    .because("modules depend one way: registry ← connectors ← scheduler ← jobs");

    @ArchTest
    static final ArchRule connectorsDependOnlyOnTheRegistryModule =
            noClasses()
                    .that()
                    .resideInAPackage(CONNECTORS)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(SCHEDULER, JOBS)
                    .because("modules depend one way: registry ← connectors ← scheduler ← jobs");

    @ArchTest
    static final ArchRule schedulerDependsOnNoApplication =
            noClasses()
                    .that()
                    .resideInAPackage(SCHEDULER)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(JOBS)
                    .because("modules depend one way: registry ← connectors ← scheduler ← jobs");

    @ArchTest
    static final ArchRule topologyAndPlacementAreFreeOfFlinkAndKafka =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "dev.flinkedge.scheduler.topology..",
                            "dev.flinkedge.scheduler.placement..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.apache.flink..",
                            "org.apache.kafka..",
                            API,
                            "dev.flinkedge.connectors.pipeline..",
                            "dev.flinkedge.connectors.runtime..",
                            "dev.flinkedge.registry.client..")
                    .because("the planner is a pure function of topology, devices and plan nodes");

    @ArchTest
    static final ArchRule apiDependsOnlyOnModelTypesOfItsModule =
            noClasses()
                    .that()
                    .resideInAPackage(API)
                    .should()
                    .dependOnClassesThat(
                            resideInAPackage(CONNECTORS).and(not(resideInAnyPackage(API, MODEL))))
                    .because("the DSL knows no runtime: translation lives in connectors.pipeline");

    @ArchTest
    static final ArchRule registryClientNeedsNoServer =
            noClasses()
                    .that()
                    .resideInAPackage("dev.flinkedge.registry.client..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "dev.flinkedge.registry.rest..",
                            "dev.flinkedge.registry.storage..",
                            "dev.flinkedge.registry.service..")
                    .because("a client needs no server code");

    @ArchTest
    static final ArchRule noLibraryOrJobNeedsTheApplicationLayer =
            noClasses()
                    .that()
                    .resideOutsideOfPackages(CLI, BENCH, DEMO)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(CLI, BENCH, DEMO, "picocli..")
                    .because(
                            "the command line, the demo and the benchmarks use the libraries and the"
                                    + " packaged jobs, never the other way round: the job jar leaves"
                                    + " them out");

    /**
     * The modules' main classes: not their test classes, whether the build hands them over as
     * directories or, in a full reactor build, as {@code -tests.jar}s (which {@link
     * ImportOption.DoNotIncludeTests} does not recognise).
     */
    static final class MainClassesOnly implements ImportOption {
        private static final ImportOption NO_TEST_DIRECTORIES = new DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return NO_TEST_DIRECTORIES.includes(location) && !location.contains("-tests.jar");
        }
    }
}
