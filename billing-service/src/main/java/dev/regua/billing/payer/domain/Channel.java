package dev.regua.billing.payer.domain;

/** A channel collection messages can use; a payer may opt out of each (LGPD: the opt-out must be honoured). */
public enum Channel { EMAIL, SMS, WHATSAPP }
