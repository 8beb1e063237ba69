package dev.regua.notification.message.domain;

/** QUEUED until a channel accepted it (SENT) or no attempt can succeed any more (FAILED). */
public enum MessageStatus {
    QUEUED, SENT, FAILED
}
