package cn.smartunion.contracts;

/**
 * One event type of the suite: its stable CloudEvents {@code type}, the topic it travels on, the JSON Schema
 * (a classpath resource of this module) its payload must satisfy, and the producing service.
 */
public record EventType(String type, String topic, String schemaResource, String source) {

    /** The {@code dataschema} attribute: a URN naming the schema resource, stable across deployments. */
    public String dataSchema() {
        return "urn:smartunion:schema:" + type;
    }
}
