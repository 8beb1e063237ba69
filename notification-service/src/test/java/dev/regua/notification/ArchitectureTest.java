package dev.regua.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.regua.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses classes = ArchitectureRules.productionClassesOf("dev.regua.notification");

    @Test
    void domainCodeIsPlainJavaWithoutFrameworkImports() {
        ArchitectureRules.domainIsPlainJava(classes);
    }

    @Test
    void domainDoesNotReachIntoOtherLayers() {
        ArchitectureRules.domainStaysOutOfOtherLayers(classes);
    }

    @Test
    void persistenceDoesNotDependOnTheApi() {
        ArchitectureRules.persistenceDoesNotDependOnTheApi(classes);
    }
}
