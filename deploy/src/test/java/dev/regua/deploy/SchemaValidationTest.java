package dev.regua.deploy;

import static dev.regua.deploy.Fixture.assertClean;
import static dev.regua.deploy.Fixture.assertReported;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON-schema validation catches what a schema can: wrong types, missing required fields, values
 * outside an enum, kinds that do not exist. Needs node and npm (skipped without them, except in CI).
 */
class SchemaValidationTest {

    private static final Fixture APP = Fixture.load("fixtures/app.yaml");
    private static SchemaValidator validator;

    @BeforeAll
    static void installValidator() {
        validator = SchemaValidator.in(Path.of(System.getProperty("regua.deploy.dir", ".")).resolve("validate"));
    }

    private static List<Problem> problemsOf(Fixture fixture) {
        return validator.validate(Manifests.parse(fixture.text()).all());
    }

    @Test
    void theFixtureMatchesTheSchemas() {
        assertClean(problemsOf(APP));
    }

    @Test
    void reportsAFieldOfTheWrongType() {
        var broken = APP.replacing("  replicas: 2\n", "  replicas: two\n");
        assertReported(problemsOf(broken), "schema", "Deployment shop/web: /spec/replicas must be integer");
    }

    @Test
    void reportsAMissingSelector() {
        var broken = APP.replacing("""
                spec:
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: api
                """, """
                spec:
                """);
        assertReported(problemsOf(broken), "schema", "Deployment shop/api: /spec must have required property selector");
    }

    @Test
    void reportsAValueOutsideItsEnum() {
        var broken = APP.replacing("pathType: Prefix", "pathType: prefix");
        assertReported(problemsOf(broken), "schema", "Ingress shop/web: /spec/rules/0/http/paths/0/pathType must be equal to one of the allowed values");
    }

    @Test
    void reportsAKindThatDoesNotExist() {
        var broken = APP.replacing("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscalar");
        assertReported(problemsOf(broken), "schema", "no schema for autoscaling/v2 HorizontalPodAutoscalar");
    }

    @Test
    void reportsACustomResourceOfAnUnknownVersion() {
        var broken = APP.replacing("apiVersion: kafka.strimzi.io/v1beta2", "apiVersion: kafka.strimzi.io/v1beta1");
        assertReported(problemsOf(broken), "schema", "no schema for kafka.strimzi.io/v1beta1 KafkaTopic");
    }
}
