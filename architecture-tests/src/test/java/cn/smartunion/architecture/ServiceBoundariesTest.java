package cn.smartunion.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services share only {@code contracts} and {@code service-runtime}; a service that reaches into another's code,
 * or a domain package that imports a framework, fails the build.
 */
class ServiceBoundariesTest {

    private static final List<String> DEPLOYABLES = List.of("membership", "aid", "rights", "competition", "statistics", "gateway");

    private static JavaClasses classes;

    @BeforeAll
    static void importSuite() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.smartunion");
    }

    @Test
    void everyDeployableWasImported() {
        for (String deployable : DEPLOYABLES) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("cn.smartunion." + deployable)))
                    .as("classes of %s on the classpath", deployable).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"membership", "aid", "rights", "competition", "statistics", "gateway"})
    void aDeployableDependsOnNoOtherDeployable(String deployable) {
        String[] others = DEPLOYABLES.stream().filter(d -> !d.equals(deployable))
                .map(d -> "cn.smartunion." + d + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("cn.smartunion." + deployable + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services exchange events and share only contracts and service-runtime")
                .check(classes);
    }

    @Test
    void theSharedModulesDependOnNoDeployable() {
        noClasses().that().resideInAnyPackage("cn.smartunion.contracts..", "cn.smartunion.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        DEPLOYABLES.stream().map(d -> "cn.smartunion." + d + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void contractsAreDataOnly() {
        noClasses().that().resideInAPackage("cn.smartunion.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "cn.smartunion.runtime..",
                        "org.apache.kafka..", "org.bson..", "com.mongodb..")
                .check(classes);
    }

    @Test
    void domainCodeIsFreeOfFrameworks() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "tools.jackson..", "com.fasterxml..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
                        "cn.smartunion.runtime..")
                .allowEmptyShould(false)
                .check(classes);
    }
}
