package dev.regua.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.regua.billing");

    @Test
    void domainCodeIsPlainJavaWithoutFrameworkImports() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..",
                        "jakarta..", "org.eclipse.microprofile..", "org.hibernate..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void domainDoesNotReachIntoOtherLayers() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..persistence..", "..application..", "..messaging..")
                .check(classes);
    }

    @Test
    void persistenceDoesNotDependOnTheApi() {
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAPackage("..api..")
                .check(classes);
    }
}
