package dev.regua.infra;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One e-mail as the SMTP server received it, decoded.
 *
 * @param messageId   the Message-ID header, or null when the sender set none
 * @param from        sender addresses (plain {@code local@domain}, no display names)
 * @param to          To addresses
 * @param cc          Cc addresses
 * @param deliveredTo the mailboxes that received it (includes Bcc recipients, which no header shows)
 * @param subject     decoded subject (RFC 2047 encoded words resolved)
 * @param text        the first text/plain part that is not an attachment, decoded; null when there is none
 * @param html        the first text/html part that is not an attachment, decoded; null when there is none
 * @param sentAt      the Date header, or null
 * @param raw         the message source as GreenMail stored it
 */
public record MailMessage(String messageId, List<String> from, List<String> to, List<String> cc,
                          List<String> deliveredTo, String subject, String text, String html, Instant sentAt,
                          String raw) {

    public MailMessage {
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        deliveredTo = List.copyOf(deliveredTo);
    }

    /** True when {@code address} is among To, Cc or the receiving mailboxes (case-insensitive). */
    public boolean isAddressedTo(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return to.stream().anyMatch(x -> x.equalsIgnoreCase(a))
                || cc.stream().anyMatch(x -> x.equalsIgnoreCase(a))
                || deliveredTo.stream().anyMatch(x -> x.equalsIgnoreCase(a));
    }

    /** The text part, else the HTML part, else an empty string: handy for "contains" assertions. */
    public String body() {
        return text != null ? text : html != null ? html : "";
    }

    MailMessage withDeliveredTo(List<String> mailboxes) {
        return new MailMessage(messageId, from, to, cc, mailboxes, subject, text, html, sentAt, raw);
    }
}
