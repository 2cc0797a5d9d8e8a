package lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;

/**
 * An Amazon ECR lifecycle policy: the exact document ECR stores (`aws ecr get-lifecycle-policy`).
 *
 * <p>Rendering through {@link #toJson()} is deterministic (field order fixed, absent fields left
 * out) so synthesized templates and snapshots are stable. {@link #parse(String)} reads the same
 * text back; {@link #validated()} checks it against every rule ECR enforces.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecyclePolicy(List<LifecyclePolicyRule> rules) {

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    public LifecyclePolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static LifecyclePolicy of(LifecyclePolicyRule... rules) {
        return new LifecyclePolicy(List.of(rules));
    }

    /**
     * Reads a lifecycle-policy text, the {@code lifecyclePolicyText} that {@code aws ecr get-lifecycle-policy}
     * returns. Only the structure is checked here (valid JSON, known fields, right types, known values); call
     * {@link #validated()} for ECR's rules.
     *
     * @throws LifecyclePolicyException with every structural problem, each naming its JSON path
     */
    public static LifecyclePolicy parse(String json) {
        return LifecyclePolicyParser.parse(json);
    }

    /** The policy text ECR accepts, compact, fields in ECR's documented order. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render lifecycle policy", e);
        }
    }

    /** Every rule ECR would reject this policy for; empty when it is valid. See {@link LifecycleValidator}. */
    public List<String> problems() {
        return LifecycleValidator.validate(this);
    }

    /**
     * This policy, when ECR would accept it.
     *
     * @throws LifecyclePolicyException listing every problem at once
     */
    public LifecyclePolicy validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new LifecyclePolicyException(problems);
        }
        return this;
    }
}
