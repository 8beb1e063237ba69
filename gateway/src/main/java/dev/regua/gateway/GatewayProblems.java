package dev.regua.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** RFC 9457 problem responses for the gateway's own endpoints (clock, OpenAPI). */
public class GatewayProblems {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return problem(401, "unauthenticated", "Unauthorized",
                "a valid bearer token is required (missing, expired or not issued by Régua's Keycloak realm)", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "the token lacks the role this operation needs", uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, "http-" + status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), uri);
    }

    private static Response problem(int status, String slug, String title, String detail, UriInfo uri) {
        JsonObject body = new JsonObject().put("type", "https://regua.dev/problems/" + slug).put("title", title)
                .put("status", status).put("detail", detail).put("instance", uri == null ? null : uri.getPath());
        Response.ResponseBuilder builder = Response.status(status).type(ProblemBodies.MEDIA_TYPE).entity(body.encode());
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"regua\"");
        }
        return builder.build();
    }
}
