package dev.regua.billing.payer.domain;

/** How a WhatsApp opt-in was given: part of its evidence, with a reference to the record that proves it. */
public enum OptInMethod { WRITTEN_FORM, WEBSITE, WHATSAPP_MESSAGE, IN_PERSON, PHONE_CALL, OTHER }
