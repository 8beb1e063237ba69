package dev.regua.infra;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeycloakTokensTest {

    @Test
    void decodesClaimsAndRealmRolesOfAJwt() {
        String payload = "{\"tenant_id\":\"clinica-sorriso\",\"realm_access\":{\"roles\":[\"staff\",\"tenant-admin\"]}}";
        String jwt = "eyJhbGciOiJSUzI1NiJ9."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";

        assertEquals("clinica-sorriso", KeycloakTokens.claims(jwt).get("tenant_id"));
        assertEquals(List.of("staff", "tenant-admin"), KeycloakTokens.realmRoles(jwt));
    }
}
