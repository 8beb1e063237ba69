package dev.regua.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.regua.support.tenancy.NoTenantException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem response. Client mistakes get a 4xx that names the field; only a
 * genuine server fault answers 500, and then without internals.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(Problem.of("invalid-request", "The request has invalid fields", 400, detail).withErrors(errors), uri);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return respond(Problem.of("invalid-request", "The request has invalid fields", 400, e.field() + ": " + e.getMessage())
                .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = pathOf(e);
        return respond(Problem.of("invalid-request", "The request has an unknown field", 400,
                        "unknown field '" + field + "'")
                .withErrors(List.of(new Problem.FieldError(field, "unknown field"))), uri);
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e, UriInfo uri) {
        String field = pathOf(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return respond(Problem.of("invalid-request", "The request has invalid fields", 400,
                        field + ": '" + e.getValue() + "' is not a valid " + expected)
                .withErrors(List.of(new Problem.FieldError(field, "'" + e.getValue() + "' is not a valid " + expected))), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e, UriInfo uri) {
        String field = pathOf(e);
        String message = field.isEmpty() ? "the body is not what this operation expects" : "has the wrong type or shape";
        Problem problem = Problem.of("invalid-request", "The request body cannot be read", 400,
                field.isEmpty() ? message : field + ": " + message);
        if (!field.isEmpty()) {
            problem = problem.withErrors(List.of(new Problem.FieldError(field, message)));
        }
        return respond(problem, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of("malformed-json", "The request body is not valid JSON", 400,
                "malformed JSON at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                        + ", column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr())), uri);
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return respond(Problem.of("not-found", "Not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response businessRule(BusinessRuleException e, UriInfo uri) {
        return respond(Problem.of("business-rule", "The request breaks a rule", 422, e.getMessage()).withRule(e.rule()), uri);
    }

    @ServerExceptionMapper
    public Response noTenant(NoTenantException e, UriInfo uri) {
        return respond(Problem.of("no-tenant", "Forbidden", 403, e.getMessage()), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("unauthenticated", "Unauthorized", 401,
                        "a valid bearer token is required (missing, expired or not issued by Régua's Keycloak realm)"), uri))
                .header("WWW-Authenticate", "Bearer realm=\"regua\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "the token lacks the role this operation needs"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        return respond(Problem.of("http-" + status, title, status, e.getMessage()), uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("unexpected failure on " + (uri == null ? "?" : uri.getPath()), e);
        return respond(Problem.of("internal", "Internal error", 500,
                "an unexpected error happened; nothing was written. The failure is logged."), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        Problem body = uri == null ? problem : problem.withInstance(uri.getPath());
        return Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * "create.request.installments" → "installments"; drops the method and parameter nodes. Elements of lists are
     * indexed on the list: {@code cityHolidays[0].name}, {@code tags[2]}.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                    names.clear();
                    continue;
                }
                case PARAMETER -> {
                    names.clear();
                    if (node.getName() != null) {
                        names.add(node.getName());
                    }
                    continue;
                }
                default -> {
                }
            }
            if (node.isInIterable() && !names.isEmpty() && (node.getIndex() != null || node.getKey() != null)) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + at + "]");
            }
            if (node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT
                    && node.getKind() != jakarta.validation.ElementKind.BEAN && node.getName() != null) {
                names.add(node.getName());
            }
        }
        if (names.size() > 1 && isBodyParameter(names.get(0))) {
            names.remove(0);
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static boolean isBodyParameter(String name) {
        return name.equals("request") || name.equals("body") || name.equals("command");
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object c : constants) {
                names.add(c.toString());
            }
            return "value; expected one of " + names;
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "BigDecimal" -> "decimal number";
            case "Integer", "int", "Long", "long" -> "whole number";
            default -> type.getSimpleName();
        };
    }
}
