package dev.regua.notification.channel.application;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.regua.notification.channel.domain.SendOutcome;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class HttpSendersTest {

    @Test
    void aConnectionThatCouldNotBeOpenedWasNotSentAndIsRetried() {
        assertInstanceOf(SendOutcome.Transient.class, HttpSenders.noAnswer("TWILIO", "Twilio", new ConnectException("Connection refused")));
        assertInstanceOf(SendOutcome.Transient.class, HttpSenders.noAnswer("ZENVIA", "Zenvia",
                new RuntimeException("wrapped", new io.netty.channel.ConnectTimeoutException("connect timed out"))));
    }

    @Test
    void noAnswerAfterTheRequestLeftMayHaveBeenAcceptedSoItIsUncertain() {
        assertInstanceOf(SendOutcome.Uncertain.class, HttpSenders.noAnswer("TWILIO", "Twilio",
                new TimeoutException("The timeout period of 5000ms has been exceeded while executing POST")));
        assertInstanceOf(SendOutcome.Uncertain.class, HttpSenders.noAnswer("WHATSAPP_CLOUD", "WhatsApp",
                new java.io.IOException("Connection reset by peer")));
    }
}
