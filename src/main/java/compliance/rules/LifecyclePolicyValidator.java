package compliance.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * Checks the text of an ECR lifecycle policy and returns every problem found (empty when valid).
 * {@link #basic()} is the built-in check; a stricter validator (for example one built on
 * {@code lifecycle.LifecyclePolicy}) is passed to {@link compliance.EcrBlueprintRules#all(LifecyclePolicyValidator)}.
 */
@FunctionalInterface
public interface LifecyclePolicyValidator {

    List<String> problems(String lifecyclePolicyText);

    /**
     * Every constraint of the ECR user guide, as {@code lifecycle.LifecycleValidator} checks it: the
     * policy must parse (unknown fields are problems) and hold at least one valid rule.
     */
    static LifecyclePolicyValidator full() {
        return text -> {
            try {
                lifecycle.LifecyclePolicy.parse(text);
                return List.of();
            } catch (lifecycle.LifecyclePolicyException e) {
                return e.problems();
            }
        };
    }

    /** The text is JSON and holds at least one rule in {@code rules}. */
    static LifecyclePolicyValidator basic() {
        ObjectMapper json = new ObjectMapper();
        return text -> {
            JsonNode policy;
            try {
                policy = json.readTree(text);
            } catch (JsonProcessingException e) {
                return List.of("lifecyclePolicyText is not JSON: " + e.getOriginalMessage());
            }
            JsonNode rules = policy.path("rules");
            if (!rules.isArray() || rules.isEmpty()) {
                return List.of("lifecyclePolicyText has no rules: it must hold a \"rules\" array with at least one rule");
            }
            return List.of();
        };
    }
}
