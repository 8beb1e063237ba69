package dev.regua.infra;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MailboxTest {

    @Test
    void decodesAnEightBitUtf8MultipartAsGreenMailHandsItOver() {
        String source = String.join("\r\n",
                "Subject: =?utf-8?q?Ol=C3=A1_cobran=C3=A7a?=",
                "From: Régua <cobranca@regua.dev>",
                "To: maria@example.com, Jo <jo@example.com>",
                "Message-ID: <1@regua.dev>",
                "Date: Mon, 23 Nov 2026 13:19:53 +0000",
                "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"b1\"",
                "",
                "--b1",
                "Content-Type: text/plain; charset=\"utf-8\"",
                "Content-Transfer-Encoding: 8bit",
                "",
                "texto ção",
                "--b1",
                "Content-Type: text/html; charset=\"utf-8\"",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "<p>html =C3=A7=C3=A3o</p>",
                "--b1--",
                "");
        // GreenMail's REST API returns the bytes read as ISO-8859-1
        String asGreenMailReturnsIt = new String(source.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        MailMessage message = Mailbox.parseMime(asGreenMailReturnsIt, "maria@example.com");

        assertEquals("Olá cobrança", message.subject());
        assertEquals("<1@regua.dev>", message.messageId());
        assertEquals(List.of("cobranca@regua.dev"), message.from());
        assertEquals(List.of("maria@example.com", "jo@example.com"), message.to());
        assertEquals("texto ção", message.text().strip());
        assertEquals("<p>html ção</p>", message.html().strip());
        assertEquals(List.of("maria@example.com"), message.deliveredTo());
    }

    @Test
    void readsABase64HtmlOnlyMessage() {
        String source = String.join("\r\n",
                "Subject: plain ascii",
                "To: a@example.com",
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                "",
                java.util.Base64.getEncoder().encodeToString("<b>Olá</b>".getBytes(StandardCharsets.UTF_8)),
                "");

        MailMessage message = Mailbox.parseMime(source, null);

        assertNull(message.text());
        assertEquals("<b>Olá</b>", message.html());
        assertEquals("<b>Olá</b>", message.body());
    }
}
