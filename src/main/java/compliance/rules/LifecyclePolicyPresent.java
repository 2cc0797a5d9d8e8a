package compliance.rules;

import java.util.List;
import java.util.Set;

/** Every private repository has a valid lifecycle policy. */
public final class LifecyclePolicyPresent implements EcrRule {

    public static final String ID = "EcrBlueprint-LifecyclePolicy";

    private final LifecyclePolicyValidator validator;

    /** The rule with {@code validator} checking the policy text. */
    public LifecyclePolicyPresent(LifecyclePolicyValidator validator) {
        this.validator = validator;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-ECR3";
    }

    @Override
    public String info() {
        return "The ECR repository has no valid lifecycle policy.";
    }

    @Override
    public String explanation() {
        return "Without a lifecycle policy untagged and superseded images pile up for ever: storage cost grows and old "
                + "vulnerable images stay pullable.";
    }

    @Override
    public String fix() {
        return "Give the repository a lifecycle policy with at least one valid rule (LifecyclePolicy.LifecyclePolicyText), "
                + "e.g. expire untagged images after 7 days.";
    }

    @Override
    public String source() {
        return "Security Hub ECR.3, Control Tower CT.ECR.PR.1";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.REPOSITORY);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        var text = resource.property("LifecyclePolicy").path("LifecyclePolicyText");
        if (text.isMissingNode() || text.isNull()) {
            return Outcome.nonCompliant();
        }
        if (!text.isTextual()) {
            // An intrinsic (Fn::Join, a parameter): present, but only readable at deploy time.
            return Outcome.compliant();
        }
        List<String> problems = validator.problems(text.asText());
        return Outcome.of(problems.stream().map(p -> "Policy::" + p).toList());
    }
}
