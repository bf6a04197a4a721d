package dev.flinkedge.jobs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Habits of the test code of all four modules (read from their compiled test classes, which the
 * reactor builds before this module): tests wait on conditions with deadlines instead of sleeping,
 * and use JUnit 5 and AssertJ only.
 */
class TestHabitsTest {

    private static final List<String> MODULES =
            List.of(
                    "shared-stream-registry",
                    "flink-edge-connectors",
                    "flink-edge-scheduler",
                    "jobs");

    private static JavaClasses tests;

    @BeforeAll
    static void importTestClasses() {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        List<Path> dirs =
                MODULES.stream().map(m -> root.resolve(m).resolve("target/test-classes")).toList();
        assertThat(dirs)
                .as("compiled test classes of every module (run from the reactor: mvn verify)")
                .allMatch(Files::isDirectory);
        tests = new ClassFileImporter().importPaths(dirs);
        assertThat(tests.size()).as("test classes found").isGreaterThan(100);
    }

    @Test
    void testsWaitOnConditionsNotOnTheClock() {
        noClasses()
                .should()
                .callMethod(Thread.class, "sleep", long.class)
                .orShould()
                .callMethod(Thread.class, "sleep", long.class, int.class)
                .because("a test waits for a condition with a deadline (waitUtil), never a guess")
                .check(tests);
    }

    @Test
    void testsUseJunit5AndAssertJ() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.junit", "junit..", "org.hamcrest..")
                .because("one test stack: JUnit 5 (org.junit.jupiter) and AssertJ")
                .check(tests);
    }
}
