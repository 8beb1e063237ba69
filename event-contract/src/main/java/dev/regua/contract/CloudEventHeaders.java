package dev.regua.contract;

/**
 * CloudEvents 1.0 attributes in Kafka binary content mode: each attribute is a record header {@code ce_<name>},
 * the payload is the record value with {@code content-type: application/json}. {@code ce_tenant} is a Régua
 * extension attribute.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String TENANT = "ce_tenant";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
