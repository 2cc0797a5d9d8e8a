package compliance.rules;

import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.ICfnResourceOptions;
import software.amazon.jsii.Kernel;
import software.amazon.jsii.NativeType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One L1 resource as the EcrBlueprint rules read it: its properties resolved the way cdk-nag's own
 * rules resolve them ({@code Stack.of(node).resolve(...)}: tokens become CloudFormation intrinsics such
 * as {@code {"Ref": id}}, structs become maps with the camelCase keys of the L1 property classes).
 *
 * <p>Why a view and not the L1 object: every property read on a jsii proxy is a round trip to the Node
 * process. {@link StackResources} reads the properties of all resources of a stack in one round trip
 * each plus one shared resolution, and every rule then reads them from Java maps.
 */
public final class CheckedResource {

    private final CfnResource node;
    private final StackResources stack;
    private Map<String, Object> properties;
    private String logicalId;
    private ICfnResourceOptions options;

    CheckedResource(CfnResource node, StackResources stack) {
        this.node = node;
        this.stack = stack;
    }

    /** The L1 resource (for {@code instanceof} checks, which cost no round trip). */
    public CfnResource node() {
        return node;
    }

    /** Every resource of the same stack, for rules that look across resources. */
    public StackResources stack() {
        return stack;
    }

    /** A resolved L1 property by its camelCase name ({@code imageTagMutability}), or null when absent. */
    public Object property(String name) {
        return properties().get(name);
    }

    /** A resolved struct property, or an empty map when absent or not an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        return property(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A resolved list property, or an empty list when absent or not a list. */
    public List<?> list(String name) {
        return property(name) instanceof List<?> l ? l : List.of();
    }

    /** The resource's tags ({@code tags} as rendered, Tags aspects applied), key to value. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Object tag : list("tags")) {
            if (tag instanceof Map<?, ?> t && t.get("key") instanceof String key) {
                tags.put(key, String.valueOf(t.get("value")));
            }
        }
        return tags;
    }

    /** The construct path ({@code shop-dev/orders/Resource}), as cdk-nag's reports name a resource. */
    public String path() {
        // CfnResource.toString() is "<path> [<resource type>]", and a type never contains " [": one round
        // trip to Node instead of two (the node, then its path), for every resource of every report.
        String rendered = node.toString();
        int type = rendered.lastIndexOf(" [");
        return type < 0 ? node.getNode().getPath() : rendered.substring(0, type);
    }

    /** The logical id in the template. */
    public String logicalId() {
        loadIfNeeded();
        return logicalId;
    }

    /** {@code {"Ref": logicalId}}, as a resolved reference to this resource appears in other resources. */
    public Map<String, Object> ref() {
        return Map.of("Ref", logicalId());
    }

    public CfnDeletionPolicy deletionPolicy() {
        return options().getDeletionPolicy();
    }

    public CfnDeletionPolicy updateReplacePolicy() {
        return options().getUpdateReplacePolicy();
    }

    private ICfnResourceOptions options() {
        if (options == null) {
            options = node.getCfnOptions();
        }
        return options;
    }

    Map<String, Object> properties() {
        loadIfNeeded();
        return properties;
    }

    /** Resources a rule reaches across the stack load themselves; the rest came in {@link StackResources#load}. */
    private void loadIfNeeded() {
        if (properties == null) {
            stack.load(List.of(this));
        }
    }

    /**
     * The unresolved L1 property bag. {@code cfnProperties} is protected in aws-cdk-lib (the L1 classes
     * render the template from it); jsii serves it like any other property.
     */
    Object rawProperties() {
        return Kernel.get(node, "cfnProperties", NativeType.forClass(Object.class));
    }

    /** The logical id as a token string (it honours overrideLogicalId), resolved with the properties. */
    String rawLogicalId() {
        return node.getLogicalId();
    }

    @SuppressWarnings("unchecked")
    void loaded(Object resolvedProperties, Object resolvedLogicalId) {
        this.properties = resolvedProperties instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        this.logicalId = String.valueOf(resolvedLogicalId);
    }
}
