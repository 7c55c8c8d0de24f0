package uk.nhs.ics.transition.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.web.approval.AwaitsSecondPerson;
import uk.nhs.ics.transition.web.approval.FourEyes;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.http.VersionedRead;
import uk.nhs.ics.transition.web.http.VersionedWrite;
import uk.nhs.ics.transition.web.http.WriteContext;
import uk.nhs.ics.transition.web.http.Writes;

/**
 * Dependencies point inward: the web layer and the read side depend on the domain's messages, never the other way;
 * the domain and the messages know nothing of Spring Web, JPA or the database, and read no clock but the one they
 * are given. Every rule must match something ({@code archRule.failOnEmptyShould} stays on).
 */
class ArchitectureTest {

    private static final String ROOT = "uk.nhs.ics.transition";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the other modules arrive as jars (and the domain's test jar too): keep production classes only
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages(ROOT);
    }

    @Test
    void the_contracts_marks_are_exactly_where_the_code_honours_them() {
        List<String> faults = new ArrayList<>();
        int writes = 0;
        int reads = 0;
        for (JavaClass type : classes) {
            if (!type.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                // a write that may wait for a second person goes through Writes too (FourEyes.write)
                boolean write = calls(method, Writes.class, "execute")
                        || calls(method, WriteContext.class, "execute")
                        || calls(method, FourEyes.class, "write");
                boolean read = calls(method, Reads.class, "awaitMinVersion");
                boolean fourEyes = calls(method, FourEyes.class, "write") || calls(method, FourEyes.class, "operate");
                if (fourEyes != method.isAnnotatedWith(AwaitsSecondPerson.class)) {
                    faults.add(method.getFullName()
                            + (fourEyes ? " may wait for a second person without" : " is marked, without")
                            + " @AwaitsSecondPerson");
                }
                if (write != method.isAnnotatedWith(VersionedWrite.class)) {
                    faults.add(method.getFullName() + (write ? " writes through Writes without" : " is marked, without")
                            + " @VersionedWrite");
                }
                if (read != method.isAnnotatedWith(VersionedRead.class)) {
                    faults.add(method.getFullName()
                            + (read ? " waits for X-Min-Version without" : " is marked, without") + " @VersionedRead");
                }
                writes += write ? 1 : 0;
                reads += read ? 1 : 0;
            }
        }
        assertThat(faults)
                .as("the OpenAPI description declares If-Match, X-Min-Version and four eyes' 202 by these marks")
                .isEmpty();
        assertThat(writes).as("writes through Writes").isGreaterThan(30);
        assertThat(reads).as("reads that wait for X-Min-Version").isGreaterThan(5);
    }

    private static boolean calls(JavaMethod method, Class<?> owner, String name) {
        return method.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(owner)
                        && call.getName().equals(name));
    }

    @Test
    void layers_depend_inward_only() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Messages")
                .definedBy(ROOT + ".messages..")
                .layer("Domain")
                .definedBy(ROOT + ".domain..")
                .layer("Projections")
                .definedBy(ROOT + ".projections..")
                .layer("Audit")
                .definedBy(ROOT + ".audit..")
                .layer("Web")
                .definedBy(ROOT + ".web..")
                .layer("App")
                .definedBy(ROOT + ".app..")
                .whereLayer("App")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Web")
                .mayOnlyBeAccessedByLayers("App")
                .whereLayer("Projections")
                .mayOnlyBeAccessedByLayers("Web", "App")
                .whereLayer("Audit")
                .mayOnlyBeAccessedByLayers("Web", "App")
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers("Projections", "Audit", "Web", "App")
                .check(classes);
    }

    @Test
    void messages_are_plain_java_without_spring_or_persistence() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".messages..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.persistence..",
                        "java.sql..",
                        "javax.sql..",
                        "org.hibernate..",
                        "com.fasterxml.jackson.databind..")
                .check(classes);
    }

    @Test
    void the_domain_knows_nothing_of_spring_web_jpa_or_the_database() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.jdbc..",
                        "org.springframework.orm..",
                        "org.springframework.boot..",
                        "jakarta.persistence..",
                        "jakarta.servlet..",
                        "java.sql..",
                        "javax.sql..",
                        "org.hibernate..")
                .check(classes);
    }

    @Test
    void messages_and_domain_read_no_clock_and_make_no_random_identifiers() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".messages..", ROOT + ".domain..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.Clock.class, "systemUTC")
                .orShould()
                .callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(java.util.UUID.class, "randomUUID")
                .check(classes);
    }

    @Test
    void the_read_side_and_audit_trail_send_no_commands() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".projections..", ROOT + ".audit..")
                .should()
                .dependOnClassesThat()
                .haveSimpleName("CommandGateway")
                .check(classes);
    }
}
