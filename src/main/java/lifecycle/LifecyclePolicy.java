package lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;
import java.util.Map;

/**
 * An Amazon ECR lifecycle policy: the exact document ECR stores (`aws ecr get-lifecycle-policy`).
 *
 * <p>A policy is valid by construction: the constructor checks every rule ECR enforces ({@link LifecycleValidator})
 * and throws {@link LifecyclePolicyException} otherwise, whoever builds it (the presets, {@link #parse(String)}, or a
 * Java user writing rules by hand). This is the one place the model's rules are checked, so the constructs, the
 * stacks and the preview take a policy as it is and never check it again.
 *
 * <p>Rendering through {@link #toJson()} is deterministic (field order fixed, absent fields left
 * out) so synthesized templates and snapshots are stable. {@link #parse(String)} reads the same text back.
 *
 * @param rules the rules, at least one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecyclePolicy(List<LifecyclePolicyRule> rules) {

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Copies the rules and checks them.
     *
     * @param rules the rules, at least one
     * @throws LifecyclePolicyException listing every rule ECR would reject the policy for
     */
    public LifecyclePolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
        List<String> problems = LifecycleValidator.validate(rules);
        if (!problems.isEmpty()) {
            throw new LifecyclePolicyException(problems);
        }
    }

    /**
     * A policy of these rules.
     *
     * @param rules the rules, at least one
     * @return the policy
     * @throws LifecyclePolicyException listing every rule ECR would reject the policy for
     */
    public static LifecyclePolicy of(LifecyclePolicyRule... rules) {
        return new LifecyclePolicy(List.of(rules));
    }

    /**
     * Reads a lifecycle-policy text, the {@code lifecyclePolicyText} that {@code aws ecr get-lifecycle-policy}
     * returns: first its structure (valid JSON, known fields, right types, known values), then, as for every policy,
     * ECR's rules.
     *
     * @param json the policy text
     * @return the policy
     * @throws LifecyclePolicyException with every structural problem, each naming its JSON path, or else every rule
     *                                  ECR would reject the policy for
     */
    public static LifecyclePolicy parse(String json) {
        return LifecyclePolicyParser.parse(json);
    }

    /** The policy text ECR accepts, compact, fields in ECR's documented order. */
    public String toJson() {
        return render(rules);
    }

    /** The text of a policy of {@code rules}, as {@link #toJson()} writes it (the validator measures its length). */
    static String render(List<LifecyclePolicyRule> rules) {
        try {
            return JSON.writeValueAsString(Map.of("rules", rules));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render lifecycle policy", e);
        }
    }

    /**
     * Every rule ECR would reject this policy for: none, since a policy is checked when it is built.
     *
     * @return an empty list
     * @deprecated a {@code LifecyclePolicy} is valid by construction; catch {@link LifecyclePolicyException} where it
     *             is built instead
     */
    @Deprecated
    public List<String> problems() {
        return List.of();
    }

    /**
     * This policy, which is valid since it was built.
     *
     * @return this policy
     * @deprecated a {@code LifecyclePolicy} is valid by construction
     */
    @Deprecated
    public LifecyclePolicy validated() {
        return this;
    }
}
