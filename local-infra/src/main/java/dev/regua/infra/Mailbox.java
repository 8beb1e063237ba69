package dev.regua.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Reads what the local SMTP server (GreenMail) received, through its REST API:
 * {@code GET /api/user} (one mailbox per recipient, created on delivery),
 * {@code GET /api/user/{email}/messages/INBOX} (raw MIME per message) and {@code POST /api/mail/purge}.
 * Messages are parsed with Jakarta Mail, so subjects and bodies come back decoded.
 */
public final class Mailbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String apiUrl;

    /** @param apiUrl GreenMail's API base, e.g. {@code http://127.0.0.1:8025} ({@link LocalInfra#mailApiUrl()}) */
    public Mailbox(String apiUrl) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    public String apiUrl() {
        return apiUrl;
    }

    /** Addresses that have a mailbox, i.e. that received at least one message since the server started. */
    public List<String> recipients() {
        List<String> emails = new ArrayList<>();
        for (JsonNode user : getJson("/api/user")) {
            emails.add(user.path("email").asText());
        }
        return emails;
    }

    /** The messages in {@code recipient}'s inbox, oldest first; empty when it received nothing. */
    public List<MailMessage> messagesFor(String recipient) {
        String path = "/api/user/" + URLEncoder.encode(recipient, StandardCharsets.UTF_8) + "/messages/INBOX";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(apiUrl + path)).GET());
        if (response.statusCode() == 400 && response.body().contains("not found")) {
            return List.of();
        }
        List<MailMessage> messages = new ArrayList<>();
        for (JsonNode node : parse(response, path)) {
            messages.add(parseMime(node.path("mimeMessage").asText(), recipient));
        }
        return messages;
    }

    /**
     * Every message received, once each (a message sent to three recipients sits in three mailboxes; here it is
     * one entry whose {@link MailMessage#deliveredTo()} names all three), ordered by Date header.
     */
    public List<MailMessage> messages() {
        Map<String, MailMessage> unique = new LinkedHashMap<>();
        Map<String, List<String>> mailboxes = new LinkedHashMap<>();
        for (String recipient : recipients()) {
            for (MailMessage message : messagesFor(recipient)) {
                String key = message.messageId() != null ? message.messageId() : message.raw();
                unique.putIfAbsent(key, message);
                mailboxes.computeIfAbsent(key, k -> new ArrayList<>()).add(recipient);
            }
        }
        List<MailMessage> result = new ArrayList<>();
        unique.forEach((key, message) -> result.add(message.withDeliveredTo(mailboxes.get(key))));
        result.sort(Comparator.comparing(MailMessage::sentAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    /** Polls until {@code recipient} has at least {@code count} messages; fails after {@code timeout}. */
    public List<MailMessage> awaitMessages(String recipient, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MailMessage> messages = messagesFor(recipient);
        while (messages.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " message(s) for " + recipient + " within "
                        + timeout.toMillis() + " ms, got " + messages.size() + ": "
                        + messages.stream().map(MailMessage::subject).toList());
            }
            sleep();
            messages = messagesFor(recipient);
        }
        return messages;
    }

    /** Polls until some received message matches; fails after {@code timeout}. */
    public MailMessage awaitMessage(Predicate<MailMessage> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MailMessage> all = messages();
            for (MailMessage message : all) {
                if (matching.test(message)) {
                    return message;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No matching message within " + timeout.toMillis() + " ms; received: "
                        + all.stream().map(m -> m.to() + " " + m.subject()).toList());
            }
            sleep();
        }
    }

    /** Deletes every message in every mailbox. */
    public void purge() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/mail/purge"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        parse(response, "/api/mail/purge");
    }

    // ------------------------------------------------------------------------------------------------ internals

    private JsonNode getJson(String path) {
        return parse(send(HttpRequest.newBuilder(URI.create(apiUrl + path)).GET()), path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GreenMail API at " + apiUrl + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling GreenMail at " + apiUrl, e);
        }
    }

    private JsonNode parse(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GreenMail " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GreenMail " + path + " answered something that is not JSON", e);
        }
    }

    static MailMessage parseMime(String source, String mailbox) {
        try {
            MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(bytesOf(source)));
            Bodies bodies = new Bodies();
            collect(mime, bodies);
            return new MailMessage(
                    mime.getMessageID(),
                    addresses(mime.getFrom()),
                    addresses(mime.getRecipients(Message.RecipientType.TO)),
                    addresses(mime.getRecipients(Message.RecipientType.CC)),
                    mailbox == null ? List.of() : List.of(mailbox),
                    mime.getSubject(),
                    bodies.text,
                    bodies.html,
                    mime.getSentDate() == null ? null : mime.getSentDate().toInstant(),
                    source);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not parse a message from GreenMail: " + e.getMessage(), e);
        }
    }

    /**
     * GreenMail hands the source over as a string of the original bytes read as ISO-8859-1 (8-bit UTF-8 bodies show
     * up as mojibake); turning it back into those bytes lets the MIME parser apply the declared charsets.
     */
    private static byte[] bytesOf(String source) {
        boolean latin1 = source.chars().allMatch(c -> c <= 0xFF);
        return source.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static final class Bodies {
        String text;
        String html;
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain")) {
            if (bodies.text == null) {
                bodies.text = String.valueOf(part.getContent());
            }
        } else if (part.isMimeType("text/html")) {
            if (bodies.html == null) {
                bodies.html = String.valueOf(part.getContent());
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        }
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                result.add(address instanceof InternetAddress ia ? ia.getAddress() : address.toString());
            }
        }
        return result;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for mail", e);
        }
    }
}
