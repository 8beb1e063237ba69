package dev.regua.notification.webhook.domain;

/** PENDING until an attempt got a 2xx (DELIVERED) or no attempt is left or the endpoint answered 410 (FAILED). */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
