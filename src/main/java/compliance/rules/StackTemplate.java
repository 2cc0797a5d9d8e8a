package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One synthesized CloudFormation template as the EcrBlueprint rules read it: its resources, each with its
 * properties exactly as CloudFormation will see them (PascalCase keys, intrinsics such as {@code {"Ref": id}}),
 * and the template's own metadata (stack-wide cdk-nag suppressions).
 *
 * <p>Why the written template and not the L1 objects: reading L1 properties goes through jsii, one round trip
 * to the Node process per property and resource; the template is one file read in Java.
 */
public final class StackTemplate {

    private final JsonNode template;
    private final List<TemplateResource> resources = new ArrayList<>();

    /** The template's JSON tree (a missing {@code Resources} section means no resources). */
    public StackTemplate(JsonNode template) {
        this.template = template;
        for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
            resources.add(new TemplateResource(resource.getKey(), resource.getValue(), this));
        }
    }

    /** Every resource, in template order. */
    public List<TemplateResource> resources() {
        return List.copyOf(resources);
    }

    /** The template's top-level {@code Metadata} (missing node when absent). */
    public JsonNode metadata() {
        return template.path("Metadata");
    }
}
