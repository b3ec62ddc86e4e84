package cn.smartunion.contracts;

/**
 * Kafka header names of the CloudEvents 1.0 binary mode used on every topic of the suite.
 * The record value is the plain JSON payload; everything about the event is in these headers.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION_VALUE = "1.0";

    public static final String ID = "ce_id";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** Extension attribute: materialised path of the union that owns the aggregate. */
    public static final String ORG_PATH = "ce_orgpath";
    public static final String CONTENT_TYPE = "content-type";
    /** W3C trace context, carried so a trace follows the event across services. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }
}
