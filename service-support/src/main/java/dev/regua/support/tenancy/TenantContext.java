package dev.regua.support.tenancy;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant of the current request, taken from the validated token's {@code tenant_id} claim — never from a
 * header, path or body. Every repository query is filtered by it.
 */
@RequestScoped
public class TenantContext {
    public static final String CLAIM = "tenant_id";
    private final JsonWebToken token;

    public TenantContext(JsonWebToken token) {
        this.token = token;
    }

    /** @throws NoTenantException when the caller's token names no tenant (e.g. an operations client). */
    public String tenantId() {
        Object claim = token == null ? null : token.getClaim(CLAIM);
        String tenant = claim == null ? null : claim.toString().replace("\"", "");
        if (tenant == null || tenant.isBlank()) {
            throw new NoTenantException();
        }
        return tenant;
    }

    /** Who did it, for audit fields: the token's preferred user name, or its client id. */
    public String actor() {
        if (token == null) {
            return "system";
        }
        Object user = token.getClaim("preferred_username");
        if (user != null) {
            return user.toString().replace("\"", "");
        }
        Object client = token.getClaim("azp");
        return client == null ? "unknown" : client.toString().replace("\"", "");
    }
}
