package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The L1 resources of one stack, read for the EcrBlueprint rules. {@link #load} fetches the properties
 * and logical ids of many resources with one round trip each and resolves their tokens in a single call
 * to the stack; resources not loaded up front load themselves when a rule first reads them.
 */
public final class StackResources {

    private final Stack stack;
    private final List<CheckedResource> resources = new ArrayList<>();
    private Map<String, String> tags;

    public StackResources(Stack stack, List<CfnResource> nodes) {
        this.stack = stack;
        for (CfnResource node : nodes) {
            resources.add(new CheckedResource(node, this));
        }
    }

    public Stack stack() {
        return stack;
    }

    /** Every L1 resource of the stack, in construct-tree order. */
    public List<CheckedResource> resources() {
        return List.copyOf(resources);
    }

    /** The stack's own tags (which Tags propagate to its taggable resources). */
    public Map<String, String> tags() {
        if (tags == null) {
            tags = Map.copyOf(stack.getTags().tagValues());
        }
        return tags;
    }

    /** Reads and resolves the properties and logical ids of {@code batch} in one resolution. */
    public void load(List<CheckedResource> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Object> raw = new ArrayList<>(batch.size() * 2);
        for (CheckedResource resource : batch) {
            raw.add(resource.rawProperties());
            raw.add(resource.rawLogicalId());
        }
        // Only the token leaves go to Node and back (TokenLeaves): most of a property bag is plain values.
        List<?> resolved = TokenLeaves.resolve(raw, leaves -> new ArrayList<>((List<?>) stack.resolve(leaves)));
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).loaded(resolved.get(2 * i), resolved.get(2 * i + 1));
        }
    }
}
