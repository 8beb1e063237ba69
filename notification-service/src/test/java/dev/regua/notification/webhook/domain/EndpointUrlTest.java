package dev.regua.notification.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointUrlTest {

    @Test
    void httpsIsAlwaysAccepted() {
        assertTrue(EndpointUrl.problemWith("https://erp.clinicasorriso.com.br/webhooks/regua", false).isEmpty());
    }

    @Test
    void plainHttpOnlyForLoopbackAndOnlyWhenAllowed() {
        assertTrue(EndpointUrl.problemWith("http://127.0.0.1:8999/hook", true).isEmpty());
        assertTrue(EndpointUrl.problemWith("http://localhost/hook", true).isEmpty());
        assertEquals(Optional.of("must use https"), EndpointUrl.problemWith("http://127.0.0.1:8999/hook", false));
        assertEquals(Optional.of("must use https"), EndpointUrl.problemWith("http://erp.example.com/hook", true));
    }

    @Test
    void refusesRelativeUrlsCredentialsFragmentsAndOtherSchemes() {
        assertTrue(EndpointUrl.problemWith("/hook", true).isPresent());
        assertTrue(EndpointUrl.problemWith("https://user:pw@erp.example.com/hook", true).isPresent());
        assertTrue(EndpointUrl.problemWith("https://erp.example.com/hook#x", true).isPresent());
        assertTrue(EndpointUrl.problemWith("ftp://erp.example.com/hook", true).isPresent());
        assertTrue(EndpointUrl.problemWith("https://exa mple.com", true).isPresent());
    }
}
