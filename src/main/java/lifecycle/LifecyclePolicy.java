package lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;

/**
 * An Amazon ECR lifecycle policy: the exact document ECR stores (`aws ecr get-lifecycle-policy`).
 *
 * <p>Rendering through {@link #toJson()} is deterministic (field order fixed, absent fields left
 * out) so synthesized templates and snapshots are stable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecyclePolicy(List<LifecycleRule> rules) {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.INDENT_OUTPUT);

    public LifecyclePolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static LifecyclePolicy of(LifecycleRule... rules) {
        return new LifecyclePolicy(List.of(rules));
    }

    /** The policy text ECR accepts, compact, fields in ECR's documented order. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render lifecycle policy", e);
        }
    }
}
