package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Checks the text of an ECR lifecycle policy and returns every problem found (empty when valid).
 * {@link #basic()} is the built-in check; a stricter validator (for example one built on
 * {@code lifecycle.LifecyclePolicy}) is passed to {@link compliance.EcrBlueprintRules#all(LifecyclePolicyValidator)}.
 */
@FunctionalInterface
public interface LifecyclePolicyValidator {

    List<String> problems(String lifecyclePolicyText);

    /** The text is JSON and holds at least one rule in {@code rules}. */
    static LifecyclePolicyValidator basic() {
        return text -> {
            JsonNode policy;
            try {
                policy = PolicyDocuments.tree(text);
            } catch (IllegalArgumentException e) {
                return List.of("lifecyclePolicyText " + e.getMessage());
            }
            JsonNode rules = policy.path("rules");
            if (!rules.isArray() || rules.isEmpty()) {
                return List.of("lifecyclePolicyText has no rules: it must hold a \"rules\" array with at least one rule");
            }
            return List.of();
        };
    }
}
