package dev.regua.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service keeps: {@code <feature>.domain} is plain Java (no Quarkus, SmallRye, Vert.x,
 * Jakarta, MicroProfile, Hibernate or Jackson) and reaches into no other layer; persistence does not depend on
 * the API.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    public static JavaClasses productionClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(basePackage);
    }

    public static void domainIsPlainJava(JavaClasses classes) {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..",
                        "jakarta..", "org.eclipse.microprofile..", "org.hibernate..", "com.fasterxml..")
                .check(classes);
    }

    public static void domainStaysOutOfOtherLayers(JavaClasses classes) {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..persistence..", "..application..", "..messaging..")
                .check(classes);
    }

    public static void persistenceDoesNotDependOnTheApi(JavaClasses classes) {
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAPackage("..api..")
                .check(classes);
    }
}
