package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;

import java.util.List;
import java.util.Map;

/**
 * Resolves L1 property values the way cdk-nag's own rules do ({@code Stack.of(node).resolve(...)}):
 * tokens inside become CloudFormation intrinsics ({@code {"Ref": ...}}), structs become maps with
 * the camelCase keys of the L1 property classes.
 */
final class Resolved {

    private Resolved() {
    }

    static Object value(CfnResource node, Object value) {
        return value == null ? null : Stack.of(node).resolve(value);
    }

    /** The resolved struct, or an empty map when the property is absent or not an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(CfnResource node, Object value) {
        Object resolved = value(node, value);
        return resolved instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(CfnResource node, Object value) {
        Object resolved = value(node, value);
        return resolved instanceof List<?> l ? l : List.of();
    }
}
