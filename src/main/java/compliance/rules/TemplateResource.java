package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** One resource of a {@link StackTemplate}: its logical id, type, properties, policies and metadata. */
public final class TemplateResource {

    private final String logicalId;
    private final JsonNode body;
    private final StackTemplate template;

    TemplateResource(String logicalId, JsonNode body, StackTemplate template) {
        this.logicalId = logicalId;
        this.body = body;
        this.template = template;
    }

    /** The logical id in the template. */
    public String logicalId() {
        return logicalId;
    }

    /** The CloudFormation type, for example {@code AWS::ECR::Repository}. */
    public String type() {
        return body.path("Type").asText();
    }

    /** The template this resource is in, for rules that look across resources. */
    public StackTemplate template() {
        return template;
    }

    /** A property by its CloudFormation name ({@code ImageTagMutability}); a missing node when absent. */
    public JsonNode property(String name) {
        return body.path("Properties").path(name);
    }

    /**
     * A policy-document property as a tree: CloudFormation accepts a policy as a JSON object or as a JSON string,
     * and both are read the same. A missing node when absent.
     */
    public JsonNode policy(String name) {
        return PolicyDocuments.tree(property(name));
    }

    /** The resource's {@code Metadata} (cdk-nag suppressions, the construct path); a missing node when absent. */
    public JsonNode metadata() {
        return body.path("Metadata");
    }

    /** The construct path ({@code shop-dev/orders/Resource}) when the template has path metadata, else the logical id. */
    public String path() {
        return metadata().path("aws:cdk:path").asText(logicalId);
    }

    /** {@code DeletionPolicy}; {@code Delete} (CloudFormation's default) when absent. */
    public String deletionPolicy() {
        return body.path("DeletionPolicy").asText("Delete");
    }

    /** {@code UpdateReplacePolicy}; {@code Delete} (CloudFormation's default) when absent. */
    public String updateReplacePolicy() {
        return body.path("UpdateReplacePolicy").asText("Delete");
    }

    /** The resource's tags as written ({@code Tags: [{Key, Value}]}, stack tags included), key to value. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode written = property("Tags");
        if (written.isArray()) {
            for (JsonNode tag : written) {
                if (tag.path("Key").isTextual()) {
                    tags.put(tag.path("Key").asText(), tag.path("Value").asText());
                }
            }
        } else if (written.isObject()) {
            written.properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        }
        return tags;
    }

    /** Whether a template value is true: CloudFormation takes {@code true} and {@code "true"} alike. */
    public static boolean isTrue(JsonNode value) {
        return value.isBoolean() ? value.booleanValue() : value.isTextual() && "true".equalsIgnoreCase(value.asText());
    }

    /** {@code {"Ref": logicalId}}, as a reference to this resource appears in the other resources. */
    public JsonNode ref() {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("Ref", logicalId);
        return ref;
    }
}
