package dev.regua.support.tenancy;

/** The caller is authenticated but its token belongs to no tenant. */
public class NoTenantException extends RuntimeException {
    public NoTenantException() {
        super("the token carries no tenant_id claim; use a tenant's integration client or staff user");
    }
}
