package dev.regua.support.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} header of POST requests. Inside the caller's transaction: the first request with a
 * key claims it and its response is stored with the work it answers; the same key with the same request (method,
 * path and body) answers the stored response again with {@code Idempotent-Replayed: true}; the same key with a
 * different request is refused with 422. A request that fails rolls back its claim, so it can be retried.
 */
@ApplicationScoped
public class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private final ObjectMapper json;

    public IdempotentRequests(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Response> once(String tenantId, String key, String method, String path, Object request,
                              Supplier<Uni<Response>> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw new InvalidInputException(HEADER, "must be 1 to 255 characters");
        }
        String fingerprint = fingerprint(method, path, request);
        String claim = "insert into idempotency_record (tenant_id, idempotency_key, fingerprint) values (?1, ?2, ?3) "
                + "on conflict do nothing";
        return Panache.getSession().chain(session -> session.createNativeQuery(claim)
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, fingerprint)
                .executeUpdate()
                .chain(claimed -> claimed == 1
                        ? work.get().call(response -> store(tenantId, key, response))
                        : replay(tenantId, key, fingerprint)));
    }

    private Uni<Void> store(String tenantId, String key, Response response) {
        String body;
        try {
            body = response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Object location = response.getHeaders().getFirst("Location");
        String update = "update idempotency_record set status = ?1, location = ?2, body = ?3 "
                + "where tenant_id = ?4 and idempotency_key = ?5";
        return Panache.getSession().chain(s -> s.createNativeQuery(update)
                .setParameter(1, response.getStatus()).setParameter(2, location == null ? null : location.toString())
                .setParameter(3, body).setParameter(4, tenantId).setParameter(5, key)
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Response> replay(String tenantId, String key, String fingerprint) {
        String read = "select fingerprint, status, location, body from idempotency_record where tenant_id = ?1 and idempotency_key = ?2";
        return Panache.getSession().chain(s -> s.createNativeQuery(read, Object[].class)
                .setParameter(1, tenantId).setParameter(2, key).getResultList()).map(rows -> {
            List<Object[]> list = rows;
            Object[] row = list.get(0);
            if (!fingerprint.equals(row[0])) {
                throw new BusinessRuleException("idempotency-key-reused",
                        "Idempotency-Key " + key + " was already used for a different request");
            }
            if (row[1] == null) {
                throw new BusinessRuleException("idempotency-key-in-progress",
                        "a request with Idempotency-Key " + key + " is still being processed");
            }
            Response.ResponseBuilder builder = Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
            if (row[2] != null) {
                builder.header("Location", row[2]);
            }
            if (row[3] != null) {
                builder.entity(row[3]).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return builder.build();
        });
    }

    private String fingerprint(String method, String path, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
